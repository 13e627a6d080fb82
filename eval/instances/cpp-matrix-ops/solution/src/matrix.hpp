#pragma once
#include <cstddef>
#include <initializer_list>
#include <vector>

// A dense row-major matrix of doubles.
class Matrix {
public:
    Matrix(std::size_t rows, std::size_t cols, double fill = 0.0);
    Matrix(std::initializer_list<std::initializer_list<double>> rows);

    // The n x n identity matrix.
    static Matrix identity(std::size_t n);

    std::size_t rows() const { return rows_; }
    std::size_t cols() const { return cols_; }

    // Checked element access; throws std::out_of_range naming the index and the shape.
    double& at(std::size_t row, std::size_t col);
    double at(std::size_t row, std::size_t col) const;

    bool is_square() const { return rows_ == cols_; }
    Matrix transpose() const;

    Matrix operator+(const Matrix& other) const;
    // Throws std::invalid_argument when this->cols() != other.rows().
    Matrix operator*(const Matrix& other) const;
    Matrix operator*(double scalar) const;

    // Same shape and every element within eps.
    bool approx_equal(const Matrix& other, double eps = 1e-9) const;

private:
    std::size_t rows_;
    std::size_t cols_;
    std::vector<double> data_;
};
