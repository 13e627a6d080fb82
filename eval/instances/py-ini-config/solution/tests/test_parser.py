import unittest

from iniconf.errors import ConfigSyntaxError
from iniconf.parser import parse


class TestParser(unittest.TestCase):
    def test_sections_and_keys(self):
        text = "; top\n[Server]\nHost = a.example\nport=80\n\n[db]\nurl = x=y\n"
        self.assertEqual(parse(text), {"server": {"host": "a.example", "port": "80"}, "db": {"url": "x=y"}})

    def test_key_outside_section(self):
        with self.assertRaisesRegex(ConfigSyntaxError, "line 1"):
            parse("a = 1\n")

    def test_garbage_line(self):
        with self.assertRaisesRegex(ConfigSyntaxError, "line 2"):
            parse("[a]\nnonsense\n")

    def test_indented_and_inline_comments(self):
        self.assertEqual(parse("[a]\n  # note\nk = v ; why\nu = http://x/#top\n"), {"a": {"k": "v", "u": "http://x/#top"}})

    def test_continuation(self):
        self.assertEqual(parse("[a]\nhosts =\n  one\n  two\n")["a"]["hosts"], "one\ntwo")
