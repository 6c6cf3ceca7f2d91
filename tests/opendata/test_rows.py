"""``opendata.rows``: records read as values with their links, in chunks,
published links only, a query per link and chunk."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from agreements.models import Agreement
from opendata.rows import Link, Values, values_records
from tests.support.factories import AgreementFactory, CounterpartFactory, LEAK_MARK

pytestmark = pytest.mark.django_db


def _agreements():
    return Agreement.objects.published().order_by("code")


def test_a_row_holds_its_values_and_only_its_published_links_in_their_order():
    zurich = CounterpartFactory(published=True, name="Zúrich", country="CH")
    bogota = CounterpartFactory(published=True, name="Bogotá", country="CO")
    hidden = CounterpartFactory(draft=True, name=f"Borrador {LEAK_MARK}")
    AgreementFactory(published=True, code="a-uno", counterparts=[zurich, hidden, bogota])
    AgreementFactory(published=True, code="a-dos", counterparts=[])
    AgreementFactory(draft=True, code="a-borrador", counterparts=[zurich])

    rows = list(values_records(_agreements(), [Link("counterparts"), Link("body", published=False)]))

    assert [row.code for row in rows] == ["a-dos", "a-uno"]
    assert all(isinstance(row, Values) for row in rows)
    assert [row.__dict__["counterparts"] for row in rows][0] == []
    assert [str(item) for item in rows[1].counterparts] == ["Bogotá, Colombia", "Zúrich, Suiza"]
    assert rows[1].counterparts[0].country.code == "CO"
    assert rows[1].get_absolute_url() == "/acuerdos/a-uno/"
    assert rows[1].body.pk == Agreement.objects.get(code="a-uno").body_id


def test_links_cost_one_query_each_per_chunk_whatever_the_rows():
    counterpart = CounterpartFactory(published=True)
    for number in range(5):
        AgreementFactory(published=True, code=f"a-{number}", counterparts=[counterpart])

    with CaptureQueriesContext(connection) as captured:
        rows = list(values_records(_agreements(), [Link("counterparts"), Link("themes")], chunk_size=2))

    assert len(rows) == 5
    # Three chunks (2, 2 and 1 rows): the rows, then one query per link and chunk.
    assert len(captured) == 1 + 3 * 2
    # A record linked to several rows of a chunk is read once.
    assert rows[0].counterparts[0] is rows[1].counterparts[0]
