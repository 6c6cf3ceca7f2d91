"""What a digest says, to whom, and only once: each kind of target matched
with the portal's own filters, public changes only, drafts never, the
subscriber's language, a retry that makes nothing twice."""

import datetime

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone

from background.models import Email
from cdmx_global.listing import RecordListView
from cdmx_global.services import record_update
from cdmx_global.services.transitions import WITHDRAW, record_transition
from following import digest
from following.models import DigestRun, Frequency, Language, Subscription, TargetKind
from following.targets import FOLLOWABLE_LISTS
from reports.models import Report
from tests.support import factories

pytestmark = pytest.mark.django_db

START = timezone.make_aware(datetime.datetime(2026, 3, 2, 7, 30))  # a Monday
WEEK_AGO = START - datetime.timedelta(days=7)


def follow(target, key="", query=None, *, email="lector@ejemplo.mx", language=Language.SPANISH,
           frequency=Frequency.DAILY, confirmed_at=WEEK_AGO):
    return Subscription.objects.create(
        email=email, target=target, key=key, query=query or {}, language=language, frequency=frequency,
        confirmed_at=confirmed_at,
    )


def published(factory, *, at=START, **kwargs):
    return factory(published=True, published_at=at, **kwargs)


def run(now=START + datetime.timedelta(hours=1)):
    mail.outbox.clear()
    digest.run_digests(timezone.localtime(now).date(), now=now)
    return {tuple(message.to): message for message in mail.outbox}


@pytest.fixture
def places():
    old = START - datetime.timedelta(days=30)
    return {
        "paris": factories.CounterpartFactory(name="París", slug="paris", country="FR", published=True, published_at=old),
        "lyon": factories.CounterpartFactory(name="Lyon", slug="lyon", country="FR", published=True, published_at=old),
        "tokyo": factories.CounterpartFactory(name="Tokio", slug="tokio", country="JP", published=True, published_at=old),
    }


def test_every_public_list_can_be_followed():
    def list_names(resolver, namespace=""):
        for pattern in resolver.url_patterns:
            if isinstance(pattern, URLResolver):
                yield from list_names(pattern, f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace)
            elif isinstance(pattern, URLPattern) and pattern.name:
                view = getattr(pattern.callback, "view_class", None)
                if view and issubclass(view, RecordListView):
                    yield f"{namespace}{pattern.name}"

    assert sorted(set(list_names(get_resolver()))) == sorted(FOLLOWABLE_LISTS)


def test_a_list_alert_names_what_its_filters_let_through_and_no_draft(places):
    follow(TargetKind.LIST, "agreements:list", {"country": "FR"}, email="francia@ejemplo.mx")
    follow(TargetKind.LIST, "events:visit_list", {"country": "JP"}, email="japon@ejemplo.mx")
    follow(TargetKind.LIST, "search:results", {"q": "movilidad"}, email="busqueda@ejemplo.mx")
    published(factories.AgreementFactory, title="Hermanamiento con París", counterparts=[places["paris"]],
              purpose="Cooperación en movilidad urbana.")
    published(factories.AgreementFactory, title="Acuerdo con Tokio", counterparts=[places["tokyo"]], purpose="Cultura.")
    published(factories.VisitFactory, title="Visita a Tokio", counterparts=[places["tokyo"]])
    factories.AgreementFactory(title="Borrador con Lyon sobre movilidad", counterparts=[places["lyon"]])
    factories.VisitFactory(title="Visita en borrador a Tokio", counterparts=[places["tokyo"]], review=True)
    from search.services import index_rebuild

    index_rebuild()

    sent = run()

    assert sorted(sent) == [("busqueda@ejemplo.mx",), ("francia@ejemplo.mx",), ("japon@ejemplo.mx",)]
    france = sent[("francia@ejemplo.mx",)]
    assert france.subject == "CDMX Global: 1 novedad en «Lista de acuerdos (País: Francia)»"
    assert "Registros nuevos\n- Hermanamiento con París\n" in france.body
    assert "Tokio" not in france.body and "Borrador" not in france.body
    japan = sent[("japon@ejemplo.mx",)]
    assert "- Visita a Tokio\n" in japan.body and "borrador" not in japan.body
    search = sent[("busqueda@ejemplo.mx",)]
    assert search.subject == "CDMX Global: 1 novedad en «Búsqueda: movilidad»"
    assert "Hermanamiento con París" in search.body and "Borrador" not in search.body


