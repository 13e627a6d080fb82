import unittest
from decimal import Decimal

from ledger.model import Entry, Ledger
from ledger.money import parse_amount


class TestExisting(unittest.TestCase):
    def test_ledger_total_and_order(self):
        book = Ledger()
        book.add(Entry("2024-03-01", "b", parse_amount("(1.50)")))
        book.add(Entry("2024-01-01", "a", parse_amount("1,000")))
        self.assertEqual(book.total(), Decimal("998.50"))
        self.assertEqual([e.date for e in book.entries()], ["2024-01-01", "2024-03-01"])
