"""Following a filtered list end to end (request, confirmation, digest, one
click unsubscribe), with the email read as its recipient reads it."""

import base64
import datetime
import re

import pytest
from django.core import mail
from django.utils import timezone

from background.models import Email
from following.digest import run_digests
from following.models import Subscription
from tests.support.factories import AgreementFactory, CounterpartFactory

pytestmark = pytest.mark.django_db

LIST_URL = "/seguir/?que=list&clave=agreements:list&country=FR"


def _links(message) -> list[str]:
    return re.findall(r"http://testserver\S+|http://127\.0\.0\.1:8000\S+", message.body)


def _path(url: str) -> str:
    return re.sub(r"^https?://[^/]+", "", url)


def subscribe(client, email="ana@example.mx", frequency="daily", language="es-mx", query=LIST_URL):
    page = client.get(query)
    assert page.status_code == 200
    params = dict(item.split("=", 1) for item in query.split("?", 1)[1].split("&"))
    return client.post("/seguir/", {**params, "email": email, "frequency": frequency, "language": language})


def confirm(client, message):
    confirm_url = next(url for url in _links(message) if "/seguir/confirmar/" in url)
    page = client.get(_path(confirm_url))
    assert "Confirmar" in page.content.decode()
    return client.post(_path(confirm_url))


def test_a_filtered_list_is_followed_confirmed_alerted_and_left(client, settings):
    settings.SITE_URL = "http://testserver"
    paris = CounterpartFactory(name="París", country="FR", published=True, published_at=timezone.now() - datetime.timedelta(days=30))
    tokyo = CounterpartFactory(name="Tokio", country="JP", published=True, published_at=timezone.now() - datetime.timedelta(days=30))

    form = client.get(LIST_URL).content.decode()
    assert "Va a seguir: <strong>Lista de acuerdos (País: Francia)</strong>" in form

    answer = subscribe(client)
    assert answer.status_code == 200
    assert "Revise su correo" in answer.content.decode()
    assert len(mail.outbox) == 1
    confirmation = mail.outbox[0]
    assert confirmation.to == ["ana@example.mx"]
    assert confirmation.subject == "CDMX Global: confirme que quiere seguir «Lista de acuerdos (País: Francia)»"
    assert confirmation.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert confirmation.extra_headers["List-Unsubscribe"].startswith("<http://testserver/seguir/baja/")
    # No link carries the address, not even encoded: URLs end up in logs and histories.
    for url in _links(confirmation) + [confirmation.extra_headers["List-Unsubscribe"]]:
        assert "ana" not in base64.urlsafe_b64decode(url.rstrip("/>").split("/")[-1].split(":")[0] + "==").decode(
            "latin-1"
        ) and "ana" not in url
    assert Subscription.objects.get().confirmed_at is None

    done = confirm(client, confirmation)
    assert "Seguimiento confirmado" in done.content.decode()
    subscription = Subscription.objects.get()
    assert subscription.confirmed_at is not None

    now = timezone.now()
    AgreementFactory(title="Hermanamiento con París", counterparts=[paris], published=True, published_at=now)
    AgreementFactory(title="Acuerdo con Tokio", counterparts=[tokyo], published=True, published_at=now)
    AgreementFactory(title="Borrador con París", counterparts=[paris])  # a draft that would match

    later = now + datetime.timedelta(minutes=5)
    run_digests(later.date(), now=later)
    assert len(mail.outbox) == 2
    digest = mail.outbox[1]
    assert digest.subject == "CDMX Global: 1 novedad en «Lista de acuerdos (País: Francia)»"
    assert "Hermanamiento con París" in digest.body
    assert "Tokio" not in digest.body and "Borrador" not in digest.body
    html = digest.alternatives[0][0]
    assert '<html lang="es">' in html and "Hermanamiento con París</a>" in html

    unsubscribe_url = digest.extra_headers["List-Unsubscribe"].strip("<>")
    gone = client.post(_path(unsubscribe_url), {"List-Unsubscribe": "One-Click"})
    assert gone.status_code == 200
    assert not Subscription.objects.exists()
    assert not Email.objects.filter(key__startswith=f"following:{subscription.pk}:").exists()

    AgreementFactory(title="Otro acuerdo con París", counterparts=[paris], published=True,
                     published_at=later + datetime.timedelta(minutes=1))
    next_day = later + datetime.timedelta(days=1)
    run_digests(next_day.date(), now=next_day)
    assert len(mail.outbox) == 2
