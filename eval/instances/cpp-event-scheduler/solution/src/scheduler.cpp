#include "scheduler.hpp"

#include <algorithm>
#include <stdexcept>

namespace {
bool earlier(const Event& a, const Event& b) {
    return a.start != b.start ? a.start < b.start : a.id < b.id;
}
}  // namespace

void Scheduler::check_new(const Event& event) const {
    if (event.id.empty()) throw std::invalid_argument("an event needs an id");
    if (event.duration <= 0) {
        throw std::invalid_argument("event '" + event.id + "' has duration " + std::to_string(event.duration) + "; it must be positive");
    }
    if (entries_.count(event.id) != 0) throw std::invalid_argument("an event with id '" + event.id + "' already exists");
}

void Scheduler::add(const Event& event) {
    check_new(event);
    entries_.emplace(event.id, Entry{event, std::nullopt});
}

void Scheduler::add_recurring(const Event& first, const Recurrence& rule) {
    check_new(first);
    validate_recurrence(first, rule);
    entries_.emplace(first.id, Entry{first, rule});
}

bool Scheduler::cancel(const std::string& id) {
    return entries_.erase(id) == 1;
}

std::vector<Event> Scheduler::between(long from, long to) const {
    std::vector<Event> found;
    for (const auto& [id, entry] : entries_) {
        if (entry.rule) {
            const std::vector<Event> occurrences = expand(entry.event, *entry.rule, from, to);
            found.insert(found.end(), occurrences.begin(), occurrences.end());
        } else if (entry.event.overlaps(from, to)) {
            found.push_back(entry.event);
        }
    }
    std::sort(found.begin(), found.end(), earlier);
    return found;
}

std::optional<Event> Scheduler::next_after(long minute) const {
    std::optional<Event> best;
    for (const auto& [id, entry] : entries_) {
        std::optional<Event> candidate;
        if (entry.rule) {
            candidate = first_starting_from(entry.event, *entry.rule, minute);
        } else if (entry.event.start >= minute) {
            candidate = entry.event;
        }
        if (candidate && (!best || earlier(*candidate, *best))) best = candidate;
    }
    return best;
}
