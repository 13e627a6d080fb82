"""Resolve ${key} (same section) and ${section:key} references; '$$' is a literal '$'."""
import re

from iniconf.errors import ConfigError

_REFERENCE = re.compile(r"\$\$|\$\{([^}]*)\}")
_NAME = re.compile(r"^(?:([A-Za-z0-9_.-]+):)?([A-Za-z0-9_.-]+)$")


class InterpolationError(ConfigError):
    def __init__(self, section, key, message):
        super().__init__(f"[{section}] {key}: {message}")
        self.section = section
        self.key = key


def interpolate(sections):
    """Return a new {section: {key: value}} with every reference replaced by its final value."""
    done = {}

    def resolve(section, key, chain):
        if (section, key) in done:
            return done[(section, key)]
        if (section, key) in chain:
            path = " -> ".join(f"{s}.{k}" for s, k in [*chain, (section, key)])
            first = chain[0]
            raise InterpolationError(first[0], first[1], f"circular reference: {path}")
        raw = sections[section][key]
        value = _REFERENCE.sub(lambda m: replace(m, section, key, [*chain, (section, key)]), raw)
        done[(section, key)] = value
        return value

    def replace(match, section, key, chain):
        if match.group(0) == "$$":
            return "$"
        name = _NAME.match(match.group(1).strip())
        if not name:
            raise InterpolationError(section, key, f"malformed reference {match.group(0)!r}")
        target_section = (name.group(1) or section).lower()
        target_key = name.group(2).lower()
        if target_key not in sections.get(target_section, {}):
            raise InterpolationError(section, key, f"{match.group(0)} refers to [{target_section}] {target_key}, which is not set")
        return resolve(target_section, target_key, chain)

    return {section: {key: resolve(section, key, []) for key in keys} for section, keys in sections.items()}
