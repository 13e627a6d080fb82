#include "scheduler.hpp"

#include <algorithm>
#include <stdexcept>

namespace {
bool earlier(const Event& a, const Event& b) {
    return a.start != b.start ? a.start < b.start : a.id < b.id;
}
}  // namespace

void Scheduler::add(const Event& event) {
    if (event.id.empty()) throw std::invalid_argument("an event needs an id");
    if (event.duration <= 0) {
        throw std::invalid_argument("event '" + event.id + "' has duration " + std::to_string(event.duration) + "; it must be positive");
    }
    if (events_.count(event.id) != 0) throw std::invalid_argument("an event with id '" + event.id + "' already exists");
    events_.emplace(event.id, event);
}

std::vector<Event> Scheduler::between(long from, long to) const {
    std::vector<Event> found;
    for (const auto& entry : events_)
        if (entry.second.overlaps(from, to)) found.push_back(entry.second);
    std::sort(found.begin(), found.end(), earlier);
    return found;
}

std::optional<Event> Scheduler::next_after(long minute) const {
    std::optional<Event> best;
    for (const auto& entry : events_) {
        const Event& event = entry.second;
        if (event.start >= minute && (!best || earlier(event, *best))) best = event;
    }
    return best;
}