def test_nothing_is_sent_when_nothing_matched(places):
    follow(TargetKind.LIST, "agreements:list", {"country": "JP"})
    published(factories.AgreementFactory, title="Hermanamiento con París", counterparts=[places["paris"]])
    factories.AgreementFactory(title="Borrador con Tokio", counterparts=[places["tokyo"]])

    assert run() == {}
    assert not Email.objects.filter(key__contains=":digest:").exists()


def test_a_changed_record_says_which_public_fields_changed_and_not_internal_ones(places):
    before = START - datetime.timedelta(days=3)
    agreement = published(factories.AgreementFactory, at=before, title="Acuerdo con París", counterparts=[places["paris"]])
    quiet = published(factories.AgreementFactory, at=before, title="Acuerdo sin cambios visibles", counterparts=[places["paris"]])
    follow(TargetKind.AGREEMENT, agreement.code, email="acuerdo@ejemplo.mx")
    follow(TargetKind.AGREEMENT, quiet.code, email="quieto@ejemplo.mx")
    follow(TargetKind.COUNTRY, "FR", email="pais@ejemplo.mx")

    # Their history as it stood before the window: made by the load, days earlier.
    for record in (agreement, quiet):
        record.history.update(history_date=before)
    record_update(record=agreement, user=None, reason="Corrección", expected_version=None,
                  changes={"title": "Acuerdo de hermanamiento con París", "purpose": "Nuevo objeto."})
    record_update(record=quiet, user=None, reason="Nota interna", expected_version=None,
                  changes={"review_note": "Sólo para el personal."})

    sent = run(timezone.now() + datetime.timedelta(minutes=1))

    assert sorted(sent) == [("acuerdo@ejemplo.mx",), ("pais@ejemplo.mx",)]
    body = sent[("acuerdo@ejemplo.mx",)].body
    assert "Registros que cambiaron\n- Acuerdo de hermanamiento con París (cambió: título, objeto)\n" in body
    assert "Acuerdo sin cambios visibles" not in sent[("pais@ejemplo.mx",)].body


def test_a_withdrawal_is_named_without_a_link(places):
    reviewer = factories.reviewer()
    agreement = published(factories.AgreementFactory, at=START - datetime.timedelta(days=3),
                          title="Acuerdo que se retira", counterparts=[places["paris"]])
    follow(TargetKind.LIST, "agreements:list", {"country": "FR"})
    record_transition(record=agreement, user=reviewer, transition=WITHDRAW, note="Duplicado de otro registro.")

    message = run(timezone.now() + datetime.timedelta(minutes=1))[("lector@ejemplo.mx",)]

    assert "Registros retirados del registro público\n- Acuerdo que se retira\n" in message.body
    assert "Duplicado" not in message.body  # the review note is internal


def test_a_followed_agreement_reports_its_new_approved_evaluation_only(places):
    agreement = published(factories.AgreementFactory, at=START - datetime.timedelta(days=30), title="Acuerdo evaluado")
    follow(TargetKind.AGREEMENT, agreement.code)
    factories.AgreementEvaluationFactory(agreement=agreement, year=2025, half=2, reviewed_at=START)
    factories.AgreementEvaluationFactory(agreement=agreement, year=2025, half=1, reviewed_at=START,
                                         status="submitted")

    message = run()[("lector@ejemplo.mx",)]

    assert "Evaluaciones aprobadas\n- Acuerdo evaluado — julio–diciembre de 2025\n" in message.body
    assert "enero–junio de 2025" not in message.body
    assert f"/acuerdos/{agreement.code}/#evaluacion-2025-2" in message.body


