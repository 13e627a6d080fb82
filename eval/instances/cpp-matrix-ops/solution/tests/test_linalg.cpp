#include "check.hpp"
#include "linalg.hpp"

TEST(determinant_with_pivoting) {
    CHECK_NEAR(determinant(Matrix{{0, 1}, {1, 0}}), -1.0, 1e-12);
    CHECK_NEAR(determinant(Matrix{{2, 0, 1}, {1, 3, 2}, {1, 1, 2}}), 6.0, 1e-9);
    CHECK_THROWS(std::invalid_argument, determinant(Matrix(2, 3)), "square");
}

TEST(inverse_and_solve) {
    Matrix a{{4, 7}, {2, 6}};
    CHECK((a * inverse(a)).approx_equal(Matrix::identity(2), 1e-12));
    CHECK(solve(a, Matrix{{1}, {2}}).approx_equal(Matrix{{-0.8}, {0.6}}, 1e-12));
    CHECK_THROWS(SingularMatrixError, inverse(Matrix{{1, 2}, {2, 4}}), "singular");
}

TEST_MAIN
