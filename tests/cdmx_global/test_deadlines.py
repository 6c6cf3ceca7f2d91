"""Deadlines: agreements ending within 90 days or already past their end, trip
reports to Congress due or late; on the admin index, scoped to what each staff
member may see, and in the daily email digest."""

import datetime
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from background.models import Email
from agreements.models import Validity
from agreements.selectors import agreements_ending_soon, agreements_past_end
from cdmx_global import deadlines
from cdmx_global.deadlines import DeadlineItem, DeadlineSection, collect_deadlines, register_section
from cdmx_global.models import PublicationStatus
from cdmx_global.partial_dates import DatePrecision, PartialDate
from events.selectors import trip_reports_due

from tests.support import factories
from tests.support.factories import partial_date

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 11, 23)  # 90 days on: 21 February 2027


def agreement(until=None, *, validity=Validity.IN_FORCE, **kwargs):
    """An agreement valid until ``until`` — (year,), (year, month) or (year, month, day)."""
    dates = partial_date("valid_until", *until) if until else {}
    return factories.AgreementFactory(validity=validity, **dates, **kwargs)


def trip(back=(2026, 11, 8), **kwargs):
    """An outgoing trip back on ``back`` (by default: report due on TODAY)."""
    return factories.VisitFactory(**partial_date("end_on", *back), **kwargs)


def days_ago(days: int, today: datetime.date | None = None) -> tuple[int, int, int]:
    day = (today or TODAY) - datetime.timedelta(days=days)
    return day.year, day.month, day.day


def lists_on(today: datetime.date = TODAY) -> dict:
    return {
        "ending_soon": list(agreements_ending_soon(today=today)),
        "past_end": list(agreements_past_end(today=today)),
    }


def trip_lists_on(today: datetime.date = TODAY) -> dict:
    visits = list(trip_reports_due(today=today))
    return {
        "due": [visit for visit in visits if not visit.report_is_late],
        "late": [visit for visit in visits if visit.report_is_late],
    }


# Agreements ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("until", "listed_in"),
    [
        ((2026, 11, 23), "ending_soon"),
        ((2027, 2, 21), "ending_soon"),
        ((2027, 2, 22), None),
        ((2026, 11, 22), "past_end"),
        ((2026, 11), "ending_soon"),
        ((2026, 10), "past_end"),
        ((2027, 2), "ending_soon"),
        ((2027, 3), None),
        ((2025,), "past_end"),
        ((2026,), "ending_soon"),
        # A year stands for the whole year: 2027 may end on 1 January, within the 90 days.
        ((2027,), "ending_soon"),
        ((2028,), None),
    ],
    ids=[
        "day-today",
        "day-in-90-days",
        "day-in-91-days",
        "day-yesterday",
        "month-this-month",
        "month-last-month",
        "month-reaching-the-90th-day",
        "month-after-the-90th-day",
        "year-last-year",
        "year-this-year",
        "year-next-year",
        "year-after-next",
    ],
)
def test_agreement_end_lands_in_the_list_its_period_says(until, listed_in):
    record = agreement(until)

    assert lists_on() == {name: [record] if name == listed_in else [] for name in ("ending_soon", "past_end")}


@pytest.mark.parametrize(
    "kwargs",
    [
        {"until": (2026, 11, 23), "validity": Validity.ENDED},
        {"until": (2026, 11, 22), "validity": Validity.ENDED},
        {"until": (2026, 11, 23), "validity": Validity.UNKNOWN},
        {"until": (2026, 11, 23), "validity": Validity.NEGOTIATION},
        {"until": (2026, 11, 23), "status": PublicationStatus.WITHDRAWN},
        {"until": (2026, 11, 22), "status": PublicationStatus.WITHDRAWN},
        {"until": None, "is_indefinite": True},
        {"until": None},
    ],
    ids=["ended", "ended-past", "unknown", "negotiation", "withdrawn", "withdrawn-past", "indefinite", "no-end"],
)
def test_agreement_not_in_force_withdrawn_or_without_end_is_in_no_list(kwargs):
    agreement(**kwargs)

    assert lists_on() == {"ending_soon": [], "past_end": []}


