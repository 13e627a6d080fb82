#include "check.hpp"
#include "linalg.hpp"

#include <stdexcept>

TEST(determinant_values) {
    CHECK_NEAR(determinant(Matrix{{5}}), 5.0, 1e-12);
    CHECK_NEAR(determinant(Matrix{{1, 2}, {3, 4}}), -2.0, 1e-12);
    CHECK_NEAR(determinant(Matrix{{0, 2, 1}, {1, 0, 0}, {3, 1, 4}}), -7.0, 1e-9);
    CHECK_NEAR(determinant(Matrix::identity(4) * 2.0), 16.0, 1e-9);
    CHECK_NEAR(determinant(Matrix{{1, 2, 3}, {4, 5, 6}, {7, 8, 9}}), 0.0, 1e-9);
    CHECK_THROWS(std::invalid_argument, determinant(Matrix(3, 2)), "3x2");
}

TEST(inverse_values) {
    Matrix a{{0, 2, 1}, {1, 0, 0}, {3, 1, 4}};
    Matrix inv = inverse(a);
    CHECK((a * inv).approx_equal(Matrix::identity(3), 1e-9));
    CHECK((inv * a).approx_equal(Matrix::identity(3), 1e-9));
    CHECK(inverse(Matrix{{2, 0}, {0, 4}}).approx_equal(Matrix{{0.5, 0}, {0, 0.25}}, 1e-12));
    CHECK_THROWS(SingularMatrixError, inverse(Matrix{{1, 2, 3}, {4, 5, 6}, {7, 8, 9}}), "singular");
    CHECK_THROWS(std::invalid_argument, inverse(Matrix(2, 3)), "2x3");
}

TEST(solve_systems) {
    Matrix a{{2, 1, -1}, {-3, -1, 2}, {-2, 1, 2}};
    CHECK(solve(a, Matrix{{8}, {-11}, {-3}}).approx_equal(Matrix{{2}, {3}, {-1}}, 1e-9));
    Matrix two = solve(Matrix{{0, 1}, {1, 0}}, Matrix{{1, 2}, {3, 4}});
    CHECK(two.approx_equal(Matrix{{3, 4}, {1, 2}}, 1e-12));
    CHECK_THROWS(SingularMatrixError, solve(Matrix{{1, 1}, {2, 2}}, Matrix{{1}, {2}}), "singular");
    CHECK_THROWS(std::invalid_argument, solve(a, Matrix{{1}, {2}}), "2x1");
}

TEST(singular_error_is_a_runtime_error) {
    try {
        inverse(Matrix{{0, 0}, {0, 0}});
        CHECK(false);
    } catch (const std::runtime_error& e) {
        CHECK(std::string(e.what()).find("singular") != std::string::npos);
    }
}

TEST_MAIN
