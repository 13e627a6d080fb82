import unittest

from ratelimit.clock import ManualClock


class TestRules(unittest.TestCase):
    def test_forms(self):
        from ratelimit.rules import parse_rate
        cases = {"10/s": (10, 1), "100/m": (100, 60), "5000/h": (5000, 3600), "30/5m": (30, 300), "2/d": (2, 86400), " 7 / 2s ": (7, 2)}
        for text, (count, per) in cases.items():
            rate = parse_rate(text)
            self.assertEqual((rate.count, rate.per_seconds), (count, per), text)
        self.assertEqual(parse_rate("30/5m").refill_per_second, 0.1)

    def test_invalid_rules_are_named(self):
        from ratelimit.rules import parse_rate
        for text in ("", "10", "10/", "ten/s", "10/week", "0/s", "5/0m", "-1/s", "10/s/2"):
            with self.assertRaises(ValueError) as caught:
                parse_rate(text)
            self.assertIn(repr(text), str(caught.exception))


class TestKeyedLimiter(unittest.TestCase):
    def test_per_key_budget_and_decision(self):
        from ratelimit.keyed import KeyedLimiter
        clock = ManualClock()
        limiter = KeyedLimiter("2/s", clock)
        first = limiter.check("alice")
        self.assertEqual((first.allowed, first.remaining, first.retry_after), (True, 1, 0.0))
        limiter.check("alice")
        denied = limiter.check("alice")
        self.assertEqual((denied.allowed, denied.remaining, denied.retry_after), (False, 0, 0.5))
        self.assertTrue(limiter.check("bob").allowed)
        clock.advance(0.5)
        self.assertTrue(limiter.check("alice").allowed)

    def test_least_recently_used_key_is_evicted(self):
        from ratelimit.keyed import KeyedLimiter
        limiter = KeyedLimiter("1/m", ManualClock(), max_keys=2)
        limiter.check("a")
        limiter.check("b")
        limiter.check("a")
        limiter.check("c")
        self.assertEqual(sorted(limiter.keys()), ["a", "c"])
        self.assertTrue(limiter.check("b").allowed)
        self.assertFalse(limiter.check("c").allowed)

    def test_bad_rule_fails_at_construction(self):
        from ratelimit.keyed import KeyedLimiter
        with self.assertRaises(ValueError):
            KeyedLimiter("lots", ManualClock())
