import unittest

from iniconf.config import Config
from iniconf.errors import ConfigError

TEXT = """
[paths]
root = /srv/app
logs = ${root}/logs
[service]
log_file = ${paths:logs}/service.log
price = $$4.50
port = 8080
debug = Off
ratio = 0.75
peers = a.example, b.example,
   c.example
"""


class TestInterpolation(unittest.TestCase):
    def test_references_across_sections(self):
        config = Config.from_text(TEXT)
        self.assertEqual(config.get("paths", "logs"), "/srv/app/logs")
        self.assertEqual(config.get("service", "log_file"), "/srv/app/logs/service.log")
        self.assertEqual(config.get("service", "price"), "$4.50")

    def test_unknown_reference_names_both_ends(self):
        with self.assertRaises(ConfigError) as caught:
            Config.from_text("[a]\nx = ${b:y}\n")
        message = str(caught.exception)
        self.assertIn("[a] x", message)
        self.assertIn("[b] y", message)

    def test_cycle_is_reported_with_its_path(self):
        with self.assertRaises(ConfigError) as caught:
            Config.from_text("[a]\nx = ${y}\ny = ${b:z}\n[b]\nz = ${a:x}\n")
        self.assertIn("a.x -> a.y -> b.z -> a.x", str(caught.exception))


class TestTypedGetters(unittest.TestCase):
    def test_conversions(self):
        config = Config.from_text(TEXT)
        self.assertEqual(config.get_int("service", "port"), 8080)
        self.assertIs(config.get_bool("service", "debug"), False)
        self.assertEqual(config.get_float("service", "ratio"), 0.75)
        self.assertEqual(config.get_list("service", "peers"), ["a.example", "b.example", "c.example"])

    def test_fallbacks_only_when_not_set(self):
        config = Config.from_text(TEXT)
        self.assertEqual(config.get_int("service", "workers", fallback=4), 4)
        self.assertEqual(config.get_int("service", "port", fallback=4), 8080)

    def test_bad_values_say_where_and_what(self):
        config = Config.from_text(TEXT)
        with self.assertRaises(ValueError) as caught:
            config.get_int("service", "ratio")
        self.assertIn("[service] ratio", str(caught.exception))
        self.assertIn("'0.75'", str(caught.exception))
        with self.assertRaisesRegex(ValueError, "boolean"):
            config.get_bool("service", "port")
        self.assertIsInstance(caught.exception, ConfigError)
