"""Stock on hand per SKU, and stock reserved for orders."""
from inventory.reservations import DuplicateOrder, Reservations, UnknownOrder

__all__ = ["DuplicateOrder", "InsufficientStock", "InventoryError", "Store", "UnknownOrder"]


class InventoryError(Exception):
    """Base class of the inventory's errors."""


class InsufficientStock(InventoryError):
    def __init__(self, sku, wanted, available):
        super().__init__(f"{sku}: wanted {wanted}, only {available} available")
        self.sku = sku
        self.wanted = wanted
        self.available = available


def _check_quantity(qty):
    if not isinstance(qty, int) or isinstance(qty, bool) or qty <= 0:
        raise ValueError(f"quantity must be a positive integer, got {qty!r}")


class Store:
    def __init__(self):
        self._on_hand = {}
        self._reservations = Reservations()

    def receive(self, sku, qty):
        _check_quantity(qty)
        self._on_hand[sku] = self._on_hand.get(sku, 0) + qty

    def remove(self, sku, qty):
        """Take stock out (damage, manual correction); reserved stock cannot be removed."""
        _check_quantity(qty)
        free = self.available(sku)
        if qty > free:
            raise InsufficientStock(sku, qty, free)
        self._on_hand[sku] = self.on_hand(sku) - qty

    def reserve(self, order_id, sku, qty):
        """Hold stock for an order, so that nothing else can take it."""
        _check_quantity(qty)
        free = self.available(sku)
        if qty > free:
            raise InsufficientStock(sku, qty, free)
        self._reservations.hold(order_id, sku, qty)

    def release(self, order_id):
        """Cancel an order's reservation; the stock becomes available again."""
        self._reservations.take(order_id)

    def ship(self, order_id):
        """The order leaves the warehouse: its reserved stock is taken off the shelf."""
        sku, qty = self._reservations.take(order_id)
        self._on_hand[sku] -= qty

    def on_hand(self, sku):
        return self._on_hand.get(sku, 0)

    def reserved(self, sku):
        return self._reservations.held(sku)

    def available(self, sku):
        return self.on_hand(sku) - self.reserved(sku)

    def skus(self):
        return sorted(self._on_hand)
