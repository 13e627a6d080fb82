"""Rate rules written as text: '10/s', '100/m', '5000/h', '30/5m', '1000/d'."""
import re
from dataclasses import dataclass

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_RULE = re.compile(r"^\s*(\d+)\s*/\s*(\d*)\s*([smhd])\s*$")


@dataclass(frozen=True)
class Rate:
    count: int
    per_seconds: int

    @property
    def refill_per_second(self):
        return self.count / self.per_seconds


def parse_rate(text):
    """Parse 'COUNT/[N]UNIT' (unit s, m, h or d) into a Rate; the count is also the burst size."""
    match = _RULE.match(text) if isinstance(text, str) else None
    if not match:
        raise ValueError(f"rate {text!r} is not COUNT/[N]UNIT, for example '10/s', '100/m' or '30/5m'")
    count, multiple, unit = int(match.group(1)), match.group(2), match.group(3)
    span = int(multiple) if multiple else 1
    if count == 0 or span == 0:
        raise ValueError(f"rate {text!r} must have a positive count and period")
    return Rate(count, span * _UNITS[unit])
