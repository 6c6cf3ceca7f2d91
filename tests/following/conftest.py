import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def fresh_limits():
    """The request limits count in the cache for an hour: each test starts from zero."""
    cache.clear()
    yield
    cache.clear()
