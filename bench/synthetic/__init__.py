"""Synthetic records for the benchmarks, marked as such: the ``generate_synthetic``
command. Installed only where ``ALLOW_SYNTHETIC_DATA=1`` asks for it (and in the
test suite), never in a production installation."""
