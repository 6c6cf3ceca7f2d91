"""Every database constraint refuses bad data, with a clear Spanish message
when the data comes through validation, and at the database when it doesn't."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from agreements.models import Action, Agreement
from cdmx_global.models import Counterpart, GovernmentBody, SustainableDevelopmentGoal, Theme
from events.models import Award, Event, Visit
from networks.models import HostedOffice, Membership, Network, Position

D = datetime.date
PRECISION_MESSAGE = "La precisión de la fecha no corresponde a la fecha"


@pytest.fixture
def body(db):
    return GovernmentBody.objects.create(name="Coordinación General de Asuntos Internacionales", acronym="CGAI", slug="cgai")


@pytest.fixture
def network(body):
    return Network.objects.create(name="Red de prueba", slug="red-de-prueba", scope="global", body=body)


def build(model, body, network, **values):
    required = {
        Agreement: {"code": "cce-2014-prueba", "title": "Convenio de prueba", "kind": "specific_cooperation"},
        Action: {"title": "Acción de prueba", "kind": "project"},
        Event: {"name": "Evento de prueba", "mode": "hosted", "role": "organiser"},
        Visit: {"title": "Visita de prueba", "direction": "outgoing"},
        Award: {"title": "Premio de prueba", "category": "health"},
        Membership: {"network": network},
        Position: {"network": network, "title": "Vicepresidencia"},
        HostedOffice: {"network": network, "name": "Oficina regional"},
        Counterpart: {"name": "Quito", "slug": "quito", "kind": "city", "country": "EC"},
    }[model]
    return model(body=body, **{**required, **values})


def assert_refused(obj, message):
    with pytest.raises(ValidationError) as excinfo:
        obj.full_clean()
    assert message in " ".join(excinfo.value.messages)
    with pytest.raises(IntegrityError), transaction.atomic():
        obj.save()
    assert type(obj).objects.count() == 0


PARTIAL_DATES = [
    (Agreement, "sre_opinion_on"),
    (Agreement, "signed_on"),
    (Agreement, "in_force_on"),
    (Agreement, "valid_until"),
    (Agreement, "ended_on"),
    (Action, "start_on"),
    (Action, "end_on"),
    (Event, "start_on"),
    (Event, "end_on"),
    (Visit, "start_on"),
    (Visit, "end_on"),
    (Award, "awarded_on"),
    (Membership, "start_on"),
    (Position, "end_on"),
    (HostedOffice, "start_on"),
]

BAD_PRECISIONS = [
    pytest.param(D(2014, 3, 5), "year", id="year-not-1-january"),
    pytest.param(D(2014, 11, 5), "month", id="month-not-day-1"),
    pytest.param(None, "day", id="precision-without-date"),
    pytest.param(D(2014, 1, 1), "", id="date-without-precision"),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("model", "field"), PARTIAL_DATES)
@pytest.mark.parametrize(("value", "precision"), BAD_PRECISIONS)
def test_partial_date_with_inconsistent_precision_is_refused(body, network, model, field, value, precision):
    obj = build(model, body, network, **{field: value, f"{field}_precision": precision})
    assert_refused(obj, PRECISION_MESSAGE)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("value", "precision"),
    [(D(2014, 1, 1), "year"), (D(2014, 11, 1), "month"), (D(2010, 11, 21), "day"), (None, "")],
)
def test_partial_date_with_consistent_precision_is_accepted(body, network, value, precision):
    agreement = build(Agreement, body, network, signed_on=value, signed_on_precision=precision)
    agreement.full_clean()
    agreement.save()
    assert Agreement.objects.get().signed_on == value


def dated(**fields):
    """Day-precision dates, keyword by field name."""
    values = {}
    for name, value in fields.items():
        values[name] = value
        values[f"{name}_precision"] = "day"
    return values


BAD_RECORDS = [
    pytest.param(
        Agreement, dated(signed_on=D(2015, 5, 1), in_force_on=D(2015, 4, 1)),
        "La entrada en vigor no puede ser anterior a la firma.", id="agreement-in-force-before-signature",
    ),
    pytest.param(
        Agreement, dated(in_force_on=D(2015, 5, 1), valid_until=D(2015, 4, 30)),
        "La vigencia no puede terminar antes de la entrada en vigor.", id="agreement-validity-ends-before-start",
    ),
    pytest.param(
        Agreement, dated(signed_on=D(2015, 5, 1), valid_until=D(2014, 5, 1)),
        "La vigencia no puede terminar antes de la firma.", id="agreement-validity-ends-before-signature",
    ),
    pytest.param(
        Agreement, dated(signed_on=D(2015, 5, 1), ended_on=D(2015, 4, 1)),
        "La conclusión no puede ser anterior a la firma.", id="agreement-ends-before-signature",
    ),
    pytest.param(
        Agreement, dated(sre_opinion_on=D(2015, 6, 1), signed_on=D(2015, 5, 1)),
        "El dictamen de la SRE debe ser anterior a la firma.", id="agreement-sre-opinion-after-signature",
    ),
    pytest.param(
        Agreement, {"is_indefinite": True, **dated(valid_until=D(2020, 1, 2))},
        "Un acuerdo de vigencia indefinida no tiene fecha de término.", id="agreement-indefinite-with-end",
    ),
    pytest.param(
        Agreement, {"amount": -1, "currency": "MXN"},
        "El monto no puede ser negativo.", id="agreement-negative-amount",
    ),
    pytest.param(
        Agreement, {"amount": 1000}, "Indique la moneda del monto.", id="agreement-amount-without-currency",
    ),
    pytest.param(
        Action, dated(start_on=D(2017, 3, 1), end_on=D(2017, 2, 1)),
        "El fin de la acción no puede ser anterior a su inicio.", id="action-ends-before-start",
    ),
    pytest.param(
        Action, {"amount": 5}, "El monto no puede ser negativo y requiere moneda.", id="action-amount-without-currency",
    ),
    pytest.param(
        Event, dated(start_on=D(2016, 12, 2), end_on=D(2016, 12, 1)),
        "El evento no puede terminar antes de empezar.", id="event-ends-before-start",
    ),
    pytest.param(
        Visit, dated(start_on=D(2016, 12, 2), end_on=D(2016, 12, 1)),
        "El regreso no puede ser anterior a la salida.", id="visit-returns-before-leaving",
    ),
    pytest.param(
        Visit, {"honour": "guest"},
        "Sólo una visita recibida puede llevar distinción de huésped.", id="visit-honour-on-outgoing-trip",
    ),
    pytest.param(
        Visit, {"expenses": -10, "expenses_currency": "MXN"},
        "Los gastos no pueden ser negativos y requieren moneda.", id="visit-negative-expenses",
    ),
    pytest.param(
        Visit, {"direction": "incoming", "report_delivered_on": D(2017, 1, 1)},
        "Sólo una gira al extranjero lleva informe al Congreso.", id="visit-report-for-incoming",
    ),
    pytest.param(
        Membership, dated(start_on=D(2016, 1, 2), end_on=D(2016, 1, 1)),
        "El periodo no puede terminar antes de empezar.", id="membership-ends-before-start",
    ),
    pytest.param(
        Position, dated(start_on=D(2016, 1, 2), end_on=D(2016, 1, 1)),
        "El periodo no puede terminar antes de empezar.", id="position-ends-before-start",
    ),
    pytest.param(
        HostedOffice, dated(start_on=D(2016, 1, 2), end_on=D(2016, 1, 1)),
        "El periodo no puede terminar antes de empezar.", id="office-ends-before-start",
    ),
    pytest.param(
        Counterpart, {"is_un_system": True},
        "Sólo un organismo internacional puede pertenecer al sistema de Naciones Unidas.", id="un-flag-on-a-city",
    ),
    pytest.param(
        Counterpart, {"latitude": "-0.22"},
        "Indique latitud y longitud juntas, o ninguna.", id="latitude-without-longitude",
    ),
    pytest.param(
        Counterpart, {"latitude": "91", "longitude": "10"},
        "La latitud va de -90 a 90 y la longitud de -180 a 180.", id="latitude-out-of-range",
    ),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("model", "values", "message"), BAD_RECORDS)
def test_bad_record_is_refused_with_its_message(body, network, model, values, message):
    assert_refused(build(model, body, network, **values), message)


@pytest.mark.django_db
def test_end_on_the_same_day_as_start_is_accepted(body, network):
    agreement = build(Agreement, body, network, **dated(signed_on=D(2015, 5, 1), in_force_on=D(2015, 5, 1)))
    agreement.full_clean()
    agreement.save()
    assert Agreement.objects.get().in_force_on == D(2015, 5, 1)


@pytest.mark.django_db
def test_agreement_cannot_renew_itself(body, network):
    agreement = build(Agreement, body, network)
    agreement.save()
    agreement.renews = agreement
    with pytest.raises(ValidationError) as excinfo:
        agreement.full_clean()
    assert "Un acuerdo no puede renovarse a sí mismo." in excinfo.value.messages
    with pytest.raises(IntegrityError), transaction.atomic():
        agreement.save()
    assert Agreement.objects.get().renews is None


@pytest.mark.django_db
def test_event_cannot_be_its_own_parent(body, network):
    event = build(Event, body, network)
    event.save()
    event.parent = event
    with pytest.raises(ValidationError) as excinfo:
        event.full_clean()
    assert "Un evento no puede celebrarse en el marco de sí mismo." in excinfo.value.messages
    with pytest.raises(IntegrityError), transaction.atomic():
        event.save()


@pytest.mark.django_db
def test_sdg_number_outside_1_to_17_is_refused(db):
    goal = SustainableDevelopmentGoal(number=18, name="No existe")
    with pytest.raises(ValidationError) as excinfo:
        goal.full_clean()
    assert "Los ODS van del 1 al 17." in excinfo.value.messages
    with pytest.raises(IntegrityError), transaction.atomic():
        goal.save()


UNIQUE_CASES = [
    pytest.param(lambda body, network: build(Agreement, body, network), "Ya existe un acuerdo con esa clave.", id="agreement-code"),
    pytest.param(lambda body, network: Theme(name="Cultura", slug="cultura"), "Ya existe un tema con ese nombre.", id="theme-name"),
    pytest.param(
        lambda body, network: GovernmentBody(name="Secretaría de Cultura", slug="cultura"),
        "Ya existe una dependencia con ese nombre.", id="body-name",
    ),
    pytest.param(
        lambda body, network: Network(name="C40", slug="c40", scope="thematic", body=body),
        "Ya existe una red con ese nombre.", id="network-name",
    ),
    pytest.param(
        lambda body, network: SustainableDevelopmentGoal(number=11, name="Ciudades y comunidades sostenibles"),
        "Ya existe el ODS con ese número.", id="sdg-number",
    ),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("make", "message"), UNIQUE_CASES)
def test_duplicate_code_is_refused(body, network, make, message):
    make(body, network).save()
    duplicate = make(body, network)
    with pytest.raises(ValidationError) as excinfo:
        duplicate.full_clean()
    assert message in excinfo.value.messages
    with pytest.raises(IntegrityError), transaction.atomic():
        duplicate.save()


@pytest.mark.django_db
def test_counterpart_name_is_unique_within_a_country(body, network):
    build(Counterpart, body, network).save()
    same_name_elsewhere = build(Counterpart, body, network, slug="quito-2", country="ES")
    same_name_elsewhere.full_clean()
    same_name_elsewhere.save()
    duplicate = build(Counterpart, body, network, slug="quito-3")
    with pytest.raises(ValidationError) as excinfo:
        duplicate.full_clean()
    assert "Ya existe una contraparte con ese nombre en ese país." in excinfo.value.messages
    assert sorted(Counterpart.objects.values_list("slug", flat=True)) == ["quito", "quito-2"]
