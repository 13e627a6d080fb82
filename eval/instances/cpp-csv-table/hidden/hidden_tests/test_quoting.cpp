#include "check.hpp"
#include "csv.hpp"

#include <stdexcept>

TEST(quoted_fields) {
    auto rows = parse_csv("\"Smith, Jane\",\"He said \"\"no\"\"\",\"\",plain\n");
    CHECK(rows.size() == 1);
    CHECK(rows[0] == (CsvRow{"Smith, Jane", "He said \"no\"", "", "plain"}));
    CHECK(parse_csv("15\" screen,x\n")[0] == (CsvRow{"15\" screen", "x"}));
}

TEST(line_breaks) {
    auto rows = parse_csv("id,note\r\n1,\"first line\r\nsecond line\"\r\n\r\n2,done");
    CHECK(rows.size() == 3);
    CHECK(rows[1] == (CsvRow{"1", "first line\r\nsecond line"}));
    CHECK(rows[2] == (CsvRow{"2", "done"}));
    CHECK(parse_csv("a\n\n\nb\n").size() == 2);
    CHECK(parse_csv("\"\"\n")[0] == (CsvRow{""}));
}

TEST(other_delimiters) {
    auto rows = parse_csv("name;price\n\"Brot; dunkel\";2,50\n", ';');
    CHECK(rows[1] == (CsvRow{"Brot; dunkel", "2,50"}));
    CHECK(parse_csv("a\tb\n", '\t')[0] == (CsvRow{"a", "b"}));
    CHECK_THROWS(std::invalid_argument, parse_csv("a\n", '"'), "delimiter");
}

TEST(malformed_input_names_the_line) {
    CHECK_THROWS(CsvError, parse_csv("a,b\n\"x\ny\",1\nz,\"open\n"), "line 4");
    CHECK_THROWS(CsvError, parse_csv("a,b\n\"x\ny\",1\nz,\"open\n"), "unterminated");
    CHECK_THROWS(CsvError, parse_csv("a,b\n\"quoted\"tail,1\n"), "line 2");
}

TEST_MAIN
