#include "check.hpp"
#include "table.hpp"

#include <stdexcept>

TEST(cells_by_name) {
    Table t = Table::from_csv("region,amount\nnorth,10\nsouth, 7.5 \n");
    CHECK(t.row_count() == 2);
    CHECK(t.cell(1, "region") == "south");
    CHECK(t.number(1, "amount") == 7.5);
    CHECK(t.column("region") == (std::vector<std::string>{"north", "south"}));
}

TEST(errors) {
    CHECK_THROWS(CsvError, Table::from_csv("a,b\n1\n"), "data row 1 has 1 fields, the header has 2");
    CHECK_THROWS(std::out_of_range, Table::from_csv("a,b\n1,2\n").cell(0, "c"), "the columns are: a, b");
    CHECK_THROWS(std::invalid_argument, Table::from_csv("a\nx\n").number(0, "a"), "'x' is not a number");
}

TEST_MAIN
