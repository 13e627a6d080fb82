import { describe, expect, it } from "vitest";
import { ExpiringCache } from "../../../src/adapters/github/expiring-cache.ts";

/** A cache on a clock the test moves, and a read that counts its calls. */
function setup(options: { ttlMs?: number; maxEntries?: number } = {}) {
  let now = 1_000;
  const cache = new ExpiringCache<string[]>({ ttlMs: options.ttlMs ?? 60_000, maxEntries: options.maxEntries ?? 10, now: () => now });
  const reads: string[] = [];
  const read = (key: string, answer: string[]) => (): Promise<string[]> => {
    reads.push(key);
    return Promise.resolve(answer);
  };
  return { cache, reads, read, advance: (ms: number) => (now += ms) };
}

describe("ExpiringCache", () => {
  it("answers a key from the first read until the answer expires, then reads again", async () => {
    const { cache, reads, read, advance } = setup({ ttlMs: 60_000 });

    const first = await cache.get("acme/stats:main", read("acme/stats:main", ["test"]));
    advance(59_999);
    const kept = await cache.get("acme/stats:main", read("acme/stats:main", ["test", "Foreman"]));
    advance(1);
    const fresh = await cache.get("acme/stats:main", read("acme/stats:main", ["test", "Foreman"]));

    expect([first, kept, fresh]).toEqual([["test"], ["test"], ["test", "Foreman"]]);
    expect(reads).toEqual(["acme/stats:main", "acme/stats:main"]);
  });

  it("keeps each key apart", async () => {
    const { cache, reads, read } = setup();

    const main = await cache.get("acme/stats:main", read("main", ["test"]));
    const release = await cache.get("acme/stats:release", read("release", ["Foreman"]));

    expect([main, release]).toEqual([["test"], ["Foreman"]]);
    expect(reads).toEqual(["main", "release"]);
  });

  it("shares one read between calls made while it is under way", async () => {
    const { cache } = setup();
    let calls = 0;
    let finish: (value: string[]) => void = () => undefined;
    const slow = (): Promise<string[]> => {
      calls += 1;
      return new Promise((resolve) => (finish = resolve));
    };

    const both = Promise.all([cache.get("k", slow), cache.get("k", slow)]);
    finish(["Foreman"]);

    expect(await both).toEqual([["Foreman"], ["Foreman"]]);
    expect(calls).toBe(1);
  });

  it("does not keep a read that failed: the next call reads again", async () => {
    const { cache, reads, read } = setup();

    await expect(cache.get("k", () => Promise.reject(new Error("GitHub answered 502")))).rejects.toThrow("GitHub answered 502");
    const after = await cache.get("k", read("k", ["test"]));

    expect(after).toEqual(["test"]);
    expect(reads).toEqual(["k"]);
  });

  it("keeps at most maxEntries answers, dropping the oldest first", async () => {
    const { cache, reads, read } = setup({ maxEntries: 2 });

    await cache.get("a", read("a", []));
    await cache.get("b", read("b", []));
    await cache.get("c", read("c", []));
    await cache.get("b", read("b", []));
    await cache.get("a", read("a", []));

    expect(cache.size).toBe(2);
    expect(reads).toEqual(["a", "b", "c", "a"]);
  });
});
