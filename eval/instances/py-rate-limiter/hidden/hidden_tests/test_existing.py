import unittest

from ratelimit.bucket import TokenBucket
from ratelimit.clock import ManualClock


class TestExisting(unittest.TestCase):
    def test_bucket_within_capacity(self):
        clock = ManualClock(100)
        bucket = TokenBucket(4, 2, clock)
        self.assertTrue(bucket.try_acquire(3))
        self.assertFalse(bucket.try_acquire(2))
        clock.advance(0.5)
        self.assertEqual(bucket.tokens(), 2)
        self.assertTrue(bucket.try_acquire(2))
        with self.assertRaises(ValueError):
            bucket.try_acquire(0)
