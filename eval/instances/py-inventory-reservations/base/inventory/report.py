"""Reports over a Store."""


def low_stock(store, threshold):
    """SKUs whose stock is below the threshold, as (sku, quantity) pairs sorted by SKU."""
    return [(sku, store.on_hand(sku)) for sku in store.skus() if store.on_hand(sku) < threshold]
