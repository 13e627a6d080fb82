import unittest
from decimal import Decimal

from ledger.csv_import import LedgerImportError, load_csv


class TestCsvImport(unittest.TestCase):
    def test_reads_rows(self):
        entries = load_csv("date,account,amount,memo\n2024-01-02,assets:cash,5.00,\"tea, green\"\n")
        self.assertEqual(len(entries), 1)
        self.assertEqual(entries[0].amount, Decimal("5.00"))
        self.assertEqual(entries[0].memo, "tea, green")

    def test_memo_optional(self):
        entries = load_csv("account,date,amount\nx,2024-01-02,1\n")
        self.assertEqual(entries[0].memo, "")

    def test_bad_amount_names_line(self):
        with self.assertRaisesRegex(LedgerImportError, "line 3"):
            load_csv("date,account,amount\n2024-01-02,x,1\n2024-01-03,x,abc\n")
