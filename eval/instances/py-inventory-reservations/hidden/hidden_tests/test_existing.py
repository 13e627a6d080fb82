import unittest

from inventory.report import low_stock
from inventory.store import InsufficientStock, Store


class TestExisting(unittest.TestCase):
    def test_stock_without_reservations(self):
        store = Store()
        store.receive("X", 4)
        store.receive("Y", 9)
        store.remove("X", 4)
        self.assertEqual(store.on_hand("X"), 0)
        with self.assertRaises(InsufficientStock) as caught:
            store.remove("Y", 10)
        self.assertEqual((caught.exception.wanted, caught.exception.available), (10, 9))
        self.assertEqual(low_stock(store, threshold=5), [("X", 0)])
