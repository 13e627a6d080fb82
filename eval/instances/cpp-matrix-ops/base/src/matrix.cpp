#include "matrix.hpp"

#include <cmath>
#include <stdexcept>
#include <string>

namespace {
std::string shape(std::size_t rows, std::size_t cols) {
    return std::to_string(rows) + "x" + std::to_string(cols);
}
}  // namespace

Matrix::Matrix(std::size_t rows, std::size_t cols, double fill) : rows_(rows), cols_(cols), data_(rows * cols, fill) {}

Matrix::Matrix(std::initializer_list<std::initializer_list<double>> rows)
    : rows_(rows.size()), cols_(rows.size() == 0 ? 0 : rows.begin()->size()) {
    for (const auto& row : rows) {
        if (row.size() != cols_) throw std::invalid_argument("all rows must have " + std::to_string(cols_) + " columns");
        data_.insert(data_.end(), row.begin(), row.end());
    }
}

double& Matrix::at(std::size_t row, std::size_t col) {
    if (row >= rows_ || col >= cols_) {
        throw std::out_of_range("index (" + std::to_string(row) + ", " + std::to_string(col) + ") outside a " + shape(rows_, cols_) + " matrix");
    }
    return data_[row * cols_ + col];
}

double Matrix::at(std::size_t row, std::size_t col) const {
    return const_cast<Matrix*>(this)->at(row, col);
}

Matrix Matrix::operator+(const Matrix& other) const {
    if (rows_ != other.rows_ || cols_ != other.cols_) {
        throw std::invalid_argument("cannot add " + shape(rows_, cols_) + " and " + shape(other.rows_, other.cols_));
    }
    Matrix result(rows_, cols_);
    for (std::size_t i = 0; i < data_.size(); ++i) result.data_[i] = data_[i] + other.data_[i];
    return result;
}

Matrix Matrix::operator*(const Matrix& other) const {
    Matrix result(rows_, other.cols_);
    for (std::size_t i = 0; i < rows_; ++i)
        for (std::size_t j = 0; j < other.cols_; ++j) {
            double sum = 0.0;
            for (std::size_t k = 0; k < cols_; ++k) sum += data_[i * cols_ + k] * other.data_[k * other.cols_ + j];
            result.data_[i * other.cols_ + j] = sum;
        }
    return result;
}

Matrix Matrix::operator*(double scalar) const {
    Matrix result = *this;
    for (double& value : result.data_) value *= scalar;
    return result;
}

bool Matrix::approx_equal(const Matrix& other, double eps) const {
    if (rows_ != other.rows_ || cols_ != other.cols_) return false;
    for (std::size_t i = 0; i < data_.size(); ++i)
        if (std::fabs(data_[i] - other.data_[i]) > eps) return false;
    return true;
}
