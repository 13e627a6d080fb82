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
        self._tokens += (now - self._updated) * self.refill_per_second
        self._updated = now

    def tokens(self):
        """Tokens available right now."""
        self._refill()
        return self._tokens

    def try_acquire(self, n=1):
        """Take n tokens if they are all available; return whether they were taken."""
        if n <= 0:
            raise ValueError(f"n must be positive, got {n!r}")
        self._refill()
        if self._tokens < n:
            return False
        self._tokens -= n
        return True
