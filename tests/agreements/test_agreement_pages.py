"""The public pages of agreements and actions, and the Atom feed, over the
book's records: exact records listed, exact facts shown, nothing unpublished
anywhere, query counts that do not grow with the rows."""

import datetime
import html
import re
import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from agreements.models import Action, Agreement, AgreementKind, Validity
from cdmx_global.models import PublicationStatus, SustainableDevelopmentGoal
from tests.support.factories import (
    LEAK_MARK,
    ActionFactory,
    AgreementFactory,
    CounterpartFactory,
    EventFactory,
    FrameworkFactory,
    GovernmentBodyFactory,
    ThemeFactory,
    leak_bait,
    partial_date,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("book")]


@pytest.fixture(autouse=True)
def spanish():
    """Links built in a test are the Spanish ones, whatever page an earlier test opened."""
    with translation.override(settings.LANGUAGE_CODE):
        yield

ATOM = {"atom": "http://www.w3.org/2005/Atom"}
LIST_URL = "/acuerdos/"
UN_URL = "/acuerdos/convenios-marco-onu/"
ACTIONS_URL = "/acuerdos/acciones/"


def text_of(fragment: str) -> str:
    """A fragment of HTML as a person reads it: no tags, single spaces."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def listed_codes(client, url: str) -> list[str]:
    """The codes of the agreements a list shows, following every page."""
    found, page = [], 1
    while True:
        content = client.get(url, {"page": page} if page > 1 else {}).content.decode()
        found += re.findall(r'<h3><a href="(?:/en)?/acuerdos/([^/"]+)/"', content)
        if 'rel="next"' not in content:
            return found
        page += 1


def facts(content: str) -> list[tuple[str, str]]:
    block = re.search(r'<dl class="facts">(.*?)</dl>', content, re.S).group(1)
    return [(text_of(term), text_of(value)) for term, value in re.findall(r"<dt>(.*?)</dt>\s*<dd[^>]*>(.*?)</dd>", block, re.S)]


def result_count(content: str) -> str:
    return text_of(re.search(r'<p class="result-count"[^>]*>(.*?)</p>', content, re.S).group(1))


def published_codes(**filters) -> list[str]:
    return sorted(Agreement.objects.published().filter(**filters).values_list("code", flat=True))


def expected_un_conventions() -> list[str]:
    """Framework conventions with a published UN-system counterpart, read record by record."""
    return sorted(
        agreement.code
        for agreement in Agreement.objects.published().filter(kind=AgreementKind.FRAMEWORK)
        if any(c.is_un_system and c.status == PublicationStatus.PUBLISHED for c in agreement.counterparts.all())
    )


def test_list_shows_every_published_agreement(client):
    leak_bait()
    content = client.get(LIST_URL).content.decode()
    assert result_count(content) == "65 registros"
    # The first visit, without a query string, already offers every facet.
    assert '<option value="twinning">Hermanamiento (16)</option>' in content
    assert re.findall(r'<select id="filtro-(\w+)"', content) == [
        "kind", "validity", "region", "country", "theme", "sdg", "body", "year"
    ]
    codes = listed_codes(client, LIST_URL)
    assert len(codes) == 65
    assert sorted(codes) == published_codes()


def test_list_kind_twinning_shows_the_16_twinnings(client):
    leak_bait()
    response = client.get(LIST_URL, {"kind": "twinning"})
    content = response.content.decode()
    assert result_count(content) == "16 registros"
    assert sorted(listed_codes(client, f"{LIST_URL}?kind=twinning")) == published_codes(kind="twinning")
    assert len(published_codes(kind="twinning")) == 16
    assert '<option value="twinning" selected>Hermanamiento (16)</option>' in content


@pytest.mark.parametrize(
    ("query", "region", "kind"),
    [("kind=twinning&region=europe", "europe", "twinning"), ("kind=specific_cooperation&region=north_america", "north_america", "specific_cooperation")],
)
def test_list_combined_filters_show_the_records_matching_both(client, query, region, kind):
    leak_bait()
    expected = sorted(
        a.code
        for a in Agreement.objects.published().filter(kind=kind)
        if any(c.region == region and c.status == PublicationStatus.PUBLISHED for c in a.counterparts.all())
    )
    assert expected
    assert sorted(listed_codes(client, f"{LIST_URL}?{query}")) == expected
    assert result_count(client.get(f"{LIST_URL}?{query}").content.decode()) == f"{len(expected)} registros"


def test_list_region_options_show_independent_counts(client):
    leak_bait()
    content = client.get(LIST_URL, {"kind": "twinning"}).content.decode()
    twinnings = Agreement.objects.published().filter(kind="twinning")
    europe = sum(any(c.region == "europe" and c.status == "published" for c in a.counterparts.all()) for a in twinnings)
    asia = sum(any(c.region == "asia" and c.status == "published" for c in a.counterparts.all()) for a in twinnings)
    assert f'<option value="europe">Europa ({europe})</option>' in content
    assert f'<option value="asia">Asia ({asia})</option>' in content


def test_un_conventions_page_lists_the_framework_conventions_with_un_organisations(client):
    leak_bait()
    un_agency = CounterpartFactory(name="Agencia de la ONU de prueba", un_agency=True, published=True)
    hidden_agency = CounterpartFactory(name="Agencia oculta", un_agency=True, draft=True)
    other_org = CounterpartFactory(name="Organismo regional", kind="international_org", country="", published=True)
    shown = AgreementFactory(published=True, kind=AgreementKind.FRAMEWORK, counterparts=[un_agency])
    not_un = AgreementFactory(published=True, kind=AgreementKind.FRAMEWORK, counterparts=[other_org, hidden_agency])
    not_framework = AgreementFactory(published=True, kind=AgreementKind.MEMORANDUM, counterparts=[un_agency])
    expected = expected_un_conventions()
    assert shown.code in expected and not_un.code not in expected and not_framework.code not in expected
    assert len(expected) == 20  # the book's 19 and the one made here
    content = client.get(UN_URL).content.decode()
    assert "<h1>Convenios marco con organismos de la ONU</h1>" in content
    assert sorted(listed_codes(client, UN_URL)) == expected
    assert "Agencia oculta" not in content


@pytest.mark.parametrize("url", [LIST_URL, UN_URL, ACTIONS_URL])
def test_invalid_year_shows_a_spanish_error(client, url):
    response = client.get(url, {"year": "abc"})
    content = response.content.decode()
    assert response.status_code == 200
    assert "Escriba el año con cuatro cifras, p. ej. 2016." in content
    assert result_count(content) == "0 registros"


@pytest.mark.parametrize(
    "url",
    [
        LIST_URL,
        f"{LIST_URL}?kind=twinning",
        f"{LIST_URL}?validity=in_force",
        f"{LIST_URL}?country=IS",
        f"{LIST_URL}?region=oceania",
        f"{LIST_URL}?page=2",
        f"{LIST_URL}?page=3",
        UN_URL,
        ACTIONS_URL,
        f"{ACTIONS_URL}?page=2",
        "/acuerdos/feed/",
        "/en/acuerdos/",
    ],
)
def test_leak_bait_appears_on_no_page(client, url):
    leak_bait()
    response = client.get(url)
    assert response.status_code == 200
    content = response.content.decode()
    assert LEAK_MARK not in content
    # The bait's countries (Iceland, New Zealand) are in no published record: no option counts them.
    assert set(re.findall(r'<option value="(?:IS|NZ)"[^>]*>[^<(]*\((\d+)\)', content)) <= {"0"}


def test_leak_bait_shows_on_no_detail_page_of_a_published_agreement(client):
    bait = leak_bait()
    linked = {c for records in bait.values() for c in records[1].counterparts.all() if c.status == "published"}
    pages = [a.get_absolute_url() for c in linked for a in c.agreements.published()]
    pages += [a.get_absolute_url() for a in Action.objects.published()]
    assert pages
    for url in pages:
        content = client.get(url).content.decode()
        assert LEAK_MARK not in content, url


def test_leak_bait_details_are_not_found(client):
    bait = leak_bait()
    records = [r for records in bait.values() for r in records if isinstance(r, (Agreement, Action))]
    assert len(records) == 4
    for record in records:
        with translation.override(settings.LANGUAGE_CODE):
            url = record.get_absolute_url()
        assert client.get(url).status_code == 404
        assert client.get(f"/en{url}").status_code == 404


def test_published_agreement_hides_its_draft_counterpart(client):
    hidden = CounterpartFactory(name="Ciudad Oculta de prueba", country="IS", draft=True)
    shown = CounterpartFactory(name="Ciudad Visible de prueba", country="FR", published=True)
    body = GovernmentBodyFactory()
    agreement = AgreementFactory(published=True, counterparts=[hidden, shown], body=body)
    for url in (agreement.get_absolute_url(), f"{LIST_URL}?body={body.slug}"):
        content = client.get(url).content.decode()
        assert "Ciudad Visible de prueba" in content
        assert "Ciudad Oculta de prueba" not in content


@pytest.fixture
def full_agreement():
    """An agreement with every public field, and linked records published or not."""
    body = GovernmentBodyFactory(name="Secretaría de Movilidad de prueba", acronym="SEMOVIP", slug="semovi-prueba")
    other_body = GovernmentBodyFactory(name="Secretaría de Cultura de prueba", acronym="SCP", slug="cultura-prueba")
    lyon = CounterpartFactory(name="Lyon de prueba", country="FR", published=True)
    hidden = CounterpartFactory(name=f"Ciudad {LEAK_MARK} de prueba", country="IS", draft=True)
    theme = ThemeFactory(name="Tema de prueba", slug="tema-de-prueba")
    sdg = SustainableDevelopmentGoal.objects.get(number=11)
    framework = FrameworkFactory(name="Marco de prueba")
    previous = AgreementFactory(published=True, title="Acuerdo anterior de prueba")
    event = EventFactory(published=True, name="Cumbre de prueba")
    agreement = AgreementFactory(
        published=True,
        code="acuerdo-completo",
        title="Acuerdo completo de prueba",
        kind=AgreementKind.SPECIFIC_COOPERATION,
        purpose="Cooperar en movilidad urbana.",
        validity=Validity.IN_FORCE,
        **partial_date("sre_opinion_on", 2014, 10),
        sre_opinion="favourable",
        sre_opinion_number="DGAJ-123",
        sre_registration_number="R-45",
        **partial_date("signed_on", 2014, 11, 21),
        signed_place="Lyon, Francia",
        **partial_date("in_force_on", 2014, 11, 21),
        **partial_date("valid_until", 2019, 11),
        signatories="Por la Ciudad de México: el Jefe de Gobierno.",
        terms="Cinco años, renovables.",
        amount=Decimal("1500000.00"),
        currency="MXN",
        modifications="Ninguna.",
        renews=previous,
        signed_at_event=event,
        body=body,
        counterparts=[lyon, hidden],
        other_bodies=[other_body],
        themes=[theme],
        sdgs=[sdg],
        frameworks=[framework],
        source_excerpt="El pasaje del libro.",
    )
    Agreement.objects.filter(pk=agreement.pk).update(signed_document="documents/agreements/prueba.pdf")
    renewal = AgreementFactory(published=True, title="Acuerdo posterior de prueba", renews=agreement)
    AgreementFactory(draft=True, title=f"Renovación {LEAK_MARK}", renews=agreement)
    action = ActionFactory(published=True, agreement=agreement, title="Intercambio de prueba", **partial_date("start_on", 2015, 3))
    ActionFactory(withdrawn=True, agreement=agreement, title=f"Acción {LEAK_MARK} bajo el acuerdo")
    return {
        "agreement": agreement, "lyon": lyon, "previous": previous, "renewal": renewal, "event": event,
        "action": action, "sdg": sdg,
    }


def test_detail_shows_every_public_fact(client, full_agreement):
    agreement = full_agreement["agreement"]
    content = client.get("/acuerdos/acuerdo-completo/").content.decode()
    assert facts(content) == [
        ("Tipo de instrumento", "Cooperación específica"),
        ("Vigencia", "Vigente"),
        ("Entrada en vigor", "21 de noviembre de 2014"),
        ("Vigente hasta", "noviembre de 2019"),
        ("Fecha de firma", "21 de noviembre de 2014"),
        ("Lugar de firma", "Lyon, Francia"),
        ("Firmado en el evento", "Cumbre de prueba"),
        ("Dictamen de la SRE", "Favorable · núm. DGAJ-123 · octubre de 2014"),
        ("Registro en la SRE", "R-45"),
        ("Contrapartes", "Lyon de prueba, Francia"),
        ("Firmantes", "Por la Ciudad de México: el Jefe de Gobierno."),
        ("Área responsable", "Secretaría de Movilidad de prueba (SEMOVIP)"),
        ("Otras dependencias responsables", "Secretaría de Cultura de prueba (SCP)"),
        ("Objeto", "Cooperar en movilidad urbana."),
        ("Términos y condiciones", "Cinco años, renovables."),
        ("Monto", "1,500,000.00 MXN"),
        ("Modificaciones", "Ninguna."),
        ("Temas", "Tema de prueba"),
        ("ODS", str(full_agreement["sdg"])),
        ("Marcos de la ONU", "Marco de prueba"),
        ("Renueva o sustituye a", "Acuerdo anterior de prueba"),
        ("Renovado o sustituido por", "Acuerdo posterior de prueba"),
        ("Documento firmado", "Descargar el instrumento firmado (PDF)"),
    ]
    for linked in ("lyon", "previous", "renewal", "event", "action"):
        assert f'href="{full_agreement[linked].get_absolute_url()}"' in content, linked
    assert f'href="/documentos/acuerdos/{agreement.pk}/"' in content
    assert '<h2 id="acciones">Acciones realizadas en su marco</h2>' in content
    assert "Intercambio de prueba" in content and "marzo de 2015" in content
    assert "CDMX Global (2018), cap. I §4.1" in content and "El pasaje del libro." in content
    assert '<a href="/acuerdos/acuerdo-completo/" aria-current="page" lang="es">Acuerdo completo de prueba</a>' in content
    assert LEAK_MARK not in content


def test_detail_leaves_out_unpublished_renewals_and_event(client):
    previous = AgreementFactory(draft=True, title=f"Anterior {LEAK_MARK}")
    event = EventFactory(withdrawn=True, name=f"Cumbre {LEAK_MARK}")
    agreement = AgreementFactory(published=True, renews=previous, signed_at_event=event)
    AgreementFactory(withdrawn=True, renews=agreement, title=f"Posterior {LEAK_MARK}")
    content = client.get(agreement.get_absolute_url()).content.decode()
    assert [term for term, _value in facts(content)] == ["Tipo de instrumento", "Vigencia", "Fecha de firma", "Área responsable", "Objeto"]
    assert LEAK_MARK not in content


def test_list_queries_do_not_grow_with_rows(client, django_assert_num_queries):
    body = GovernmentBodyFactory()
    theme = ThemeFactory()

    def make(count):
        for _n in range(count):
            AgreementFactory(
                published=True, body=body, themes=[theme],
                counterparts=[CounterpartFactory(published=True), CounterpartFactory(published=True)],
            )

    make(2)
    url = f"{LIST_URL}?body={body.slug}"
    with CaptureQueriesContext(connection) as two:
        assert result_count(client.get(url).content.decode()) == "2 registros"
    make(18)
    with django_assert_num_queries(len(two)):
        assert result_count(client.get(url).content.decode()) == "20 registros"


def test_detail_queries_do_not_grow_with_counterparts_or_actions(client, django_assert_num_queries):
    def agreement_with(count):
        agreement = AgreementFactory(published=True, counterparts=[CounterpartFactory(published=True) for _n in range(count)])
        for _n in range(count):
            ActionFactory(published=True, agreement=agreement)
        return agreement

    one, five = agreement_with(1), agreement_with(5)
    with CaptureQueriesContext(connection) as first:
        client.get(one.get_absolute_url())
    with django_assert_num_queries(len(first)):
        content = client.get(five.get_absolute_url()).content.decode()
    assert len(re.findall(r'href="/acuerdos/acciones/\d+/"', content)) == 5


def test_action_pages_show_published_actions_only(client):
    bait = leak_bait()
    hidden_agreement = bait["draft"][1]
    action = ActionFactory(published=True, agreement=hidden_agreement, title="Acción bajo un borrador", place="Lyon")
    listed, page = [], 1
    while True:
        content = client.get(ACTIONS_URL, {"page": page}).content.decode()
        listed += [int(pk) for pk in re.findall(r'<h3><a href="/acuerdos/acciones/(\d+)/"', content)]
        if 'rel="next"' not in content:
            break
        page += 1
    assert sorted(listed) == sorted(Action.objects.published().values_list("pk", flat=True))
    assert len(listed) == 40  # the book's 39 actions and the one under a draft agreement
    content = client.get(action.get_absolute_url()).content.decode()
    assert facts(content)[:3] == [("Tipo de acción", "Proyecto"), ("Periodo", action.period), ("Lugar", "Lyon")]
    assert "En el marco del acuerdo" not in content and LEAK_MARK not in content


def test_action_list_by_country_shows_the_actions_of_its_published_counterparts(client):
    # The bait's draft action names Barcelona; a published action names only a draft Japanese counterpart.
    leak_bait()
    draft_japanese = CounterpartFactory(draft=True, country="JP", name=f"Ciudad {LEAK_MARK} de Japón")
    ActionFactory(published=True, title="Acción con una contraparte en borrador", counterparts=[draft_japanese])

    japan = client.get(ACTIONS_URL, {"country": "JP"})
    spain = client.get(ACTIONS_URL, {"country": "ES"})

    assert [str(action) for action in japan.context["object_list"]] == [
        "Alas de la Ciudad de México en Nagoya",
        "Proyecto de Mejoramiento del Sistema de Drenaje de la Ciudad de México",
        "Intercambios de especies entre los Zoológicos de Higashiyama y de Chapultepec",
    ]
    assert result_count(japan.content.decode()) == "3 registros"
    assert '<option value="JP" selected>Japón (3)</option>' in japan.content.decode()
    assert [str(action) for action in spain.context["object_list"]] == ["Alas de la Ciudad de México en Madrid"]
    for response in (japan, spain):
        assert LEAK_MARK not in response.content.decode()
        assert "Acción con una contraparte en borrador" not in response.content.decode()


def test_feed_lists_the_last_20_published_agreements_in_order(client):
    bait = leak_bait()
    now = timezone.now()
    book = list(Agreement.objects.published().order_by("pk"))
    Agreement.objects.filter(pk=book[5].pk).update(published_at=now + datetime.timedelta(days=3))
    Agreement.objects.filter(pk=book[9].pk).update(published_at=None, updated_at=now + datetime.timedelta(days=2))
    Agreement.objects.filter(pk=book[0].pk).update(published_at=now - datetime.timedelta(days=400))
    Agreement.objects.filter(pk=bait["withdrawn"][1].pk).update(published_at=now + datetime.timedelta(days=9))

    def when(agreement):
        return agreement.published_at or agreement.updated_at

    published = sorted(Agreement.objects.published().select_related("body"), key=lambda a: (-when(a).timestamp(), a.pk))
    expected = published[:20]
    assert expected[0].pk == book[5].pk and expected[1].pk == book[9].pk

    response = client.get("/acuerdos/feed/")
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    assert root.find("atom:title", ATOM).text == "CDMX Global: acuerdos publicados recientemente"
    entries = root.findall("atom:entry", ATOM)
    assert [
        (
            entry.find("atom:title", ATOM).text,
            entry.find("atom:link", ATOM).get("href"),
            entry.find("atom:summary", ATOM).text,
            datetime.datetime.fromisoformat(entry.find("atom:updated", ATOM).text),
            datetime.datetime.fromisoformat(entry.find("atom:published", ATOM).text),
            entry.find("atom:author/atom:name", ATOM).text,
        )
        for entry in entries
    ] == [
        (a.title, f"http://testserver{a.get_absolute_url()}", a.purpose or None, when(a), when(a), str(a.body))
        for a in expected
    ]


def test_english_pages_show_english_labels(client):
    content = client.get("/en/acuerdos/", {"kind": "twinning"}).content.decode()
    assert "<h1>International agreements</h1>" in content
    assert '<label for="filtro-kind">Type of instrument</label>' in content
    assert '<option value="twinning" selected>Twinning (16)</option>' in content
    assert result_count(content) == "16 records"
    # The book's twinnings carry their (unofficial) English titles.
    assert re.search(r'<h3><a href="/en/acuerdos/[^"]+/" lang="en">Twinning with Beijing \(2009\)</a></h3>', content)
    feed = ET.fromstring(client.get("/en/acuerdos/feed/").content)
    assert feed.find("atom:title", ATOM).text == "CDMX Global: recently published agreements"
    assert all("/en/acuerdos/" in e.find("atom:link", ATOM).get("href") for e in feed.findall("atom:entry", ATOM))
    detail = client.get("/en/acuerdos/acuerdo-inexistente/")
    assert detail.status_code == 404
    twinning = Agreement.objects.published().filter(kind="twinning").first()
    detail = client.get(f"/en/acuerdos/{twinning.code}/")
    assert ("Type of instrument", "Twinning") in facts(detail.content.decode())

