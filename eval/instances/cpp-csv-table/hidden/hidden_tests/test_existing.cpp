#include "check.hpp"
#include "csv.hpp"

TEST(plain_csv) {
    auto rows = parse_csv("id,name,qty\n1,bolt,40\n2,nut,\n");
    CHECK(rows.size() == 3);
    CHECK(rows[1] == (CsvRow{"1", "bolt", "40"}));
    CHECK(rows[2] == (CsvRow{"2", "nut", ""}));
    auto unterminated = parse_csv("a,b\nc,d");
    CHECK(unterminated.size() == 2 && unterminated[1] == (CsvRow{"c", "d"}));
    CHECK(parse_csv("").empty());
}

TEST_MAIN
