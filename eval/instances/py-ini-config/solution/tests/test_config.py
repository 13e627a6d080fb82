import unittest

from iniconf.config import Config, ConfigValueError
from iniconf.errors import MissingKey


class TestConfig(unittest.TestCase):
    def test_get(self):
        config = Config({"Server": {"port": "80"}})
        self.assertEqual(config.get("server", "PORT"), "80")
        self.assertEqual(config.get("server", "host", fallback=None), None)

    def test_missing(self):
        with self.assertRaisesRegex(MissingKey, r"\[server\] host"):
            Config({"server": {}}).get("server", "host")

    def test_typed(self):
        config = Config({"s": {"n": "8", "b": "Yes", "l": "a, b,,c"}})
        self.assertEqual((config.get_int("s", "n"), config.get_bool("s", "b"), config.get_list("s", "l")), (8, True, ["a", "b", "c"]))
        with self.assertRaisesRegex(ConfigValueError, r"\[s\] b: 'Yes' is not an integer"):
            config.get_int("s", "b")

    def test_from_text(self):
        self.assertEqual(Config.from_text("[a]\nx = 1\ny = ${x}2\n").get_int("a", "y"), 12)
