"""Stock on hand per SKU."""


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

    def receive(self, sku, qty):
        _check_quantity(qty)
        self._on_hand[sku] = self._on_hand.get(sku, 0) + qty

    def remove(self, sku, qty):
        """Take stock out (damage, manual correction)."""
        _check_quantity(qty)
        have = self.on_hand(sku)
        if qty > have:
            raise InsufficientStock(sku, qty, have)
        self._on_hand[sku] = have - qty

    def on_hand(self, sku):
        return self._on_hand.get(sku, 0)

    def skus(self):
        return sorted(self._on_hand)
