#include "aggregate.hpp"

#include <algorithm>
#include <cmath>
#include <map>

double Group::mean() const {
    return values == 0 ? std::nan("") : sum / static_cast<double>(values);
}

std::vector<Group> group_by(const Table& table, const std::string& key_column, const std::string& value_column) {
    table.column_index(key_column);
    table.column_index(value_column);
    std::map<std::string, Group> groups;
    for (std::size_t row = 0; row < table.row_count(); ++row) {
        const std::string& key = table.cell(row, key_column);
        Group& group = groups[key];
        group.key = key;
        ++group.rows;
        if (table.cell(row, value_column).find_first_not_of(' ') == std::string::npos) continue;
        const double value = table.number(row, value_column);
        group.min = group.values == 0 ? value : std::min(group.min, value);
        group.max = group.values == 0 ? value : std::max(group.max, value);
        group.sum += value;
        ++group.values;
    }
    std::vector<Group> result;
    for (auto& entry : groups) result.push_back(entry.second);
    return result;
}
