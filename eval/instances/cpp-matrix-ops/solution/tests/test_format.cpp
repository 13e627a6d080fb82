#include "check.hpp"
#include "format.hpp"

TEST(aligned_columns) {
    CHECK(format_matrix(Matrix{{1, -2.5}, {10, 0}}) == " 1.00  -2.50\n10.00   0.00\n");
}

TEST(negative_zero_and_decimals) {
    CHECK(format_matrix(Matrix{{-0.001}}, 1) == "0.0\n");
    CHECK_THROWS(std::invalid_argument, format_matrix(Matrix(1, 1), 11), "decimals");
}

TEST_MAIN
