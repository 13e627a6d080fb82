import unittest
from decimal import Decimal

from ledger.model import Entry, Ledger


class TestModel(unittest.TestCase):
    def test_entries_sorted_by_date(self):
        book = Ledger([Entry("2024-02-01", "a", Decimal("1")), Entry("2024-01-01", "b", Decimal("2"))])
        self.assertEqual([e.account for e in book.entries()], ["b", "a"])

    def test_total(self):
        book = Ledger([Entry("2024-02-01", "a", Decimal("1.10")), Entry("2024-01-01", "b", Decimal("-0.10"))])
        self.assertEqual(book.total(), Decimal("1.00"))

    def test_rejects_bad_date(self):
        with self.assertRaises(ValueError):
            Entry("01/02/2024", "a", Decimal("1"))
