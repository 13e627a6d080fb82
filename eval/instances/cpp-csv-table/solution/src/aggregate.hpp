#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "table.hpp"

// Totals of one value column for the rows sharing a key.
struct Group {
    std::string key;
    std::size_t rows = 0;    // rows with this key
    std::size_t values = 0;  // of which had a non-empty value
    double sum = 0.0;
    double min = 0.0;        // 0 when there are no values
    double max = 0.0;
    double mean() const;     // NaN when there are no values
};

// One Group per distinct key, sorted by key. Empty value cells are skipped; any other cell that is
// not a number throws std::invalid_argument (from Table::number).
std::vector<Group> group_by(const Table& table, const std::string& key_column, const std::string& value_column);
