#pragma once
#include <string>

#include "matrix.hpp"

// One line per row, values with `decimals` decimals right-aligned to the widest value, columns
// separated by two spaces, each line ending in '\n'. Negative zero prints as zero.
// Throws std::invalid_argument unless 0 <= decimals <= 10.
std::string format_matrix(const Matrix& m, int decimals = 2);
