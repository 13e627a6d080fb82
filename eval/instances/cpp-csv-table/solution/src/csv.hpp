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

// Split CSV text into records of fields (RFC 4180 quoting: "a,b", "say ""hi""", newlines inside
// quotes). Records end with \n or \r\n; empty lines are skipped; a final newline does not start an
// empty record. Throws CsvError "line N: ..." for an unterminated quote or text after a closing quote,
// and std::invalid_argument for a delimiter that is a quote or a line break.
std::vector<CsvRow> parse_csv(const std::string& text, char delimiter = ',');