@pytest.mark.parametrize("status", [PublicationStatus.DRAFT, PublicationStatus.REVIEW, PublicationStatus.PUBLISHED])
def test_agreement_in_every_step_but_withdrawn_is_staffs_work(status):
    ending, ended = agreement((2026, 12, 1), status=status), agreement((2026, 1, 1), status=status)

    assert lists_on() == {"ending_soon": [ending], "past_end": [ended]}


def test_agreements_are_ordered_by_the_earliest_day_they_may_end():
    in_90_days = agreement((2027, 2, 21), title="Noventa días")
    february = agreement((2027, 2), title="Febrero")
    next_year = agreement((2027,), title="El año próximo")
    today = agreement((2026, 11, 23), title="Hoy")
    this_month = agreement((2026, 11), title="Este mes")
    this_year = agreement((2026,), title="Este año")
    yesterday = agreement((2026, 11, 22), title="Ayer")
    last_month = agreement((2026, 10), title="El mes pasado")
    last_year = agreement((2025,), title="El año pasado")

    assert lists_on() == {
        "ending_soon": [this_year, this_month, today, next_year, february, in_90_days],
        "past_end": [last_year, last_month, yesterday],
    }


def test_agreements_ending_soon_takes_another_window():
    in_30_days, in_31_days = agreement((2026, 12, 23)), agreement((2026, 12, 24))

    assert list(agreements_ending_soon(today=TODAY, days=30)) == [in_30_days]
    assert in_31_days in agreements_ending_soon(today=TODAY)


def test_agreement_selectors_narrow_the_given_queryset():
    body = factories.GovernmentBodyFactory()
    own = agreement((2026, 12, 1), body=body)
    agreement((2026, 12, 1))
    own_past = agreement((2026, 1, 1), body=body)
    agreement((2026, 1, 1))
    queryset = own.__class__.objects.filter(body=body)

    assert list(agreements_ending_soon(today=TODAY, queryset=queryset)) == [own]
    assert list(agreements_past_end(today=TODAY, queryset=queryset)) == [own_past]


# Trip reports -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "listed_in"),
    [
        ({"back": (2026, 11, 23)}, "due"),
        ({"back": (2026, 11, 8)}, "due"),
        ({"back": (2026, 11, 7)}, "late"),
        ({"back": (2026, 11, 24)}, None),
        ({"back": (2026, 11, 7), "report_delivered_on": datetime.date(2026, 11, 20)}, None),
        ({"back": (2026, 11, 8), "report_delivered_on": datetime.date(2026, 11, 20)}, None),
        ({"back": (2026, 10)}, None),
        ({"back": (2026,)}, None),
        ({"back": (2026, 11, 7), "incoming": True}, None),
        ({"back": (2026, 11, 7), "status": PublicationStatus.WITHDRAWN}, None),
        ({"back": (2026, 11, 7), "status": PublicationStatus.REVIEW}, "late"),
        ({"back": (2026, 11, 8), "status": PublicationStatus.PUBLISHED}, "due"),
    ],
    ids=[
        "back-today",
        "back-15-days-ago-due-today",
        "back-16-days-ago-late-by-one",
        "not-back-yet",
        "late-but-delivered",
        "due-but-delivered",
        "month-precision-return",
        "year-precision-return",
        "incoming-visit",
        "withdrawn",
        "in-review",
        "published",
    ],
)
def test_trip_lands_in_the_list_its_return_says(kwargs, listed_in):
    record = trip(**kwargs)

    assert trip_lists_on() == {name: [record] if name == listed_in else [] for name in ("due", "late")}


def test_trip_reports_are_ordered_by_due_day():
    back_today = trip((2026, 11, 23), title="Regreso hoy")
    due_today = trip((2026, 11, 8), title="Vence hoy")
    long_late = trip((2026, 9, 1), title="Muy atrasado")
    late_by_one = trip((2026, 11, 7), title="Un día de atraso")

    assert trip_lists_on() == {"due": [due_today, back_today], "late": [long_late, late_by_one]}


# The digest ---------------------------------------------------------------------


