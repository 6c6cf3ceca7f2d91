"""Following a filtered list in a real browser, with the emails delivered to
a real SMTP server on loopback (aiosmtpd): subscribe, confirm from the
email, a reviewer publishes one matching and one non-matching agreement,
the digest names exactly the matching one, one-click unsubscribe (RFC 8058
``POST``) ends it and the next digest sends nothing."""

import datetime
import re
import time

import pytest
from django.test import override_settings
from django.utils import timezone
from playwright.sync_api import expect

from cdmx_global.models import Counterpart
from following.digest import run_digests
from following.models import Subscription
from tests.support import factories
from tests.support.smtp import SmtpServer, text_of

PASSWORD = "contraseña-de-prueba"  # what UserFactory gives every user
ADDRESS = "lectora@ejemplo.mx"
MATCHING = "Acuerdo que coincide con el filtro"
OTHER = "Acuerdo de otro país"
LATER = "Segundo acuerdo que coincidiría"


def subject(message) -> str:
    """The subject as read: a long one is folded on the wire."""
    return " ".join(str(message["Subject"]).split())


def wait_for(server: SmtpServer, count: int, timeout: float = 15) -> list:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if len(server.messages) >= count:
            return server.messages
        time.sleep(0.05)
    raise AssertionError(f"Se esperaban {count} correos y llegaron {len(server.messages)}")


@pytest.fixture(scope="module")
def mailbox(live_site):
    with SmtpServer() as server:
        smtp = {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": server.port, "use_tls": False, "timeout": 10},
        }
        with override_settings(MAILERS={"default": smtp}, SITE_URL=live_site.url):
            yield server


@pytest.fixture(scope="module")
def records(live_site, django_db_blocker):
    """Two drafts in review, one with a counterpart in the followed country
    and one elsewhere, and a reviewer, committed for the live server."""
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]), django_db_blocker.unblock():
        here = Counterpart.objects.published().exclude(country="").order_by("pk").first()
        elsewhere = Counterpart.objects.published().exclude(country__in=["", here.country]).order_by("pk").first()
        yield {
            "country": here.country.code,
            "matching": factories.AgreementFactory(title=MATCHING, counterparts=[here], review=True),
            "other": factories.AgreementFactory(title=OTHER, counterparts=[elsewhere], review=True),
            "later": factories.AgreementFactory(title=LATER, counterparts=[here], review=True),
            "reviewer": factories.reviewer(username="revision.seguimiento", email="revision@seguimiento.mx"),
        }


def publish(browser, live_site, *agreements):
    context = browser.new_context(locale="es-MX", base_url=live_site.url)
    page = context.new_page()
    page.goto("/admin/login/")
    page.get_by_label("Nombre de usuario").fill("revision.seguimiento")
    page.get_by_label("Contraseña").fill(PASSWORD)
    page.locator("input[type=submit]").click()
    expect(page.locator("#user-tools")).to_be_visible()
    for agreement in agreements:
        page.goto(f"/admin/agreements/agreement/{agreement.pk}/change/")
        page.locator(".object-tools").get_by_role("link", name="Publicar").click()
        page.locator("#content-main form [type=submit]").first.click()
        expect(page.locator(".messagelist")).to_contain_text("Publicado")
    context.close()


def digest(django_db_blocker, when):
    with django_db_blocker.unblock():
        run_digests(timezone.localtime(when).date(), now=when)


