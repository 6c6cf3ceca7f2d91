"""A list's facets counted in one statement: exact counts with drafts that
could leak, and one statement however many records and filters."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from agreements.filters import AgreementFilterSet
from agreements.models import AgreementKind, Validity
from agreements.selectors import published_agreements
from cdmx_global.regions import Region
from tests.support.factories import AgreementFactory, CounterpartFactory, ThemeFactory

pytestmark = pytest.mark.django_db


def facet_counts(data: dict) -> dict[str, dict[str, int]]:
    filterset = AgreementFilterSet(data, queryset=published_agreements())
    assert filterset.is_valid(), filterset.errors
    return {facet.name: {option.value: option.count for option in facet.options} for facet in filterset.facets()}


@pytest.fixture
def records():
    paris = CounterpartFactory(published=True, country="FR", region=Region.EUROPE)
    lima = CounterpartFactory(published=True, country="PE", region=Region.LATIN_AMERICA)
    draft_tokyo = CounterpartFactory(published=False, country="JP", region=Region.ASIA)
    water = ThemeFactory(published=True)
    draft_theme = ThemeFactory(draft=True)
    AgreementFactory(published=True, counterparts=[paris, lima], themes=[water], signed_on=datetime.date(2016, 3, 1))
    AgreementFactory(published=True, counterparts=[paris, draft_tokyo], themes=[draft_theme],
                     kind=AgreementKind.FRAMEWORK, signed_on=datetime.date(2017, 5, 2))
    AgreementFactory(published=True, counterparts=[draft_tokyo], signed_on=datetime.date(2016, 7, 3))
    # A draft agreement with every value: it must count nowhere.
    AgreementFactory(published=False, counterparts=[paris, lima, draft_tokyo], themes=[water, draft_theme],
                     signed_on=datetime.date(2016, 1, 1))
    return water


def test_facets_count_published_records_and_links_only(records):
    counts = facet_counts({})
    assert counts["kind"] == {AgreementKind.FRAMEWORK: 1, AgreementKind.SPECIFIC_COOPERATION: 2}
    assert counts["region"] == {Region.EUROPE: 2, Region.LATIN_AMERICA: 1}
    assert counts["country"] == {"FR": 2, "PE": 1}
    assert counts["theme"] == {records.slug: 1}
    assert counts["year"] == {"2017": 1, "2016": 2}


def test_each_facet_counts_with_the_other_filters_only(records):
    counts = facet_counts({"region": Region.EUROPE, "year": "2016"})
    # Europe and 2016: the first agreement only.
    assert counts["kind"] == {AgreementKind.SPECIFIC_COOPERATION: 1}
    assert counts["country"] == {"FR": 1, "PE": 1}
    # Without the region: the 2016 agreements (the third has only a draft counterpart).
    assert counts["region"] == {Region.EUROPE: 1, Region.LATIN_AMERICA: 1}
    # Without the year: both European agreements.
    assert counts["year"] == {"2017": 1, "2016": 1}


@pytest.mark.parametrize("query", ["", "?region=europe&year=2016", "?kind=framework&theme=agua"])
def test_list_counts_every_facet_in_one_statement_however_many_records(client, query):
    theme = ThemeFactory(published=True, slug="agua")

    def make(count):
        for _n in range(count):
            AgreementFactory(published=True, themes=[theme], signed_on=datetime.date(2016, 1, 1),
                             counterparts=[CounterpartFactory(published=True, region=Region.EUROPE)])
            AgreementFactory(published=False, themes=[theme], counterparts=[CounterpartFactory(published=False)])

    make(1)
    with CaptureQueriesContext(connection) as few:
        assert client.get(f"/acuerdos/{query}").status_code == 200
    make(10)
    with CaptureQueriesContext(connection) as many:
        assert client.get(f"/acuerdos/{query}").status_code == 200
    assert len(many) == len(few)
    assert sum("GROUP BY" in captured["sql"] for captured in many) == 1


def test_region_and_country_read_the_counterparts_once_and_count_each_record_once(records):
    """With neither filter active, the two facets over the counterparts read one
    join (``_facet_link_…``); a record with two counterparts of one region or
    one country counts once there. With one of them active, each reads its own."""
    AgreementFactory(published=True, counterparts=[
        CounterpartFactory(published=True, country="FR", region=Region.EUROPE),
        CounterpartFactory(published=True, country="FR", region=Region.EUROPE),
        CounterpartFactory(published=True, country="ES", region=Region.EUROPE),
    ], signed_on=datetime.date(2018, 1, 1))
    with CaptureQueriesContext(connection) as captured:
        counts = facet_counts({"year": "2018"})
    (statement,) = [query["sql"] for query in captured if "GROUP BY" in query["sql"]]
    assert statement.count("_facet_link_") == 3  # defined once, grouped by region and by country
    assert statement.count('"published_counterparts"."region"') == 1
    assert counts["region"] == {Region.EUROPE: 1}
    assert counts["country"] == {"FR": 1, "ES": 1}

    counts = facet_counts({})
    assert counts["region"] == {Region.EUROPE: 3, Region.LATIN_AMERICA: 1}
    assert counts["country"] == {"FR": 3, "PE": 1, "ES": 1}

    with CaptureQueriesContext(connection) as captured:
        counts = facet_counts({"region": Region.EUROPE})
    (statement,) = [query["sql"] for query in captured if "GROUP BY" in query["sql"]]
    assert "_facet_link_" not in statement
    assert counts["region"] == {Region.EUROPE: 3, Region.LATIN_AMERICA: 1}
    assert counts["country"] == {"FR": 3, "PE": 1, "ES": 1}


def test_a_choice_over_the_records_own_column_is_a_condition_on_its_row(records):
    """The kind and validity filters say whether a base row passes by its own
    column, not by reading the agreements again in a subquery; the region
    filter (over the counterparts) still keeps its records. Counts are exact:
    the draft agreement counts nowhere."""
    AgreementFactory(published=True, kind=AgreementKind.FRAMEWORK, validity=Validity.ENDED, counterparts=[
        CounterpartFactory(published=True, country="FR", region=Region.EUROPE),
    ], signed_on=datetime.date(2016, 9, 1))
    AgreementFactory(published=False, kind=AgreementKind.FRAMEWORK, validity=Validity.ENDED,
                     signed_on=datetime.date(2016, 9, 1))
    with CaptureQueriesContext(connection) as captured:
        counts = facet_counts({"kind": AgreementKind.FRAMEWORK, "validity": Validity.ENDED, "region": Region.EUROPE})
    (statement,) = [query["sql"] for query in captured if "GROUP BY" in query["sql"]]
    base = statement[:statement.index("_facet_link_") if "_facet_link_" in statement else statement.index(") SELECT")]
    assert '"agreements_agreement"."kind" = \'framework\' AS "_in_0"' in base
    assert '"agreements_agreement"."validity" = \'ended\' AS "_in_1"' in base
    assert base.count('FROM "agreements_agreement" "') == 1  # read again for the region's records only
    assert counts["kind"] == {AgreementKind.FRAMEWORK: 1}
    # Without the validity: the European frameworks (the fixture's has no validity recorded).
    assert counts["validity"] == {Validity.UNKNOWN: 1, Validity.ENDED: 1}
    # Without the region: the ended frameworks.
    assert counts["region"] == {Region.EUROPE: 1}
    assert counts["year"] == {"2016": 1}


def test_the_facets_that_keep_the_same_rows_are_counted_in_one_pass():
    """Counterparts by kind, region, country and UN system, no filter active:
    on PostgreSQL one ``GROUPING SETS`` over one reading of the rows (SQLite
    has none: a branch each); with the kind chosen, the kind facet keeps its
    own branch and the other three share one. Counts are exact, an empty
    country or region counts nowhere, and the draft counts nowhere."""
    from cdmx_global.filters import CounterpartFilterSet
    from cdmx_global.selectors import published_counterparts

    CounterpartFactory(published=True, country="FR", region=Region.EUROPE)
    CounterpartFactory(published=True, country="FR", region=Region.EUROPE)
    CounterpartFactory(published=True, country="PE", region=Region.LATIN_AMERICA)
    CounterpartFactory(published=True, un_agency=True, region="")
    CounterpartFactory(published=False, country="JP", region=Region.ASIA)

    def counted(data):
        filterset = CounterpartFilterSet(data, queryset=published_counterparts())
        assert filterset.is_valid(), filterset.errors
        with CaptureQueriesContext(connection) as captured:
            counts = {facet.name: {option.value: option.count for option in facet.options}
                      for facet in filterset.facets()}
        (statement,) = [query["sql"] for query in captured if "GROUP BY" in query["sql"]]
        return counts, statement

    counts, statement = counted({})
    if connection.vendor == "postgresql":
        assert statement.count("GROUPING SETS") == 1 and statement.count("FROM _facet_base") == 1
    else:
        assert "GROUPING SETS" not in statement and statement.count("FROM _facet_base") == 4
    assert counts == {
        "kind": {"city": 3, "international_org": 1},
        "region": {Region.EUROPE: 2, Region.LATIN_AMERICA: 1},
        "country": {"FR": 2, "PE": 1},
        "un_system": {"true": 1, "false": 3},
    }

    counts, statement = counted({"kind": "city"})
    if connection.vendor == "postgresql":
        assert statement.count("GROUPING SETS") == 1 and statement.count("FROM _facet_base") == 2
    assert counts == {
        "kind": {"city": 3, "international_org": 1},
        "region": {Region.EUROPE: 2, Region.LATIN_AMERICA: 1},
        "country": {"FR": 2, "PE": 1},
        "un_system": {"false": 3},
    }
