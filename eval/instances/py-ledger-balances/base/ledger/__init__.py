"""A small ledger library."""
