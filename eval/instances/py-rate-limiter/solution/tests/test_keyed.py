import unittest

from ratelimit.clock import ManualClock
from ratelimit.keyed import KeyedLimiter


class TestKeyed(unittest.TestCase):
    def test_keys_are_independent(self):
        limiter = KeyedLimiter("1/s", ManualClock())
        self.assertTrue(limiter.check("a").allowed)
        self.assertTrue(limiter.check("b").allowed)
        self.assertFalse(limiter.check("a").allowed)

    def test_eviction(self):
        limiter = KeyedLimiter("1/s", ManualClock(), max_keys=2)
        for key in ("a", "b", "c"):
            limiter.check(key)
        self.assertEqual(limiter.keys(), ["b", "c"])
