import unittest

from ratelimit.bucket import TokenBucket
from ratelimit.clock import ManualClock


class TestCapacity(unittest.TestCase):
    def test_idle_bucket_does_not_exceed_capacity(self):
        clock = ManualClock()
        bucket = TokenBucket(3, 1, clock)
        clock.advance(3600)
        self.assertEqual(bucket.tokens(), 3)
        self.assertEqual([bucket.try_acquire() for _ in range(4)], [True, True, True, False])

    def test_partial_refill_after_idle_is_capped(self):
        clock = ManualClock()
        bucket = TokenBucket(4, 2, clock)
        bucket.try_acquire(1)
        clock.advance(10)
        self.assertTrue(bucket.try_acquire(4))
        self.assertEqual(bucket.tokens(), 0)


class TestRetryAfter(unittest.TestCase):
    def test_zero_when_available(self):
        self.assertEqual(TokenBucket(2, 1, ManualClock()).retry_after(), 0.0)

    def test_time_until_enough_tokens(self):
        clock = ManualClock()
        bucket = TokenBucket(10, 4, clock)
        bucket.try_acquire(10)
        self.assertEqual(bucket.retry_after(), 0.25)
        self.assertEqual(bucket.retry_after(6), 1.5)
        clock.advance(1)
        self.assertEqual(bucket.retry_after(6), 0.5)

    def test_more_than_capacity_is_an_error(self):
        bucket = TokenBucket(2, 1, ManualClock())
        with self.assertRaisesRegex(ValueError, "capacity"):
            bucket.retry_after(3)
        with self.assertRaisesRegex(ValueError, "capacity"):
            bucket.try_acquire(3)
