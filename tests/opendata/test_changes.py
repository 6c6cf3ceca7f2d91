"""``/api/v1/changes/``: each public change once, oldest first, named by its
API collection, paged by a cursor; drafts never; bad input refused in
Spanish. The concurrent test is in ``test_changes_concurrent.py``."""

import datetime
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.cache import caches
from django.utils import timezone

from cdmx_global.changelog import ChangeKind, PublicChange, log_change
from cdmx_global.services import PUBLISH, WITHDRAW, record_transition, record_update
from opendata.changes import decode_cursor, encode_cursor
from tests.support.factories import (
    LEAK_MARK,
    AgreementFactory,
    HostedOfficeFactory,
    MembershipFactory,
    NetworkFactory,
    SustainableDevelopmentGoalFactory,
    reviewer,
)

pytestmark = pytest.mark.django_db

CHANGES = "/api/v1/changes/"
HOST = "http://testserver"


@pytest.fixture(autouse=True)
def _unthrottled(settings):
    settings.API_THROTTLE_RATES = {**settings.API_THROTTLE_RATES, "anon": None}
    caches["default"].clear()
    caches[settings.PAGE_CACHE_ALIAS].clear()


@pytest.fixture
def marta():
    return reviewer(username="marta")


def publish(record, user):
    return record_transition(record=record, user=user, transition=PUBLISH)


def correct(record, user, note="", **changes):
    return record_update(record=record, user=user, reason=None, expected_version=None, changes=changes, public_note=note)


def every_change(client, params) -> tuple[list[dict], str]:
    """Every item, page after page (following ``next``), and the last cursor."""
    items, response = [], client.get(CHANGES, params)
    while True:
        assert response.status_code == 200, response.content
        page = response.json()
        items += page["results"]
        if page["next"] is None:
            return items, page["cursor"]
        response = client.get(page["next"])


@pytest.fixture
def story(marta):
    """A published agreement corrected twice and another withdrawn; a draft edited
    (nothing public); an office of a published network; a membership of a draft
    network; an SDG's change (no collection of its own)."""
    start = timezone.now()
    quito = publish(AgreementFactory(code="h-quito", title="Hermanamiento con Quito"), marta)
    lima = publish(AgreementFactory(code="h-lima", title="Hermanamiento con Lima"), marta)
    draft = AgreementFactory(code="h-borrador", title=f"Hermanamiento {LEAK_MARK}")
    correct(draft, marta, note=f"Nota {LEAK_MARK}", title=f"Hermanamiento {LEAK_MARK} corregido")
    quito = correct(quito, marta, note="El libro da el título completo.",
                    title="Hermanamiento con el Distrito Metropolitano de Quito")
    quito = correct(quito, marta, note="", purpose="Cooperación en movilidad y cultura.")
    lima = record_transition(record=lima, user=marta, transition=WITHDRAW, note="Duplicado de h-quito.")
    network = publish(NetworkFactory(name="Metropolis", slug="metropolis"), marta)
    publish(HostedOfficeFactory(network=network, name="Oficina regional de Metropolis"), marta)
    hidden_network = NetworkFactory(name=f"Red {LEAK_MARK}", slug="red-quimera")
    publish(MembershipFactory(network=hidden_network, role=f"Miembro {LEAK_MARK}"), marta)
    log_change(SustainableDevelopmentGoalFactory(published=True), kind=ChangeKind.PUBLISHED)
    return {"start": start, "quito": quito, "lima": lima, "network": network}


def test_each_change_once_oldest_first_named_by_its_collection(client, story):
    items, _cursor = every_change(client, {"since": story["start"].isoformat()})
    sequences = dict(PublicChange.objects.values_list("object_id", "sequence").filter(kind=ChangeKind.WITHDRAWN))
    quito, lima = story["quito"], story["lima"]
    assert [{key: value for key, value in item.items() if key not in ("sequence", "at")} for item in items] == [
        {"kind": "published", "resource": "agreements", "id": "h-quito", "url": f"{HOST}/api/v1/agreements/h-quito/",
         "title": "Hermanamiento con Quito", "note": "", "fields": []},
        {"kind": "published", "resource": "agreements", "id": "h-lima", "url": f"{HOST}/api/v1/agreements/h-lima/",
         "title": "Hermanamiento con Lima", "note": "", "fields": []},
        {"kind": "changed", "resource": "agreements", "id": "h-quito", "url": f"{HOST}/api/v1/agreements/h-quito/",
         "title": "Hermanamiento con el Distrito Metropolitano de Quito", "note": "El libro da el título completo.",
         "fields": ["title"]},
        {"kind": "changed", "resource": "agreements", "id": "h-quito", "url": f"{HOST}/api/v1/agreements/h-quito/",
         "title": "Hermanamiento con el Distrito Metropolitano de Quito", "note": "", "fields": ["purpose"]},
        {"kind": "withdrawn", "resource": "agreements", "id": "h-lima", "url": f"{HOST}/api/v1/agreements/h-lima/",
         "title": "Hermanamiento con Lima", "note": "Duplicado de h-quito.", "fields": []},
        {"kind": "published", "resource": "networks", "id": "metropolis", "url": f"{HOST}/api/v1/networks/metropolis/",
         "title": "Metropolis", "note": "", "fields": []},
        {"kind": "changed", "resource": "networks", "id": "metropolis", "url": f"{HOST}/api/v1/networks/metropolis/",
         "title": "Metropolis", "note": "", "fields": ["hosted_offices"]},
    ]
    assert [item["sequence"] for item in items] == sorted(item["sequence"] for item in items)
    assert items[4]["sequence"] == sequences[lima.pk]
    assert LEAK_MARK not in str(items)
    assert quito.pk and all(datetime.datetime.fromisoformat(item["at"]) >= story["start"] for item in items)


