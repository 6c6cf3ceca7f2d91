"""The facets can read each published record's id and facet columns from its
narrow index (``published_facets_index``), never the whole rows: in
PostgreSQL's plan of a list's facet statement, every read of a record table
keeps published rows only and needs no column that index lacks. A facet over
a column the index does not hold would need the table. (Which scan PostgreSQL
picks depends on the data: on the bench's 100× database, an index-only scan,
``docs/rendimiento.md``.)"""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from agreements.models import Action, Agreement
from cdmx_global.models import Counterpart
from events.models import Award, Event, Visit
from tests.support.factories import AgreementFactory, CounterpartFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the plan of PostgreSQL"),
]

MODELS = {model._meta.db_table: model for model in (Agreement, Action, Visit, Event, Award, Counterpart)}
#: A scan node of the plan: its table and its alias.
SCAN = re.compile(r"(?:Seq|Index|Index Only|Bitmap Heap) Scan (?:using (\S+) )?on (?:\w+\.)?(\w+)(?: (?!\()(\S+))?")


def index_columns(model) -> set[str]:
    [index] = [index for index in model._meta.indexes if index.name.endswith("_published_facets")]
    return {model._meta.get_field(name).column for name in index.fields}


def facet_plan(client, path: str) -> list[str]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    (statement,) = [query["sql"] for query in queries.captured_queries if query["sql"].startswith("WITH _facet_base")]
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (VERBOSE) {statement}")
        return [row[0] for row in cursor.fetchall()]


def record_reads(plan: list[str]) -> list[tuple[str, str, set[str], str]]:
    """Each scan of a record table: the table, the index it uses (if any), the
    columns it reads, and its conditions."""
    reads = []
    for number, line in enumerate(plan):
        found = SCAN.search(line)
        if not found or found[2] not in MODELS:
            continue
        index, table, alias = found[1] or "", found[2], found[3] or found[2]
        details = []
        for following in plan[number + 1:]:
            if "->" in following:
                break
            details.append(following)
        text = "\n".join(details)
        columns = set(re.findall(rf'(?<![\w"]){re.escape(alias)}\.(\w+)', text))
        conditions = "\n".join(d for d in details if re.match(r"\s*(Filter|Index Cond|Recheck Cond):", d))
        reads.append((table, index, columns, conditions))
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
def test_every_read_of_a_record_table_needs_only_its_facet_index(client, path, tables):
    # A draft beside a published record: the index holds only the published one.
    paris = CounterpartFactory(published=True, country="FR")
    AgreementFactory(published=True, counterparts=[paris])
    AgreementFactory(published=False, counterparts=[CounterpartFactory(published=False, country="JP")])

    reads = record_reads(facet_plan(client, path))

    assert {table for table, _, _, _ in reads} == tables
    for table, index, columns, conditions in reads:
        assert columns, table
        assert columns <= index_columns(MODELS[table]) | {"status"}, (table, columns)
        # Published rows only: the scan says so, or it reads the partial index, whose condition it is.
        assert index.endswith("_published_facets") or re.search(
            r"status\)?::text = 'published'::text", conditions
        ), (table, index, conditions)
