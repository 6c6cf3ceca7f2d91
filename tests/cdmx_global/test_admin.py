"""Staff data entry in the admin: every registered model lists, searches, shows,
adds and edits; the filters filter; dates show at their precision; every change
lands in the history with its author; invalid data comes back in Spanish."""

import re
from dataclasses import dataclass
from typing import Any

import pytest
from django.contrib import admin
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.text import capfirst

from agreements.models import Action, Agreement, AgreementKind, Validity
from cdmx_global.models import Counterpart
from cdmx_global.regions import Region
from events.models import Award, Event, Visit, VisitGuest
from networks.models import HostedOffice, Membership, Position

from tests.support import factories
from tests.support.admin_forms import form_data
from tests.support.factories import partial_date

pytestmark = pytest.mark.django_db


@dataclass(frozen=True)
class AdminCase:
    """One registered admin: how to make a record, and the text field staff read and search."""

    factory: Any
    text_field: str

    @property
    def model(self):
        return self.factory._meta.model

    def url(self, view: str, *args) -> str:
        opts = self.model._meta
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=args)


CASES = [
    AdminCase(factories.GovernmentBodyFactory, "name"),
    AdminCase(factories.ThemeFactory, "name"),
    AdminCase(factories.SustainableDevelopmentGoalFactory, "name"),
    AdminCase(factories.FrameworkFactory, "name"),
    AdminCase(factories.CounterpartFactory, "name"),
    AdminCase(factories.AgreementFactory, "title"),
    AdminCase(factories.ActionFactory, "title"),
    AdminCase(factories.NetworkFactory, "name"),
    AdminCase(factories.MembershipFactory, "role"),
    AdminCase(factories.PositionFactory, "title"),
    AdminCase(factories.HostedOfficeFactory, "name"),
    AdminCase(factories.EventFactory, "name"),
    AdminCase(factories.VisitFactory, "title"),
    AdminCase(factories.VisitGuestFactory, "name"),
    AdminCase(factories.AwardFactory, "title"),
]
admin_cases = pytest.mark.parametrize("case", CASES, ids=lambda case: case.model.__name__)
# A visit's guests are edited on the visit's page, under its version and review.
EDITABLE_CASES = [case for case in CASES if case.model is not VisitGuest]
editable_admin_cases = pytest.mark.parametrize("case", EDITABLE_CASES, ids=lambda case: case.model.__name__)

MATCHING_TEXT = "Zacatecas y Valparaíso"
OTHER_TEXT = "Oaxaca y Cusco"


def result_table(response) -> str:
    """The HTML of the changelist's table of results."""
    content = response.content.decode()
    start = content.index('id="result_list"')
    return content[start : content.index("</table>", start)]


def results(response) -> list:
    return list(response.context["cl"].result_list)


def filter_spec(response, parameter_name: str):
    return next(
        spec
        for spec in response.context["cl"].filter_specs
        if getattr(spec, "parameter_name", None) == parameter_name
    )


# Every registered admin --------------------------------------------------------


def test_every_model_but_the_historical_ones_is_registered_and_tested():
    registered = set(admin.site._registry)
    project_apps = {"cdmx_global", "agreements", "networks", "events"}
    project_models = {model for model in registered if model._meta.app_label in project_apps}
    assert project_models == {case.model for case in CASES}
    assert not any(model.__name__.startswith("Historical") for model in registered)


@admin_cases
def test_changelist_shows_the_records_text(admin_client, case):
    record = case.factory(**{case.text_field: MATCHING_TEXT})

    response = admin_client.get(case.url("changelist"))

    assert response.status_code == 200
    assert results(response) == [record]
    assert MATCHING_TEXT in result_table(response)


@admin_cases
def test_changelist_search_finds_only_the_matching_record(admin_client, case):
    match = case.factory(**{case.text_field: MATCHING_TEXT})
    case.factory(**{case.text_field: OTHER_TEXT})

    response = admin_client.get(case.url("changelist"), {"q": "Valparaíso"})

    assert results(response) == [match]
    table = result_table(response)
    assert MATCHING_TEXT in table
    assert OTHER_TEXT not in table


