import unittest

from inventory.store import InsufficientStock, Store


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
