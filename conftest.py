import pytest


@pytest.fixture(autouse=True)
def _spanish_by_default(settings):
    """Tests read what a person reads: Spanish, unless a test switches."""
    settings.LANGUAGE_CODE = "es-mx"