@editable_admin_cases
def test_change_page_shows_the_records_values(admin_client, case):
    record = case.factory(**{case.text_field: MATCHING_TEXT})

    response = admin_client.get(case.url("change", record.pk))

    assert response.status_code == 200
    content = response.content.decode()
    assert f"Modificar {case.model._meta.verbose_name}" in content
    assert f'value="{MATCHING_TEXT}"' in content
    form = response.context["adminform"].form
    assert form.instance == record
    assert form[case.text_field].value() == MATCHING_TEXT
    if hasattr(record, "body"):
        assert str(record.body) in content


def test_guest_page_is_read_only_and_points_to_its_visit(admin_client):
    guest = factories.VisitGuestFactory(name=MATCHING_TEXT)

    response = admin_client.get(reverse("admin:events_visitguest_change", args=[guest.pk]))

    assert "Ver persona visitante" in response.content.decode()
    assert admin_client.get(reverse("admin:events_visitguest_add")).status_code == 403


@editable_admin_cases
def test_add_page_renders_in_spanish(admin_client, case):
    response = admin_client.get(case.url("add"))

    assert response.status_code == 200
    content = response.content.decode()
    assert f"Agregar {case.model._meta.verbose_name}" in content
    assert str(capfirst(case.model._meta.get_field(case.text_field).verbose_name)) in content
    if hasattr(case.model, "status"):
        assert "Publicación" in content


# The history --------------------------------------------------------------------


def staff_user_who_may_change(record, username="lucia.enlace"):
    """The liaison of the record's body, or someone allowed to change catalogues."""
    if hasattr(record, "body"):
        return factories.liaison(record.body, username=username)
    user = factories.UserFactory(username=username)
    opts = record._meta
    user.user_permissions.set(
        Permission.objects.filter(
            content_type__app_label=opts.app_label,
            codename__in=[f"view_{opts.model_name}", f"change_{opts.model_name}"],
        )
    )
    return user


@editable_admin_cases
def test_change_through_the_admin_lands_in_history_with_its_author(client, case):
    record = case.factory(**{case.text_field: OTHER_TEXT})
    user = staff_user_who_may_change(record)
    client.force_login(user)
    change_url = case.url("change", record.pk)

    response = client.post(
        change_url, form_data(client.get(change_url), **{case.text_field: MATCHING_TEXT})
    )

    assert response.status_code == 302, response.context["adminform"].form.errors
    latest = record.history.latest()
    assert latest.history_type == "~"
    assert latest.history_user == user
    assert getattr(latest, case.text_field) == MATCHING_TEXT
    assert getattr(latest.prev_record, case.text_field) == OTHER_TEXT

    history = client.get(case.url("history", record.pk)).content.decode()
    label = str(capfirst(case.model._meta.get_field(case.text_field).verbose_name))
    assert user.username in history
    assert re.search(
        rf"<strong>{re.escape(label)}:</strong>\s*{OTHER_TEXT}\s*&nbsp;&rarr;&nbsp;&nbsp;{MATCHING_TEXT}",
        history,
    )


def test_history_shows_choice_labels_not_stored_values(admin_client):
    agreement = factories.AgreementFactory(kind=AgreementKind.SPECIFIC_COOPERATION)
    change_url = reverse("admin:agreements_agreement_change", args=[agreement.pk])
    admin_client.post(change_url, form_data(admin_client.get(change_url), kind=AgreementKind.TWINNING))

    history = admin_client.get(reverse("admin:agreements_agreement_history", args=[agreement.pk]))

    assert re.search(
        r"<strong>Tipo de instrumento:</strong>\s*Cooperación específica\s*&nbsp;&rarr;&nbsp;&nbsp;Hermanamiento",
        history.content.decode(),
    )


