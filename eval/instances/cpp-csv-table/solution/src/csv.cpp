#include "csv.hpp"

namespace {
class Parser {
public:
    Parser(const std::string& text, char delimiter) : text_(text), delimiter_(delimiter) {}

    std::vector<CsvRow> run() {
        for (i_ = 0; i_ < text_.size(); ++i_) {
            if (quoted_) {
                in_quotes(text_[i_]);
            } else {
                outside_quotes(text_[i_]);
            }
        }
        if (quoted_) throw CsvError("line " + std::to_string(quote_line_) + ": unterminated quoted field");
        if (!field_.empty() || !row_.empty() || was_quoted_) end_row();
        return rows_;
    }

private:
    void in_quotes(char c) {
        if (c != '"') {
            if (c == '\n') ++line_;
            field_ += c;
        } else if (i_ + 1 < text_.size() && text_[i_ + 1] == '"') {
            field_ += '"';
            ++i_;
        } else {
            quoted_ = false;
        }
    }

    void outside_quotes(char c) {
        if (c == delimiter_) {
            end_field();
        } else if (c == '\n' || (c == '\r' && i_ + 1 < text_.size() && text_[i_ + 1] == '\n')) {
            if (c == '\r') ++i_;
            end_row();
            ++line_;
        } else if (was_quoted_) {
            throw CsvError("line " + std::to_string(line_) + ": unexpected text after a closing quote");
        } else if (c == '"' && field_.empty()) {
            quoted_ = was_quoted_ = true;
            quote_line_ = line_;
        } else {
            field_ += c;
        }
    }

    void end_field() {
        row_.push_back(field_);
        field_.clear();
        was_quoted_ = false;
    }

    void end_row() {
        const bool blank = row_.empty() && field_.empty() && !was_quoted_;
        end_field();
        if (!blank) rows_.push_back(row_);
        row_.clear();
    }

    const std::string& text_;
    const char delimiter_;
    std::size_t i_ = 0;
    std::size_t line_ = 1;
    std::size_t quote_line_ = 0;
    bool quoted_ = false;
    bool was_quoted_ = false;
    std::string field_;
    CsvRow row_;
    std::vector<CsvRow> rows_;
};
}  // namespace

std::vector<CsvRow> parse_csv(const std::string& text, char delimiter) {
    if (delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
        throw std::invalid_argument("the delimiter cannot be a quote or a line break");
    }
    return Parser(text, delimiter).run();
}
