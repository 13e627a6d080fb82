#include "check.hpp"
#include "aggregate.hpp"

#include <cmath>
#include <stdexcept>

TEST(group_totals) {
    Table t = Table::from_csv("region,amount\nwest,4\neast,10\nwest,-1\neast,\nwest,3.5\nEast,1\n");
    auto groups = group_by(t, "region", "amount");
    CHECK(groups.size() == 3);
    CHECK(groups[0].key == "East" && groups[1].key == "east" && groups[2].key == "west");
    const Group& east = groups[1];
    CHECK(east.rows == 2 && east.values == 1 && east.sum == 10 && east.min == 10 && east.max == 10);
    const Group& west = groups[2];
    CHECK(west.rows == 3 && west.values == 3);
    CHECK_NEAR(west.sum, 6.5, 1e-12);
    CHECK(west.min == -1 && west.max == 4);
    CHECK_NEAR(west.mean(), 6.5 / 3, 1e-12);
}

TEST(groups_without_values) {
    auto groups = group_by(Table::from_csv("k,v\na,\na,  \n"), "k", "v");
    CHECK(groups.size() == 1);
    CHECK(groups[0].rows == 2 && groups[0].values == 0 && groups[0].sum == 0);
    CHECK(std::isnan(groups[0].mean()));
    CHECK(group_by(Table::from_csv("k,v\n"), "k", "v").empty());
}

TEST(group_errors) {
    Table t = Table::from_csv("k,v\na,1\nb,lots\n");
    CHECK_THROWS(std::invalid_argument, group_by(t, "k", "v"), "'lots'");
    CHECK_THROWS(std::out_of_range, group_by(t, "key", "v"), "'key'");
    CHECK_THROWS(std::out_of_range, group_by(Table::from_csv("k,v\n"), "k", "value"), "'value'");
}

TEST_MAIN
