#include "check.hpp"
#include "matrix.hpp"

#include <stdexcept>

TEST(multiply_rejects_incompatible_shapes) {
    CHECK_THROWS(std::invalid_argument, Matrix(2, 3) * Matrix(2, 3), "cannot multiply 2x3 by 2x3");
    CHECK_THROWS(std::invalid_argument, Matrix(1, 4) * Matrix(3, 1), "cannot multiply 1x4 by 3x1");
    CHECK((Matrix(1, 4, 1.0) * Matrix(4, 1, 2.0)).approx_equal(Matrix{{8}}));
}

TEST(transpose) {
    Matrix m{{1, 2, 3}, {4, 5, 6}};
    Matrix t = m.transpose();
    CHECK(t.rows() == 3 && t.cols() == 2);
    CHECK(t.approx_equal(Matrix{{1, 4}, {2, 5}, {3, 6}}));
    CHECK(t.transpose().approx_equal(m));
    Matrix b{{1, 0}, {2, 1}, {0, 3}};
    CHECK((m * b).transpose().approx_equal(b.transpose() * m.transpose()));
}

TEST(identity_and_square) {
    Matrix i3 = Matrix::identity(3);
    CHECK(i3.approx_equal(Matrix{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}));
    Matrix m{{1, 2, 3}, {4, 5, 6}};
    CHECK((Matrix::identity(2) * m).approx_equal(m));
    CHECK((m * i3).approx_equal(m));
    CHECK(i3.is_square());
    CHECK(!m.is_square());
}

TEST_MAIN
