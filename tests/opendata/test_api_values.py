"""The API's lists read as values (``opendata.values``) give, byte for byte,
what the collection's serializer gives through DRF's JSON renderer: every
page of every list, in Spanish and in English, with drafts linked to
published records that must show nowhere."""

import pytest
from django.utils import translation
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.test import APIRequestFactory

from opendata.collections import COLLECTIONS
from opendata.serializers import SERIALIZERS
from opendata.values import plan_for
from tests.support.factories import LEAK_MARK, leak_bait

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("book")]

API = "/api/v1/"
#: The lists read as values: every collection ``opendata`` declares (the evaluations keep their serializer).
VALUES_LISTS = ["agreements", "actions", "counterparts", "networks", "memberships", "positions", "visits",
                "events", "awards", "bodies", "themes"]


def serializer_page(resource: str, path: str, page: int, language: str) -> list:
    """What the serializer gives for the ``page``-th hundred records, as the API's viewset calls it."""
    records = COLLECTIONS[resource].published()[(page - 1) * 100 : page * 100]
    request = Request(APIRequestFactory().get(path))
    # As the API activates it: Spanish is «es-mx», whose portal addresses carry no prefix.
    with translation.override(translation.get_supported_language_variant(language)):
        return SERIALIZERS[resource](records, many=True, context={"request": request, "format": None}).data


def test_every_list_opendata_declares_is_read_as_values():
    planned = [name for name in COLLECTIONS if plan_for(SERIALIZERS[name], COLLECTIONS[name]) is not None]

    assert planned == VALUES_LISTS


@pytest.mark.parametrize("language", ["es", "en"])
@pytest.mark.parametrize("resource", VALUES_LISTS)
def test_each_page_is_the_serializers_bytes(client, resource, language):
    leak_bait()
    page, pages = 1, 0
    while page:
        path = f"{API}{resource}/?page_size=100&lang={language}" + (f"&page={page}" if page > 1 else "")
        response = client.get(path)
        answer = response.json()
        expected = {
            "next": answer["next"], "previous": answer["previous"],
            "results": serializer_page(resource, path, page, language),
        }

        assert response.content == JSONRenderer().render(expected)
        assert LEAK_MARK not in response.content.decode()
        pages += 1
        page = page + 1 if answer["next"] else None
    assert pages >= 1


def test_an_indented_answer_asked_for_is_the_serializers_indented_bytes(client):
    path = f"{API}memberships/?network=ucci"

    response = client.get(path, headers={"accept": "application/json; indent=2"})

    answer = response.json()
    expected = {"next": None, "previous": None, "results": serializer_page("memberships", path, 1, "es")}
    expected["results"] = [item for item in expected["results"] if item["network"]["slug"] == "ucci"]
    assert expected["results"] and [item["network"]["slug"] for item in answer["results"]] == ["ucci"] * len(
        expected["results"]
    )
    assert response.content == JSONRenderer().render(expected, "application/json; indent=2")
    assert response.content.startswith(b'{\n  "next": null,')
