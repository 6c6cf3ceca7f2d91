"""The timeline: the counts of each year (a chart and its table) and the
published records, newest first, a page of 100 at a time, of every year or of
the year chosen in the table; queries bounded whatever the number of records."""

import html
import re
from collections import Counter

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from agreements.models import Action, Agreement
from cdmx_global.models import PublicationStatus
from events.models import Award, Event, Visit
from networks.models import Membership, Position
from tests.support.factories import LEAK_MARK, AgreementFactory, partial_date, leak_bait

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("book")]

#: Each kind the timeline shows, in its columns' order, with the date that places a record.
KINDS = [
    ("agreement", Agreement, "signed_on", {}),
    ("action", Action, "start_on", {}),
    ("visit", Visit, "start_on", {}),
    ("event", Event, "start_on", {}),
    ("award", Award, "awarded_on", {}),
    ("membership", Membership, "start_on", {"network__status": PublicationStatus.PUBLISHED}),
    ("position", Position, "start_on", {"network__status": PublicationStatus.PUBLISHED}),
]


def expected_table(kinds=KINDS) -> dict[str, list[int]]:
    """Per year (and «Sin fecha»), the published records of each kind, counted straight from the database."""
    counts: dict[str, Counter] = {}
    for key, model, date_field, extra in kinds:
        for value in model.objects.published().filter(**extra).values_list(date_field, flat=True):
            counts.setdefault(str(value.year) if value else "Sin fecha", Counter())[key] += 1
    table = {}
    for year, by_kind in counts.items():
        row = [by_kind[key] for key, *_rest in kinds]
        table[year] = row + [sum(row)] if len(kinds) > 1 else row
    return table


def rendered_table(page: str) -> dict[str, list[int]]:
    """The body of the timeline's table: row header → the numbers of the row."""
    body = re.search(r'<table class="data">.*?<tbody>(.*?)</tbody>', page, re.S).group(1)
    table = {}
    for row in re.findall(r"<tr>(.*?)</tr>", body, re.S):
        header = html.unescape(re.sub(r"<[^>]+>", "", re.search(r"<th[^>]*>(.*?)</th>", row, re.S).group(1))).strip()
        table[header] = [int(cell) for cell in re.findall(r'<td class="number">(\d+)</td>', row)]
    return table


def year_block(page: str, year: int) -> str:
    """The part of the timeline's list under ``year``'s heading."""
    start = page.index(f'<h3 class="timeline__year" id="anio-{year}">')
    following = page.find('<h3 class="timeline__year"', start + 1)
    return page[start: following if following != -1 else page.index("</ol>", start)]


def expected_order(kinds=KINDS, year=None) -> list[tuple[str, int]]:
    """Every published record of ``kinds`` (of ``year`` alone if given; 0 for the
    undated) as (kind, pk): newest first, then by kind and key, undated last."""
    rows = []
    for rank, (key, model, date_field, extra) in enumerate(kinds):
        for pk, value in model.objects.published().filter(**extra).values_list("pk", date_field):
            if year is None or (year == 0 and value is None) or (value and value.year == year):
                rows.append(((value is None, -value.toordinal() if value else 0, rank, pk), (key, pk)))
    return [entry for _key, entry in sorted(rows)]


def listed(response) -> list[tuple[str, int]]:
    return [(entry.kind.key, entry.record.pk) for entry in response.context["page_obj"].object_list]


def walk(client, path: str) -> list[tuple[str, int]]:
    """What every page of the timeline at ``path`` lists, in order; each page
    but the last holds 100 records."""
    first = client.get(path)
    pages = first.context["paginator"].num_pages
    entries = listed(first)
    for number in range(2, pages + 1):
        response = client.get(f"{path}{'&' if '?' in path else '?'}page={number}")
        assert len(listed(response)) == (100 if number < pages else first.context["paginator"].count - 100 * (pages - 1))
        assert LEAK_MARK not in response.text
        entries += listed(response)
    return entries


def test_timeline_counts_each_year_as_the_published_data_does(client):
    leak_bait()

    page = client.get("/cronologia/").text

    table = rendered_table(page)
    expected = expected_table()
    assert table == expected
    assert list(table) == sorted((year for year in table if year != "Sin fecha"), reverse=True) + ["Sin fecha"]
    # The book's figures: 2016 has 30 dated records, 1977 the Nagoya twinning alone.
    assert table["2016"][-1] == 30
    assert table["1977"] == [1, 0, 0, 0, 0, 0, 0, 1]
    assert LEAK_MARK not in page


def test_timeline_lists_a_year_only_record_under_its_year_marked_as_such(client):
    page = client.get("/cronologia/").text

    block = year_block(page, 2018)
    entry = re.search(r"Alas de la Ciudad de México en Nagoya</a></p>\s*<p>(.*?)</p>", block, re.S).group(1)
    assert '<time datetime="2018">2018</time>' in entry
    assert "la fuente sólo da el año" in entry
    month_entry = re.search(r"Foro Internacional de Diseño de World Design Capital Mexico City 2018</a></p>\s*<p>(.*?)</p>", block, re.S).group(1)
    assert month_entry == '<time datetime="2018-03">marzo de 2018</time>'


def test_timeline_lists_records_without_date_at_the_end(client):
    undated = AgreementFactory(published=True, title="Acuerdo sin fecha conocida", signed_on=None, signed_on_precision="",
                               signed_period_note="administración 1997-2000")

    pages = [client.get(f"/cronologia/?page={number}").text for number in (1, 2, 3)]

    assert [undated.title in page for page in pages] == [False, True, False]
    page = pages[1]
    tail = page[page.index('<h3 id="sin-fecha">'):]
    assert undated.title in tail
    assert "administración 1997-2000" in tail
    assert undated.title not in page[: page.index('<h3 id="sin-fecha">')].split('<ol class="timeline">', 1)[1]
    only = client.get("/cronologia/?year=undated")
    assert listed(only) == expected_order(year=0)
    assert ("agreement", undated.pk) in listed(only)
    assert len(listed(only)) == 88  # the book's 87 and this one
    assert '<h2 id="registros">Registros sin fecha</h2>' in only.text


