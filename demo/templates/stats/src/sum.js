/** The sum of a list of numbers; 0 for an empty list. */
export function sum(values) {
  return values.reduce((total, value) => total + value, 0);
}
