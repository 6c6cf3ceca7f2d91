"""Counterparts and countries: every record linked to each."""
