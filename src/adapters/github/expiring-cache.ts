export interface ExpiringCacheOptions {
  /** How long an answer is kept, from when it was asked for. */
  ttlMs: number;
  /** The most answers kept; past it, the oldest is dropped. */
  maxEntries: number;
  now: () => number;
}

interface Entry<V> {
  value: Promise<V>;
  expiresAt: number;
}

/**
 * Answers kept for a while in the process, by key: reads GitHub would answer the same way for
 * minutes (a branch's required checks) are made once per key and period. Calls for a key while its
 * read is under way share that read; a read that fails is not kept, so the next call reads again.
 */
export class ExpiringCache<V> {
  private readonly entries = new Map<string, Entry<V>>();
  private readonly options: ExpiringCacheOptions;
  constructor(options: ExpiringCacheOptions) {
    this.options = options;
  }

  /** The answer kept for `key`, or the one `read` gives (then kept until it expires). */
  get(key: string, read: () => Promise<V>): Promise<V> {
    const now = this.options.now();
    const kept = this.entries.get(key);
    if (kept && kept.expiresAt > now) return kept.value;
    this.entries.delete(key);
    const value = read();
    const entry = { value, expiresAt: now + this.options.ttlMs };
    this.entries.set(key, entry);
    this.dropOldest();
    value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    return value;
  }

  /** How many answers are kept (expired ones included until they are asked for or pushed out). */
  get size(): number {
    return this.entries.size;
  }

  private dropOldest(): void {
    for (const key of this.entries.keys()) {
      if (this.entries.size <= this.options.maxEntries) return;
      this.entries.delete(key);
    }
  }
}
