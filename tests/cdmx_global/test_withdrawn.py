"""A withdrawn record that the public had seen leaves a notice (410 with its
title, date and public reason) on its page and in the API; a draft, or a draft
withdrawn before publication, answers exactly as an unknown address; sitemaps
drop withdrawn records and feeds announce them. And the staff side: the public
reason's label, the public note only on a published record's form."""

import re
import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from cdmx_global.changelog import withdrawal_of
from cdmx_global.services import PUBLISH, RESTORE, WITHDRAW, record_transition
from tests.support.admin_forms import form_data
from tests.support.factories import (
    ActionFactory,
    AgreementFactory,
    AwardFactory,
    CounterpartFactory,
    EventFactory,
    NetworkFactory,
    VisitFactory,
    reviewer,
)
from tests.support.feeds import atom_feed_entries

pytestmark = pytest.mark.django_db

SECRET = "Quimera"
REASON = "Registro duplicado: los datos constan en otro acuerdo."
NOT_FOUND_JSON = b'{"detail":"No hay un registro publicado con ese identificador."}'

# factory, the page's address, the API's, the name field, the identifier of an unknown record
KINDS = [
    (AgreementFactory, "/acuerdos/{slug}/", "/api/v1/agreements/{slug}/", "title", "code"),
    (ActionFactory, "/acuerdos/acciones/{pk}/", "/api/v1/actions/{pk}/", "title", "pk"),
    (EventFactory, "/eventos/{pk}/", "/api/v1/events/{pk}/", "name", "pk"),
    (VisitFactory, "/visitas/{pk}/", "/api/v1/visits/{pk}/", "title", "pk"),
    (AwardFactory, "/premios/{pk}/", "/api/v1/awards/{pk}/", "title", "pk"),
    (NetworkFactory, "/redes/{slug}/", "/api/v1/networks/{slug}/", "name", "slug"),
    (CounterpartFactory, "/contrapartes/{slug}/", "/api/v1/counterparts/{slug}/", "name", "slug"),
]


@pytest.fixture
def marta(db):
    return reviewer(username="marta")


def publish(record, user):
    return record_transition(record=record, user=user, transition=PUBLISH)


def withdraw(record, user, note=REASON):
    return record_transition(record=record, user=user, transition=WITHDRAW, note=note)


def address(template: str, record=None, lookup: str = "pk", unknown: str | None = None) -> str:
    value = unknown if record is None else getattr(record, lookup)
    return template.format(pk=value, slug=value)


def local(moment) -> str:
    return timezone.localtime(moment).isoformat()


@pytest.mark.parametrize(("factory", "page", "api", "name", "lookup"), KINDS)
def test_a_withdrawn_record_answers_its_notice_and_a_draft_answers_like_nothing(
    client, marta, factory, page, api, name, lookup
):
    # Drafts that could leak: one never published, one withdrawn while still a draft.
    draft = factory(draft=True, **{name: f"{SECRET} en borrador"})
    draft_withdrawn = withdraw(factory(draft=True, **{name: f"{SECRET} retirado en borrador"}), marta)
    record = publish(factory(draft=True, **{name: "Registro que se retiró", "source_excerpt": f"{SECRET} pasaje"}), marta)
    record = withdraw(record, marta)
    notice = withdrawal_of(record)
    unknown = "999999" if lookup == "pk" else "no-existe"

    response = client.get(address(page, record, lookup))
    html = response.content.decode()
    assert response.status_code == 410
    assert "<h1>Este registro fue retirado</h1>" in html
    assert notice.title.startswith("Registro que se retiró")  # a counterpart's with its country
    assert f'<dt>Registro</dt><dd lang="es">{notice.title}</dd>' in html
    assert f'<time datetime="{local(notice.at)}">' in html
    assert f'<dt>Motivo</dt><dd lang="es">{REASON}</dd>' in html
    assert SECRET not in html

    response = client.get(address(api, record, lookup))
    assert (response.status_code, response.json()) == (410, {
        "detail": "Este registro fue retirado.", "title": notice.title,
        "withdrawn_at": local(notice.at), "reason": REASON,
    })

    unknown_page = client.get(address(page, unknown=unknown))
    unknown_api = client.get(address(api, unknown=unknown))
    assert (unknown_page.status_code, unknown_api.status_code, unknown_api.content) == (404, 404, NOT_FOUND_JSON)
    for hidden in (draft, draft_withdrawn):
        path = address(page, hidden, lookup)
        response = client.get(path)
        assert response.status_code == 404
        # The same page, byte for byte, but for its own address in the language links.
        same = response.content.replace(path.encode(), b"@")
        assert same == unknown_page.content.replace(address(page, unknown=unknown).encode(), b"@")
        response = client.get(address(api, hidden, lookup))
        assert (response.status_code, response.content) == (404, unknown_api.content)
        assert response.headers.get("Content-Type") == unknown_api.headers.get("Content-Type")


