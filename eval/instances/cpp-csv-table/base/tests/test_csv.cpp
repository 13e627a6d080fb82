#include "check.hpp"
#include "csv.hpp"

TEST(simple_records) {
    auto rows = parse_csv("region,amount\nnorth,10\nsouth,7\n");
    CHECK(rows.size() == 3);
    CHECK(rows[0] == (CsvRow{"region", "amount"}));
    CHECK(rows[2] == (CsvRow{"south", "7"}));
}

TEST(empty_fields) {
    auto rows = parse_csv("a,,c\n,b,\n");
    CHECK(rows[0] == (CsvRow{"a", "", "c"}));
    CHECK(rows[1] == (CsvRow{"", "b", ""}));
}

TEST_MAIN
