import unittest

from ratelimit.clock import ManualClock


class TestClock(unittest.TestCase):
    def test_manual_clock(self):
        clock = ManualClock(10)
        clock.advance(2.5)
        self.assertEqual(clock.now(), 12.5)
        with self.assertRaises(ValueError):
            clock.advance(-1)
