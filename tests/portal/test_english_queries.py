"""Translation costs no query (issue 23): every public list and detail page of the
book makes as many queries in English, with every text translated and reviewed,
as in Spanish, and the English page shows the English text."""

import pytest
from django.db import connection
from django.db.models import F, Value
from django.db.models.functions import Concat
from django.test.utils import CaptureQueriesContext

from agreements.models import Action, Agreement
from cdmx_global.models import Counterpart, Theme
from cdmx_global.translation import TranslationStatus
from events.models import Award, Event, Visit
from networks.models import Network

pytestmark = pytest.mark.django_db

#: Each translated model's title field: every record of the book gets an English one.
TITLES = {Agreement: "title", Action: "title", Event: "name", Visit: "title", Award: "title", Network: "name",
          Counterpart: "name"}

LISTS = ["/", "/acuerdos/", "/acuerdos/acciones/", "/eventos/", "/visitas/", "/premios/", "/redes/",
         "/redes/cargos/", "/contrapartes/", "/paises/", "/paises/fr/", "/cronologia/", "/buscar/?q=ciudad"]


@pytest.fixture
def translated_book(book, settings):
    settings.PAGE_CACHE_SECONDS = 0
    for model, field in TITLES.items():
        model.objects.update(
            **{f"{field}_en": Concat(Value("EN "), F(field))}, translation_status=TranslationStatus.REVIEWED
        )
    Theme.objects.update(name_en=Concat(Value("EN "), F("name")))


def queries(client, path: str) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200, path
    return len(captured), response.content.decode()


def details() -> list[str]:
    return [model.objects.published().order_by("pk").first().get_absolute_url() for model in TITLES]


@pytest.mark.parametrize("path", LISTS)
def test_a_list_makes_the_same_queries_in_english(client, translated_book, path):
    spanish, _ = queries(client, path)
    english, _ = queries(client, "/en" + path)
    assert english == spanish


def test_a_detail_page_makes_the_same_queries_in_english_and_shows_the_english_title(client, translated_book):
    for model, path in zip(TITLES, details(), strict=True):
        record = model.objects.get(pk=model.objects.published().order_by("pk").first().pk)
        spanish, _ = queries(client, path)
        english, html = queries(client, "/en" + path)
        assert english == spanish, path
        title = getattr(record, TITLES[model] + "_en")
        assert f'<h1 lang="en">{title}' in html.replace("&#x27;", "'"), path