def digest_rows(digest) -> list[tuple[str, list[tuple[str, str, str, str]]]]:
    return [
        (
            part.section.key,
            [(str(item.record), item.body_label, str(item.date), str(item.remaining)) for item in part.items],
        )
        for part in digest
    ]


def test_digest_shows_each_date_at_its_precision_with_days_left_or_late():
    body = factories.GovernmentBodyFactory(name="Secretaría de Movilidad", acronym="SEMOVI")
    agreement((2026, 11, 23), title="Acuerdo que vence hoy", body=body)
    agreement((2026, 11, 24), title="Acuerdo que vence mañana", body=body)
    agreement((2027, 2, 21), title="Acuerdo a noventa días", body=body)
    agreement((2027,), title="Acuerdo hasta 2027", body=body)
    agreement((2026, 11, 22), title="Acuerdo que terminó ayer", body=body)
    agreement((2026, 10, 14), title="Acuerdo que terminó en octubre", body=body)
    agreement((2026, 10), title="Acuerdo de octubre", body=body)
    trip((2026, 11, 8), title="Gira a Nagoya", body=body)
    trip((2026, 11, 23), title="Gira a París", body=body)
    trip((2026, 11, 22), title="Gira a Quito", body=body)
    trip((2026, 11, 7), title="Gira a Madrid", body=body)
    trip((2026, 11, 6), title="Gira a Moscú", body=body)

    assert digest_rows(collect_deadlines(today=TODAY)) == [
        (
            "agreements.ending_soon",
            [
                ("Acuerdo que vence hoy", "SEMOVI", "23 de noviembre de 2026", "vence hoy"),
                ("Acuerdo que vence mañana", "SEMOVI", "24 de noviembre de 2026", "falta 1 día"),
                ("Acuerdo hasta 2027", "SEMOVI", "2027", "sin día exacto registrado"),
                ("Acuerdo a noventa días", "SEMOVI", "21 de febrero de 2027", "faltan 90 días"),
            ],
        ),
        (
            "agreements.past_end",
            [
                ("Acuerdo de octubre", "SEMOVI", "octubre de 2026", "sin día exacto registrado"),
                ("Acuerdo que terminó en octubre", "SEMOVI", "14 de octubre de 2026", "terminó hace 40 días"),
                ("Acuerdo que terminó ayer", "SEMOVI", "22 de noviembre de 2026", "terminó ayer"),
            ],
        ),
        (
            "events.trip_reports_late",
            [
                ("Gira a Moscú", "SEMOVI", "21 de noviembre de 2026", "2 días de atraso"),
                ("Gira a Madrid", "SEMOVI", "22 de noviembre de 2026", "1 día de atraso"),
            ],
        ),
        (
            "events.trip_reports_due",
            [
                ("Gira a Nagoya", "SEMOVI", "23 de noviembre de 2026", "vence hoy"),
                ("Gira a Quito", "SEMOVI", "7 de diciembre de 2026", "faltan 14 días"),
                ("Gira a París", "SEMOVI", "8 de diciembre de 2026", "faltan 15 días"),
            ],
        ),
        # Drafts only: no agreement the report reads lacks its evaluation.
        ("reports.evaluations_missing", []),
    ]


def test_digest_for_a_liaison_holds_only_its_bodys_records():
    body_a, body_b = factories.GovernmentBodyFactory(), factories.GovernmentBodyFactory()
    own_agreement, own_trip = agreement((2026, 12, 1), body=body_a), trip(body=body_a)
    agreement((2026, 12, 1), body=body_b)
    trip(body=body_b)
    trip((2026, 11, 1), body=body_b)

    liaison_digest = collect_deadlines(user=factories.liaison(body_a), today=TODAY)
    reviewer_digest = collect_deadlines(user=factories.reviewer(), today=TODAY)

    assert {part.section.key: [item.record for item in part.items] for part in liaison_digest} == {
        "agreements.ending_soon": [own_agreement],
        "agreements.past_end": [],
        "events.trip_reports_late": [],
        "events.trip_reports_due": [own_trip],
        "reports.evaluations_missing": [],
    }
    assert [len(part.items) for part in reviewer_digest] == [2, 0, 1, 2, 0]


