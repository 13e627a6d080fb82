#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "csv.hpp"

// A CSV file whose first record is the header; cells are addressed by data row (0-based) and column name.
class Table {
public:
    // Throws CsvError for an empty input, a duplicate column name, or a data row whose field count
    // differs from the header's ("data row N has M fields, the header has K", N counted from 1).
    static Table from_csv(const std::string& text, char delimiter = ',');

    const CsvRow& header() const { return header_; }
    std::size_t row_count() const { return rows_.size(); }

    // Throws std::out_of_range naming the column and listing the existing ones.
    std::size_t column_index(const std::string& name) const;
    const std::string& cell(std::size_t row, const std::string& column) const;
    std::vector<std::string> column(const std::string& name) const;

    // The cell as a number (surrounding spaces allowed); std::invalid_argument naming row, column and text otherwise.
    double number(std::size_t row, const std::string& column) const;

private:
    CsvRow header_;
    std::vector<CsvRow> rows_;
};
