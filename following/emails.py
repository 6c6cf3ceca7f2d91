"""The emails of following, each in the subscriber's language, with a text
and an HTML part, and the headers of one-click unsubscribe (RFC 8058):
``List-Unsubscribe`` with the signed address that ends the subscription on
a ``POST``, and ``List-Unsubscribe-Post: List-Unsubscribe=One-Click``.

Each is kept under a key that starts with its subscription's
(``key_prefix``), so ending a subscription deletes what was kept for it.
"""

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import translate_url
from django.utils import timezone, translation
from django.utils.translation import gettext

from background.mail import queue_email

from . import links
from .changes import CHANGED, EVALUATION, KINDS, NEW, REPORT, WITHDRAWN
from .targets import Target

ONE_CLICK = {"List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}


def key_prefix(subscription_pk: int) -> str:
    return f"following:{subscription_pk}:"


def address_prefix(address: str) -> str:
    """The keys of the emails kept for an address (a fingerprint), not for one subscription."""
    return f"following-address:{address[:32]}:"


def _headers(unsubscribe_url: str) -> dict:
    return {"List-Unsubscribe": f"<{unsubscribe_url}>", **ONE_CLICK}


def subscription_links(subscription) -> dict:
    language = subscription.language
    return {
        "unsubscribe_url": links.link("following:unsubscribe", language, token=links.unsubscribe_token(subscription)),
        "manage_url": links.link("following:manage", language, token=links.manage_token(subscription.address)),
        "privacy_url": links.link("following:privacy", language),
    }


def durations() -> dict:
    """How long the links last and the emails are kept, as the texts say them."""
    return {
        "confirm_hours": settings.FOLLOW_CONFIRM_HOURS,
        "manage_days": settings.FOLLOW_MANAGE_DAYS,
        "email_keep_days": settings.EMAIL_KEEP_DAYS,
    }


def _send(*, to: str, template: str, context: dict, language: str, unsubscribe_url: str, key: str):
    context = {**durations(), **context}
    with translation.override(language):
        subject = render_to_string(f"following/email/{template}_subject.txt", context).strip()
        body = render_to_string(f"following/email/{template}.txt", context)
        html = render_to_string(f"following/email/{template}.html", {**context, "subject": subject})
    return queue_email(
        to=[to], subject=subject, body=body, html=html, headers=_headers(unsubscribe_url), key=key,
    )


def _stamp() -> str:
    return timezone.now().strftime("%Y%m%dT%H%M%S%f")


def queue_confirmation(subscription):
    context = subscription_links(subscription)
    with translation.override(subscription.language):
        context.update(
            target=subscription_target(subscription).label(),
            confirm_url=links.link("following:confirm", subscription.language, token=links.confirm_token(subscription)),
            subscription=subscription,
            frequency=subscription.get_frequency_display(),
        )
    return _send(
        to=subscription.email, template="confirm", context=context, language=subscription.language,
        unsubscribe_url=context["unsubscribe_url"], key=f"{key_prefix(subscription.pk)}confirm:{_stamp()}",
    )


def queue_already_following(subscription):
    context = subscription_links(subscription)
    with translation.override(subscription.language):
        context.update(target=subscription_target(subscription).label(), subscription=subscription)
    return _send(
        to=subscription.email, template="already", context=context, language=subscription.language,
        unsubscribe_url=context["unsubscribe_url"], key=f"{key_prefix(subscription.pk)}already:{_stamp()}",
    )


def queue_manage_link(email: str, address: str, language: str):
    context = {
        "manage_url": links.link("following:manage", language, token=links.manage_token(address)),
        "privacy_url": links.link("following:privacy", language),
    }
    unsubscribe_url = links.link("following:unsubscribe_all", language, token=links.unsubscribe_all_token(address))
    context["unsubscribe_url"] = unsubscribe_url
    return _send(
        to=email, template="manage", context=context, language=language,
        unsubscribe_url=unsubscribe_url, key=f"{address_prefix(address)}manage:{_stamp()}",
    )


def queue_digest(subscription, run, changes, shared: dict | None = None):
    """The alert of ``run`` for ``subscription``: ``changes`` are what
    concern it; kept under the run's key, so the same alert is made once.

    ``shared`` keeps, for a batch, what every subscriber of the same target
    and language reads alike (the title, the page, the sections), made once.
    """
    context = subscription_links(subscription)
    language = subscription.language
    target = subscription_target(subscription)
    shared = {} if shared is None else shared
    common_key = (target.identity, language, tuple((change.kind, change.content_type_id, change.pk) for change in changes))
    with translation.override(language):
        if common_key not in shared:
            shared[common_key] = {
                "target": target.label(),
                "target_url": links.absolute(target.path()),
                "sections": _sections(changes, language),
            }
        context.update(
            **shared[common_key],
            subscription=subscription,
            frequency=subscription.get_frequency_display(),
            count=len(changes),
        )
    return _send(
        to=subscription.email, template="digest", context=context, language=language,
        unsubscribe_url=context["unsubscribe_url"], key=f"{key_prefix(subscription.pk)}digest:{run.pk}",
    )


def subscription_target(subscription) -> Target:
    return Target(subscription.target, subscription.key, subscription.query)


def _translated(path: str, language: str) -> str:
    """A Spanish path (no prefix) as the page in ``language``."""
    if not path:
        return path
    with translation.override(settings.LANGUAGE_CODE):
        return translate_url(path, language)


def _sections(changes, language: str) -> list[dict]:
    headings = {
        NEW: gettext("Registros nuevos"),
        CHANGED: gettext("Registros que cambiaron"),
        WITHDRAWN: gettext("Registros retirados del registro público"),
        EVALUATION: gettext("Evaluaciones aprobadas"),
        REPORT: gettext("Informes semestrales nuevos"),
    }
    sections = []
    for kind in KINDS:
        items = [
            {
                "title": change.display_title(),
                "url": links.absolute(_translated(change.path, language)) if change.path else "",
                "fields": ", ".join(change.field_labels()),
            }
            for change in changes
            if change.kind == kind
        ]
        if items:
            sections.append({"kind": kind, "heading": headings[kind], "items": items})
    return sections
