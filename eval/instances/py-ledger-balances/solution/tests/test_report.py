import unittest
from decimal import Decimal

from ledger.model import Entry
from ledger.report import balances, format_balances

ENTRIES = [
    Entry("2024-01-01", "assets:cash", Decimal("10")),
    Entry("2024-01-02", "assets:bank", Decimal("90")),
    Entry("2024-01-03", "expenses", Decimal("-5")),
]


class TestReport(unittest.TestCase):
    def test_sums_per_account(self):
        self.assertEqual(list(balances(ENTRIES)), ["assets:bank", "assets:cash", "expenses"])

    def test_rollup(self):
        self.assertEqual(balances(ENTRIES, rollup=True)["assets"], Decimal("100"))

    def test_format_total(self):
        self.assertTrue(format_balances(balances(ENTRIES)).endswith("total        95.00\n"))
