import unittest
from decimal import Decimal

from ledger.csv_import import LedgerImportError, load_csv


class TestImport(unittest.TestCase):
    def test_quoted_and_reordered(self):
        text = 'memo,amount,account,date\n"rent, March",-1200.00,expenses:rent,2024-03-01\n"say ""hi""",(3.50),assets:cash,2024-03-02\n'
        entries = load_csv(text)
        self.assertEqual([e.memo for e in entries], ["rent, March", 'say "hi"'])
        self.assertEqual([e.amount for e in entries], [Decimal("-1200.00"), Decimal("-3.50")])
        self.assertEqual(entries[1].account, "assets:cash")

    def test_blank_lines_and_grouped_amounts(self):
        entries = load_csv("date,account,amount\n\n2024-01-01,a,\"1,250.75\"\n   \n2024-01-02,b,3\n")
        self.assertEqual([e.amount for e in entries], [Decimal("1250.75"), Decimal("3")])
        self.assertEqual(entries[0].memo, "")


class TestImportErrors(unittest.TestCase):
    def test_bad_amount_reports_its_line(self):
        with self.assertRaises(LedgerImportError) as caught:
            load_csv("date,account,amount\n2024-01-01,a,1\n\n2024-01-02,b,ten\n")
        self.assertEqual(caught.exception.line, 4)
        self.assertIn("line 4", str(caught.exception))
        self.assertIn("ten", str(caught.exception))

    def test_missing_column_is_named(self):
        with self.assertRaises(LedgerImportError) as caught:
            load_csv("date,memo,amount\n2024-01-01,x,1\n")
        self.assertIn("account", str(caught.exception))

    def test_bad_date_and_field_count(self):
        with self.assertRaisesRegex(LedgerImportError, "line 2"):
            load_csv("date,account,amount\n2024/01/01,a,1\n")
        with self.assertRaisesRegex(LedgerImportError, "line 2"):
            load_csv("date,account,amount\n2024-01-01,a\n")
