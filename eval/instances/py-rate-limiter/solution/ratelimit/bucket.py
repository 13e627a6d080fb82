"""A token bucket: holds up to `capacity` tokens, refilled continuously."""


class TokenBucket:
    def __init__(self, capacity, refill_per_second, clock):
        if capacity <= 0:
            raise ValueError(f"capacity must be positive, got {capacity!r}")
        if refill_per_second <= 0:
            raise ValueError(f"refill_per_second must be positive, got {refill_per_second!r}")
        self.capacity = capacity
        self.refill_per_second = refill_per_second
        self._clock = clock
        self._tokens = float(capacity)
        self._updated = clock.now()

    def _refill(self):
        now = self._clock.now()
        self._tokens = min(float(self.capacity), self._tokens + (now - self._updated) * self.refill_per_second)
        self._updated = now

    def tokens(self):
        """Tokens available right now (never more than the capacity)."""
        self._refill()
        return self._tokens

    def _check(self, n):
        if n <= 0:
            raise ValueError(f"n must be positive, got {n!r}")
        if n > self.capacity:
            raise ValueError(f"n ({n}) is more than the bucket's capacity ({self.capacity}); it could never be granted")

    def try_acquire(self, n=1):
        """Take n tokens if they are all available; return whether they were taken."""
        self._check(n)
        self._refill()
        if self._tokens < n:
            return False
        self._tokens -= n
        return True

    def retry_after(self, n=1):
        """Seconds to wait until n tokens are available (0.0 when they are available now)."""
        self._check(n)
        missing = n - self.tokens()
        return 0.0 if missing <= 0 else missing / self.refill_per_second
