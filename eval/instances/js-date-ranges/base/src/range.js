// An inclusive range of calendar days.
import { compareDates, toDayNumber } from "./date.js";

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

  overlaps(other) {
    return compareDates(this.start, other.end) < 0 && compareDates(other.start, this.end) < 0;
  }

  toString() {
    return `${this.start}..${this.end}`;
  }
}
