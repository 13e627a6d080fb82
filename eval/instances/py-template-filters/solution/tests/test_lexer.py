import unittest

from templating.errors import TemplateSyntaxError
from templating.lexer import tokenize


class TestLexer(unittest.TestCase):
    def test_text_and_vars(self):
        tokens = tokenize("Hi {{ name }}!")
        self.assertEqual([(t.kind, t.value) for t in tokens], [("text", "Hi "), ("var", "name"), ("text", "!")])

    def test_positions(self):
        token = tokenize("a\n  {{ x }}")[1]
        self.assertEqual((token.line, token.column), (2, 3))

    def test_unclosed(self):
        with self.assertRaisesRegex(TemplateSyntaxError, "line 1, column 4"):
            tokenize("ab {{ x")

    def test_filters(self):
        token = tokenize('{{ x | trim | default:"a|b" | fixed:2 }}')[0]
        self.assertEqual(token.filters, (("trim", None, False), ("default", "a|b", True), ("fixed", 2, True)))

    def test_bad_filter(self):
        with self.assertRaisesRegex(TemplateSyntaxError, "invalid filter"):
            tokenize("{{ x | up per }}")
