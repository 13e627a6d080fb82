#pragma once
#include <string>

// One meeting: [start, start + duration) in minutes.
struct Event {
    std::string id;
    long start = 0;
    long duration = 0;

    long end() const { return start + duration; }
    bool overlaps(long from, long to) const { return start < to && from < end(); }
};

inline bool operator==(const Event& a, const Event& b) {
    return a.id == b.id && a.start == b.start && a.duration == b.duration;
}