def test_digest_for_staff_without_a_body_or_review_role_is_empty():
    agreement((2026, 12, 1))
    trip()

    digest = collect_deadlines(user=factories.administrator(), today=TODAY)

    assert [part.items for part in digest] == [[], [], [], [], []]


def test_a_registered_section_joins_the_digest_without_touching_the_others(monkeypatch):
    monkeypatch.setattr(deadlines, "_sections", dict(deadlines._sections))
    record = agreement((2026, 1, 1), title="Acuerdo sin evaluación")

    def items(user, today):
        return [DeadlineItem(record, PartialDate(today, DatePrecision.DAY), "pendiente")]

    register_section(
        DeadlineSection(key="reports.evaluations", title="Sin evaluación", date_heading="Semestre", items=items)
    )

    digest = collect_deadlines(today=TODAY)
    assert [part.section.key for part in digest] == [
        "agreements.ending_soon",
        "agreements.past_end",
        "events.trip_reports_late",
        "events.trip_reports_due",
        "reports.evaluations_missing",
        "reports.evaluations",
    ]
    assert digest[-1].items == [DeadlineItem(record, PartialDate(TODAY, DatePrecision.DAY), "pendiente")]


# The admin index ----------------------------------------------------------------


def deadlines_html(response) -> str:
    content = response.content.decode()
    start = content.index('<section id="deadlines"')
    return content[start : content.index("</section>", start)]


def change_url(record) -> str:
    opts = record._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[record.pk])


@pytest.fixture
def two_bodies_deadlines():
    """Due records of body A and body B, relative to the real today (the index has no other clock)."""
    today = timezone.localdate()
    body_a = factories.GovernmentBodyFactory(name="Secretaría A", acronym="SEC-A")
    body_b = factories.GovernmentBodyFactory(name="Secretaría B", acronym="SEC-B")
    in_ten_days = today + datetime.timedelta(days=10)
    return {
        "today": today,
        "body_a": body_a,
        "agreement_a": agreement(
            (in_ten_days.year, in_ten_days.month, in_ten_days.day), title="Acuerdo con Montevideo", body=body_a
        ),
        "trip_a": trip(days_ago(15, today), title="Gira a Nagoya", body=body_a),
        "trip_b": trip(days_ago(16, today), title="Gira a Barcelona", body=body_b),
        "withdrawn_a": trip(days_ago(16, today), title="Gira retirada", body=body_a, withdrawn=True),
    }


def test_admin_index_shows_every_bodys_deadlines_to_a_reviewer(client, two_bodies_deadlines):
    data = two_bodies_deadlines
    client.force_login(factories.reviewer())

    response = client.get(reverse("admin:index"))

    html = deadlines_html(response)
    assertContains(
        response,
        f"""<tr><th scope="row"><a href="{change_url(data["agreement_a"])}">Acuerdo con Montevideo</a></th>
        <td>SEC-A</td><td>{PartialDate.of(data["agreement_a"], "valid_until")}</td><td>faltan 10 días</td></tr>""",
        html=True,
    )
    assertContains(
        response,
        f"""<tr><th scope="row"><a href="{change_url(data["trip_a"])}">Gira a Nagoya</a></th>
        <td>SEC-A</td><td>{PartialDate(data["today"], DatePrecision.DAY)}</td><td>vence hoy</td></tr>""",
        html=True,
    )
    assertContains(
        response,
        f"""<tr><th scope="row"><a href="{change_url(data["trip_b"])}">Gira a Barcelona</a></th>
        <td>SEC-B</td><td>{PartialDate(data["today"] - datetime.timedelta(days=1), DatePrecision.DAY)}</td>
        <td>1 día de atraso</td></tr>""",
        html=True,
    )
    assert "Gira retirada" not in html
    assert html.count("<tr>") == 3 + 3  # a header row per non-empty table, three records
    assertContains(
        response,
        '<h3 id="deadlines-agreementspast_end">Acuerdos marcados como vigentes cuya vigencia ya terminó (0)</h3>'
        "<p>Nada pendiente</p>",
        html=True,
    )
    # The deadlines come before the list of applications.
    assert response.content.decode().index('id="deadlines"') < response.content.decode().index('id="content-main"')


