"""Parse INI text into {section: {key: value}} with lowercase names."""
import re

from iniconf.errors import ConfigSyntaxError

_SECTION = re.compile(r"^\[\s*([A-Za-z0-9_.-]+)\s*\]$")
_KEY = re.compile(r"^[A-Za-z0-9_.-]+$")
_INLINE_COMMENT = re.compile(r"\s[;#].*$")


def _is_comment(line):
    return line.lstrip().startswith(("#", ";"))


def _value(text):
    """Trim the value and drop an inline comment (';' or '#' preceded by whitespace)."""
    return _INLINE_COMMENT.sub("", text).strip()


def parse(text):
    """Sections and keys; indented lines right after a key continue its value (joined by newlines)."""
    sections = {}
    current = None
    last_key = None
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            last_key = None
            continue
        if _is_comment(raw):
            continue
        if raw[0] in " \t" and last_key is not None:
            current[last_key] = f"{current[last_key]}\n{_value(raw)}".strip("\n")
            continue
        line = raw.strip()
        match = _SECTION.match(line)
        if match:
            current = sections.setdefault(match.group(1).lower(), {})
            last_key = None
            continue
        if "=" not in line:
            raise ConfigSyntaxError(number, f"expected 'key = value' or '[section]', found {line!r}")
        if current is None:
            raise ConfigSyntaxError(number, "a key before any [section]")
        key, value = line.split("=", 1)
        key = key.strip()
        if not _KEY.match(key):
            raise ConfigSyntaxError(number, f"invalid key {key!r}")
        last_key = key.lower()
        current[last_key] = _value(value)
    return sections
