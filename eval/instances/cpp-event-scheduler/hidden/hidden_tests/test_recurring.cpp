#include "check.hpp"
#include "scheduler.hpp"

#include <stdexcept>
#include <string>
#include <vector>

namespace {
Recurrence every(long minutes, long count = 0) {
    Recurrence rule;
    rule.every = minutes;
    rule.count = count;
    return rule;
}

std::vector<std::string> ids(const std::vector<Event>& events) {
    std::vector<std::string> out;
    for (const Event& e : events) out.push_back(e.id + "@" + std::to_string(e.start));
    return out;
}
}  // namespace

TEST(occurrences_in_a_window) {
    Scheduler s;
    s.add_recurring({"standup", 540, 15}, every(1440));
    s.add({"review", 2000, 60});
    CHECK(ids(s.between(1440, 2880)) == (std::vector<std::string>{"standup#1@1980", "review@2000"}));
    CHECK(ids(s.between(545, 546)) == (std::vector<std::string>{"standup#0@540"}));
    CHECK(ids(s.between(555, 1980)).empty());
    CHECK(s.between(1440 * 100, 1440 * 101).size() == 1);
    CHECK(s.between(1440 * 100 + 545, 1440 * 100 + 546)[0].id == "standup#100");
    CHECK(s.between(0, 540).empty());
    CHECK(s.size() == 2);
}

TEST(count_until_and_skip) {
    Scheduler s;
    s.add_recurring({"a", 0, 10}, every(60, 3));
    CHECK(ids(s.between(0, 10000)) == (std::vector<std::string>{"a#0@0", "a#1@60", "a#2@120"}));
    Recurrence until = every(60);
    until.until = 130;
    s.add_recurring({"b", 10, 10}, until);
    CHECK(ids(s.between(65, 10000)) == (std::vector<std::string>{"a#1@60", "b#1@70", "a#2@120", "b#2@130"}));
    Recurrence skipping = every(100, 4);
    skipping.skip = {1100, 1300};
    s.add_recurring({"c", 1000, 30}, skipping);
    CHECK(ids(s.between(1000, 2000)) == (std::vector<std::string>{"c#0@1000", "c#2@1200"}));
}

TEST(next_after_with_series) {
    Scheduler s;
    Recurrence rule = every(100, 5);
    rule.skip = {200};
    s.add_recurring({"r", 0, 10}, rule);
    s.add({"one", 250, 5});
    CHECK(s.next_after(101)->id == "one");
    CHECK(s.next_after(100)->id == "r#1");
    CHECK(s.next_after(251)->id == "r#3");
    CHECK(!s.next_after(401).has_value());
}

TEST(cancel) {
    Scheduler s;
    s.add_recurring({"weekly", 0, 60}, every(10080));
    s.add({"once", 30, 10});
    CHECK(s.cancel("weekly"));
    CHECK(!s.cancel("weekly"));
    CHECK(!s.cancel("never"));
    CHECK(ids(s.between(0, 100000)) == (std::vector<std::string>{"once@30"}));
    s.add_recurring({"weekly", 0, 60}, every(10080));
    CHECK(s.size() == 2);
}

TEST(invalid_series) {
    Scheduler s;
    s.add({"taken", 0, 5});
    CHECK_THROWS(std::invalid_argument, s.add_recurring({"taken", 0, 5}, every(60)), "already exists");
    CHECK_THROWS(std::invalid_argument, s.add_recurring({"x", 0, 5}, every(0)), "every");
    CHECK_THROWS(std::invalid_argument, s.add_recurring({"x", 0, 90}, every(60)), "overlap");
    CHECK_THROWS(std::invalid_argument, s.add_recurring({"x", 0, 5}, every(60, -1)), "count");
    Recurrence backwards = every(60);
    backwards.until = -1;
    CHECK_THROWS(std::invalid_argument, s.add_recurring({"x", 0, 5}, backwards), "until");
    CHECK(s.size() == 1);
}

TEST_MAIN
