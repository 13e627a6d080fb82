#include "linalg.hpp"

#include <cmath>
#include <utility>

namespace {
constexpr double kPivotEpsilon = 1e-12;

std::string shape(const Matrix& m) {
    return std::to_string(m.rows()) + "x" + std::to_string(m.cols());
}

void require_square(const Matrix& m, const char* what) {
    if (!m.is_square()) throw std::invalid_argument(std::string(what) + " needs a square matrix, got " + shape(m));
}

// Row with the largest absolute value in `col`, at or below `from`.
std::size_t pivot_row(const Matrix& m, std::size_t col, std::size_t from) {
    std::size_t best = from;
    for (std::size_t r = from + 1; r < m.rows(); ++r)
        if (std::fabs(m.at(r, col)) > std::fabs(m.at(best, col))) best = r;
    return best;
}

void swap_rows(Matrix& m, std::size_t a, std::size_t b) {
    if (a == b) return;
    for (std::size_t c = 0; c < m.cols(); ++c) std::swap(m.at(a, c), m.at(b, c));
}

// Reduces [a | b] in place so that a becomes the identity; b then holds a^-1 * b.
void gauss_jordan(Matrix& a, Matrix& b) {
    const std::size_t n = a.rows();
    for (std::size_t col = 0; col < n; ++col) {
        const std::size_t p = pivot_row(a, col, col);
        if (std::fabs(a.at(p, col)) < kPivotEpsilon) throw SingularMatrixError("matrix is singular: no pivot in column " + std::to_string(col));
        swap_rows(a, p, col);
        swap_rows(b, p, col);
        const double pivot = a.at(col, col);
        for (std::size_t c = 0; c < n; ++c) a.at(col, c) /= pivot;
        for (std::size_t c = 0; c < b.cols(); ++c) b.at(col, c) /= pivot;
        for (std::size_t r = 0; r < n; ++r) {
            const double factor = a.at(r, col);
            if (r == col || factor == 0.0) continue;
            for (std::size_t c = 0; c < n; ++c) a.at(r, c) -= factor * a.at(col, c);
            for (std::size_t c = 0; c < b.cols(); ++c) b.at(r, c) -= factor * b.at(col, c);
        }
    }
}
}  // namespace

double determinant(const Matrix& m) {
    require_square(m, "determinant");
    Matrix work = m;
    double det = 1.0;
    for (std::size_t col = 0; col < work.rows(); ++col) {
        const std::size_t p = pivot_row(work, col, col);
        if (std::fabs(work.at(p, col)) < kPivotEpsilon) return 0.0;
        if (p != col) {
            swap_rows(work, p, col);
            det = -det;
        }
        det *= work.at(col, col);
        for (std::size_t r = col + 1; r < work.rows(); ++r) {
            const double factor = work.at(r, col) / work.at(col, col);
            for (std::size_t c = col; c < work.cols(); ++c) work.at(r, c) -= factor * work.at(col, c);
        }
    }
    return det;
}

Matrix inverse(const Matrix& m) {
    require_square(m, "inverse");
    Matrix work = m;
    Matrix result = Matrix::identity(m.rows());
    gauss_jordan(work, result);
    return result;
}

Matrix solve(const Matrix& a, const Matrix& b) {
    require_square(a, "solve");
    if (b.rows() != a.rows()) throw std::invalid_argument("solve: right-hand side is " + shape(b) + " but the matrix is " + shape(a));
    Matrix work = a;
    Matrix result = b;
    gauss_jordan(work, result);
    return result;
}
