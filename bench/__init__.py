"""Benchmarks: each script prepares its own database and measures one thing (see each module)."""
