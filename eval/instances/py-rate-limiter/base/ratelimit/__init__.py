"""Token-bucket rate limiting."""
