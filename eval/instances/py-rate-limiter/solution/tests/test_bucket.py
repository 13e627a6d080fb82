import unittest

from ratelimit.bucket import TokenBucket
from ratelimit.clock import ManualClock


class TestBucket(unittest.TestCase):
    def test_starts_full_and_runs_out(self):
        bucket = TokenBucket(3, 1, ManualClock())
        self.assertEqual([bucket.try_acquire() for _ in range(4)], [True, True, True, False])

    def test_refills_over_time(self):
        clock = ManualClock()
        bucket = TokenBucket(2, 0.5, clock)
        bucket.try_acquire(2)
        clock.advance(2)
        self.assertTrue(bucket.try_acquire())
        self.assertFalse(bucket.try_acquire())

    def test_rejects_bad_settings(self):
        with self.assertRaises(ValueError):
            TokenBucket(0, 1, ManualClock())

    def test_never_above_capacity(self):
        clock = ManualClock()
        bucket = TokenBucket(2, 1, clock)
        clock.advance(100)
        self.assertEqual(bucket.tokens(), 2)

    def test_retry_after(self):
        clock = ManualClock()
        bucket = TokenBucket(4, 2, clock)
        bucket.try_acquire(4)
        self.assertEqual(bucket.retry_after(3), 1.5)
        with self.assertRaises(ValueError):
            bucket.retry_after(5)
