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

TEST(quoting_and_crlf) {
    auto rows = parse_csv("name,note\r\n\"Smith, J\",\"say \"\"hi\"\"\"\r\n\"multi\nline\",x\r\n");
    CHECK(rows.size() == 3);
    CHECK(rows[1] == (CsvRow{"Smith, J", "say \"hi\""}));
    CHECK(rows[2] == (CsvRow{"multi\nline", "x"}));
}

TEST(errors_and_delimiter) {
    CHECK_THROWS(CsvError, parse_csv("a\n\"open,b\n"), "line 2: unterminated");
    CHECK(parse_csv("a;b\n", ';')[0] == (CsvRow{"a", "b"}));
}

TEST_MAIN
