"""Reports over a Store."""

BASES = ("available", "on_hand")


def _level(store, sku, basis):
    if basis not in BASES:
        raise ValueError(f"basis must be one of {', '.join(BASES)}, got {basis!r}")
    return store.available(sku) if basis == "available" else store.on_hand(sku)


def low_stock(store, threshold, basis="available"):
    """SKUs whose stock is below the threshold, as (sku, quantity) pairs sorted by SKU.

    By default the quantity is what is still available (on hand minus reserved);
    basis="on_hand" reports the physical stock instead.
    """
    levels = [(sku, _level(store, sku, basis)) for sku in store.skus()]
    return [(sku, level) for sku, level in levels if level < threshold]


def reorder_list(store, threshold, target):
    """What to order for every SKU whose available stock is below threshold, to bring it up to target."""
    if target < threshold:
        raise ValueError(f"target ({target}) must be at least the threshold ({threshold})")
    return [(sku, target - level) for sku, level in low_stock(store, threshold)]
