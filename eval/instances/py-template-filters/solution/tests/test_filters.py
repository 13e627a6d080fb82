import unittest

from templating.filters import FilterError, apply_filter


class TestFilters(unittest.TestCase):
    def test_simple(self):
        self.assertEqual(apply_filter("upper", "ab"), "AB")
        self.assertEqual(apply_filter("fixed", 2.5, 2, True), "2.50")

    def test_default(self):
        self.assertEqual(apply_filter("default", None, "x", True), "x")
        self.assertEqual(apply_filter("default", 0, "x", True), 0)

    def test_errors(self):
        with self.assertRaisesRegex(FilterError, "unknown filter 'shout'"):
            apply_filter("shout", "a")
        with self.assertRaisesRegex(FilterError, "needs an argument"):
            apply_filter("fixed", 1)
