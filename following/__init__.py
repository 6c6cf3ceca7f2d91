"""Following without an account: email alerts on a list, a search, a record or
the reports (docs/seguimiento.md)."""
