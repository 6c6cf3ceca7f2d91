"""A published record's public history: the staff write a public note with a
correction (admin), the public reads what changed on ``<record>/historial/``
and at ``/api/v1/<resource>/<id>/history/``; nothing from drafts, reviews or
internal fields ever shows."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from agreements.models import Agreement, AgreementKind
from cdmx_global.changelog import ChangeKind, changes_of
from cdmx_global.partial_dates import DatePrecision
from cdmx_global.services import PUBLISH, WITHDRAW, record_create, record_transition, record_update
from tests.support.admin_forms import form_data
from tests.support.factories import (
    ActionFactory,
    AwardFactory,
    CounterpartFactory,
    EventFactory,
    GovernmentBodyFactory,
    NetworkFactory,
    VisitFactory,
    liaison,
    reviewer,
)

pytestmark = pytest.mark.django_db

SECRET = "Quimera"  # in every draft's and internal field's text: it must show nowhere public


@pytest.fixture
def body(db):
    return GovernmentBodyFactory(name="Secretaría del Medio Ambiente", acronym="SEDEMA")


@pytest.fixture
def marta(db):
    return reviewer(username="marta")


def create_agreement(body, user, **data) -> Agreement:
    return record_create(
        model=Agreement,
        data={"code": "h-1", "title": "Acuerdo de hermanamiento con Quito", "kind": AgreementKind.TWINNING,
              "body": body, "signed_on": datetime.date(2014, 1, 1), "signed_on_precision": DatePrecision.YEAR,
              "purpose": "Cooperación entre capitales.", **data},
        user=user, reason=None,
    )


def edit(record, user, note="", m2m=None, **changes):
    return record_update(record=record, user=user, reason=None, expected_version=record.version,
                         changes=changes, m2m=m2m, public_note=note)


def english_text(msgid: str) -> str:
    """A new text in English: the catalogue's translation (``/work/briefs/po/history.json`` until merged)."""
    with translation.override("en"):
        return gettext(msgid)


def local(moment) -> str:
    return timezone.localtime(moment).isoformat()


@pytest.fixture
def corrected(client, body, marta):
    """A published agreement with a draft counterpart linked, corrected twice: once in the
    admin (with a public note), once through the services; the drafts edited meanwhile."""
    secret_counterpart = CounterpartFactory(name=f"Contraparte {SECRET} en borrador", slug="quimera", draft=True)
    draft = create_agreement(body, liaison(body, username="lucia"), code="borrador",
                             title=f"Borrador {SECRET} de hermanamiento")
    edit(draft, marta, title=f"Borrador {SECRET} corregido", note=f"Nota {SECRET} de un borrador")
    agreement = record_transition(record=create_agreement(body, marta), user=marta, transition=PUBLISH)
    agreement = edit(agreement, marta, m2m={"counterparts": [secret_counterpart]})  # nothing public changes
    edit(secret_counterpart, marta, name=f"Contraparte {SECRET} corregida", note=f"Nota {SECRET} de contraparte")

    client.force_login(marta)
    change_url = reverse("admin:agreements_agreement_change", args=[agreement.pk])
    response = client.post(change_url, form_data(
        client.get(change_url),
        title="Acuerdo de hermanamiento con el Distrito Metropolitano de Quito",
        public_note="El libro da el nombre completo de la ciudad.",
    ))
    assert response.status_code == 302, response.context["adminform"].form.errors
    client.logout()

    agreement = Agreement.objects.get(pk=agreement.pk)
    agreement = edit(agreement, marta, note="La fecha exacta consta en el registro de la SRE.",
                     signed_on=datetime.date(2014, 3, 17), signed_on_precision=DatePrecision.DAY,
                     review_note=f"Observación {SECRET} interna", source_excerpt="Pasaje del libro, p. 12.")
    return agreement


