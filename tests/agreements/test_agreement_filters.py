"""The FilterSets of agreements and actions over the book's records: exact
records for each filter, facet counts computed independently, and drafts that
never make a record match or a count grow."""

from collections import Counter

import pytest
from django.utils import translation

from agreements.filters import ActionFilterSet, AgreementFilterSet, UnConventionFilterSet
from agreements.models import Action, Agreement
from agreements.selectors import published_actions, published_agreements, un_framework_conventions
from cdmx_global.models import PublicationStatus
from tests.support.factories import (
    LEAK_MARK, ActionFactory, AgreementFactory, CounterpartFactory, ThemeFactory, leak_bait,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("book")]

PUBLISHED = PublicationStatus.PUBLISHED


def codes(queryset) -> list[str]:
    return sorted(agreement.code for agreement in queryset)


def filtered(data: dict, filterset_class=AgreementFilterSet, queryset=None):
    filterset = filterset_class(data, queryset=published_agreements() if queryset is None else queryset)
    assert filterset.is_valid(), filterset.errors
    return filterset


def facet_counts(filterset) -> dict[str, dict[str, int]]:
    return {facet.name: {option.value: option.count for option in facet.options} for facet in filterset.facets()}


def published_counterparts(record) -> list:
    return [counterpart for counterpart in record.counterparts.all() if counterpart.status == PUBLISHED]


def agreement_values(agreement) -> dict[str, set[str]]:
    """What each facet of an agreement is, read from the record itself."""
    counterparts = published_counterparts(agreement)
    return {
        "kind": {agreement.kind},
        "validity": {agreement.validity},
        "region": {c.region for c in counterparts if c.region},
        "country": {c.country.code for c in counterparts if c.country},
        "theme": {t.slug for t in agreement.themes.all() if t.status == PUBLISHED},
        "sdg": {str(s.number) for s in agreement.sdgs.all() if s.status == PUBLISHED},
        "body": {agreement.body.slug},
        "year": {str(agreement.signed_on.year)} if agreement.signed_on else set(),
    }


def expected_counts(records, values, facets) -> dict[str, dict[str, int]]:
    counts = {name: Counter() for name in facets}
    for record in records:
        for name, record_values in values(record).items():
            if name in counts:
                counts[name].update(record_values)
    return {name: dict(counter) for name, counter in counts.items()}


def test_no_filter_gives_every_published_agreement():
    leak_bait()
    filterset = filtered({})
    assert filterset.qs.count() == 65
    assert codes(filterset.qs) == codes(Agreement.objects.published())


def test_kind_twinning_gives_the_16_twinnings():
    leak_bait()
    result = codes(filtered({"kind": "twinning"}).qs)
    assert result == codes(Agreement.objects.published().filter(kind="twinning"))
    assert len(result) == 16


@pytest.mark.parametrize(
    ("data", "matches"),
    [
        ({"kind": "twinning", "region": "europe"}, lambda a, v: a.kind == "twinning" and "europe" in v["region"]),
        ({"kind": "specific_cooperation", "country": "FR"}, lambda a, v: a.kind == "specific_cooperation" and "FR" in v["country"]),
        ({"kind": "specific_cooperation", "year": "2016"}, lambda a, v: a.kind == "specific_cooperation" and v["year"] == {"2016"}),
        ({"region": "latin_america", "year": "2014"}, lambda a, v: "latin_america" in v["region"] and v["year"] == {"2014"}),
    ],
)
def test_combined_filters_give_the_records_matching_all(data, matches):
    leak_bait()
    expected = sorted(a.code for a in Agreement.objects.published() if matches(a, agreement_values(a)))
    assert expected, "the combination should match some of the book's agreements"
    assert codes(filtered(data).qs) == expected


@pytest.mark.parametrize(
    "data",
    [{}, {"kind": "twinning"}, {"region": "europe"}, {"kind": "specific_cooperation", "year": "2016"}],
    ids=["none", "kind", "region", "kind-year"],
)
def test_facet_counts_equal_independent_counts(data):
    """Each facet counts the agreements the other active filters let through."""
    leak_bait()
    published = list(Agreement.objects.published())
    counts = facet_counts(filtered(data))
    for name in AgreementFilterSet.facet_paths:
        others = {key: value for key, value in data.items() if key != name}
        records = [a for a in published if all(value in agreement_values(a)[key] for key, value in others.items())]
        expected = expected_counts(records, agreement_values, [name])[name]
        if name in data:
            # The chosen option stays listed even when the other filters leave it nothing.
            expected.setdefault(data[name], 0)
        assert counts[name] == expected, name


def test_facet_labels_are_the_choice_labels():
    with translation.override("es"):
        facets = {facet.name: facet for facet in filtered({}).facets()}
    assert [(o.label, o.count) for o in facets["kind"].options if o.value == "twinning"] == [("Hermanamiento", 16)]
    assert {o.value: o.label for o in facets["country"].options}["FR"] == "Francia"
    with translation.override("en"):
        facets = {facet.name: facet for facet in filtered({}).facets()}
    assert {o.value: o.label for o in facets["country"].options}["FR"] == "France"
    assert facets["kind"].label == "Type of instrument"


def test_draft_counterpart_does_not_make_its_agreement_match_or_count():
    iceland = CounterpartFactory(name="Reikiavik", country="IS", draft=True)
    agreement = AgreementFactory(published=True, counterparts=[iceland])
    assert codes(filtered({"country": "IS"}).qs) == []
    assert codes(filtered({"region": "europe"}).qs) == codes(
        a for a in Agreement.objects.published() if "europe" in agreement_values(a)["region"]
    )
    counts = facet_counts(filtered({}))
    assert "IS" not in counts["country"]
    assert agreement.code in codes(filtered({}).qs)