def test_the_english_notice_translates_its_labels(client, marta):
    record = withdraw(publish(AgreementFactory(draft=True, title="Acuerdo retirado", code="r-1"), marta), marta)

    html = client.get("/en/acuerdos/r-1/").content.decode()
    with translation.override("en"):
        heading = gettext("Este registro fue retirado")
    assert f"<h1>{heading}</h1>" in html
    assert f'<dd lang="es">{REASON}</dd>' in html
    assert '<a href="/en/acuerdos/">' in html
    assert withdrawal_of(record) is not None


def test_a_restored_record_is_public_again(client, marta, settings):
    settings.PAGE_CACHE_SECONDS = 300
    record = withdraw(publish(AgreementFactory(draft=True, code="r-1", title="Acuerdo restaurado"), marta), marta)
    assert client.get("/acuerdos/r-1/").status_code == 410
    assert client.get("/acuerdos/r-1/").status_code == 410

    record_transition(record=record, user=marta, transition=RESTORE)

    response = client.get("/acuerdos/r-1/")
    html = response.content.decode()
    assert (response.status_code, "Este registro fue retirado" in html) == (200, False)
    assert re.search(r"<h1[^>]*>Acuerdo restaurado</h1>", html)
    assert client.get("/api/v1/agreements/r-1/").json()["title"] == "Acuerdo restaurado"


def test_the_sitemap_drops_a_withdrawn_record(client, marta):
    kept = publish(AgreementFactory(draft=True, code="vigente"), marta)
    withdraw(publish(AgreementFactory(draft=True, code="retirado"), marta), marta)

    root = ET.fromstring(client.get("/sitemap.xml").content)
    locations = {url.findtext("{http://www.sitemaps.org/schemas/sitemap/0.9}loc") for url in root}
    assert "http://testserver/acuerdos/vigente/" in locations
    assert not any("/retirado/" in location for location in locations)
    assert kept.get_absolute_url() == "/acuerdos/vigente/"


def test_the_feeds_announce_a_withdrawal(client, marta):
    AgreementFactory(draft=True, title=f"Acuerdo {SECRET} en borrador")
    withdraw(AgreementFactory(draft=True, title=f"Acuerdo {SECRET} retirado en borrador"), marta)
    publish(AgreementFactory(draft=True, title="Acuerdo vigente", code="vigente"), marta)
    record = withdraw(publish(AgreementFactory(draft=True, title="Acuerdo que se retiró", code="retirado"), marta), marta)
    notice = withdrawal_of(record)

    for url in ("/acuerdos/?formato=atom", "/acuerdos/feed/"):
        response = client.get(url)
        assert SECRET not in response.content.decode()
        entries = atom_feed_entries(response)
        assert [(e.title, e.link) for e in entries] == [
            ("Acuerdo vigente", "http://testserver/acuerdos/vigente/"),
            ("Retirado: Acuerdo que se retiró", "http://testserver/acuerdos/retirado/"),
        ]
        assert (entries[1].summary, entries[1].updated) == (REASON, notice.at)

    # A filtered feed cannot say whether a withdrawn record matched its filters: it announces none.
    filtered = atom_feed_entries(client.get("/acuerdos/?formato=atom&kind=specific_cooperation"))
    assert [e.title for e in filtered] == ["Acuerdo vigente"]

    english = atom_feed_entries(client.get("/en/acuerdos/?formato=atom"))
    with translation.override("en"):
        title = gettext("Retirado: %(title)s") % {"title": "Acuerdo que se retiró"}
    assert (english[1].title, english[1].link) == (title, "http://testserver/en/acuerdos/retirado/")


