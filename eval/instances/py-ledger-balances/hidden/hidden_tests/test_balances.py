import io
import os
import tempfile
import unittest
from decimal import Decimal

from ledger.model import Entry
from ledger.report import balances, format_balances

ENTRIES = [
    Entry("2024-01-31", "assets:bank", Decimal("100.00")),
    Entry("2024-02-01", "assets:cash", Decimal("20.00")),
    Entry("2024-02-15", "expenses:food", Decimal("-7.25")),
    Entry("2024-03-01", "assets:bank", Decimal("-30.00")),
]


class TestBalances(unittest.TestCase):
    def test_sum_per_account_in_name_order(self):
        result = balances(ENTRIES)
        self.assertEqual(list(result), ["assets:bank", "assets:cash", "expenses:food"])
        self.assertEqual(result["assets:bank"], Decimal("70.00"))

    def test_until_is_inclusive(self):
        result = balances(ENTRIES, until="2024-02-15")
        self.assertEqual(result["assets:bank"], Decimal("100.00"))
        self.assertEqual(result["expenses:food"], Decimal("-7.25"))
        self.assertEqual(balances(ENTRIES, until="2023-12-31"), {})

    def test_rollup_adds_parents(self):
        result = balances(ENTRIES, rollup=True)
        self.assertEqual(result["assets"], Decimal("90.00"))
        self.assertEqual(result["expenses"], Decimal("-7.25"))
        self.assertEqual(list(result)[:3], ["assets", "assets:bank", "assets:cash"])

    def test_format_aligns_and_totals_leaves_only(self):
        text = format_balances(balances(ENTRIES, rollup=True))
        lines = text.splitlines()
        self.assertEqual(lines[-1].split(), ["total", "82.75"])
        self.assertEqual(len({len(line) for line in lines}), 1)
        self.assertIn("-7.25", text)


class TestCommand(unittest.TestCase):
    def path(self, text):
        handle = tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False)
        handle.write(text)
        handle.close()
        self.addCleanup(os.unlink, handle.name)
        return handle.name

    def test_balances_command_with_options(self):
        from ledger.cli import main
        out = io.StringIO()
        name = self.path("date,account,amount\n2024-01-01,a:x,5\n2024-01-02,a:y,1\n2024-02-01,a:x,100\n")
        self.assertEqual(main(["balances", name, "--until", "2024-01-31", "--rollup"], stdout=out, stderr=io.StringIO()), 0)
        lines = [line.split() for line in out.getvalue().splitlines()]
        self.assertEqual(lines, [["a", "6.00"], ["a:x", "5.00"], ["a:y", "1.00"], ["total", "6.00"]])

    def test_bad_file_exits_2_with_line(self):
        from ledger.cli import main
        err = io.StringIO()
        name = self.path("date,account,amount\n2024-01-01,a,oops\n")
        self.assertEqual(main(["balances", name], stdout=io.StringIO(), stderr=err), 2)
        self.assertIn("line 2", err.getvalue())
