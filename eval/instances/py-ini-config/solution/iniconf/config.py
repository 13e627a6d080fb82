"""Read access to parsed configuration, as text or typed values."""
from iniconf.errors import ConfigError, MissingKey
from iniconf.interpolate import interpolate
from iniconf.parser import parse

_MISSING = object()
_BOOLEANS = {"true": True, "yes": True, "on": True, "1": True, "false": False, "no": False, "off": False, "0": False}


class ConfigValueError(ConfigError, ValueError):
    def __init__(self, section, key, value, expected):
        super().__init__(f"[{section}] {key}: {value!r} is not {expected}")
        self.section = section
        self.key = key


class Config:
    def __init__(self, sections):
        self._sections = {name.lower(): dict(keys) for name, keys in sections.items()}

    @classmethod
    def from_text(cls, text):
        """Parse INI text and resolve its ${...} references."""
        return cls(interpolate(parse(text)))

    def sections(self):
        return sorted(self._sections)

    def has(self, section, key):
        return key.lower() in self._sections.get(section.lower(), {})

    def get(self, section, key, fallback=_MISSING):
        """The value as text; the fallback (if given) when it is not set, else MissingKey."""
        values = self._sections.get(section.lower(), {})
        if key.lower() in values:
            return values[key.lower()]
        if fallback is not _MISSING:
            return fallback
        raise MissingKey(section.lower(), key.lower())

    def _typed(self, section, key, fallback, convert, expected):
        if fallback is not _MISSING and not self.has(section, key):
            return fallback
        value = self.get(section, key)
        try:
            return convert(value)
        except (ValueError, KeyError):
            raise ConfigValueError(section.lower(), key.lower(), value, expected) from None

    def get_int(self, section, key, fallback=_MISSING):
        return self._typed(section, key, fallback, int, "an integer")

    def get_float(self, section, key, fallback=_MISSING):
        return self._typed(section, key, fallback, float, "a number")

    def get_bool(self, section, key, fallback=_MISSING):
        return self._typed(section, key, fallback, lambda v: _BOOLEANS[v.lower()], "a boolean (true/false, yes/no, on/off, 1/0)")

    def get_list(self, section, key, fallback=_MISSING):
        """Comma- or newline-separated items, trimmed, empty items dropped."""
        split = lambda v: [item.strip() for item in v.replace("\n", ",").split(",") if item.strip()]  # noqa: E731
        return self._typed(section, key, fallback, split, "a list")
