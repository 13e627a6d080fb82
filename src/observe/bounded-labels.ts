/** A label value kept only among the first `max` distinct ones; later ones read `other`, so a series set cannot grow without bound. */
export class BoundedLabels {
  private readonly seen = new Set<string>();
  private readonly max: number;

  constructor(max: number) {
    this.max = max;
  }

  /** `value` when `key` is known or there is room for it, else `other`. */
  label(key: string, value: string): string {
    if (this.seen.has(key)) return value;
    if (this.seen.size >= this.max) return "other";
    this.seen.add(key);
    return value;
  }
}
