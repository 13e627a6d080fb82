"""Ledger entries and the ledger that holds them."""
from dataclasses import dataclass
from decimal import Decimal
import re

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class Entry:
    date: str
    account: str
    amount: Decimal
    memo: str = ""

    def __post_init__(self):
        if not _DATE.match(self.date):
            raise ValueError(f"date {self.date!r} is not YYYY-MM-DD")
        if not self.account or " " in self.account:
            raise ValueError(f"account {self.account!r} must be a non-empty name without spaces")


class Ledger:
    def __init__(self, entries=()):
        self._entries = []
        for entry in entries:
            self.add(entry)

    def add(self, entry):
        self._entries.append(entry)

    def entries(self):
        """Entries sorted by date; entries on the same date keep insertion order."""
        return sorted(self._entries, key=lambda e: e.date)

    def total(self):
        return sum((e.amount for e in self._entries), Decimal("0"))