def test_admin_index_shows_a_liaison_only_its_bodys_deadlines(client, two_bodies_deadlines):
    data = two_bodies_deadlines
    client.force_login(factories.liaison(data["body_a"]))

    response = client.get(reverse("admin:index"))

    html = deadlines_html(response)
    assert 'href="{}"'.format(change_url(data["agreement_a"])) in html
    assert 'href="{}"'.format(change_url(data["trip_a"])) in html
    assertNotContains(response, "Gira a Barcelona")
    assertNotContains(response, change_url(data["trip_b"]))
    assertContains(
        response,
        '<h3 id="deadlines-eventstrip_reports_late">Informes de viaje al Congreso atrasados (0)</h3>'
        "<p>Nada pendiente</p>",
        html=True,
    )


def test_admin_index_says_nothing_is_pending_in_every_empty_section(client):
    client.force_login(factories.reviewer())

    response = client.get(reverse("admin:index"))

    html = deadlines_html(response)
    assert html.count("<p>Nada pendiente</p>") == 5
    assert "<table" not in html


def test_admin_index_has_no_deadlines_for_an_administrator_of_users_and_catalogues(client, two_bodies_deadlines):
    client.force_login(factories.administrator())

    response = client.get(reverse("admin:index"))

    assert response.status_code == 200
    assertNotContains(response, 'id="deadlines"')
    assertNotContains(response, "Gira a Nagoya")


@pytest.mark.parametrize("user_kind", ["reviewer", "liaison"])
def test_admin_index_queries_do_not_grow_with_the_due_records(client, django_assert_num_queries, user_kind):
    body = factories.GovernmentBodyFactory()
    user = factories.reviewer() if user_kind == "reviewer" else factories.liaison(body)
    today = timezone.localdate()
    in_ten_days = today + datetime.timedelta(days=10)

    def seed_one_of_each():
        agreement((in_ten_days.year, in_ten_days.month, in_ten_days.day), body=body)
        agreement(days_ago(10, today), body=body)
        trip(days_ago(16, today), body=body)
        trip(days_ago(1, today), body=body)

    seed_one_of_each()
    client.force_login(user)
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("admin:index"))
    for _ in range(4):
        seed_one_of_each()

    with django_assert_num_queries(len(few.captured_queries)):
        response = client.get(reverse("admin:index"))
    assert deadlines_html(response).count('<th scope="row">') == 20


# The daily command --------------------------------------------------------------


@pytest.fixture
def recipients():
    body_a = factories.GovernmentBodyFactory(name="Secretaría A", acronym="SEC-A")
    body_b = factories.GovernmentBodyFactory(name="Secretaría B", acronym="SEC-B")
    return {
        "body_a": body_a,
        "body_c": factories.GovernmentBodyFactory(name="Secretaría C", acronym=""),
        "reviewer": factories.reviewer(username="revisora"),
        "superuser": factories.UserFactory(username="superusuaria", superuser=True),
        "liaison_a": factories.liaison(body_a, username="enlace_a"),
        "liaison_b": factories.liaison(body_b, username="enlace_b"),
        # Nobody below gets an email, nor a line.
        "no_email": factories.reviewer(username="sin_correo", email=""),
        "inactive": factories.reviewer(username="inactiva", is_active=False),
        "administrator": factories.administrator(username="administradora"),
        "liaison_a_no_email": factories.liaison(body_a, username="enlace_sin_correo", email=""),
    }


FULL_DIGEST = """Plazos por atender en CDMX Global al 23 de noviembre de 2026.

Acuerdos cuya vigencia termina en los próximos 90 días (1)
- Acuerdo con Montevideo (SEC-A). Vigente hasta: 3 de diciembre de 2026 (faltan 10 días).

Acuerdos marcados como vigentes cuya vigencia ya terminó (0)
Nada pendiente.

Informes de viaje al Congreso atrasados (1)
- Gira a Barcelona (Secretaría C). Entrega del informe: 22 de noviembre de 2026 (1 día de atraso).

Informes de viaje al Congreso por entregar dentro de los 15 días naturales tras el regreso (1)
- Gira a Nagoya (SEC-A). Entrega del informe: 23 de noviembre de 2026 (vence hoy).

Acuerdos vigentes sin evaluación del semestre en curso (0)
Nada pendiente.

Cada registro se corrige en la administración de CDMX Global.
"""

