#include "check.hpp"
#include "scheduler.hpp"

#include <stdexcept>

TEST(between_sorted_and_overlapping) {
    Scheduler s;
    s.add({"b", 600, 30});
    s.add({"a", 540, 15});
    s.add({"c", 700, 60});
    auto found = s.between(550, 610);
    CHECK(found.size() == 2);
    CHECK(found[0].id == "a" && found[1].id == "b");
    CHECK(s.between(555, 600).empty());
}

TEST(next_after) {
    Scheduler s;
    s.add({"x", 100, 10});
    s.add({"y", 50, 10});
    CHECK(s.next_after(60)->id == "x");
    CHECK(!s.next_after(101).has_value());
}

TEST(validation) {
    Scheduler s;
    s.add({"a", 0, 5});
    CHECK_THROWS(std::invalid_argument, s.add({"a", 10, 5}), "already exists");
    CHECK_THROWS(std::invalid_argument, s.add({"z", 10, 0}), "duration 0");
}

TEST(recurring_and_cancel) {
    Scheduler s;
    s.add_recurring({"standup", 540, 15}, Recurrence{1440, 5, std::nullopt, {}});
    s.add({"review", 2000, 60});
    auto day2 = s.between(1440, 2880);
    CHECK(day2.size() == 2 && day2[0].id == "standup#1" && day2[1].id == "review");
    CHECK(s.next_after(541)->id == "standup#1");
    CHECK(s.cancel("standup"));
    CHECK(!s.cancel("standup"));
    CHECK(s.between(0, 10000).size() == 1);
}

TEST_MAIN
