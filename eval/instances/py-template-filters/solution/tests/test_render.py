import unittest

from templating.errors import TemplateError
from templating.render import UndefinedVariable, render


class TestRender(unittest.TestCase):
    def test_nested(self):
        self.assertEqual(render("{{ a.b }}-{{ c }}", {"a": {"b": 1}, "c": "x"}), "1-x")

    def test_missing_is_empty(self):
        self.assertEqual(render("[{{ nope }}]", {}), "[]")

    def test_filters_chain(self):
        self.assertEqual(render('{{ n | default:"anon" | upper }}', {}), "ANON")

    def test_strict(self):
        with self.assertRaises(UndefinedVariable):
            render("{{ nope }}", {}, strict=True)

    def test_filter_error_positioned(self):
        with self.assertRaisesRegex(TemplateError, "column 3"):
            render("  {{ x | shout }}", {"x": 1})