BODY_A_DIGEST = """Plazos por atender en CDMX Global al 23 de noviembre de 2026.

Acuerdos cuya vigencia termina en los próximos 90 días (1)
- Acuerdo con Montevideo (SEC-A). Vigente hasta: 3 de diciembre de 2026 (faltan 10 días).

Acuerdos marcados como vigentes cuya vigencia ya terminó (0)
Nada pendiente.

Informes de viaje al Congreso atrasados (0)
Nada pendiente.

Informes de viaje al Congreso por entregar dentro de los 15 días naturales tras el regreso (1)
- Gira a Nagoya (SEC-A). Entrega del informe: 23 de noviembre de 2026 (vence hoy).

Acuerdos vigentes sin evaluación del semestre en curso (0)
Nada pendiente.

Cada registro se corrige en la administración de CDMX Global.
"""


def seed_command_deadlines(people):
    agreement((2026, 12, 3), title="Acuerdo con Montevideo", body=people["body_a"])
    trip((2026, 11, 8), title="Gira a Nagoya", body=people["body_a"])
    trip((2026, 11, 7), title="Gira a Barcelona", body=people["body_c"])
    trip((2026, 11, 7), title="Gira entregada", body=people["body_a"], report_delivered_on=datetime.date(2026, 11, 20))


def test_command_emails_reviewers_everything_and_liaisons_their_body(mailoutbox, recipients):
    seed_command_deadlines(recipients)
    out = StringIO()

    call_command("send_deadline_digest", "--date", "2026-11-23", stdout=out)

    assert [(message.to, message.subject, message.body) for message in mailoutbox] == [
        (["enlace_a@cdmx.gob.mx"], "CDMX Global: 2 plazos por atender (23/11/2026)", BODY_A_DIGEST),
        (["revisora@cdmx.gob.mx"], "CDMX Global: 3 plazos por atender (23/11/2026)", FULL_DIGEST),
        (["superusuaria@cdmx.gob.mx"], "CDMX Global: 3 plazos por atender (23/11/2026)", FULL_DIGEST),
    ]
    assert all(message.from_email == "cdmx-global@localhost" for message in mailoutbox)
    assert out.getvalue().splitlines() == [
        "enlace_a: 2 plazos; en cola para enlace_a@cdmx.gob.mx.",
        "enlace_b: nada pendiente; no se envía correo.",
        "revisora: 3 plazos; en cola para revisora@cdmx.gob.mx.",
        "superusuaria: 3 plazos; en cola para superusuaria@cdmx.gob.mx.",
    ]


def test_command_run_twice_for_a_day_sends_each_digest_once(mailoutbox, recipients):
    seed_command_deadlines(recipients)

    call_command("send_deadline_digest", "--date", "2026-11-23", stdout=StringIO())
    call_command("send_deadline_digest", "--date", "2026-11-23", stdout=StringIO())
    call_command("send_deadline_digest", "--date", "2026-11-24", stdout=StringIO())

    assert [(message.to, message.subject) for message in mailoutbox] == [
        (["enlace_a@cdmx.gob.mx"], "CDMX Global: 2 plazos por atender (23/11/2026)"),
        (["revisora@cdmx.gob.mx"], "CDMX Global: 3 plazos por atender (23/11/2026)"),
        (["superusuaria@cdmx.gob.mx"], "CDMX Global: 3 plazos por atender (23/11/2026)"),
        (["enlace_a@cdmx.gob.mx"], "CDMX Global: 2 plazos por atender (24/11/2026)"),
        (["revisora@cdmx.gob.mx"], "CDMX Global: 3 plazos por atender (24/11/2026)"),
        (["superusuaria@cdmx.gob.mx"], "CDMX Global: 3 plazos por atender (24/11/2026)"),
    ]