def test_timeline_filtered_by_kind_shows_only_that_kind(client):
    leak_bait()

    response = client.get("/cronologia/?kind=agreement")

    expected = expected_table(KINDS[:1])
    assert rendered_table(response.text) == expected
    assert response.context["timeline"].total == Agreement.objects.published().count() == 65
    assert listed(response) == expected_order(KINDS[:1])
    assert LEAK_MARK not in response.text


def test_timeline_with_an_unknown_kind_says_so_and_shows_everything(client):
    response = client.get("/cronologia/?kind=planeta")

    assert response.status_code == 200
    assert "Elija un tipo de registro de la lista." in response.text
    assert rendered_table(response.text) == expected_table()


def test_timeline_chart_has_one_bar_per_year_and_an_accessible_name(client):
    page = client.get("/cronologia/").text

    svg = re.search(r"<svg [^>]*>.*?</svg>", page, re.S).group(0)
    assert 'role="img"' in svg
    assert 'aria-labelledby="grafica-titulo" aria-describedby="grafica-descripcion"' in svg
    assert '<title id="grafica-titulo">Registros publicados por año</title>' in svg
    assert "style=" not in svg
    dated = {year: row[-1] for year, row in expected_table().items() if year != "Sin fecha"}
    bars = re.findall(r'<rect class="bar" [^>]*/>\s*<text class="label" [^>]*>(\d+)</text>', svg)
    assert [int(count) for count in bars] == [dated[year] for year in sorted(dated)]
    years = re.findall(r'<text class="axis" [^>]*transform="rotate[^>]*>(\d{4})</text>', svg)
    assert years == [str(year) for year in range(int(min(dated)), int(max(dated)) + 1)]


def test_timeline_table_is_an_accessible_alternative(client):
    page = client.get("/cronologia/").text

    table = re.search(r'<table class="data">.*?</table>', page, re.S).group(0)
    assert "<caption>Registros publicados por año y tipo</caption>" in table
    headers = re.findall(r'<th scope="col"[^>]*>(.*?)</th>', table)
    assert headers == ["Año", "Acuerdos", "Acciones", "Visitas", "Eventos", "Premios", "Membresías en redes", "Cargos en redes", "Total"]
    assert '<th scope="row"><a href="?year=2016">2016</a></th>' in table


def test_timeline_queries_do_not_grow_with_records(client, django_assert_num_queries):
    for day in (1, 2):
        AgreementFactory(published=True, **partial_date("signed_on", 2019, 1, day))
    with CaptureQueriesContext(connection) as queries:
        client.get("/cronologia/")
    few = len(queries.captured_queries)
    for day in range(3, 21):
        AgreementFactory(published=True, **partial_date("signed_on", 2019, 1, day))

    with django_assert_num_queries(few):
        response = client.get("/cronologia/")
    assert rendered_table(response.text)["2019"][0] == 20
    # One count per kind, the page's keys, and the records of each kind on the page.
    assert few <= 2 * len(KINDS) + 1


def test_timeline_lists_every_published_record_once_newest_first_a_page_at_a_time(client):
    leak_bait()

    first = client.get("/cronologia/")

    assert first.context["paginator"].count == first.context["timeline"].total == len(expected_order())
    assert len(listed(first)) == 100
    assert "Registros 1 a 100 de" in first.text
    assert '<a href="?page=2" rel="next">Siguiente</a>' in first.text
    assert walk(client, "/cronologia/") == expected_order()
    assert LEAK_MARK not in first.text


def test_timeline_of_one_year_lists_just_that_year(client):
    leak_bait()

    response = client.get("/cronologia/?year=2016")

    assert listed(response) == expected_order(year=2016)
    assert len(listed(response)) == 30
    page = response.text
    assert '<h2 id="registros">Registros de 2016</h2>' in page
    assert re.findall(r'<h3 class="timeline__year" id="anio-(\d+)">', page) == ["2016"]
    assert '<a href="?year=2016" aria-current="true">2016</a>' in page
    assert '<a href="?">Ver los registros de todos los años</a>' in page
    # The chart and the table still cover every year.
    assert rendered_table(page) == expected_table()
    assert LEAK_MARK not in page


def test_timeline_of_one_kind_and_year(client):
    response = client.get("/cronologia/?kind=agreement&year=1977")

    assert listed(response) == expected_order(KINDS[:1], year=1977)
    assert [entry.title for entry in response.context["page_obj"].object_list] == [
        Agreement.objects.get(signed_on__year=1977).title
    ]
    assert '<a href="?kind=agreement&amp;year=1977" aria-current="true">1977</a>' in response.text


@pytest.mark.parametrize("year", ["1850", "dosmil", "2016-01"])
def test_timeline_of_a_year_without_records_says_so_and_lists_every_year(client, year):
    response = client.get(f"/cronologia/?year={year}")

    assert response.status_code == 200
    assert "Ese año no tiene registros publicados: elija uno de la tabla." in response.text
    assert listed(response) == expected_order()[:100]


def test_timeline_in_english(client):
    page = client.get("/en/cronologia/").text

    assert "<h1>Timeline</h1>" in page
    assert "<caption>Published records by year and kind</caption>" in page
    assert "Undated" in page
    assert "the source gives only the year" in page
