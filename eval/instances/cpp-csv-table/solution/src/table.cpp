#include "table.hpp"

#include <algorithm>
#include <stdexcept>

Table Table::from_csv(const std::string& text, char delimiter) {
    std::vector<CsvRow> records = parse_csv(text, delimiter);
    if (records.empty()) throw CsvError("no header row: the input is empty");
    Table table;
    table.header_ = records.front();
    for (std::size_t i = 0; i < table.header_.size(); ++i) {
        const std::string& name = table.header_[i];
        if (std::find(table.header_.begin(), table.header_.begin() + i, name) != table.header_.begin() + i) {
            throw CsvError("duplicate column '" + name + "' in the header");
        }
    }
    for (std::size_t r = 1; r < records.size(); ++r) {
        if (records[r].size() != table.header_.size()) {
            throw CsvError("data row " + std::to_string(r) + " has " + std::to_string(records[r].size()) + " fields, the header has " +
                           std::to_string(table.header_.size()));
        }
        table.rows_.push_back(records[r]);
    }
    return table;
}

std::size_t Table::column_index(const std::string& name) const {
    const auto found = std::find(header_.begin(), header_.end(), name);
    if (found != header_.end()) return static_cast<std::size_t>(found - header_.begin());
    std::string known;
    for (const std::string& each : header_) known += (known.empty() ? "" : ", ") + each;
    throw std::out_of_range("no column '" + name + "'; the columns are: " + known);
}

const std::string& Table::cell(std::size_t row, const std::string& column) const {
    const std::size_t index = column_index(column);
    if (row >= rows_.size()) {
        throw std::out_of_range("row " + std::to_string(row) + " does not exist; the table has " + std::to_string(rows_.size()) + " rows");
    }
    return rows_[row][index];
}

std::vector<std::string> Table::column(const std::string& name) const {
    const std::size_t index = column_index(name);
    std::vector<std::string> values;
    for (const CsvRow& row : rows_) values.push_back(row[index]);
    return values;
}

double Table::number(std::size_t row, const std::string& column) const {
    const std::string& text = cell(row, column);
    const std::size_t first = text.find_first_not_of(' ');
    const std::size_t last = text.find_last_not_of(' ');
    const std::string trimmed = first == std::string::npos ? "" : text.substr(first, last - first + 1);
    std::size_t used = 0;
    double value = 0.0;
    try {
        value = std::stod(trimmed, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (trimmed.empty() || used != trimmed.size()) {
        throw std::invalid_argument("row " + std::to_string(row) + ", column '" + column + "': '" + text + "' is not a number");
    }
    return value;
}
