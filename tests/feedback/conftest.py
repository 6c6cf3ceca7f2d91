import pytest
from django.core.cache import cache

from tests.support import factories


@pytest.fixture(autouse=True)
def fresh_limits(settings):
    """The report limit counts in the cache for an hour: each test starts from zero."""
    settings.SITE_URL = "https://global.cdmx.gob.mx"
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def office(db):
    """A body with a published agreement, its two liaisons (one inactive), a
    liaison of another body, and two CGAI reviewers (one also without an address)."""
    body = factories.GovernmentBodyFactory(name="Secretaría de Movilidad", acronym="SEMOVI")
    other = factories.GovernmentBodyFactory(name="Secretaría de Cultura", acronym="SECULT")
    return {
        "body": body,
        "agreement": factories.AgreementFactory(title="Hermanamiento con Lyon", body=body, published=True),
        "liaison": factories.liaison(body=body, username="enlace.semovi", email="enlace@semovi.cdmx.gob.mx"),
        "inactive": factories.liaison(body=body, username="baja.semovi", email="baja@semovi.cdmx.gob.mx",
                                      is_active=False),
        "stranger": factories.liaison(body=other, username="enlace.secult", email="enlace@secult.cdmx.gob.mx"),
        "reviewer": factories.reviewer(username="revision.cgai", email="revision@cgai.cdmx.gob.mx"),
        "silent": factories.reviewer(username="revision.muda", email=""),
    }