def test_inline_change_records_the_author_in_the_inlines_history(client):
    visit = factories.VisitFactory(incoming=True)
    guest = factories.VisitGuestFactory(visit=visit, name="Anne Hidalgo", position="Alcaldesa")
    user = staff_user_who_may_change(visit, username="marta.enlace")
    client.force_login(user)
    change_url = reverse("admin:events_visit_change", args=[visit.pk])
    data = form_data(client.get(change_url))
    guest_prefix = next(key for key, value in data.items() if value == "Anne Hidalgo").removesuffix("name")
    data[f"{guest_prefix}position"] = "Alcaldesa de París"

    response = client.post(change_url, data)

    assert response.status_code == 302
    latest = guest.history.latest()
    assert (latest.position, latest.history_user) == ("Alcaldesa de París", user)


# Invalid data ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (
            {"signed_on": "2014-03-05", "signed_on_precision": "year"},
            "La precisión de la fecha no corresponde a la fecha: una fecha con precisión «Año» "
            "debe ser el 1 de enero",
        ),
        (
            {
                "signed_on": "2013-05-02",
                "signed_on_precision": "day",
                "in_force_on": "2015-01-01",
                "in_force_on_precision": "day",
                "valid_until": "2014-06-01",
                "valid_until_precision": "day",
            },
            "La vigencia no puede terminar antes de la entrada en vigor.",
        ),
        (
            {"is_indefinite": "on", "valid_until": "2020-01-01", "valid_until_precision": "year"},
            "Un acuerdo de vigencia indefinida no tiene fecha de término.",
        ),
    ],
    ids=["year-precision-with-a-day", "valid-until-before-in-force", "indefinite-with-an-end"],
)
def test_invalid_agreement_change_is_refused_with_the_spanish_message(admin_client, changes, message):
    agreement = factories.AgreementFactory(**partial_date("signed_on", 2013, 5, 2))
    before = (Agreement.objects.values().get(pk=agreement.pk), agreement.history.count())
    change_url = reverse("admin:agreements_agreement_change", args=[agreement.pk])

    response = admin_client.post(change_url, form_data(admin_client.get(change_url), **changes))

    assert response.status_code == 200
    assert message in " ".join(response.context["adminform"].form.non_field_errors())
    assert message in response.content.decode()
    assert "Por favor, corrija el siguiente error." in response.content.decode()
    assert (Agreement.objects.values().get(pk=agreement.pk), agreement.history.count()) == before


def test_invalid_agreement_is_not_added(admin_client):
    body = factories.GovernmentBodyFactory()
    add_url = reverse("admin:agreements_agreement_add")
    data = form_data(
        admin_client.get(add_url),
        code="cce-2014-prueba",
        title="Acuerdo de prueba",
        kind=AgreementKind.TWINNING,
        body=str(body.pk),
        signed_on="2014-03-05",
        signed_on_precision="year",
    )

    response = admin_client.post(add_url, data)

    assert response.status_code == 200
    assert "una fecha con precisión «Año» debe ser el 1 de enero" in response.content.decode()
    assert not Agreement.objects.exists()
    assert not Agreement.history.exists()


def test_invalid_counterpart_coordinates_are_refused(admin_client):
    counterpart = factories.CounterpartFactory()
    change_url = reverse("admin:cdmx_global_counterpart_change", args=[counterpart.pk])

    response = admin_client.post(change_url, form_data(admin_client.get(change_url), latitude="48.85"))

    assert "Indique latitud y longitud juntas, o ninguna." in response.content.decode()
    counterpart.refresh_from_db()
    assert counterpart.latitude is None


# Partial dates at their precision ------------------------------------------------


@pytest.mark.parametrize(
    ("date", "shown", "not_shown"),
    [
        (partial_date("signed_on", 2014), "2014", "1 de enero de 2014"),
        (partial_date("signed_on", 2014, 11), "noviembre de 2014", "1 de noviembre de 2014"),
        (partial_date("signed_on", 2010, 11, 21), "21 de noviembre de 2010", ">noviembre de 2010<"),
    ],
    ids=["year", "month", "day"],
)
def test_agreement_changelist_shows_the_signature_date_at_its_precision(admin_client, date, shown, not_shown):
    factories.AgreementFactory(**date)

    table = result_table(admin_client.get(reverse("admin:agreements_agreement_changelist")))

    assert f'<td class="field-signed_on_display">{shown}</td>' in table
    assert not_shown not in table


