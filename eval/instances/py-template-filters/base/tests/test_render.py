import unittest

from templating.render import render


class TestRender(unittest.TestCase):
    def test_nested(self):
        self.assertEqual(render("{{ a.b }}-{{ c }}", {"a": {"b": 1}, "c": "x"}), "1-x")

    def test_missing_is_empty(self):
        self.assertEqual(render("[{{ nope }}]", {}), "[]")
