#include "check.hpp"
#include "conflicts.hpp"

TEST(conflicting_pairs) {
    auto found = find_conflicts({{"b", 30, 30}, {"a", 0, 45}, {"c", 60, 10}});
    CHECK(found.size() == 1);
    CHECK(found[0].first.id == "a" && found[0].second.id == "b" && found[0].minutes == 15);
}

TEST(busy) {
    CHECK(busy_minutes({{"a", 0, 30}, {"b", 20, 20}, {"c", 100, 50}}, 10, 120) == 50);
}

TEST_MAIN