def test_feed_queries_do_not_grow_with_withdrawals(client, marta):
    withdraw(publish(AgreementFactory(draft=True), marta), marta)
    with CaptureQueriesContext(connection) as one:
        assert len(atom_feed_entries(client.get("/acuerdos/?formato=atom"))) == 1
    for _n in range(5):
        withdraw(publish(AgreementFactory(draft=True), marta), marta)
    with CaptureQueriesContext(connection) as six:
        assert len(atom_feed_entries(client.get("/acuerdos/?formato=atom"))) == 6
    assert len(six) == len(one)


def test_the_page_of_a_published_record_costs_no_extra_query_for_the_notice(client, marta, django_assert_num_queries):
    publish(AgreementFactory(draft=True, code="vigente"), marta)
    with CaptureQueriesContext(connection) as page:
        assert client.get("/acuerdos/vigente/").status_code == 200
    assert not [q for q in page.captured_queries if "'withdrawn'" in q["sql"] or '"withdrawn"' in q["sql"]]


# Staff side -----------------------------------------------------------------


def test_the_withdrawal_asks_for_the_public_reason(client, marta):
    record = publish(AgreementFactory(draft=True), marta)
    client.force_login(marta)
    url = reverse("admin:agreements_agreement_transition", args=[record.pk, "withdraw"])

    html = client.get(url).content.decode()
    assert '<label for="id_note" class="required">Motivo público del retiro</label>' in html
    assert '<div class="help" id="id_note_helptext">Se publica en el aviso del registro retirado.</div>' in html
    assert 'aria-describedby="id_note_helptext"' in html

    client.post(url, {"note": "Se publicó por error.", "seen_version": record.version})
    assert withdrawal_of(type(record).objects.get(pk=record.pk)).note == "Se publicó por error."


def test_the_bulk_withdrawal_asks_for_the_public_reason(client, marta):
    record = publish(AgreementFactory(draft=True), marta)
    client.force_login(marta)

    response = client.post(reverse("admin:agreements_agreement_changelist"),
                           {"action": "withdraw_selected", "_selected_action": [record.pk]})
    assert "Motivo público del retiro" in response.content.decode()
    client.post(reverse("admin:agreements_agreement_changelist"), {
        "action": "withdraw_selected", "_selected_action": [record.pk], "_confirm": "1", "note": "Duplicado.",
    })
    assert withdrawal_of(type(record).objects.get(pk=record.pk)).note == "Duplicado."


def test_the_public_note_is_on_a_published_records_form_only(client, marta):
    draft = AgreementFactory(draft=True)
    published = publish(AgreementFactory(draft=True), marta)
    client.force_login(marta)

    draft_form = client.get(reverse("admin:agreements_agreement_change", args=[draft.pk])).content.decode()
    assert "public_note" not in draft_form and "Nota pública de la corrección" not in draft_form

    url = reverse("admin:agreements_agreement_change", args=[published.pk])
    response = client.get(url)
    html = response.content.decode()
    assert re.search(r'<label[^>]*for="id_public_note"[^>]*>Nota pública de la corrección:</label>', html)
    assert "Explique la corrección para la ciudadanía; no escriba datos internos." in html

    # A note alone (nothing public changed) is logged too; a draft's save logs nothing.
    client.post(url, form_data(response, public_note="Se revisó la fuente: sin cambios."))
    client.post(reverse("admin:agreements_agreement_change", args=[draft.pk]), form_data(
        client.get(reverse("admin:agreements_agreement_change", args=[draft.pk])), title=f"{SECRET} nuevo"))
    from cdmx_global.changelog import PublicChange

    assert list(PublicChange.objects.values_list("object_id", "kind", "note")) == [
        (published.pk, "published", ""), (published.pk, "changed", "Se revisó la fuente: sin cambios."),
    ]
