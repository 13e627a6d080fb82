#include "check.hpp"
#include "format.hpp"

#include <stdexcept>

TEST(format_aligns_to_widest_value) {
    CHECK(format_matrix(Matrix{{1, -2.5}, {10, 0}}) == " 1.00  -2.50\n10.00   0.00\n");
    CHECK(format_matrix(Matrix{{1.23456, 100}}, 3) == "  1.235  100.000\n");
    CHECK(format_matrix(Matrix{{7}, {-8}}, 0) == " 7\n-8\n");
}

TEST(format_edge_cases) {
    CHECK(format_matrix(Matrix{{-0.0001, 0.004}}, 2) == "0.00  0.00\n");
    CHECK(format_matrix(Matrix(0, 0)) == "");
    CHECK_THROWS(std::invalid_argument, format_matrix(Matrix(1, 1), -1), "-1");
    CHECK_THROWS(std::invalid_argument, format_matrix(Matrix(1, 1), 11), "11");
}

TEST_MAIN
