"""``opendata.statements``: a link's query compiled once and run again with
other identifiers gives exactly what the queryset gives, one query a time."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.db.models import F
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from agreements.models import Agreement
from opendata import statements
from opendata.statements import _compiled, values_among
from tests.support.factories import AgreementFactory, CounterpartFactory

pytestmark = pytest.mark.django_db

COLUMNS = ("id", "code", "signed_on", "amount", "is_indefinite", "updated_at")


class Owner:
    """What a plan's link is to the kept statements: an object kept for the process."""


def _agreements(ids):
    return Agreement.objects.filter(pk__in=ids).order_by("code").values(*COLUMNS)


def _by_counterpart(ids):
    return (
        Agreement.objects.filter(counterparts__in=ids).order_by("code", "pk")
        .values("code", "amount", owner=F("counterparts"))
    )


@pytest.fixture
def agreements():
    amounts = [Decimal("1500.50"), None, Decimal("0.10"), Decimal("12345678.91")]
    return [
        AgreementFactory(
            published=True, code=f"s-{number}", amount=amount, currency="MXN" if amount else "",
            is_indefinite=number % 2 == 0,
            signed_on=datetime.date(2014, 11, 21 + number),
        )
        for number, amount in enumerate(amounts)
    ]


def test_a_kept_statement_gives_what_the_queryset_gives_for_other_identifiers(agreements, monkeypatch):
    compiled = []
    monkeypatch.setattr(statements, "_compiled", lambda *args: compiled.append(args) or _compiled(*args))
    owner = Owner()
    first, second = [agreements[0].pk, agreements[1].pk], [agreements[2].pk, agreements[3].pk]

    with CaptureQueriesContext(connection) as captured:
        made = values_among(owner, _agreements, first, "default")
        again = values_among(owner, _agreements, second, "default")

    assert made == list(_agreements(first))
    assert again == list(_agreements(second))
    # The columns come typed as values() types them (a Decimal, a date, a bool, an aware datetime).
    assert again[0]["amount"] == Decimal("0.10") and again[1]["amount"] == Decimal("12345678.91")
    assert again[0]["signed_on"] == datetime.date(2014, 11, 23) and again[0]["is_indefinite"] is True
    assert again[0]["updated_at"].tzinfo is not None
    # One query a call; compiled once, the second ran the kept SQL with the other identifiers.
    assert len(captured) == 2
    assert len(compiled) == 1
    key = (id(owner), 2, translation.get_language(), "default")
    assert statements._STATEMENTS[key][0] is owner and statements._STATEMENTS[key][1] is not None


def test_a_link_to_many_keeps_each_linked_record_with_its_owner(agreements):
    lima, quito = CounterpartFactory(published=True), CounterpartFactory(published=True)
    agreements[0].counterparts.add(lima, quito)
    agreements[2].counterparts.add(quito)
    owner = Owner()

    def in_order(rows):  # one agreement of two owners comes in either order
        return sorted(rows, key=lambda row: (row["code"], row["owner"]))

    assert in_order(values_among(owner, _by_counterpart, [lima.pk, quito.pk], "default")) == [
        {"code": "s-0", "amount": Decimal("1500.50"), "owner": lima.pk},
        {"code": "s-0", "amount": Decimal("1500.50"), "owner": quito.pk},
        {"code": "s-2", "amount": Decimal("0.10"), "owner": quito.pk},
    ]
    assert in_order(values_among(owner, _by_counterpart, [quito.pk, lima.pk], "default")) == in_order(
        _by_counterpart([quito.pk, lima.pk])
    )


def test_each_count_of_identifiers_has_its_own_statement(agreements):
    owner = Owner()
    for count in (1, 3, 4):
        ids = [agreement.pk for agreement in agreements[:count]]
        assert values_among(owner, _agreements, ids, "default") == list(_agreements(ids))
    kept = {key[1] for key in statements._STATEMENTS if key[0] == id(owner)}
    assert kept == {1, 3, 4}


def test_a_statement_naming_the_identifiers_twice_runs_as_a_queryset(agreements):
    def twice(ids):
        return Agreement.objects.filter(pk__in=ids).exclude(pk__in=ids[1:]).values("code")

    owner = Owner()
    ids = [agreements[0].pk, agreements[1].pk]

    assert values_among(owner, twice, ids, "default") == [{"code": "s-0"}]
    assert values_among(owner, twice, [agreements[2].pk, agreements[3].pk], "default") == [{"code": "s-2"}]
    assert statements._STATEMENTS[(id(owner), 2, translation.get_language(), "default")] == (owner, None)


def test_each_owner_has_its_own_statements(agreements):
    ids = [agreements[0].pk]
    first, second = Owner(), Owner()

    assert values_among(first, _agreements, ids, "default") == list(_agreements(ids))
    assert values_among(second, _by_counterpart, ids, "default") == list(_by_counterpart(ids)) == []
    assert values_among(first, _agreements, ids, "default")[0]["code"] == "s-0"
