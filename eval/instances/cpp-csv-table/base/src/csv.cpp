#include "csv.hpp"

#include <sstream>

std::vector<CsvRow> parse_csv(const std::string& text) {
    std::vector<CsvRow> rows;
    std::istringstream lines(text);
    std::string line;
    while (std::getline(lines, line)) {
        CsvRow row;
        std::string field;
        std::istringstream fields(line);
        while (std::getline(fields, field, ',')) row.push_back(field);
        if (!line.empty() && line.back() == ',') row.push_back("");
        rows.push_back(row);
    }
    return rows;
}
