#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "event.hpp"

class Scheduler {
public:
    // Throws std::invalid_argument for an empty or duplicate id, or a duration <= 0.
    void add(const Event& event);

    // Events overlapping [from, to), sorted by start then id.
    std::vector<Event> between(long from, long to) const;

    // The first event starting at or after `minute` (earliest start, then smallest id).
    std::optional<Event> next_after(long minute) const;

    std::size_t size() const { return events_.size(); }

private:
    std::map<std::string, Event> events_;
};