def test_counterpart_network_and_reports_targets(places):
    network = published(factories.NetworkFactory, at=START - datetime.timedelta(days=30), name="Red de prueba", slug="red-de-prueba")
    follow(TargetKind.COUNTERPART, "paris", email="paris@ejemplo.mx")
    follow(TargetKind.NETWORK, network.slug, email="red@ejemplo.mx")
    follow(TargetKind.REPORTS, email="informes@ejemplo.mx")
    published(factories.VisitFactory, title="Visita de París", counterparts=[places["paris"]])
    published(factories.VisitFactory, title="Visita de Lyon", counterparts=[places["lyon"]])
    published(factories.PositionFactory, network=network, title="Vicepresidencia de la red")
    factories.PositionFactory(network=network, title="Cargo en borrador")
    Report.objects.create(year=2025, half=2, version=1, status="published", published_at=START,
                          delivered_on=START.date(), delivery_reference="Oficio CGAI/1/2026")
    Report.objects.create(year=2026, half=1, version=1, status="draft")

    sent = run()

    assert "- Visita de París\n" in sent[("paris@ejemplo.mx",)].body
    assert "Lyon" not in sent[("paris@ejemplo.mx",)].body
    assert "Vicepresidencia de la red" in sent[("red@ejemplo.mx",)].body
    assert "Cargo en borrador" not in sent[("red@ejemplo.mx",)].body
    reports = sent[("informes@ejemplo.mx",)].body
    assert "Informes semestrales nuevos\n- " in reports and "2025" in reports and "2026" not in reports


def test_an_english_subscriber_reads_english_with_links_to_the_english_pages(places):
    follow(TargetKind.LIST, "agreements:list", {"country": "FR"}, language=Language.ENGLISH)
    agreement = published(factories.AgreementFactory, title="Hermanamiento con París", counterparts=[places["paris"]])

    message = run()[("lector@ejemplo.mx",)]

    assert message.subject == "CDMX Global: 1 update on “List of agreements (Country: France)”"
    assert "New records\n- Hermanamiento con París\n" in message.body
    assert f"/en/acuerdos/{agreement.code}/" in message.body
    assert '<html lang="en">' in message.alternatives[0][0]


def test_a_subscription_confirmed_during_the_window_hears_only_what_came_after(places):
    follow(TargetKind.LIST, "agreements:list", {"country": "FR"}, confirmed_at=START)
    published(factories.AgreementFactory, at=START - datetime.timedelta(hours=2), title="Antes de confirmar",
              counterparts=[places["paris"]])
    published(factories.AgreementFactory, at=START + datetime.timedelta(minutes=5), title="Después de confirmar",
              counterparts=[places["paris"]])

    body = run()[("lector@ejemplo.mx",)].body

    assert "Después de confirmar" in body and "Antes de confirmar" not in body


def test_unconfirmed_and_weekly_subscriptions_wait_for_their_turn(places):
    follow(TargetKind.LIST, "agreements:list", {"country": "FR"}, email="pendiente@ejemplo.mx", confirmed_at=None)
    follow(TargetKind.LIST, "agreements:list", {"country": "FR"}, email="semanal@ejemplo.mx", frequency=Frequency.WEEKLY)
    published(factories.AgreementFactory, title="Hermanamiento con París", counterparts=[places["paris"]])

    tuesday = START + datetime.timedelta(days=1)
    assert run(tuesday) == {}  # a Tuesday: daily only, and no daily subscriber
    assert sorted(run(START + datetime.timedelta(hours=1))) == [("semanal@ejemplo.mx",)]  # Monday


def test_a_run_made_again_or_a_batch_tried_again_makes_no_alert_twice(places, settings):
    settings.FOLLOW_BATCH_SIZE = 2
    for n in range(5):
        follow(TargetKind.LIST, "agreements:list", {"country": "FR"}, email=f"lector{n}@ejemplo.mx")
    published(factories.AgreementFactory, title="Hermanamiento con París", counterparts=[places["paris"]])
    now = START + datetime.timedelta(hours=1)

    assert len(run(now)) == 5
    assert len(run(now)) == 0  # the same day's run again: the same window, the same keys
    digest_run = DigestRun.objects.get(frequency=Frequency.DAILY)
    first, last = Subscription.objects.order_by("pk").values_list("pk", flat=True)[:: 4]
    mail.outbox.clear()
    digest.send_batch(digest_run, first, last)
    assert mail.outbox == []
    assert Email.objects.filter(key__contains=f":digest:{digest_run.pk}").count() == 5


