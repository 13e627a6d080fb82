"""A small text template engine."""
