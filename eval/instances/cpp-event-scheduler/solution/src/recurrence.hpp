#pragma once
#include <optional>
#include <vector>

#include "event.hpp"

// A series of events repeating every `every` minutes from a first event.
struct Recurrence {
    long every = 0;             // minutes between two starts; must be >= the event's duration
    long count = 0;             // number of occurrences in the series (skipped ones included); 0 = no limit
    std::optional<long> until;  // last minute an occurrence may start (inclusive)
    std::vector<long> skip;     // start minutes of occurrences left out of the series
};

// Throws std::invalid_argument describing the first problem found.
void validate_recurrence(const Event& first, const Recurrence& rule);

// Occurrences overlapping [from, to), in start order. Occurrence k (0-based, skipped ones still
// counted) has id "<first.id>#<k>", start first.start + k * every and the first event's duration.
std::vector<Event> expand(const Event& first, const Recurrence& rule, long from, long to);

// The first occurrence starting at or after `minute`, if any.
std::optional<Event> first_starting_from(const Event& first, const Recurrence& rule, long minute);