def test_command_sends_nothing_when_nothing_is_due(mailoutbox, recipients):
    seed_command_deadlines(recipients)
    out = StringIO()

    # On 1 January 2026 no trip is back yet and the agreement ends beyond 90 days.
    call_command("send_deadline_digest", "--date", "2026-01-01", stdout=out)

    assert mailoutbox == []
    assert out.getvalue().splitlines() == [
        "enlace_a: nada pendiente; no se envía correo.",
        "enlace_b: nada pendiente; no se envía correo.",
        "revisora: nada pendiente; no se envía correo.",
        "superusuaria: nada pendiente; no se envía correo.",
    ]


def test_command_dry_run_says_who_would_get_what_and_sends_nothing(mailoutbox, recipients):
    seed_command_deadlines(recipients)
    out = StringIO()

    call_command("send_deadline_digest", "--date", "2026-11-23", "--dry-run", stdout=out)

    assert mailoutbox == []
    assert out.getvalue().splitlines() == [
        "enlace_a: 2 plazos; se enviaría a enlace_a@cdmx.gob.mx (simulación).",
        "enlace_b: nada pendiente; no se envía correo.",
        "revisora: 3 plazos; se enviaría a revisora@cdmx.gob.mx (simulación).",
        "superusuaria: 3 plazos; se enviaría a superusuaria@cdmx.gob.mx (simulación).",
    ]


def test_command_counts_one_deadline_in_the_singular(mailoutbox):
    liaison = factories.liaison(username="enlace")
    trip((2026, 11, 8), title="Gira a Nagoya", body=liaison.staff_profile.body)

    call_command("send_deadline_digest", "--date", "2026-11-23", stdout=StringIO())

    assert [(message.to, message.subject) for message in mailoutbox] == [
        (["enlace@cdmx.gob.mx"], "CDMX Global: 1 plazo por atender (23/11/2026)")
    ]


def test_command_without_a_date_uses_today(mailoutbox):
    liaison = factories.liaison(username="enlace")
    trip(days_ago(15, timezone.localdate()), title="Gira a Nagoya", body=liaison.staff_profile.body)

    call_command("send_deadline_digest", stdout=StringIO())

    assert [message.to for message in mailoutbox] == [["enlace@cdmx.gob.mx"]]
    assert "(vence hoy)" in mailoutbox[0].body


@pytest.mark.tasks_may_fail
def test_command_queues_the_digests_and_a_refused_one_stays_pending_with_its_error(settings, recipients):
    seed_command_deadlines(recipients)
    # Nothing listens on port 1: every delivery is refused, as with a mail server that is down.
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": 1, "timeout": 5},
        }
    }
    out = StringIO()

    call_command("send_deadline_digest", "--date", "2026-11-23", stdout=out)

    # The command only queues; the worker's retries are tested in tests/background/.
    assert out.getvalue().splitlines() == [
        "enlace_a: 2 plazos; en cola para enlace_a@cdmx.gob.mx.",
        "enlace_b: nada pendiente; no se envía correo.",
        "revisora: 3 plazos; en cola para revisora@cdmx.gob.mx.",
        "superusuaria: 3 plazos; en cola para superusuaria@cdmx.gob.mx.",
    ]
    assert [
        (email.to, email.status, email.attempts, email.last_error.split(":")[0])
        for email in Email.objects.order_by("pk")
    ] == [
        (["enlace_a@cdmx.gob.mx"], "pending", 1, "ConnectionRefusedError"),
        (["revisora@cdmx.gob.mx"], "pending", 1, "ConnectionRefusedError"),
        (["superusuaria@cdmx.gob.mx"], "pending", 1, "ConnectionRefusedError"),
    ]


def test_command_refuses_a_date_not_in_iso_form(mailoutbox):
    with pytest.raises(CommandError, match="Fecha no válida: «23/11/2026». Use el formato AAAA-MM-DD."):
        call_command("send_deadline_digest", "--date", "23/11/2026", stdout=StringIO())

    assert mailoutbox == []
