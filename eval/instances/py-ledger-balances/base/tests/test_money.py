import unittest
from decimal import Decimal

from ledger.money import AmountError, format_amount, parse_amount


class TestMoney(unittest.TestCase):
    def test_parse_plain_and_grouped(self):
        self.assertEqual(parse_amount("12.50"), Decimal("12.50"))
        self.assertEqual(parse_amount(" 1,234.5 "), Decimal("1234.5"))

    def test_parse_accounting_negative(self):
        self.assertEqual(parse_amount("(3.25)"), Decimal("-3.25"))

    def test_parse_rejects_text(self):
        with self.assertRaises(AmountError):
            parse_amount("twelve")

    def test_format(self):
        self.assertEqual(format_amount(Decimal("-1234.5")), "-1,234.50")
