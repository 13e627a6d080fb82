import unittest

from iniconf.interpolate import InterpolationError, interpolate


class TestInterpolate(unittest.TestCase):
    def test_references(self):
        result = interpolate({"a": {"root": "/srv", "logs": "${root}/logs"}, "b": {"out": "${a:logs}/b"}})
        self.assertEqual(result["b"]["out"], "/srv/logs/b")

    def test_dollar_escape(self):
        self.assertEqual(interpolate({"a": {"price": "$$5"}})["a"]["price"], "$5")

    def test_errors(self):
        with self.assertRaisesRegex(InterpolationError, "not set"):
            interpolate({"a": {"x": "${y}"}})
        with self.assertRaisesRegex(InterpolationError, "circular"):
            interpolate({"a": {"x": "${y}", "y": "${x}"}})
