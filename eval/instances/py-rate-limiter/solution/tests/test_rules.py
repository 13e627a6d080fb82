import unittest

from ratelimit.rules import Rate, parse_rate


class TestRules(unittest.TestCase):
    def test_units(self):
        self.assertEqual(parse_rate("10/s"), Rate(10, 1))
        self.assertEqual(parse_rate("30/5m"), Rate(30, 300))

    def test_refill(self):
        self.assertEqual(parse_rate("120/m").refill_per_second, 2)

    def test_errors(self):
        for text in ("10", "10/w", "0/s", "x/s"):
            with self.assertRaises(ValueError):
                parse_rate(text)
