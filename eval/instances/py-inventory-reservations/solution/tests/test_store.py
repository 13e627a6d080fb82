import unittest

from inventory.store import InsufficientStock, Store, UnknownOrder


class TestStore(unittest.TestCase):
    def test_receive_and_remove(self):
        store = Store()
        store.receive("A", 5)
        store.receive("A", 2)
        store.remove("A", 4)
        self.assertEqual(store.on_hand("A"), 3)

    def test_remove_too_much(self):
        store = Store()
        store.receive("A", 1)
        with self.assertRaises(InsufficientStock):
            store.remove("A", 2)

    def test_quantity_must_be_positive(self):
        with self.assertRaises(ValueError):
            Store().receive("A", 0)

    def test_reserve_ship_release(self):
        store = Store()
        store.receive("A", 5)
        store.reserve("o1", "A", 2)
        store.reserve("o2", "A", 1)
        self.assertEqual(store.available("A"), 2)
        store.ship("o1")
        store.release("o2")
        self.assertEqual((store.on_hand("A"), store.available("A")), (3, 3))
        with self.assertRaises(UnknownOrder):
            store.ship("o1")

    def test_remove_cannot_take_reserved(self):
        store = Store()
        store.receive("A", 3)
        store.reserve("o1", "A", 2)
        with self.assertRaises(InsufficientStock):
            store.remove("A", 2)
