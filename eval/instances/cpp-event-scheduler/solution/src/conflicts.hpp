#pragma once
#include <vector>

#include "event.hpp"

// Two events that share at least one minute, and how many minutes they share.
struct Conflict {
    Event first;   // the one starting earlier (same start: the smaller id)
    Event second;
    long minutes = 0;
};

// Every overlapping pair, ordered by first (start, id) then second (start, id).
// Events that only touch (one ends when the other starts) do not conflict.
std::vector<Conflict> find_conflicts(std::vector<Event> events);

// Minutes of [from, to) covered by at least one event (overlaps counted once).
long busy_minutes(std::vector<Event> events, long from, long to);
