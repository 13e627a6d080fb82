"""Balances per account, and their text rendering."""
from decimal import Decimal

from ledger.money import format_amount


def balances(entries, until=None, rollup=False):
    """Sum amounts per account, for entries dated on or before `until` (inclusive) if given.

    With rollup, every parent account ('assets' for 'assets:cash') also carries the sum of its
    children. The result is a dict ordered by account name.
    """
    sums = {}
    for entry in entries:
        if until is not None and entry.date > until:
            continue
        for account in _accounts_for(entry.account, rollup):
            sums[account] = sums.get(account, Decimal("0")) + entry.amount
    return {account: sums[account] for account in sorted(sums)}


def _accounts_for(account, rollup):
    if not rollup:
        return [account]
    parts = account.split(":")
    return [":".join(parts[: i + 1]) for i in range(len(parts))]


def format_balances(sums):
    """One line per account, amounts right-aligned, then a 'total' line of the leaf accounts."""
    leaves = [a for a in sums if not any(other.startswith(a + ":") for other in sums)]
    total = sum((sums[a] for a in leaves), Decimal("0"))
    rows = [(account, format_amount(value)) for account, value in sums.items()]
    rows.append(("total", format_amount(total)))
    name_width = max(len(name) for name, _ in rows)
    amount_width = max(len(amount) for _, amount in rows)
    return "\n".join(f"{name.ljust(name_width)}  {amount.rjust(amount_width)}" for name, amount in rows) + "\n"
