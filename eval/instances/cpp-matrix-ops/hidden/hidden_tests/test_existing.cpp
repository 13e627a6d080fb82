#include "check.hpp"
#include "matrix.hpp"

#include <stdexcept>

TEST(existing_operations) {
    Matrix a{{1, 2, 3}, {4, 5, 6}};
    Matrix b{{1, 0}, {0, 1}, {2, -1}};
    CHECK((a * b).approx_equal(Matrix{{7, -1}, {16, -1}}));
    CHECK((a + a).approx_equal(a * 2.0));
    CHECK(Matrix(2, 2, 1.5).at(1, 1) == 1.5);
    CHECK(!a.approx_equal(Matrix(3, 2)));
    CHECK_THROWS(std::out_of_range, a.at(0, 3), "(0, 3)");
    CHECK_THROWS(std::invalid_argument, (Matrix{{1, 2}, {3}}), "columns");
}

TEST_MAIN
