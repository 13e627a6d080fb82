#include "format.hpp"

#include <cstdio>
#include <stdexcept>
#include <vector>

namespace {
std::string fixed(double value, int decimals) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    std::string text = buffer;
    if (text[0] == '-' && text.find_first_not_of("-0.") == std::string::npos) text.erase(0, 1);
    return text;
}
}  // namespace

std::string format_matrix(const Matrix& m, int decimals) {
    if (decimals < 0 || decimals > 10) {
        throw std::invalid_argument("decimals must be between 0 and 10, got " + std::to_string(decimals));
    }
    std::vector<std::string> cells;
    std::size_t width = 0;
    for (std::size_t r = 0; r < m.rows(); ++r)
        for (std::size_t c = 0; c < m.cols(); ++c) {
            cells.push_back(fixed(m.at(r, c), decimals));
            if (cells.back().size() > width) width = cells.back().size();
        }
    std::string out;
    for (std::size_t r = 0; r < m.rows(); ++r) {
        for (std::size_t c = 0; c < m.cols(); ++c) {
            const std::string& cell = cells[r * m.cols() + c];
            if (c > 0) out += "  ";
            out += std::string(width - cell.size(), ' ') + cell;
        }
        out += '\n';
    }
    return out;
}
