import { seededRandom } from "../github/random.ts";

/** Seeded choices: the same seed makes the same choices in the same order. */
export class Dice {
  private readonly random: () => number;

  constructor(seed: number) {
    this.random = seededRandom(seed);
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.random() < p;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    const item = items[this.int(0, items.length - 1)];
    if (item === undefined) throw new Error("pick from an empty list");
    return item;
  }

  /** One of the keys, with chances in proportion to their weights. */
  weighted<K extends string>(weights: Readonly<Partial<Record<K, number>>>): K {
    const entries = Object.entries(weights) as Array<[K, number]>;
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = this.random() * total;
    for (const [key, weight] of entries) {
      roll -= weight;
      if (roll < 0) return key;
    }
    const last = entries.at(-1);
    if (!last) throw new Error("weighted pick from no weights");
    return last[0];
  }

  /** A pause in seconds, rounded to a tenth; 0 means none. */
  pause(maxSeconds: number): number {
    return Math.round(this.random() * maxSeconds * 10) / 10;
  }
}