def test_pages_by_cursor_neither_skip_nor_repeat_and_the_cursor_waits_for_what_comes(client, story, marta):
    whole, _cursor = every_change(client, {"since": story["start"].isoformat()})
    paged, cursor = every_change(client, {"since": story["start"].isoformat(), "page_size": 2})
    assert paged == whole
    first = client.get(CHANGES, {"since": story["start"].isoformat(), "page_size": 2}).json()
    assert len(first["results"]) == 2
    assert decode_cursor(first["cursor"]) == first["results"][-1]["sequence"]
    address = urlsplit(first["next"])
    assert f"{address.scheme}://{address.netloc}{address.path}" == f"{HOST}{CHANGES}"
    assert parse_qs(address.query) == {
        "since": [story["start"].isoformat()], "page_size": ["2"], "cursor": [first["cursor"]],
    }

    # Nothing new yet: the stored cursor gives nothing, and itself again.
    nothing = client.get(CHANGES, {"cursor": cursor}).json()
    assert (nothing["results"], nothing["next"], nothing["cursor"]) == ([], None, cursor)
    correct(story["quito"], marta, note="Se añade la fecha.", signed_on=datetime.date(2014, 3, 17), signed_on_precision="day")
    later = client.get(CHANGES, {"cursor": cursor}).json()
    assert [(item["kind"], item["id"], item["note"]) for item in later["results"]] == [
        ("changed", "h-quito", "Se añade la fecha.")
    ]


def test_since_is_a_moment_and_skips_what_came_before(client, story):
    items, _ = every_change(client, {"since": "2000-01-01"})
    assert len(items) == 7
    assert every_change(client, {"since": "2999-01-01"})[0] == []
    # An empty answer still holds a cursor past every change so far: asking with it later misses nothing.
    empty = client.get(CHANGES, {"since": "2999-01-01"}).json()
    assert decode_cursor(empty["cursor"]) == PublicChange.objects.order_by("-sequence").first().sequence


@pytest.mark.parametrize(("params", "errors"), [
    ({}, {"since": ["Indique desde cuándo (since) o el cursor de la respuesta anterior."]}),
    ({"since": "ayer"}, {"since": ["Escriba una fecha ISO 8601, p. ej. 2026-12-01 o 2026-12-01T08:00:00-06:00."]}),
    ({"since": "2026-02-30"}, {"since": ["Escriba una fecha ISO 8601, p. ej. 2026-12-01 o 2026-12-01T08:00:00-06:00."]}),
    ({"cursor": "MTIz"}, {"cursor": ["El cursor no es válido: use el de la respuesta anterior."]}),
    ({"cursor": "%%%"}, {"cursor": ["El cursor no es válido: use el de la respuesta anterior."]}),
    ({"since": "2026-12-01", "page_size": "0"}, {"page_size": ["Escriba un número entero entre 1 y 100."]}),
    ({"since": "2026-12-01", "page_size": "101"}, {"page_size": ["Escriba un número entero entre 1 y 100."]}),
])
def test_bad_input_is_refused_in_spanish(client, params, errors):
    response = client.get(CHANGES, params)
    assert response.status_code == 400
    assert response.json() == errors


def test_the_cursor_is_opaque_and_round_trips():
    assert decode_cursor(encode_cursor(0)) == 0
    assert decode_cursor(encode_cursor(123456789)) == 123456789
    assert "123" not in encode_cursor(123)


def test_it_is_in_the_api_root_and_schema(client):
    assert client.get("/api/v1/").json()["changes"] == f"{HOST}/api/v1/changes/"
    schema = client.get("/api/schema/", {"format": "json"}).json()
    names = [parameter["name"] for parameter in schema["paths"]["/api/v1/changes/"]["get"]["parameters"]]
    assert {"since", "cursor", "page_size", "lang"} <= set(names)