def test_the_history_page_shows_both_corrections_with_their_notes_and_nothing_internal(client, corrected):
    published, first, second = changes_of(corrected)
    response = client.get("/acuerdos/h-1/historial/")
    html = response.content.decode()

    assert response.status_code == 200
    assert SECRET not in html
    assert '<h1 lang="es">Acuerdo de hermanamiento con el Distrito Metropolitano de Quito</h1>' in html
    # Newest first: each change's heading, its date in Mexico City time, its note.
    headings = re.findall(r'<h2 id="cambio-(\d+)">(\w+) <span class="muted">· <time datetime="([^"]+)">', html)
    assert headings == [
        (str(second.sequence), "Corregido", local(second.at)),
        (str(first.sequence), "Corregido", local(first.at)),
        (str(published.sequence), "Publicado", local(published.at)),
    ]
    notes = re.findall(r'<p class="history-note"><strong>Nota:</strong> <span lang="es">([^<]+)</span>', html)
    assert notes == ["La fecha exacta consta en el registro de la SRE.", "El libro da el nombre completo de la ciudad."]
    rows = re.findall(r'<tr>\s*<th scope="row">([^<]+)</th>\s*<td lang="es">([^<]+)</td>\s*<td lang="es">([^<]+)</td>', html)
    assert rows == [
        ("Texto de la fuente", "—", "Pasaje del libro, p. 12."),
        ("Fecha de firma", "2014", "17 de marzo de 2014"),
        ("Título", "Acuerdo de hermanamiento con Quito", "Acuerdo de hermanamiento con el Distrito Metropolitano de Quito"),
    ]


def test_the_api_history_gives_both_corrections_oldest_first_and_nothing_internal(client, corrected):
    published, first, second = changes_of(corrected)
    response = client.get("/api/v1/agreements/h-1/history/")

    assert response.status_code == 200
    assert SECRET not in response.content.decode()
    assert response.json() == [
        {"sequence": published.sequence, "at": local(published.at), "kind": "published", "note": "", "fields": []},
        {"sequence": first.sequence, "at": local(first.at), "kind": "changed",
         "note": "El libro da el nombre completo de la ciudad.",
         "fields": [{"name": "title", "label": "Título", "before": "Acuerdo de hermanamiento con Quito",
                     "after": "Acuerdo de hermanamiento con el Distrito Metropolitano de Quito"}]},
        {"sequence": second.sequence, "at": local(second.at), "kind": "changed",
         "note": "La fecha exacta consta en el registro de la SRE.",
         "fields": [{"name": "source_excerpt", "label": "Texto de la fuente", "before": "",
                     "after": "Pasaje del libro, p. 12."},
                    {"name": "signed_on", "label": "Fecha de firma", "before": "2014", "after": "2014-03-17"}]},
    ]
    english = client.get("/api/v1/agreements/h-1/history/?lang=en").json()
    assert [field["label"] for field in english[2]["fields"]] == ["Source text", "Signing date"]


def test_no_draft_has_a_history_page_or_api_history(client, corrected):
    for path in ("/acuerdos/borrador/historial/", "/contrapartes/quimera/historial/"):
        response = client.get(path)
        assert (response.status_code, SECRET in response.content.decode()) == (404, False)
    for path in ("/api/v1/agreements/borrador/history/", "/api/v1/counterparts/quimera/history/"):
        response = client.get(path)
        assert (response.status_code, response.json()) == (404, {"detail": "No hay un registro publicado con ese identificador."})


def test_the_record_page_links_its_history_with_the_number_of_changes(client, corrected):
    html = client.get("/acuerdos/h-1/").content.decode()
    assert '<p class="history-link"><a href="/acuerdos/h-1/historial/">Historial de cambios (3)</a></p>' in html

    english = client.get("/en/acuerdos/h-1/").content.decode()
    link = english_text("Historial de cambios (%(count)d)") % {"count": 3}
    assert f'<p class="history-link"><a href="/en/acuerdos/h-1/historial/">{link}</a></p>' in english


def test_the_link_shows_without_a_source_citation(client, body, marta):
    agreement = create_agreement(body, marta, source_citation="", source_excerpt="")
    record_transition(record=agreement, user=marta, transition=PUBLISH)

    html = client.get("/acuerdos/h-1/").content.decode()
    assert 'class="source"' not in html
    assert '<a href="/acuerdos/h-1/historial/">Historial de cambios (1)</a>' in html


def test_the_english_history_page_translates_its_labels_and_keeps_values_in_spanish(client, corrected):
    html = client.get("/en/acuerdos/h-1/historial/").content.decode()

    title = english_text("Historial de cambios: %(title)s") % {
        "title": "Acuerdo de hermanamiento con el Distrito Metropolitano de Quito"}
    assert f"<title>{title} · " in html
    corrected = english_text("Corregido")
    assert re.findall(r'<h2 id="cambio-\d+">([^<]+) <span', html) == [corrected, corrected, "Published"]
    assert f'<th scope="col">{english_text("Antes")}</th>' in html
    assert f'<th scope="col">{english_text("Ahora")}</th>' in html
    assert ('<th scope="row">Title</th>\n            <td lang="es">Acuerdo de hermanamiento con Quito</td>') in html
    assert '<span lang="es">El libro da el nombre completo de la ciudad.</span>' in html


