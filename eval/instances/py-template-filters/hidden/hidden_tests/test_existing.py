import unittest

from templating.errors import TemplateSyntaxError
from templating.render import render


class TestExisting(unittest.TestCase):
    def test_plain_placeholders(self):
        context = {"user": {"name": "Ada", "age": 36}, "site": "docs"}
        self.assertEqual(render("{{user.name}} ({{ user.age }}) @ {{ site }}", context), "Ada (36) @ docs")
        self.assertEqual(render("{{ user.email }}|{{ none }}", {"user": {}, "none": None}), "|")

    def test_syntax_error_position(self):
        with self.assertRaises(TemplateSyntaxError) as caught:
            render("ok\n\tbad {{ 1x }}", {})
        self.assertEqual((caught.exception.line, caught.exception.column), (2, 6))
