#pragma once
#include <stdexcept>
#include <string>

#include "matrix.hpp"

// Thrown by inverse() and solve() when the matrix has no inverse.
class SingularMatrixError : public std::runtime_error {
public:
    explicit SingularMatrixError(const std::string& what) : std::runtime_error(what) {}
};

// Determinant by Gaussian elimination with partial pivoting; std::invalid_argument if not square.
double determinant(const Matrix& m);

// Inverse by Gauss-Jordan elimination; SingularMatrixError when a pivot is (numerically) zero.
Matrix inverse(const Matrix& m);

// The x with a * x = b, for a square a and a b with a.rows() rows (one or more right-hand sides).
Matrix solve(const Matrix& a, const Matrix& b);
