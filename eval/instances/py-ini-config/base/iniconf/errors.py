"""Errors of the configuration reader."""


class ConfigError(Exception):
    """Base class of every configuration error."""


class ConfigSyntaxError(ConfigError):
    def __init__(self, line, message):
        super().__init__(f"line {line}: {message}")
        self.line = line


class MissingKey(ConfigError, KeyError):
    def __init__(self, section, key):
        super().__init__(f"[{section}] {key}: not set")
        self.section = section
        self.key = key

    def __str__(self):
        return self.args[0]
