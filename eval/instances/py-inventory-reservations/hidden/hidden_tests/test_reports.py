import unittest

from inventory.report import low_stock, reorder_list
from inventory.store import Store


def store_with_orders():
    store = Store()
    store.receive("A", 10)
    store.receive("B", 3)
    store.receive("C", 50)
    store.reserve("o1", "A", 7)
    store.reserve("o2", "C", 45)
    return store


class TestLowStock(unittest.TestCase):
    def test_available_is_the_default_basis(self):
        self.assertEqual(low_stock(store_with_orders(), threshold=6), [("A", 3), ("B", 3), ("C", 5)])

    def test_on_hand_basis(self):
        self.assertEqual(low_stock(store_with_orders(), threshold=6, basis="on_hand"), [("B", 3)])

    def test_unknown_basis_is_refused(self):
        with self.assertRaisesRegex(ValueError, "basis"):
            low_stock(store_with_orders(), threshold=6, basis="shelf")


class TestReorder(unittest.TestCase):
    def test_quantities_bring_available_to_target(self):
        self.assertEqual(reorder_list(store_with_orders(), threshold=4, target=20), [("A", 17), ("B", 17)])

    def test_nothing_to_order(self):
        store = Store()
        store.receive("A", 30)
        self.assertEqual(reorder_list(store, threshold=5, target=10), [])

    def test_target_below_threshold_is_refused(self):
        with self.assertRaises(ValueError):
            reorder_list(store_with_orders(), threshold=10, target=5)
