import unittest

from templating.errors import TemplateError, TemplateSyntaxError
from templating.render import render


class TestFilters(unittest.TestCase):
    def test_case_and_trim(self):
        self.assertEqual(render("{{ a | upper }} {{ a | lower }}", {"a": "MiXed"}), "MIXED mixed")
        self.assertEqual(render("[{{ a|trim|upper }}]", {"a": "  x y  "}), "[X Y]")

    def test_default(self):
        self.assertEqual(render('{{ who | default:"friend" }}', {}), "friend")
        self.assertEqual(render('{{ who | default:"friend" }}', {"who": ""}), "friend")
        self.assertEqual(render('{{ who | default:"friend" }}', {"who": "Bo"}), "Bo")
        self.assertEqual(render('{{ n | default:"none" }}', {"n": 0}), "0")

    def test_fixed_and_truncate(self):
        self.assertEqual(render("{{ p | fixed:2 }}", {"p": 3.14159}), "3.14")
        self.assertEqual(render("{{ p | fixed:0 }}", {"p": "7"}), "7")
        self.assertEqual(render("{{ t | truncate:5 }}", {"t": "abcdefgh"}), "abcd…")
        self.assertEqual(render("{{ t | truncate:5 }}", {"t": "abcde"}), "abcde")

    def test_quoted_argument_may_hold_pipes_and_braces(self):
        self.assertEqual(render('{{ x | default:"a | b" }}', {}), "a | b")
        self.assertEqual(render('{{ x | default:"say \\"hi\\"" }}', {}), 'say "hi"')


class TestFilterErrors(unittest.TestCase):
    def test_unknown_filter_names_it_and_its_place(self):
        with self.assertRaises(TemplateError) as caught:
            render("line one\n  {{ x | shout }}", {"x": "a"})
        self.assertIn("shout", str(caught.exception))
        self.assertEqual((caught.exception.line, caught.exception.column), (2, 3))

    def test_arity(self):
        with self.assertRaisesRegex(TemplateError, "fixed"):
            render("{{ x | fixed }}", {"x": 1})
        with self.assertRaisesRegex(TemplateError, "upper"):
            render("{{ x | upper:3 }}", {"x": "a"})

    def test_malformed_filter_is_a_syntax_error(self):
        with self.assertRaises(TemplateSyntaxError):
            render("{{ x | }}", {"x": 1})
        with self.assertRaises(TemplateSyntaxError):
            render("{{ x | default:unquoted }}", {"x": 1})

    def test_fixed_on_text_is_an_error(self):
        with self.assertRaisesRegex(TemplateError, "not a number"):
            render("{{ x | fixed:1 }}", {"x": "abc"})


class TestStrict(unittest.TestCase):
    def test_missing_variable_raises_with_name_and_place(self):
        from templating.render import UndefinedVariable
        with self.assertRaises(UndefinedVariable) as caught:
            render("Dear {{ user.name }},", {"user": {}}, strict=True)
        self.assertEqual(caught.exception.name, "user.name")
        self.assertEqual((caught.exception.line, caught.exception.column), (1, 6))
        self.assertIsInstance(caught.exception, TemplateError)

    def test_default_filter_satisfies_strict(self):
        self.assertEqual(render('{{ who | default:"you" }}', {}, strict=True), "you")

    def test_none_value_is_defined(self):
        self.assertEqual(render("[{{ x }}]", {"x": None}, strict=True), "[]")

    def test_lenient_stays_the_default(self):
        self.assertEqual(render("[{{ x | upper }}]", {}), "[]")