def test_award_changelist_shows_a_year_precision_date_as_the_year(admin_client):
    factories.AwardFactory(**partial_date("awarded_on", 2016))

    table = result_table(admin_client.get(reverse("admin:events_award_changelist")))

    assert '<td class="field-awarded_on_display">2016</td>' in table


def test_period_column_shows_both_ends_at_their_precision(admin_client):
    factories.ActionFactory(**partial_date("start_on", 2014, 11), **partial_date("end_on", 2016))

    table = result_table(admin_client.get(reverse("admin:agreements_action_changelist")))

    assert '<td class="field-period_display">noviembre de 2014–2016</td>' in table


# List filters --------------------------------------------------------------------


def changelist(admin_client, model, **params):
    opts = model._meta
    return admin_client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"), params)


def test_status_filter(admin_client):
    published = factories.AgreementFactory(published=True)
    factories.AgreementFactory()
    factories.AgreementFactory(review=True)

    assert results(changelist(admin_client, Agreement, status__exact="published")) == [published]


def test_kind_filter(admin_client):
    twinning = factories.AgreementFactory(kind=AgreementKind.TWINNING)
    factories.AgreementFactory(kind=AgreementKind.MEMORANDUM)

    assert results(changelist(admin_client, Agreement, kind__exact="twinning")) == [twinning]


def test_validity_filter(admin_client):
    in_force = factories.AgreementFactory(validity=Validity.IN_FORCE)
    factories.AgreementFactory(validity=Validity.ENDED)

    assert results(changelist(admin_client, Agreement, validity__exact="in_force")) == [in_force]


def test_counterpart_region_filter(admin_client):
    paris = factories.CounterpartFactory(name="París", country="FR")
    factories.CounterpartFactory(name="Tokio", country="JP")

    assert results(changelist(admin_client, Counterpart, region__exact=Region.EUROPE)) == [paris]


@pytest.mark.parametrize(
    ("factory", "model"),
    [
        (factories.AgreementFactory, Agreement),
        (factories.ActionFactory, Action),
        (factories.VisitFactory, Visit),
    ],
    ids=["agreement", "action", "visit"],
)
def test_counterparts_region_filter_lists_each_record_once(admin_client, factory, model):
    paris = factories.CounterpartFactory(name="París", country="FR")
    madrid = factories.CounterpartFactory(name="Madrid", country="ES")
    tokyo = factories.CounterpartFactory(name="Tokio", country="JP")
    european = factory(counterparts=[paris, madrid])
    factory(counterparts=[tokyo])
    factory()

    response = changelist(admin_client, model, counterparts__region=Region.EUROPE)

    assert results(response) == [european]
    assert response.context["cl"].result_count == 1


def test_counterparts_country_filter_offers_the_countries_present_by_name(admin_client):
    paris = factories.CounterpartFactory(name="París", country="FR")
    lyon = factories.CounterpartFactory(name="Lyon", country="FR")
    tokyo = factories.CounterpartFactory(name="Tokio", country="JP")
    factories.CounterpartFactory(name="Berlín", country="DE")  # in no agreement
    french = factories.AgreementFactory(counterparts=[paris, lyon])
    factories.AgreementFactory(counterparts=[tokyo])

    response = changelist(admin_client, Agreement, counterparts__country="FR")

    assert results(response) == [french]
    assert filter_spec(response, "counterparts__country").lookup_choices == [("FR", "Francia"), ("JP", "Japón")]


def test_event_country_filter(admin_client):
    tokyo = factories.EventFactory(mode="attended", city="Tokio", country="JP")
    factories.EventFactory(country="MX")

    response = changelist(admin_client, Event, country="JP")

    assert results(response) == [tokyo]
    assert filter_spec(response, "country").lookup_choices == [("JP", "Japón"), ("MX", "México")]
    assert '<td class="field-country_name">Japón</td>' in result_table(response)


def test_theme_filter(admin_client):
    mobility = factories.ThemeFactory(name="Movilidad")
    culture = factories.ThemeFactory(name="Cultura")
    on_mobility = factories.AgreementFactory(themes=[mobility, culture])
    factories.AgreementFactory(themes=[culture])

    assert results(changelist(admin_client, Agreement, themes__id__exact=mobility.pk)) == [on_mobility]


