from django.apps import AppConfig


class SourceBookConfig(AppConfig):
    name = "sourcebook"
