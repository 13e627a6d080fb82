import unittest

from iniconf.config import Config
from iniconf.errors import MissingKey


class TestConfig(unittest.TestCase):
    def test_get(self):
        config = Config({"Server": {"port": "80"}})
        self.assertEqual(config.get("server", "PORT"), "80")
        self.assertEqual(config.get("server", "host", fallback=None), None)

    def test_missing(self):
        with self.assertRaisesRegex(MissingKey, r"\[server\] host"):
            Config({"server": {}}).get("server", "host")
