// An inclusive range of calendar days.
import { compareDates, toDayNumber } from "./date.js";

const later = (a, b) => (compareDates(a, b) >= 0 ? a : b);
const earlier = (a, b) => (compareDates(a, b) <= 0 ? a : b);

export class DateRange {
  constructor(start, end) {
    if (compareDates(end, start) < 0) throw new RangeError(`range ends (${end}) before it starts (${start})`);
    this.start = start;
    this.end = end;
  }

  days() {
    return toDayNumber(this.end) - toDayNumber(this.start) + 1;
  }

  contains(iso) {
    return compareDates(this.start, iso) <= 0 && compareDates(iso, this.end) <= 0;
  }

  // Both ends are inclusive: ranges sharing a single day overlap.
  overlaps(other) {
    return compareDates(this.start, other.end) <= 0 && compareDates(other.start, this.end) <= 0;
  }

  // True when one range ends the day before the other starts.
  adjacent(other) {
    return toDayNumber(other.start) - toDayNumber(this.end) === 1 || toDayNumber(this.start) - toDayNumber(other.end) === 1;
  }

  // The days in both ranges, or null when they do not overlap.
  intersect(other) {
    return this.overlaps(other) ? new DateRange(later(this.start, other.start), earlier(this.end, other.end)) : null;
  }

  toString() {
    return `${this.start}..${this.end}`;
  }
}
