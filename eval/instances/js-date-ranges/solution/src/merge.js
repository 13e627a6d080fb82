// Operations on lists of ranges: merging bookings, and finding the free days around them.
import { addDays, compareDates } from "./date.js";
import { DateRange } from "./range.js";

// Sorted, with overlapping or adjacent ranges combined. The input is left untouched.
export function mergeRanges(ranges) {
  const sorted = [...ranges].sort((a, b) => compareDates(a.start, b.start) || compareDates(a.end, b.end));
  const merged = [];
  for (const range of sorted) {
    const last = merged.at(-1);
    if (last && (last.overlaps(range) || last.adjacent(range))) {
      if (compareDates(range.end, last.end) > 0) merged[merged.length - 1] = new DateRange(last.start, range.end);
    } else {
      merged.push(new DateRange(range.start, range.end));
    }
  }
  return merged;
}

// The parts of `within` not covered by any of the busy ranges, in order.
export function freeRanges(within, busy) {
  const free = [];
  let cursor = within.start;
  for (const block of mergeRanges(busy)) {
    const clipped = within.intersect(block);
    if (!clipped) continue;
    if (compareDates(clipped.start, cursor) > 0) free.push(new DateRange(cursor, addDays(clipped.start, -1)));
    cursor = addDays(clipped.end, 1);
  }
  if (compareDates(cursor, within.end) <= 0) free.push(new DateRange(cursor, within.end));
  return free;
}
