#include "recurrence.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace {
bool in_series(const Recurrence& rule, long k, long start) {
    if (rule.count > 0 && k >= rule.count) return false;
    return !rule.until || start <= *rule.until;
}

bool skipped(const Recurrence& rule, long start) {
    return std::find(rule.skip.begin(), rule.skip.end(), start) != rule.skip.end();
}

Event occurrence(const Event& first, const Recurrence& rule, long k) {
    return Event{first.id + "#" + std::to_string(k), first.start + k * rule.every, first.duration};
}

// Smallest k >= 0 with first.start + k * every >= minute.
long first_index_from(const Event& first, const Recurrence& rule, long minute) {
    const long gap = minute - first.start;
    return gap <= 0 ? 0 : (gap + rule.every - 1) / rule.every;
}
}  // namespace

void validate_recurrence(const Event& first, const Recurrence& rule) {
    const std::string name = "series '" + first.id + "': ";
    if (rule.every <= 0) throw std::invalid_argument(name + "every must be positive, got " + std::to_string(rule.every));
    if (rule.every < first.duration) {
        throw std::invalid_argument(name + "every (" + std::to_string(rule.every) + ") is shorter than the duration (" +
                                    std::to_string(first.duration) + "); occurrences would overlap");
    }
    if (rule.count < 0) throw std::invalid_argument(name + "count must not be negative, got " + std::to_string(rule.count));
    if (rule.until && *rule.until < first.start) throw std::invalid_argument(name + "until is before the first start");
}

std::vector<Event> expand(const Event& first, const Recurrence& rule, long from, long to) {
    std::vector<Event> found;
    // An occurrence overlaps [from, to) when it starts after from - duration and before to.
    for (long k = first_index_from(first, rule, from - first.duration + 1);; ++k) {
        const Event next = occurrence(first, rule, k);
        if (next.start >= to || !in_series(rule, k, next.start)) break;
        if (!skipped(rule, next.start)) found.push_back(next);
    }
    return found;
}

std::optional<Event> first_starting_from(const Event& first, const Recurrence& rule, long minute) {
    // Terminates: the skip list is finite, and a bounded series ends.
    for (long k = first_index_from(first, rule, minute);; ++k) {
        const Event next = occurrence(first, rule, k);
        if (!in_series(rule, k, next.start)) return std::nullopt;
        if (!skipped(rule, next.start)) return next;
    }
}
