"""The facets read each published record's id and facet columns from its
narrow index (``published_facets_index``), never the whole rows: on
PostgreSQL, with sequential scans ruled out, every read of a record table in
a list's facet statement is an index-only scan of that index. A column a
facet groups by that the index lacks would make it a scan of the table."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.support.factories import AgreementFactory, CounterpartFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the plan of PostgreSQL"),
]

#: The record tables and the index each is read from.
INDEXES = {
    "agreements_agreement": "agreement_published_facets",
    "agreements_action": "action_published_facets",
    "events_visit": "visit_published_facets",
    "events_event": "event_published_facets",
    "events_award": "award_published_facets",
    "cdmx_global_counterpart": "counterpart_published_facets",
}


def facet_plan(client, path: str) -> list[str]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    (statement,) = [query["sql"] for query in queries.captured_queries if query["sql"].startswith("WITH _facet_base")]
    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")
        try:
            cursor.execute(f"EXPLAIN {statement}")
            return [row[0] for row in cursor.fetchall()]
        finally:
            cursor.execute("RESET enable_seqscan")


def table_reads(plan: list[str]) -> list[str]:
    """Each read of a record table: its kind of scan and the index, if any."""
    reads = []
    for line in plan:
        for table, index in INDEXES.items():
            if f" on {table} " in f"{line} " and "Scan" in line:
                reads.append(line.split("->")[-1].split("  (")[0].strip())
    return reads


@pytest.mark.parametrize(("path", "tables"), [
    ("/acuerdos/", {"agreements_agreement", "cdmx_global_counterpart"}),
    ("/acuerdos/?kind=framework&validity=in_force", {"agreements_agreement", "cdmx_global_counterpart"}),
    ("/acuerdos/acciones/", {"agreements_action", "cdmx_global_counterpart"}),
    ("/visitas/?direction=incoming", {"events_visit", "cdmx_global_counterpart"}),
    ("/eventos/?mode=hosted", {"events_event"}),
    ("/premios/", {"events_award", "cdmx_global_counterpart"}),
    ("/contrapartes/?kind=city", {"cdmx_global_counterpart"}),
])
def test_the_facets_read_the_records_narrow_index_only(client, path, tables):
    # A draft beside a published record: the index holds only the published one.
    paris = CounterpartFactory(published=True, country="FR")
    AgreementFactory(published=True, counterparts=[paris])
    AgreementFactory(published=False, counterparts=[CounterpartFactory(published=False, country="JP")])
    reads = table_reads(facet_plan(client, path))
    assert {read.rsplit(" on ", 1)[1].split()[0] for read in reads} == tables
    for read in reads:
        table = read.rsplit(" on ", 1)[1].split()[0]
        assert read.startswith(f"Index Only Scan using {INDEXES[table]} on {table}"), read
