"""Filters over published related records (``published_related``): over a
many-to-many relation the subquery reads the link table and the related
records only, and lets through exactly the records the plain formulation
(the records joined to their published related records) gives, for the book's
records with a draft and a withdrawn of every kind beside them."""

import pytest

from agreements.filters import ActionFilterSet, AgreementFilterSet
from agreements.models import Action, Agreement
from cdmx_global.published import published_condition
from events.filters import AwardFilterSet, VisitFilterSet
from events.models import Award, Visit
from tests.support.factories import leak_bait

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("book")]

#: (FilterSet, model, filter, relation, lookup): each value the records' related records have is tried.
CASES = [
    (AgreementFilterSet, Agreement, "region", "counterparts", "region"),
    (AgreementFilterSet, Agreement, "country", "counterparts", "country"),
    (ActionFilterSet, Action, "country", "counterparts", "country"),
    (VisitFilterSet, Visit, "region", "counterparts", "region"),
    (AwardFilterSet, Award, "country", "granted_by", "country"),
]


def plain(model, relation: str, lookup: str, value) -> set[int]:
    """The published records with a published ``relation`` whose ``lookup`` is ``value``, joined the plain way."""
    matching = model._default_manager.filter(published_condition(relation), **{f"{relation}__{lookup}": value})
    return set(model.objects.published().filter(pk__in=matching.values("pk")).values_list("pk", flat=True))


@pytest.mark.parametrize(("filterset_class", "model", "name", "relation", "lookup"), CASES)
def test_related_filter_matches_the_plain_join(filterset_class, model, name, relation, lookup):
    bait = leak_bait()
    drafts = {record.pk for record in bait["draft"] + bait["withdrawn"] if isinstance(record, model)}
    # Every value of a related record, a draft's too («IS», «NZ»: only the bait's counterparts are there).
    related = model._default_manager.values_list(f"{relation}__{lookup}", flat=True)
    values = sorted({value for value in related if value})
    assert len(values) > 1
    seen = 0
    for value in values:
        filterset = filterset_class({name: value}, queryset=model.objects.published())
        assert filterset.is_valid(), filterset.errors
        got = set(filterset.qs.values_list("pk", flat=True))
        assert got == plain(model, relation, lookup, value)
        assert not got & drafts
        seen += len(got)
    assert seen  # the book has records for these values: the comparison is not between two empty sets


def test_related_filter_reads_the_link_table_not_the_records_again():
    filterset = AgreementFilterSet({"region": "europe"}, queryset=Agreement.objects.published())
    assert filterset.is_valid()
    sql = str(filterset.qs.query)
    assert sql.count('FROM "agreements_agreement"') == 1
    assert 'FROM "agreements_agreement_counterparts"' in sql


def test_a_draft_related_record_makes_no_record_match():
    """A record linked only to a draft counterpart of a region is not found by that region."""
    bait = leak_bait()
    draft_counterpart = next(record for record in bait["draft"] if record._meta.model_name == "counterpart")
    agreement = Agreement.objects.published().first()
    Agreement.counterparts.through.objects.filter(agreement=agreement).delete()
    agreement.counterparts.add(draft_counterpart)
    filterset = AgreementFilterSet({"country": draft_counterpart.country.code}, queryset=Agreement.objects.published())
    assert filterset.is_valid()
    assert agreement.pk not in set(filterset.qs.values_list("pk", flat=True))