def test_follow_a_filtered_list_confirm_get_one_digest_and_leave(
    page, browser, live_site, mailbox, records, django_db_blocker, assert_accessible
):
    country = records["country"]

    # A citizen follows the agreements of one country from the list itself.
    page.goto(f"/acuerdos/?country={country}")
    page.get_by_role("link", name="Seguir esta lista por correo").click()
    expect(page.locator("main")).to_contain_text("Va a seguir: Lista de acuerdos (País:")
    assert_accessible(page)
    page.get_by_label("Su correo electrónico").fill(ADDRESS)
    page.get_by_label("Diaria").check()
    page.get_by_role("button", name="Seguir").click()
    expect(page.locator("h1")).to_have_text("Revise su correo")

    # The confirmation arrives through SMTP; nothing else is sent before it is confirmed.
    confirmation = wait_for(mailbox, 1)[0]
    assert confirmation["X-Envelope-To"] == ADDRESS
    assert subject(confirmation).startswith("CDMX Global: confirme que quiere seguir «Lista de acuerdos (País:")
    assert confirmation["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    confirm_url = re.search(r"(http\S+/seguir/confirmar/\S+)", text_of(confirmation)).group(1)
    page.goto(confirm_url)
    assert_accessible(page)
    page.get_by_role("button", name="Confirmar").click()
    expect(page.locator("h1")).to_have_text("Seguimiento confirmado")

    # A reviewer publishes one agreement that matches and one that does not.
    publish(browser, live_site, records["matching"], records["other"])
    digest(django_db_blocker, timezone.now())
    messages = wait_for(mailbox, 2)
    time.sleep(0.5)  # anything more would have arrived by now
    assert len(mailbox.messages) == 2
    alert = messages[1]
    assert alert["X-Envelope-To"] == ADDRESS
    assert subject(alert).startswith("CDMX Global: 1 novedad en «Lista de acuerdos (País:")
    body = text_of(alert)
    assert MATCHING in body and OTHER not in body
    html = alert.get_body(preferencelist=("html",)).get_content()
    assert f">{MATCHING}</a>" in html and OTHER not in html

    # One click: the POST mail programs send (RFC 8058) ends it.
    unsubscribe_url = alert["List-Unsubscribe"].strip("<>")
    answer = page.request.post(unsubscribe_url, form={"List-Unsubscribe": "One-Click"})
    assert answer.status == 200 and "ya no recibirá estos correos" in answer.text()
    with django_db_blocker.unblock():
        assert not Subscription.objects.filter(email=ADDRESS).exists()

    # Another matching agreement is published; the next digest sends nothing.
    publish(browser, live_site, records["later"])
    digest(django_db_blocker, timezone.now() + datetime.timedelta(days=1))
    time.sleep(1)
    assert len(mailbox.messages) == 2


@pytest.fixture(scope="module")
def reader(live_site, django_db_blocker):
    """A confirmed subscription, committed for the live server (outside any test's transaction)."""
    with django_db_blocker.unblock():
        subscription = Subscription.objects.create(
            email="accesible@ejemplo.mx", target="reports", frequency="weekly", confirmed_at=timezone.now()
        )
    yield subscription
    with django_db_blocker.unblock():
        Subscription.objects.filter(email="accesible@ejemplo.mx").delete()


def test_the_privacy_notice_and_the_subscriptions_pages_are_accessible(page, reader, assert_accessible):
    from following.links import manage_token, unsubscribe_token

    manage = f"/seguir/mis-suscripciones/{manage_token(reader.address)}/"
    for path, heading in (
        ("/seguir/aviso-de-privacidad/", "Aviso de privacidad: seguimiento por correo"),
        ("/en/seguir/aviso-de-privacidad/", "Privacy notice: following by email"),
        ("/seguir/mis-suscripciones/", "Mis suscripciones"),
        (manage, "Mis suscripciones"),
        (f"/seguir/baja/{unsubscribe_token(reader)}/", "Dejar de seguir"),
    ):
        page.goto(path)
        expect(page.locator("h1")).to_have_text(heading)
        assert_accessible(page)
    page.goto(manage)
    expect(page.locator("main table")).to_contain_text("Informes semestrales al Congreso")
    page.get_by_role("button", name="Dejar de seguir todo y borrar mi dirección").click()
    expect(page.locator("main")).to_contain_text("Esta dirección no sigue nada: no guardamos ningún dato suyo.")
