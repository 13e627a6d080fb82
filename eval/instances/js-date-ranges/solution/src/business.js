// Business days: Monday to Friday, minus the given holidays.
import { addDays, toDayNumber, weekday } from "./date.js";

function holidaySet(holidays) {
  for (const iso of holidays) toDayNumber(iso); // throws a RangeError naming a malformed holiday
  return new Set(holidays);
}

export function isBusinessDay(iso, holidays = new Set()) {
  return weekday(iso) <= 5 && !holidays.has(iso);
}

// The number of business days in an inclusive DateRange.
export function businessDays(range, { holidays = [] } = {}) {
  const skip = holidaySet(holidays);
  let count = 0;
  for (let day = range.start; toDayNumber(day) <= toDayNumber(range.end); day = addDays(day, 1)) {
    if (isBusinessDay(day, skip)) count += 1;
  }
  return count;
}

// Move n business days forward (n > 0) or back (n < 0); the start day itself never counts.
export function addBusinessDays(iso, n, { holidays = [] } = {}) {
  if (!Number.isInteger(n)) throw new RangeError(`the number of business days must be an integer, got ${n}`);
  const skip = holidaySet(holidays);
  const step = n < 0 ? -1 : 1;
  toDayNumber(iso); // throws a RangeError for a malformed start
  let day = iso;
  for (let left = Math.abs(n); left > 0; ) {
    day = addDays(day, step);
    if (isBusinessDay(day, skip)) left -= 1;
  }
  return day;
}
