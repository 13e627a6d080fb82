#include "check.hpp"
#include "scheduler.hpp"

#include <stdexcept>

TEST(single_events) {
    Scheduler s;
    s.add({"late", 900, 30});
    s.add({"early", 60, 120});
    s.add({"also-early", 60, 10});
    auto found = s.between(100, 901);
    CHECK(found.size() == 2);
    CHECK(found[0].id == "early" && found[1].id == "late");
    CHECK(s.between(180, 900).empty());
    CHECK(s.next_after(0)->id == "also-early");
    CHECK(s.next_after(61)->id == "late");
    CHECK(s.size() == 3);
    CHECK_THROWS(std::invalid_argument, s.add({"", 1, 1}), "id");
    CHECK_THROWS(std::invalid_argument, s.add({"late", 1, 1}), "'late' already exists");
}

TEST_MAIN
