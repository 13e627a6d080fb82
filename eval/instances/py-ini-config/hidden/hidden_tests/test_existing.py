import unittest

from iniconf.config import Config
from iniconf.errors import ConfigSyntaxError, MissingKey
from iniconf.parser import parse


class TestExisting(unittest.TestCase):
    def test_plain_file(self):
        config = Config(parse("# c\n[Main]\nName = svc\nurl = a=b\n[other]\n"))
        self.assertEqual(config.sections(), ["main", "other"])
        self.assertEqual(config.get("MAIN", "name"), "svc")
        self.assertEqual(config.get("main", "url"), "a=b")
        with self.assertRaises(MissingKey):
            config.get("other", "x")

    def test_syntax_errors(self):
        with self.assertRaisesRegex(ConfigSyntaxError, "line 3"):
            parse("[a]\nk = 1\nbad line\n")
