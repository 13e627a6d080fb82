"""Parse INI text into {section: {key: value}} with lowercase names."""
import re

from iniconf.errors import ConfigSyntaxError

_SECTION = re.compile(r"^\[\s*([A-Za-z0-9_.-]+)\s*\]$")
_KEY = re.compile(r"^[A-Za-z0-9_.-]+$")


def parse(text):
    sections = {}
    current = None
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip() or raw.startswith(("#", ";")):
            continue
        line = raw.strip()
        match = _SECTION.match(line)
        if match:
            current = sections.setdefault(match.group(1).lower(), {})
            continue
        if "=" not in line:
            raise ConfigSyntaxError(number, f"expected 'key = value' or '[section]', found {line!r}")
        if current is None:
            raise ConfigSyntaxError(number, "a key before any [section]")
        key, value = (part.strip() for part in line.split("=", 1))
        if not _KEY.match(key):
            raise ConfigSyntaxError(number, f"invalid key {key!r}")
        current[key.lower()] = value
    return sections
