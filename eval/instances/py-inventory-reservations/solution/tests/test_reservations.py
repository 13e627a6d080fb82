import unittest

from inventory.reservations import DuplicateOrder, Reservations, UnknownOrder


class TestReservations(unittest.TestCase):
    def test_hold_and_take(self):
        book = Reservations()
        book.hold("o1", "A", 2)
        book.hold("o2", "A", 3)
        self.assertEqual(book.held("A"), 5)
        self.assertEqual(book.take("o1"), ("A", 2))
        self.assertEqual(book.held("A"), 3)

    def test_duplicate_and_unknown(self):
        book = Reservations()
        book.hold("o1", "A", 1)
        with self.assertRaises(DuplicateOrder):
            book.hold("o1", "B", 1)
        with self.assertRaises(UnknownOrder):
            book.take("o9")
