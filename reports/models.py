"""The semiannual report's models arrive with the report issue."""
