#pragma once
#include <stdexcept>
#include <string>
#include <vector>

using CsvRow = std::vector<std::string>;

// A malformed CSV input.
class CsvError : public std::runtime_error {
public:
    explicit CsvError(const std::string& what) : std::runtime_error(what) {}
};

// Split CSV text into records of fields. A final newline does not start an empty record.
std::vector<CsvRow> parse_csv(const std::string& text);