def test_the_next_run_starts_where_the_last_ended(places):
    first = run(START + datetime.timedelta(hours=1))
    assert first == {}
    follow(TargetKind.LIST, "agreements:list", {"country": "FR"})
    published(factories.AgreementFactory, at=START + datetime.timedelta(hours=2), title="Entre dos resúmenes",
              counterparts=[places["paris"]])

    second = run(START + datetime.timedelta(days=1, hours=1))

    runs = list(DigestRun.objects.filter(frequency=Frequency.DAILY).order_by("ends_at"))
    assert runs[1].starts_at == runs[0].ends_at
    assert "Entre dos resúmenes" in second[("lector@ejemplo.mx",)].body


def test_the_queries_per_subscription_do_not_grow(places):
    themes = [factories.ThemeFactory(name=f"Tema {n}", slug=f"tema-{n}") for n in range(30)]
    for theme in themes:  # one new agreement for each subscription below
        published(factories.AgreementFactory, title=f"Acuerdo sobre {theme.name}", counterparts=[places["paris"]],
                  themes=[theme])

    def queries_for(count: int) -> int:
        Subscription.objects.all().delete()
        DigestRun.objects.all().delete()
        for n in range(count):
            # Each a different filter, so nothing is shared between them, and each gets its alert.
            follow(TargetKind.LIST, "agreements:list", {"country": "FR", "theme": themes[n].slug},
                   email=f"lector{n}@ejemplo.mx")
        with CaptureQueriesContext(connection) as queries:
            assert len(run()) == count
        return len(queries)

    ten, twenty, thirty = queries_for(10), queries_for(20), queries_for(30)
    assert twenty - ten == thirty - twenty


def test_a_followed_agreement_withdrawn_is_announced_and_then_nothing_more(places):
    reviewer = factories.reviewer()
    agreement = published(factories.AgreementFactory, at=START - datetime.timedelta(days=3), title="Acuerdo seguido")
    follow(TargetKind.AGREEMENT, agreement.code)
    record_transition(record=agreement, user=reviewer, transition=WITHDRAW, note="Motivo interno.")
    now = timezone.now() + datetime.timedelta(minutes=1)

    message = run(now)[("lector@ejemplo.mx",)]

    assert message.subject == "CDMX Global: 1 novedad en «Acuerdo «Acuerdo seguido»»"
    assert "Registros retirados del registro público\n- Acuerdo seguido\n" in message.body
    assert "Motivo interno" not in message.body
    assert run(now + datetime.timedelta(days=1)) == {}


def test_a_batch_made_late_says_what_changed_in_its_window_not_after(places):
    before = START - datetime.timedelta(days=3)
    agreement = published(factories.AgreementFactory, at=before, title="Acuerdo con París", counterparts=[places["paris"]])
    agreement.history.update(history_date=before)
    follow(TargetKind.AGREEMENT, agreement.code)
    record_update(record=agreement, user=None, reason="Corrección", expected_version=None,
                  changes={"purpose": "Objeto corregido."})
    window_end = timezone.now() + datetime.timedelta(minutes=1)
    digest_run = digest.start_run(Frequency.DAILY, timezone.localtime(window_end).date(), now=window_end)
    # Saved again after the window closed, before the batch runs (a retry, a queue that was behind).
    agreement.refresh_from_db()
    agreement.history.filter(history_date__gt=before).update(history_date=window_end - datetime.timedelta(seconds=30))
    record_update(record=agreement, user=None, reason="Otra corrección", expected_version=None,
                  changes={"title": "Acuerdo con París (título corregido)"})
    agreement.history.filter(history_date__gt=window_end - datetime.timedelta(seconds=30)).update(
        history_date=window_end + datetime.timedelta(minutes=5)
    )

    mail.outbox.clear()
    pk = Subscription.objects.get().pk
    digest.send_batch(digest_run, pk, pk)

    assert "(cambió: objeto)\n" in mail.outbox[0].body
