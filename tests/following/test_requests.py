"""Asking to follow, confirming, ending: bad input refused in Spanish with
nothing saved, the same answer whoever asks, limits per client and per
address, links that expire or were tampered with, counts only for staff."""

import datetime
import re

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from background.models import Email
from following.links import confirm_token, manage_token, unsubscribe_token
from following.models import Subscription, address_fingerprint
from following.services import prune_unconfirmed
from tests.support import factories

pytestmark = pytest.mark.django_db

FOLLOW = {"que": "list", "clave": "agreements:list", "country": "FR"}


def ask(client, email="ana@ejemplo.mx", client_address="127.0.0.1", **extra):
    data = {**FOLLOW, "email": email, "frequency": "weekly", "language": "es-mx", **extra}
    return client.post("/seguir/", data, REMOTE_ADDR=client_address)


def nothing_saved():
    return not Subscription.objects.exists() and not Email.objects.exists() and mail.outbox == []


def text(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


@pytest.mark.parametrize("address", ["", "ana", "ana@", "ana@@ejemplo.mx", "ana ejemplo@mx", "a" * 250 + "@ejemplo.mx"])
def test_a_malformed_address_is_refused_in_spanish_with_nothing_saved(client, address):
    answer = ask(client, email=address)
    assert answer.status_code == 400
    assert ("Escriba una dirección de correo válida" in text(answer)) or ("Escriba su correo electrónico." in text(answer)) \
        or ("tenga como máximo 254 caracteres" in text(answer))
    assert nothing_saved()


@pytest.mark.parametrize(("query", "message"), [
    ({**FOLLOW, "country": "ZZ"}, "Seleccione una opción válida. ZZ no es una de las opciones disponibles."),
    ({**FOLLOW, "theme": "tema-que-no-existe"}, "Seleccione una opción válida. La opción seleccionada no es una de las disponibles."),
    ({**FOLLOW, "year": "dos mil"}, "Escriba el año con cuatro cifras, p. ej. 2016."),
    ({"que": "list", "clave": "admin:index"}, "Esa lista no se puede seguir."),
    ({"que": "list", "clave": "search:results", "q": "  "}, "Escriba una o más palabras para seguir una búsqueda."),
    ({"que": "country", "clave": "XX"}, "Ese país no existe."),
    ({"que": "agreement", "clave": "no-existe"}, "Ese registro no está publicado."),
    ({"que": "nada"}, "Eso no se puede seguir."),
])
def test_a_target_that_does_not_exist_is_refused_in_spanish_on_the_form_and_on_sending(client, query, message):
    shown = client.get("/seguir/", query)
    assert shown.status_code == 400 and message in text(shown)
    sent = client.post("/seguir/", {**query, "email": "ana@ejemplo.mx", "frequency": "daily", "language": "es-mx"})
    assert sent.status_code == 400 and message in text(sent)
    assert nothing_saved()


def test_a_draft_cannot_be_followed_and_its_title_is_not_shown(client):
    draft = factories.AgreementFactory(title="Acuerdo en borrador que no debe verse")
    answer = client.get("/seguir/", {"que": "agreement", "clave": draft.code})
    assert answer.status_code == 400
    assert "Ese registro no está publicado." in text(answer) and draft.title not in text(answer)


def test_the_answer_is_the_same_whether_or_not_the_address_already_follows(client):
    first = ask(client)
    subscription = Subscription.objects.get()
    client.post(f"/seguir/confirmar/{confirm_token(subscription)}/")
    again = ask(client)
    other = ask(client, email="otra@ejemplo.mx")

    assert text(first) == text(again)
    assert text(other) == text(first).replace("ana@ejemplo.mx", "otra@ejemplo.mx")
    # The inbox tells its owner, and only it: a confirmation, then «ya sigue».
    subjects = [(message.to, message.subject) for message in mail.outbox]
    assert subjects == [
        (["ana@ejemplo.mx"], "CDMX Global: confirme que quiere seguir «Lista de acuerdos (País: Francia)»"),
        (["ana@ejemplo.mx"], "CDMX Global: ya sigue «Lista de acuerdos (País: Francia)»"),
        (["otra@ejemplo.mx"], "CDMX Global: confirme que quiere seguir «Lista de acuerdos (País: Francia)»"),
    ]
    assert Subscription.objects.get(email="ana@ejemplo.mx").frequency == "weekly"


def test_a_flood_from_one_client_is_refused_in_spanish_and_saves_nothing(client, settings):
    settings.FOLLOW_REQUESTS_PER_CLIENT = 4
    for n in range(4):
        assert ask(client, email=f"persona{n}@ejemplo.mx").status_code == 200
    refused = ask(client, email="quinta@ejemplo.mx")
    assert refused.status_code == 429
    assert "Recibimos demasiadas solicitudes en poco tiempo. Espere una hora e inténtelo de nuevo." in text(refused)
    assert not Subscription.objects.filter(email="quinta@ejemplo.mx").exists()
    assert Subscription.objects.count() == 4 and len(mail.outbox) == 4
    # Another client is not held back by this one.
    assert ask(client, email="quinta@ejemplo.mx", client_address="10.0.0.9").status_code == 200


def test_one_address_gets_at_most_a_few_requests_an_hour_from_anyone(client, settings):
    settings.FOLLOW_REQUESTS_PER_ADDRESS = 2
    assert ask(client).status_code == 200
    assert ask(client, country="JP").status_code == 200
    refused = client.post("/seguir/", {**FOLLOW, "country": "US", "email": "ana@ejemplo.mx", "frequency": "daily",
                                       "language": "es-mx"}, REMOTE_ADDR="10.0.0.7")
    assert refused.status_code == 429
    assert len(mail.outbox) == 2 and Subscription.objects.count() == 2


def test_a_tampered_confirmation_link_is_refused_and_confirms_nothing(client):
    ask(client)
    subscription = Subscription.objects.get()
    token = confirm_token(subscription)
    tampered = token[:-3] + ("aaa" if not token.endswith("aaa") else "bbb")
    answer = client.post(f"/seguir/confirmar/{tampered}/")
    assert answer.status_code == 400
    assert "El enlace no es válido: revise que lo copió completo." in text(answer)
    assert Subscription.objects.get().confirmed_at is None


def test_an_expired_confirmation_link_is_refused_and_the_request_is_deleted(client, settings):
    ask(client)
    subscription = Subscription.objects.get()
    token = confirm_token(subscription)
    later = timezone.now() + datetime.timedelta(hours=settings.FOLLOW_CONFIRM_HOURS, minutes=1)
    with time_machine.travel(later):
        answer = client.post(f"/seguir/confirmar/{token}/")
        assert answer.status_code == 400
        assert "El enlace caducó. Pida uno nuevo desde la página que quería seguir." in text(answer)
        assert Subscription.objects.get().confirmed_at is None
        assert prune_unconfirmed() == 1
    assert not Subscription.objects.exists()
    assert not Email.objects.exists()  # the confirmation held the address


def test_a_confirmation_link_opened_by_a_link_checker_confirms_nothing(client):
    ask(client)
    subscription = Subscription.objects.get()
    shown = client.get(f"/seguir/confirmar/{confirm_token(subscription)}/")
    assert "¿Quiere recibir en ana@ejemplo.mx los avisos de «Lista de acuerdos (País: Francia)»?" in text(shown)
    assert Subscription.objects.get().confirmed_at is None


def test_unsubscribing_deletes_the_address_and_its_emails_and_a_get_does_nothing(client):
    ask(client)
    subscription = Subscription.objects.get()
    url = f"/seguir/baja/{unsubscribe_token(subscription)}/"
    shown = client.get(url)
    assert "¿Dejar de seguir «Lista de acuerdos (País: Francia)»?" in text(shown)
    assert Subscription.objects.exists()

    ended = client.post(url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded")
    assert ended.status_code == 200
    assert "Listo: ya no recibirá estos correos." in text(ended)
    assert not Subscription.objects.exists() and not Email.objects.exists()
    assert "Esta suscripción ya había terminado." in text(client.get(url))
    assert client.post(f"/seguir/baja/{unsubscribe_token(subscription)[:-2]}x/").status_code == 400


def test_the_manage_page_lists_and_ends_one_or_all_and_its_link_expires(client, settings):
    ask(client)
    ask(client, country="JP")
    ask(client, email="otra@ejemplo.mx")
    url = f"/seguir/mis-suscripciones/{manage_token(address_fingerprint('ana@ejemplo.mx'))}/"
    page = text(client.get(url))
    assert "Lista de acuerdos (País: Francia)" in page and "Lista de acuerdos (País: Japón)" in page
    assert "otra@ejemplo.mx" not in page

    first = Subscription.objects.filter(email="ana@ejemplo.mx").order_by("pk").first()
    client.post(url, {"subscription": unsubscribe_token(first)})
    assert list(Subscription.objects.filter(email="ana@ejemplo.mx").values_list("query", flat=True)) == [{"country": "JP"}]
    # Someone else's subscription cannot be ended from this page.
    other = Subscription.objects.get(email="otra@ejemplo.mx")
    client.post(url, {"subscription": unsubscribe_token(other)})
    assert Subscription.objects.filter(email="otra@ejemplo.mx").exists()

    client.post(url, {"all": "1"})
    assert not Subscription.objects.filter(email="ana@ejemplo.mx").exists()
    assert "Esta dirección no sigue nada" in text(client.get(url))

    with time_machine.travel(timezone.now() + datetime.timedelta(days=settings.FOLLOW_MANAGE_DAYS, minutes=1)):
        expired = client.get(url)
    assert expired.status_code == 400 and "El enlace caducó." in text(expired)


def test_asking_for_the_manage_link_answers_the_same_and_mails_only_a_subscriber(client):
    ask(client)
    mail.outbox.clear()
    known = client.post("/seguir/mis-suscripciones/", {"email": "ana@ejemplo.mx"})
    unknown = client.post("/seguir/mis-suscripciones/", {"email": "nadie@ejemplo.mx"})
    assert text(known) == text(unknown).replace("nadie@ejemplo.mx", "ana@ejemplo.mx")
    assert [message.to for message in mail.outbox] == [["ana@ejemplo.mx"]]
    assert mail.outbox[0].subject == "CDMX Global: el enlace a sus suscripciones"
    assert mail.outbox[0].extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_administrators_see_counts_and_no_address(client):
    ask(client)
    ask(client, email="otra@ejemplo.mx")
    Subscription.objects.filter(email="otra@ejemplo.mx").update(confirmed_at="2026-01-01T00:00:00Z")
    client.force_login(factories.administrator())
    page = client.get("/admin/following/subscription/")
    assert page.status_code == 200
    content = text(page)
    assert "Confirmadas: 1" in content and "Sin confirmar: 1" in content
    assert "ejemplo.mx" not in content
    subscription = Subscription.objects.first()
    assert client.get(f"/admin/following/subscription/{subscription.pk}/change/").status_code in (403, 404)
    assert client.get("/admin/following/subscription/add/").status_code == 403


def test_reviewers_and_liaisons_see_no_subscriptions(client):
    client.force_login(factories.reviewer())
    assert client.get("/admin/following/subscription/").status_code == 403


def test_the_privacy_notice_says_purpose_data_retention_and_arco_rights(client):
    notice = text(client.get("/seguir/aviso-de-privacidad/"))
    for part in (
        "Ley de Protección de Datos Personales en Posesión de Sujetos Obligados de la Ciudad de México",
        "Únicamente para enviarle los avisos que pidió",
        "Su dirección de correo electrónico.",
        "Una solicitud que no se confirma en 48 horas se borra sola.",
        "derechos ARCO",
    ):
        assert part in notice
    assert 'href="/seguir/aviso-de-privacidad/"' in text(client.get("/seguir/", FOLLOW))