def test_body_filter(admin_client):
    sedema = factories.GovernmentBodyFactory(name="Secretaría del Medio Ambiente", acronym="SEDEMA")
    by_sedema = factories.VisitFactory(body=sedema)
    factories.VisitFactory()

    assert results(changelist(admin_client, Visit, body__id__exact=sedema.pk)) == [by_sedema]


def test_year_filter_offers_the_years_present_and_filters_every_precision(admin_client):
    year_only = factories.AgreementFactory(**partial_date("signed_on", 2014))
    same_year_day = factories.AgreementFactory(**partial_date("signed_on", 2014, 11, 21))
    factories.AgreementFactory(**partial_date("signed_on", 2015, 3))
    factories.AgreementFactory(signed_on=None, signed_on_precision="")

    response = changelist(admin_client, Agreement, signed_on__year="2014")

    assert set(results(response)) == {year_only, same_year_day}
    assert response.context["cl"].result_count == 2
    assert filter_spec(response, "signed_on__year").lookup_choices == [("2015", "2015"), ("2014", "2014")]


@pytest.mark.parametrize(
    ("factory", "model", "field"),
    [
        (factories.ActionFactory, Action, "start_on"),
        (factories.EventFactory, Event, "start_on"),
        (factories.VisitFactory, Visit, "start_on"),
        (factories.AwardFactory, Award, "awarded_on"),
        (factories.MembershipFactory, Membership, "start_on"),
    ],
    ids=["action", "event", "visit", "award", "membership"],
)
def test_year_filter_on_other_records(admin_client, factory, model, field):
    in_2016 = factory(**partial_date(field, 2016))
    factory(**partial_date(field, 2017, 5, 4))

    assert results(changelist(admin_client, model, **{f"{field}__year": "2016"})) == [in_2016]


def test_year_filter_with_a_non_year_shows_the_error_page_not_a_crash(admin_client):
    factories.AgreementFactory()

    response = changelist(admin_client, Agreement, signed_on__year="dos mil")

    assert response.status_code == 302
    assert response.url.endswith("?e=1")


def test_custom_filters_count_their_records_when_facets_are_shown(admin_client):
    paris = factories.CounterpartFactory(name="París", country="FR")
    lyon = factories.CounterpartFactory(name="Lyon", country="FR")
    factories.AgreementFactory(counterparts=[paris, lyon], **partial_date("signed_on", 2014))
    factories.AgreementFactory(counterparts=[paris], **partial_date("signed_on", 2014, 11))
    factories.AgreementFactory(**partial_date("signed_on", 2015))

    content = changelist(admin_client, Agreement, _facets="True").content.decode()

    for option in ["2015 (1)", "2014 (2)", "Francia (2)", "Europa (2)"]:
        assert f">{option}</a>" in content, option


def test_filters_are_titled_in_spanish(admin_client):
    factories.AgreementFactory(
        counterparts=[factories.CounterpartFactory(country="FR")],
        themes=[factories.ThemeFactory()],
    )
    factories.AgreementFactory()  # a second body, so the body filter has a choice to make

    content = changelist(admin_client, Agreement).content.decode()

    for title in [
        "estado de publicación",
        "tipo de instrumento",
        "vigencia",
        "año de «fecha de firma»",
        "región",
        "país",
        "temas",
        "área responsable",
    ]:
        assert f"Por {title}" in content, title


# Read-only region ----------------------------------------------------------------


def test_counterpart_region_is_shown_read_only_and_derived_from_the_country(admin_client):
    counterpart = factories.CounterpartFactory(country="FR")
    change_url = reverse("admin:cdmx_global_counterpart_change", args=[counterpart.pk])
    page = admin_client.get(change_url)

    assert 'name="region"' not in page.content.decode()
    assert '<div class="readonly">Europa</div>' in page.content.decode()

    admin_client.post(change_url, form_data(page, country="JP", region=Region.LATIN_AMERICA))

    counterpart.refresh_from_db()
    assert counterpart.region == Region.ASIA


