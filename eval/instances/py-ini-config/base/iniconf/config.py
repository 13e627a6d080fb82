"""Read access to parsed configuration."""
from iniconf.errors import MissingKey

_MISSING = object()


class Config:
    def __init__(self, sections):
        self._sections = {name.lower(): dict(keys) for name, keys in sections.items()}

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
