"""A FilterSet copies its filters cheaply and reuses its form class
(``cdmx_global.listing``): nothing of one FilterSet, request or language
reaches the next one, and a draft never becomes a choice."""

import pytest
from django.utils import translation

from agreements.filters import AgreementFilterSet, UnConventionFilterSet
from agreements.models import Agreement
from agreements.selectors import published_agreements
from cdmx_global.filters import CounterpartFilterSet
from cdmx_global.models import Counterpart, PublicationStatus
from cdmx_global.selectors import published_counterpart_details
from tests.support.factories import AgreementFactory, ThemeFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("book")]

INVALID_THEME = {
    "es": "Escoja una opción válida. Esa opción no está entre las disponibles.",
    "en": "Select a valid choice. That choice is not one of the available choices.",
}


def slugs(queryset) -> list[str]:
    return sorted(counterpart.slug for counterpart in queryset)


def published_counterparts(**lookups) -> list[str]:
    return slugs(Counterpart.objects.filter(status=PublicationStatus.PUBLISHED, **lookups))


def test_filtersets_in_a_row_give_each_its_own_records():
    expected = [
        ({"kind": "city"}, published_counterparts(kind="city")),
        ({"un_system": "true"}, published_counterparts(is_un_system=True)),
        ({"kind": "international_org", "un_system": "false"},
         published_counterparts(kind="international_org", is_un_system=False)),
        ({}, published_counterparts()),
        ({"kind": "city"}, published_counterparts(kind="city")),
    ]
    assert all(records for _data, records in expected)
    for data, records in expected:
        filterset = CounterpartFilterSet(data, queryset=published_counterpart_details())
        assert filterset.is_valid(), filterset.errors
        assert filterset.form.cleaned_data == {"kind": "", "region": "", "country": "", "un_system": "", **data}
        assert slugs(filterset.qs) == records


def test_each_filterset_has_filters_of_its_own_bound_to_it():
    first = CounterpartFilterSet({"un_system": "true"})
    second = CounterpartFilterSet({"un_system": "false"})
    base = CounterpartFilterSet.base_filters
    assert list(first.filters) == list(second.filters) == list(base)
    for name, declared in base.items():
        assert first.filters[name] is not second.filters[name]
        assert declared not in (first.filters[name], second.filters[name])
        assert first.filters[name].extra is not declared.extra
        assert (first.filters[name].parent, second.filters[name].parent) == (first, second)
        assert not hasattr(declared, "parent")
    # A filter with a method calls it on its own FilterSet.
    assert first.filters["un_system"].filter.f is first.filters["un_system"]
    assert second.filters["un_system"].filter.f is second.filters["un_system"]
    assert first.is_valid() and second.is_valid()
    assert slugs(second.qs) == published_counterparts(is_un_system=False)
    assert slugs(first.qs) == published_counterparts(is_un_system=True)


def test_a_form_class_serves_one_filterset_class_and_its_filters():
    agreements = AgreementFilterSet({})
    conventions = UnConventionFilterSet({})
    assert agreements.form.__class__ is AgreementFilterSet({}).form.__class__
    assert list(agreements.form.fields) == ["kind", "validity", "region", "country", "theme", "sdg", "body", "year"]
    assert list(conventions.form.fields) == ["validity", "theme", "sdg", "body", "year"]
    assert agreements.form.fields["theme"] is not AgreementFilterSet({}).form.fields["theme"]


def test_a_draft_theme_is_refused_until_it_is_published(django_assert_num_queries):
    theme = ThemeFactory(draft=True, name="Tema en borrador")
    agreement = AgreementFactory(published=True, code="acuerdo-con-tema-nuevo")
    agreement.themes.add(theme)
    for language in ("es", "en", "es"):
        with translation.override(language):
            refused = AgreementFilterSet({"theme": theme.slug}, queryset=published_agreements())
            with django_assert_num_queries(1):  # the chosen theme, read again for each FilterSet
                assert not refused.is_valid()
            assert refused.errors == {"theme": [INVALID_THEME[language]]}
    theme.status = PublicationStatus.PUBLISHED
    theme.save()
    accepted = AgreementFilterSet({"theme": theme.slug}, queryset=published_agreements())
    with django_assert_num_queries(1):
        assert accepted.is_valid()
    assert list(accepted.qs) == [Agreement.objects.get(code="acuerdo-con-tema-nuevo")]


def test_list_pages_in_a_row_give_their_own_language_labels_and_errors(client):
    answers = [
        ("/contrapartes/", {"kind": "nada"}, "Tipo", "Seleccione una opción válida. nada no es una de las opciones disponibles."),
        ("/en/contrapartes/", {"kind": "nada"}, "Kind", "Select a valid choice. nada is not one of the available choices."),
        ("/contrapartes/", {"kind": "city"}, "Tipo", None),
        ("/en/contrapartes/", {"kind": "city"}, "Kind", None),
        ("/contrapartes/", {"kind": "nada"}, "Tipo", "Seleccione una opción válida. nada no es una de las opciones disponibles."),
    ]
    for path, params, label, error in answers:
        response = client.get(path, params)
        assert response.status_code == 200
        form = response.context["filter"].form
        assert str(form.fields["kind"].label) == label
        if error is None:
            assert form.errors == {}
            facets = {facet.name: facet for facet in response.context["facets"]}
            assert facets["kind"].label == label
            assert facets["kind"].selected.value == "city"
            assert response.context["result_count"] == len(published_counterparts(kind="city"))
        else:
            assert form.errors == {"kind": [error]}


def test_api_requests_in_a_row_give_their_own_records_and_messages(client):
    first = client.get("/api/v1/counterparts/", {"kind": "city", "page_size": 100})
    refused = client.get("/api/v1/counterparts/", {"un_system": "quizá"})
    refused_in_english = client.get("/api/v1/counterparts/", {"un_system": "quizá", "lang": "en"})
    second = client.get("/api/v1/counterparts/", {"un_system": "true", "page_size": 100})
    assert sorted(item["slug"] for item in first.json()["results"]) == published_counterparts(kind="city")[:100]
    assert refused.status_code == refused_in_english.status_code == 400
    assert refused.json() == {"un_system": ["Seleccione una opción válida. quizá no es una de las opciones disponibles."]}
    assert refused_in_english.json() == {"un_system": ["Select a valid choice. quizá is not one of the available choices."]}
    assert sorted(item["slug"] for item in second.json()["results"]) == published_counterparts(is_un_system=True)
