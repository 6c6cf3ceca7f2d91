from django.apps import AppConfig


class OpsConfig(AppConfig):
    """Operations: backups, restore and their checks, for the city's IT staff."""

    name = "ops"