# Autocomplete ---------------------------------------------------------------------


def test_agreement_form_uses_autocomplete_for_related_records(admin_client):
    single = {"body", "renews", "signed_at_event"}
    multiple = {"counterparts", "other_bodies", "themes", "sdgs", "frameworks"}

    form = admin_client.get(reverse("admin:agreements_agreement_add")).context["adminform"].form

    widgets = {name: type(form.fields[name].widget.widget).__name__ for name in single | multiple}
    assert widgets == {
        **dict.fromkeys(single, "AutocompleteSelect"),
        **dict.fromkeys(multiple, "AutocompleteSelectMultiple"),
    }


def test_counterpart_autocomplete_finds_by_name(admin_client):
    paris = factories.CounterpartFactory(name="París", country="FR")
    factories.CounterpartFactory(name="Tokio", country="JP")

    response = admin_client.get(
        reverse("admin:autocomplete"),
        {"term": "Par", "app_label": "agreements", "model_name": "agreement", "field_name": "counterparts"},
    )

    assert [item["id"] for item in response.json()["results"]] == [str(paris.pk)]


# Fieldsets -------------------------------------------------------------------------


def test_agreement_fieldsets_follow_the_legal_steps(admin_client):
    response = admin_client.get(reverse("admin:agreements_agreement_add"))

    fields_by_fieldset = {
        str(fieldset.name): [field for line in fieldset for field in line.fields]
        for fieldset in response.context["adminform"]
    }
    assert list(fields_by_fieldset) == [
        "Identificación",
        "Partes",
        "Trámite jurídico",
        "Vigencia",
        "Contenido",
        "Clasificación",
        "Publicación",
    ]
    assert fields_by_fieldset["Trámite jurídico"] == [
        "sre_opinion_on",
        "sre_opinion_on_precision",
        "sre_opinion_number",
        "sre_opinion",
        "sre_registration_number",
        "signed_on",
        "signed_on_precision",
        "signed_place",
        "signed_period_note",
    ]
    assert fields_by_fieldset["Publicación"] == [
        "status",
        "submitted_at",
        "submitted_by",
        "published_at",
        "published_by",
        "withdrawn_at",
        "withdrawn_by",
        "review_note",
        "source_citation",
        "source_excerpt",
        "created_at",
        "updated_at",
        "seen_version",
    ]


def test_network_page_edits_memberships_positions_and_offices_inline(admin_client):
    network = factories.NetworkFactory()
    factories.MembershipFactory(network=network, role="Miembro fundador")
    factories.PositionFactory(network=network, title="Copresidencia")
    factories.HostedOfficeFactory(network=network, name="Oficina para América Latina")

    response = admin_client.get(reverse("admin:networks_network_change", args=[network.pk]))

    inlines = {
        inline.formset.model: [form.instance for form in inline.formset.forms]
        for inline in response.context["inline_admin_formsets"]
    }
    assert set(inlines) == {Membership, Position, HostedOffice}
    content = response.content.decode()
    for text in ["Miembro fundador", "Copresidencia", "Oficina para América Latina"]:
        assert text in content


# Query counts ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("factory", "related"),
    [
        (factories.AgreementFactory, "counterparts"),
        (factories.ActionFactory, "counterparts"),
        (factories.VisitFactory, "counterparts"),
        (factories.AwardFactory, "granted_by"),
        (factories.EventFactory, "organisers"),
    ],
    ids=["agreement", "action", "visit", "award", "event"],
)
def test_changelist_queries_do_not_grow_with_the_rows(admin_client, factory, related):
    opts = factory._meta.model._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")

    def queries_for_the_page():
        with CaptureQueriesContext(connection) as queries:
            assert admin_client.get(url).status_code == 200
        return len(queries)

    factory(**{related: factories.CounterpartFactory.create_batch(2)})
    admin_client.get(url)  # the session and the content types are cached from here on
    with_one = queries_for_the_page()
    for _ in range(4):
        factory(**{related: factories.CounterpartFactory.create_batch(2)})

    assert queries_for_the_page() == with_one
