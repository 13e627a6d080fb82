"""Warehouse stock levels."""
