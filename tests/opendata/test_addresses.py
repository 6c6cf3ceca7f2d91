"""``opendata.addresses``: a record's portal address made from its keys, and
an absolute address made from the site's, equal to what ``reverse()`` and
``build_absolute_uri()`` (or the warming's ``urljoin``) give, for every
record of the book, read as a model instance and as values."""

from urllib.parse import quote, urljoin

import pytest
from django.test import RequestFactory
from django.utils import translation

from agreements.models import Action, Agreement, Commitment
from cdmx_global.models import Counterpart
from events.models import Award, Event, Visit
from networks.models import Membership, HostedOffice, Network, Position
from opendata.addresses import Addresses, portal_keys
from opendata.rows import Link, values_records
from opendata.tables.base import PORTAL_URL
from tests.support.factories import CommitmentFactory, CounterpartFactory

pytestmark = pytest.mark.django_db

MODELS = (Agreement, Commitment, Action, Counterpart, Network, Membership, Position, HostedOffice, Visit, Event, Award)
#: What each model's address names besides its own keys.
LINKS = {
    Commitment: (Link("agreement", fields=("code",)),),
    Membership: (Link("network", fields=("slug",)),),
    Position: (Link("network", fields=("slug",)),),
    HostedOffice: (Link("network", fields=("slug",)),),
}


def _request():
    return RequestFactory().get("/datos/", secure=True)


@pytest.mark.usefixtures("book")
@pytest.mark.parametrize("language", ["es-mx", "en"])
@pytest.mark.parametrize("model", MODELS, ids=lambda model: model.__name__)
def test_every_book_record_has_the_address_reverse_gives(model, language):
    if model is Commitment:  # the book gives none: three, of three of its agreements
        for agreement in Agreement.objects.order_by("code")[:3]:
            CommitmentFactory(agreement=agreement)
    absolute_url = _request().build_absolute_uri
    with translation.override(language):
        instances = list(model.objects.all())
        values = list(values_records(model.objects.all(), LINKS.get(model, ())))
        expected = [absolute_url(record.get_absolute_url()) for record in instances]

        addresses = Addresses(absolute_url)
        assert [addresses.portal(record) for record in instances] == expected
        assert [Addresses(absolute_url).portal(record) for record in values] == expected
        # The portal column of a download is the same address.
        assert [PORTAL_URL.value(record, addresses) for record in values] == expected
    assert len(expected) > 0
    # Made from the keys, once per model: no stand-in digit is ever left in an address.
    assert not any("90817263545" in address for address in expected)


def test_the_pieces_and_keys_of_each_kind_of_address():
    with translation.override("es-mx"):
        assert portal_keys(Agreement) == (["/acuerdos/", "/"], ["code"])
        assert portal_keys(Commitment) == (["/acuerdos/", "/#compromiso-", ""], ["agreement__code", "id"])
        assert portal_keys(Membership)[1] == ["network__slug", "id"]
    with translation.override("en"):
        assert portal_keys(Agreement)[0][0] == "/en/acuerdos/"


def test_a_key_an_address_would_quote_goes_through_get_absolute_url(monkeypatch):
    # The portal's converters take only plain keys; a model whose address quotes one takes this path.
    monkeypatch.setattr(Counterpart, "get_absolute_url", lambda self: f"/contrapartes/{quote(self.slug)}/")
    plain = CounterpartFactory(published=True, slug="bogota-prueba")
    quoted = CounterpartFactory(published=True, slug="são paulo prueba")
    addresses = Addresses(_request().build_absolute_uri)

    assert addresses.portal(plain) == "https://testserver/contrapartes/bogota-prueba/"
    assert addresses.portal(quoted) == "https://testserver/contrapartes/s%C3%A3o%20paulo%20prueba/"
    assert addresses._templates[Counterpart] == (["https://testserver/contrapartes/", "/"], [("slug",)])


@pytest.mark.parametrize("address", [
    lambda self: f"/contrapartes/{self.name}/",  # a column that is not a key
    lambda self: f"/contrapartes/{self.body.name}/",  # a link the stand-in record does not have
], ids=["name", "body"])
def test_an_address_not_made_of_keys_goes_through_get_absolute_url(monkeypatch, address):
    monkeypatch.setattr(Counterpart, "get_absolute_url", address)
    records = [CounterpartFactory(published=True, name=name) for name in ("Lima de prueba", "Quito de prueba")]
    absolute_url = _request().build_absolute_uri
    addresses = Addresses(absolute_url)

    assert [addresses.portal(record) for record in records] == [absolute_url(address(record)) for record in records]
    assert addresses._templates[Counterpart] == ()


PATHS = [
    "/acuerdos/a-1/", "/media/documentos/convenio_2018.pdf", "/redes/ucci/#cargo-12", "/", "/a%20b/",
    "/contrapartes/são-paulo/", "/a/./b/", "/a/../b/", "/a/..", "//otro.example/x", "/buscar/?q=agua",
    "relativa/", "/a b/", "/a/b#c d",
]


@pytest.mark.parametrize("absolute_url", [
    _request().build_absolute_uri,
    lambda location: urljoin("https://cdmx.example.mx", location),
    lambda location: urljoin("https://cdmx.example.mx/portal/", location),
], ids=["build_absolute_uri", "urljoin", "urljoin-subpath"])
def test_an_absolute_address_is_what_the_function_gives(absolute_url):
    addresses = Addresses(absolute_url)

    assert [addresses(path) for path in PATHS] == [absolute_url(path) for path in PATHS]
