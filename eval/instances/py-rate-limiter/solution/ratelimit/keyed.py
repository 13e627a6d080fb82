"""One token bucket per key (client id, IP…), created on first use, least recently used evicted."""
from collections import OrderedDict
from dataclasses import dataclass

from ratelimit.bucket import TokenBucket
from ratelimit.rules import Rate, parse_rate


@dataclass(frozen=True)
class Decision:
    allowed: bool
    remaining: int
    retry_after: float


class KeyedLimiter:
    def __init__(self, rate, clock, max_keys=10000):
        self.rate = rate if isinstance(rate, Rate) else parse_rate(rate)
        if max_keys < 1:
            raise ValueError(f"max_keys must be at least 1, got {max_keys!r}")
        self.max_keys = max_keys
        self._clock = clock
        self._buckets = OrderedDict()

    def _bucket(self, key):
        bucket = self._buckets.get(key)
        if bucket is None:
            bucket = TokenBucket(self.rate.count, self.rate.refill_per_second, self._clock)
            self._buckets[key] = bucket
            if len(self._buckets) > self.max_keys:
                self._buckets.popitem(last=False)
        self._buckets.move_to_end(key)
        return bucket

    def check(self, key, n=1):
        """Try to take n tokens for key; the Decision says whether, what is left and when to retry."""
        bucket = self._bucket(key)
        allowed = bucket.try_acquire(n)
        retry = 0.0 if allowed else bucket.retry_after(n)
        return Decision(allowed, int(bucket.tokens()), retry)

    def keys(self):
        """Tracked keys, least recently used first."""
        return list(self._buckets)
