import unittest

from inventory.store import DuplicateOrder, InsufficientStock, Store, UnknownOrder


def stocked(**levels):
    store = Store()
    for sku, qty in levels.items():
        store.receive(sku, qty)
    return store


class TestReserve(unittest.TestCase):
    def test_reserve_lowers_available_not_on_hand(self):
        store = stocked(A=10)
        store.reserve("o1", "A", 4)
        store.reserve("o2", "A", 6)
        self.assertEqual((store.on_hand("A"), store.reserved("A"), store.available("A")), (10, 10, 0))

    def test_cannot_oversell(self):
        store = stocked(A=5)
        store.reserve("o1", "A", 4)
        with self.assertRaises(InsufficientStock) as caught:
            store.reserve("o2", "A", 2)
        self.assertEqual(caught.exception.available, 1)
        with self.assertRaises(InsufficientStock):
            store.reserve("o3", "NOPE", 1)
        self.assertEqual(store.reserved("A"), 4)

    def test_duplicate_order_and_bad_quantity(self):
        store = stocked(A=5)
        store.reserve("o1", "A", 1)
        with self.assertRaises(DuplicateOrder):
            store.reserve("o1", "A", 1)
        with self.assertRaises(ValueError):
            store.reserve("o2", "A", 0)
        self.assertEqual(store.reserved("A"), 1)

    def test_remove_respects_reservations(self):
        store = stocked(A=5)
        store.reserve("o1", "A", 3)
        with self.assertRaises(InsufficientStock):
            store.remove("A", 3)
        store.remove("A", 2)
        self.assertEqual((store.on_hand("A"), store.available("A")), (3, 0))


class TestShipRelease(unittest.TestCase):
    def test_ship_takes_stock_off_the_shelf(self):
        store = stocked(A=5, B=1)
        store.reserve("o1", "A", 2)
        store.ship("o1")
        self.assertEqual((store.on_hand("A"), store.reserved("A"), store.available("A")), (3, 0, 3))

    def test_release_returns_stock(self):
        store = stocked(A=5)
        store.reserve("o1", "A", 5)
        store.release("o1")
        self.assertEqual((store.on_hand("A"), store.available("A")), (5, 5))
        store.reserve("o1", "A", 5)
        self.assertEqual(store.available("A"), 0)

    def test_unknown_orders(self):
        store = stocked(A=5)
        store.reserve("o1", "A", 1)
        store.ship("o1")
        with self.assertRaises(UnknownOrder):
            store.ship("o1")
        with self.assertRaises(UnknownOrder):
            store.release("never")