def test_a_reviewed_translation_reads_as_such(client, body, marta):
    from cdmx_global.services import translation_mark_reviewed

    agreement = record_transition(record=create_agreement(body, marta), user=marta, transition=PUBLISH)
    agreement = edit(agreement, marta, title_en="Twinning with Quito")
    translation_mark_reviewed(record=agreement, user=marta, expected_version=agreement.version)

    html = client.get("/acuerdos/h-1/historial/").content.decode()
    assert re.findall(r'<h2 id="cambio-\d+">([^<]+) <span', html) == ["Traducción al inglés revisada", "Publicado"]
    assert "<table" not in html
    api = client.get("/api/v1/agreements/h-1/history/").json()
    assert api[1]["fields"] == [{"name": "translation", "label": "Traducción al inglés", "before": None, "after": None}]


def test_history_queries_do_not_grow_with_changes(client, body, marta, django_assert_num_queries):
    agreement = record_transition(record=create_agreement(body, marta), user=marta, transition=PUBLISH)
    agreement = edit(agreement, marta, note="Una", title="Título uno")
    with CaptureQueriesContext(connection) as few:
        assert client.get("/acuerdos/h-1/historial/").status_code == 200
    with CaptureQueriesContext(connection) as few_api:
        assert client.get("/api/v1/agreements/h-1/history/").status_code == 200
    for n in range(6):
        agreement = edit(agreement, marta, note=f"Corrección {n}", title=f"Título {n}", purpose=f"Propósito {n}")
    with django_assert_num_queries(len(few)):
        html = client.get("/acuerdos/h-1/historial/").content.decode()
    assert html.count('<h2 id="cambio-') == 8
    with django_assert_num_queries(len(few_api)):
        assert len(client.get("/api/v1/agreements/h-1/history/").json()) == 8


@pytest.mark.parametrize(("factory", "page", "api"), [
    (ActionFactory, "/acuerdos/acciones/{pk}/historial/", "/api/v1/actions/{pk}/history/"),
    (EventFactory, "/eventos/{pk}/historial/", "/api/v1/events/{pk}/history/"),
    (VisitFactory, "/visitas/{pk}/historial/", "/api/v1/visits/{pk}/history/"),
    (AwardFactory, "/premios/{pk}/historial/", "/api/v1/awards/{pk}/history/"),
    (NetworkFactory, "/redes/{slug}/historial/", "/api/v1/networks/{slug}/history/"),
    (CounterpartFactory, "/contrapartes/{slug}/historial/", "/api/v1/counterparts/{slug}/history/"),
])
def test_every_record_page_has_its_history(client, marta, factory, page, api):
    draft = factory(draft=True)
    record = record_transition(record=factory(draft=True), user=marta, transition=PUBLISH)
    record = edit(record, marta, note="Se corrige la fuente.", source_citation="CDMX Global (2018), p. 40")
    ids = {"pk": record.pk, "slug": getattr(record, "slug", "")}
    draft_ids = {"pk": draft.pk, "slug": getattr(draft, "slug", "")}

    html = client.get(page.format(**ids)).content.decode()
    assert re.findall(r'<h2 id="cambio-\d+">(\w+) ', html) == ["Corregido", "Publicado"]
    assert '<th scope="row">Fuente</th>' in html
    assert f'<a href="{record.get_absolute_url()}historial/">Historial de cambios (2)</a>' in client.get(
        record.get_absolute_url()).content.decode()
    assert [(c["kind"], c["note"]) for c in client.get(api.format(**ids)).json()] == [
        ("published", ""), ("changed", "Se corrige la fuente.")]
    assert client.get(page.format(**draft_ids)).status_code == 404
    assert client.get(api.format(**draft_ids)).status_code == 404


def test_the_history_of_a_withdrawn_record_is_its_notice(client, body, marta):
    agreement = record_transition(record=create_agreement(body, marta), user=marta, transition=PUBLISH)
    record_transition(record=agreement, user=marta, transition=WITHDRAW, note="Registro duplicado.")

    page = client.get("/acuerdos/h-1/historial/")
    assert page.status_code == 410
    assert "Este registro fue retirado" in page.content.decode()
    api = client.get("/api/v1/agreements/h-1/history/")
    assert (api.status_code, api.json()["reason"]) == (410, "Registro duplicado.")
    assert [c.kind for c in changes_of(agreement)] == [ChangeKind.PUBLISHED, ChangeKind.WITHDRAWN]