def test_two_counterparts_in_one_country_list_the_agreement_once():
    lyon, paris = CounterpartFactory(country="FR", published=True), CounterpartFactory(country="FR", published=True)
    agreement = AgreementFactory(published=True, kind="twinning", counterparts=[lyon, paris])
    filterset = filtered({"country": "FR", "kind": "twinning"})
    assert [a.code for a in filterset.qs].count(agreement.code) == 1
    assert filterset.qs.count() == len(set(codes(filterset.qs)))
    expected_france = sum("FR" in agreement_values(a)["country"] for a in Agreement.objects.published().filter(kind="twinning"))
    assert facet_counts(filterset)["country"]["FR"] == expected_france


def test_theme_counts_each_agreement_once_whatever_else_it_is_joined_to():
    """The theme facet counts rows of agreement and theme where nothing else
    repeats them (facetcounts._counted_once): with the region filter active, an
    agreement with two European counterparts and a draft theme besides still counts once."""
    water, draft = ThemeFactory(published=True), ThemeFactory(draft=True)
    lyon, porto = CounterpartFactory(country="FR", published=True), CounterpartFactory(country="PT", published=True)
    agreement = AgreementFactory(published=True, counterparts=[lyon, porto], themes=[water, draft])
    for data in ({}, {"region": "europe"}, {"region": "europe", "country": "FR"}):
        assert facet_counts(filtered(data))["theme"][water.slug] == 1, data
    assert draft.slug not in facet_counts(filtered({"region": "europe"}))["theme"]
    assert agreement.code in codes(filtered({"region": "europe", "theme": water.slug}).qs)


def test_leak_bait_matches_no_filter_and_no_count():
    bait = leak_bait()
    hidden = {record.code for records in bait.values() for record in records if isinstance(record, Agreement)}
    counts = facet_counts(filtered({}))
    assert counts == expected_counts(Agreement.objects.published(), agreement_values, AgreementFilterSet.facet_paths)
    assert "IS" not in counts["country"] and "NZ" not in counts["country"]
    assert hidden.isdisjoint(codes(filtered({"kind": "twinning", "validity": "in_force"}).qs) + codes(filtered({}).qs))


@pytest.mark.parametrize("value", ["abc", "16", "99999"])
def test_invalid_year_is_a_spanish_error(value):
    with translation.override("es"):
        filterset = AgreementFilterSet({"year": value}, queryset=published_agreements())
        assert not filterset.is_valid()
        message = filterset.errors["year"][0]
    assert message in {
        "Escriba el año con cuatro cifras, p. ej. 2016.",
        "Escriba un año a partir de 1900.",
        "Escriba un año anterior a 2200.",
    }
    assert filterset.facets() == []


def test_un_convention_filters_have_no_kind_region_or_country():
    filterset = filtered({"year": "2016"}, UnConventionFilterSet, un_framework_conventions())
    assert list(filterset.filters) == ["validity", "theme", "sdg", "body", "year"]
    expected = sorted(a.code for a in un_framework_conventions() if a.signed_on and a.signed_on.year == 2016)
    assert codes(filterset.qs) == expected


def action_values(action) -> dict[str, set[str]]:
    counterparts = published_counterparts(action)
    return {
        "kind": {action.kind},
        "country": {c.country.code for c in counterparts if c.country},
        "theme": {t.slug for t in action.themes.all() if t.status == PUBLISHED},
        "sdg": {str(s.number) for s in action.sdgs.all() if s.status == PUBLISHED},
        "body": {action.body.slug},
        "year": {str(action.start_on.year)} if action.start_on else set(),
    }


def test_action_facets_equal_independent_counts():
    leak_bait()
    filterset = ActionFilterSet({}, queryset=published_actions())
    assert filterset.is_valid()
    assert filterset.qs.count() == Action.objects.published().count() == 39
    assert facet_counts(filterset) == expected_counts(Action.objects.published(), action_values, ActionFilterSet.facet_paths)


@pytest.mark.parametrize("facet", ["kind", "country", "theme", "body", "year"])
def test_action_filter_gives_the_matching_actions(facet):
    leak_bait()
    actions = list(Action.objects.published())
    value = Counter(v for a in actions for v in action_values(a)[facet]).most_common(1)[0][0]
    filterset = ActionFilterSet({facet: value}, queryset=published_actions())
    assert filterset.is_valid(), filterset.errors
    assert sorted(a.pk for a in filterset.qs) == sorted(a.pk for a in actions if value in action_values(a)[facet])


#: The book's actions with a published counterpart in Japan, newest first.
JAPANESE_ACTIONS = [
    "Alas de la Ciudad de México en Nagoya",
    "Proyecto de Mejoramiento del Sistema de Drenaje de la Ciudad de México",
    "Intercambios de especies entre los Zoológicos de Higashiyama y de Chapultepec",
]


def test_draft_counterpart_does_not_make_its_action_match_or_count():
    leak_bait()
    draft_japanese = CounterpartFactory(name=f"Ciudad {LEAK_MARK} de Japón", country="JP", draft=True)
    draft_icelandic = CounterpartFactory(name=f"Ciudad {LEAK_MARK} de Islandia", country="IS", draft=True)
    action = ActionFactory(published=True, counterparts=[draft_japanese, draft_icelandic])

    japan = ActionFilterSet({"country": "JP"}, queryset=published_actions())

    assert japan.is_valid()
    assert [a.title for a in japan.qs] == JAPANESE_ACTIONS
    assert list(ActionFilterSet({"country": "IS"}, queryset=published_actions()).qs) == []
    counts = facet_counts(ActionFilterSet({}, queryset=published_actions()))
    assert counts["country"]["JP"] == 3
    assert "IS" not in counts["country"]
    assert action in ActionFilterSet({}, queryset=published_actions()).qs
