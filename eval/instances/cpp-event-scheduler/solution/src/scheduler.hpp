#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "event.hpp"
#include "recurrence.hpp"

class Scheduler {
public:
    // Throws std::invalid_argument for an empty or duplicate id, or a duration <= 0.
    void add(const Event& event);

    // A repeating series; the same checks as add, plus validate_recurrence.
    void add_recurring(const Event& first, const Recurrence& rule);

    // Removes an event or a whole series; false when there is nothing with that id.
    bool cancel(const std::string& id);

    // Events and occurrences overlapping [from, to), sorted by start then id.
    std::vector<Event> between(long from, long to) const;

    // The first event or occurrence starting at or after `minute` (earliest start, then smallest id).
    std::optional<Event> next_after(long minute) const;

    // Number of single events plus series.
    std::size_t size() const { return entries_.size(); }

private:
    struct Entry {
        Event event;
        std::optional<Recurrence> rule;
    };
    void check_new(const Event& event) const;
    std::map<std::string, Entry> entries_;
};
