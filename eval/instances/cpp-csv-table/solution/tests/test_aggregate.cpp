#include "check.hpp"
#include "aggregate.hpp"

#include <cmath>

TEST(groups_sorted_with_totals) {
    Table t = Table::from_csv("region,amount\nsouth,5\nnorth,10\nsouth,\nnorth,2\n");
    auto groups = group_by(t, "region", "amount");
    CHECK(groups.size() == 2);
    CHECK(groups[0].key == "north" && groups[0].sum == 12 && groups[0].min == 2 && groups[0].max == 10);
    CHECK(groups[1].rows == 2 && groups[1].values == 1 && groups[1].mean() == 5);
}

TEST(no_values_mean_is_nan) {
    auto groups = group_by(Table::from_csv("k,v\na,\n"), "k", "v");
    CHECK(std::isnan(groups[0].mean()));
}

TEST_MAIN
