import unittest

from inventory.report import low_stock
from inventory.store import Store


class TestReport(unittest.TestCase):
    def test_low_stock(self):
        store = Store()
        store.receive("B", 2)
        store.receive("A", 20)
        self.assertEqual(low_stock(store, threshold=5), [("B", 2)])
