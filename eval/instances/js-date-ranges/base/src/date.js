// ISO calendar dates as "YYYY-MM-DD" strings, with arithmetic on day numbers (days since 1970-01-01).

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

export function toDayNumber(iso) {
  const match = typeof iso === "string" ? ISO.exec(iso) : null;
  if (!match) throw new RangeError(`expected a date as YYYY-MM-DD, got ${JSON.stringify(iso)}`);
  const [year, month, day] = match.slice(1).map(Number);
  const ms = Date.UTC(year, month - 1, day);
  if (fromDayNumber(ms / MS_PER_DAY) !== iso) throw new RangeError(`${iso} is not a calendar date`);
  return ms / MS_PER_DAY;
}

export function fromDayNumber(dayNumber) {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(iso, days) {
  return fromDayNumber(toDayNumber(iso) + days);
}

export function compareDates(a, b) {
  return toDayNumber(a) - toDayNumber(b);
}
