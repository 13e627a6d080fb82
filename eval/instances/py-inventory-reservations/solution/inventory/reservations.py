"""Bookkeeping of stock held for orders: order id -> (sku, quantity)."""


class DuplicateOrder(Exception):
    def __init__(self, order_id):
        super().__init__(f"order {order_id!r} already holds a reservation")
        self.order_id = order_id


class UnknownOrder(KeyError):
    def __init__(self, order_id):
        super().__init__(f"order {order_id!r} holds no reservation")
        self.order_id = order_id


class Reservations:
    def __init__(self):
        self._by_order = {}
        self._by_sku = {}

    def hold(self, order_id, sku, qty):
        if order_id in self._by_order:
            raise DuplicateOrder(order_id)
        self._by_order[order_id] = (sku, qty)
        self._by_sku[sku] = self._by_sku.get(sku, 0) + qty

    def take(self, order_id):
        """Forget an order's reservation and return its (sku, quantity)."""
        if order_id not in self._by_order:
            raise UnknownOrder(order_id)
        sku, qty = self._by_order.pop(order_id)
        self._by_sku[sku] -= qty
        if self._by_sku[sku] == 0:
            del self._by_sku[sku]
        return sku, qty

    def held(self, sku):
        return self._by_sku.get(sku, 0)

    def orders(self):
        return sorted(self._by_order)
