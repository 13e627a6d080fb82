#include "check.hpp"
#include "recurrence.hpp"

#include <stdexcept>

TEST(expand_window) {
    Recurrence daily{1440, 0, std::nullopt, {}};
    auto found = expand(Event{"standup", 540, 15}, daily, 1440, 3 * 1440);
    CHECK(found.size() == 2);
    CHECK(found[0] == (Event{"standup#1", 1980, 15}));
    CHECK(found[1].id == "standup#2");
}

TEST(count_until_skip) {
    Event first{"s", 0, 10};
    CHECK(expand(first, Recurrence{60, 3, std::nullopt, {}}, 0, 1000).size() == 3);
    CHECK(expand(first, Recurrence{60, 0, 120, {60}}, 0, 1000).size() == 2);
    CHECK(first_starting_from(first, Recurrence{60, 0, std::nullopt, {60}}, 1)->start == 120);
}

TEST(validation) {
    CHECK_THROWS(std::invalid_argument, validate_recurrence(Event{"s", 0, 30}, Recurrence{20, 0, std::nullopt, {}}), "overlap");
    CHECK_THROWS(std::invalid_argument, validate_recurrence(Event{"s", 0, 10}, Recurrence{0, 0, std::nullopt, {}}), "every");
}

TEST_MAIN
