import unittest

from inventory.report import low_stock, reorder_list
from inventory.store import Store


class TestReport(unittest.TestCase):
    def test_low_stock(self):
        store = Store()
        store.receive("B", 2)
        store.receive("A", 20)
        self.assertEqual(low_stock(store, threshold=5), [("B", 2)])

    def test_low_stock_counts_reservations(self):
        store = Store()
        store.receive("A", 10)
        store.reserve("o1", "A", 8)
        self.assertEqual(low_stock(store, threshold=5), [("A", 2)])
        self.assertEqual(low_stock(store, threshold=5, basis="on_hand"), [])

    def test_reorder_list(self):
        store = Store()
        store.receive("A", 3)
        self.assertEqual(reorder_list(store, threshold=5, target=12), [("A", 9)])
