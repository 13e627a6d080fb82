#include "check.hpp"
#include "matrix.hpp"

#include <stdexcept>

TEST(construct_and_access) {
    Matrix m{{1, 2, 3}, {4, 5, 6}};
    CHECK(m.rows() == 2 && m.cols() == 3);
    CHECK(m.at(1, 2) == 6);
    CHECK_THROWS(std::out_of_range, m.at(2, 0), "outside a 2x3 matrix");
}

TEST(add_and_scale) {
    Matrix a{{1, 2}, {3, 4}};
    CHECK((a + a).approx_equal(a * 2.0));
    CHECK_THROWS(std::invalid_argument, a + Matrix(3, 2), "cannot add 2x2 and 3x2");
}

TEST(multiply) {
    Matrix a{{1, 2}, {3, 4}};
    CHECK((a * a).approx_equal(Matrix{{7, 10}, {15, 22}}));
    Matrix row{{1, 2, 3}};
    Matrix col{{1}, {1}, {1}};
    CHECK((row * col).approx_equal(Matrix{{6}}));
}

TEST(multiply_checks_shapes) {
    CHECK_THROWS(std::invalid_argument, Matrix(2, 3) * Matrix(2, 3), "cannot multiply 2x3 by 2x3");
}

TEST(transpose_and_identity) {
    Matrix m{{1, 2, 3}, {4, 5, 6}};
    CHECK(m.transpose().approx_equal(Matrix{{1, 4}, {2, 5}, {3, 6}}));
    CHECK((Matrix::identity(2) * Matrix{{1, 2}, {3, 4}}).approx_equal(Matrix{{1, 2}, {3, 4}}));
}

TEST_MAIN
