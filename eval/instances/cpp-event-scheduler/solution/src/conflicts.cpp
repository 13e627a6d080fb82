#include "conflicts.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace {
void sort_by_start(std::vector<Event>& events) {
    std::sort(events.begin(), events.end(), [](const Event& a, const Event& b) { return a.start != b.start ? a.start < b.start : a.id < b.id; });
}
}  // namespace

std::vector<Conflict> find_conflicts(std::vector<Event> events) {
    sort_by_start(events);
    std::vector<Conflict> conflicts;
    for (std::size_t i = 0; i < events.size(); ++i)
        for (std::size_t j = i + 1; j < events.size() && events[j].start < events[i].end(); ++j) {
            const long shared = std::min(events[i].end(), events[j].end()) - events[j].start;
            conflicts.push_back(Conflict{events[i], events[j], shared});
        }
    return conflicts;
}

long busy_minutes(std::vector<Event> events, long from, long to) {
    if (to < from) throw std::invalid_argument("busy_minutes: window ends (" + std::to_string(to) + ") before it starts (" + std::to_string(from) + ")");
    sort_by_start(events);
    long total = 0;
    long covered_until = from;
    for (const Event& event : events) {
        const long start = std::max(event.start, covered_until);
        const long end = std::min(event.end(), to);
        if (end > start) {
            total += end - start;
            covered_until = end;
        }
    }
    return total;
}
