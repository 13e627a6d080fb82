#include "check.hpp"
#include "table.hpp"

#include <stdexcept>

static const char* kSales = "region,product,amount\nnorth,\"bolts, M6\",10.5\nsouth,nuts, 3 \nnorth,nuts,-2\n";

TEST(cells_rows_and_columns) {
    Table t = Table::from_csv(kSales);
    CHECK(t.header() == (CsvRow{"region", "product", "amount"}));
    CHECK(t.row_count() == 3);
    CHECK(t.cell(0, "product") == "bolts, M6");
    CHECK(t.column("region") == (std::vector<std::string>{"north", "south", "north"}));
    CHECK(t.column_index("amount") == 2);
    CHECK(t.number(0, "amount") == 10.5);
    CHECK(t.number(1, "amount") == 3.0);
    CHECK(t.number(2, "amount") == -2.0);
    CHECK(Table::from_csv("a;b\n1;2\n", ';').number(0, "b") == 2.0);
    CHECK(Table::from_csv("only,header\n").row_count() == 0);
}

TEST(lookup_errors) {
    Table t = Table::from_csv(kSales);
    CHECK_THROWS(std::out_of_range, t.cell(0, "price"), "'price'");
    CHECK_THROWS(std::out_of_range, t.column("price"), "region, product, amount");
    CHECK_THROWS(std::out_of_range, t.cell(3, "region"), "3");
    CHECK_THROWS(std::invalid_argument, t.number(0, "product"), "column 'product'");
    CHECK_THROWS(std::invalid_argument, t.number(0, "product"), "'bolts, M6' is not a number");
    CHECK_THROWS(std::invalid_argument, Table::from_csv("n\n12abc\n").number(0, "n"), "'12abc'");
    CHECK_THROWS(std::invalid_argument, Table::from_csv("n,m\n,1\n").number(0, "n"), "is not a number");
}

TEST(malformed_tables) {
    CHECK_THROWS(CsvError, Table::from_csv(""), "header");
    CHECK_THROWS(CsvError, Table::from_csv("a,b,a\n1,2,3\n"), "duplicate column 'a'");
    CHECK_THROWS(CsvError, Table::from_csv("a,b,c\n1,2,3\n4,5\n"), "data row 2 has 2 fields, the header has 3");
    CHECK_THROWS(CsvError, Table::from_csv("a\n1,2\n"), "data row 1 has 2 fields");
}

TEST_MAIN
