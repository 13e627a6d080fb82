#include "check.hpp"
#include "conflicts.hpp"
#include "scheduler.hpp"

#include <stdexcept>

TEST(pairs_and_overlap_minutes) {
    auto found = find_conflicts({{"d", 200, 10}, {"b", 30, 30}, {"a", 0, 100}, {"c", 60, 10}, {"e", 210, 5}});
    CHECK(found.size() == 2);
    CHECK(found[0].first.id == "a" && found[0].second.id == "b" && found[0].minutes == 30);
    CHECK(found[1].first.id == "a" && found[1].second.id == "c" && found[1].minutes == 10);
}

TEST(same_start_and_touching) {
    auto found = find_conflicts({{"y", 10, 20}, {"x", 10, 5}, {"z", 30, 5}});
    CHECK(found.size() == 1);
    CHECK(found[0].first.id == "x" && found[0].second.id == "y" && found[0].minutes == 5);
    CHECK(find_conflicts({}).empty());
}

TEST(busy_minutes_union) {
    std::vector<Event> events{{"a", 0, 30}, {"b", 20, 20}, {"c", 100, 50}, {"d", 110, 10}};
    CHECK(busy_minutes(events, 0, 200) == 90);
    CHECK(busy_minutes(events, 10, 120) == 50);
    CHECK(busy_minutes(events, 40, 100) == 0);
    CHECK(busy_minutes({}, 0, 10) == 0);
    CHECK_THROWS(std::invalid_argument, busy_minutes(events, 10, 5), "before");
}

TEST(conflicts_between_scheduled_occurrences) {
    Scheduler s;
    Recurrence daily;
    daily.every = 1440;
    s.add_recurring({"standup", 540, 30}, daily);
    s.add({"dentist", 1440 + 560, 60});
    auto found = find_conflicts(s.between(1440, 2880));
    CHECK(found.size() == 1);
    CHECK(found[0].first.id == "standup#1" && found[0].second.id == "dentist" && found[0].minutes == 10);
}

TEST_MAIN
