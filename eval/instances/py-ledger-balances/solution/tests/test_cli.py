import io
import os
import tempfile
import unittest

from ledger.cli import main


class TestCli(unittest.TestCase):
    def write(self, text):
        handle = tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False)
        handle.write(text)
        handle.close()
        self.addCleanup(os.unlink, handle.name)
        return handle.name

    def test_prints_balances(self):
        out = io.StringIO()
        code = main(["balances", self.write("date,account,amount\n2024-01-01,a,2\n")], stdout=out)
        self.assertEqual(code, 0)
        self.assertIn("total", out.getvalue())

    def test_import_error_exit_code(self):
        err = io.StringIO()
        code = main(["balances", self.write("date,account\n")], stdout=io.StringIO(), stderr=err)
        self.assertEqual(code, 2)
        self.assertIn("missing column", err.getvalue())
