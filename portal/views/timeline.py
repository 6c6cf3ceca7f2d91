"""The city's international action, year by year."""
