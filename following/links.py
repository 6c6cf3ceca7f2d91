"""The signed links of a subscription: no account and no password, so the
link is the proof. Each kind has its own salt (a confirmation link cannot
serve to unsubscribe), and the ones that must age do: a confirmation after
``FOLLOW_CONFIRM_HOURS``, a management link after ``FOLLOW_MANAGE_DAYS``.
An unsubscribe link never expires: it must work from any email ever sent.
"""

from urllib.parse import urljoin

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

CONFIRM_SALT = "following.confirm"
UNSUBSCRIBE_SALT = "following.unsubscribe"
MANAGE_SALT = "following.manage"


class BadLink(Exception):
    """A link that is not valid or has expired; the message says which, in Spanish."""


def confirm_token(subscription) -> str:
    return signing.dumps([subscription.pk, subscription.secret], salt=CONFIRM_SALT)


def unsubscribe_token(subscription) -> str:
    return signing.dumps([subscription.pk, subscription.secret], salt=UNSUBSCRIBE_SALT)


def manage_token(address: str) -> str:
    """The link to the subscriptions of ``address`` (a fingerprint, ``models.address_fingerprint``)."""
    return signing.dumps(address, salt=MANAGE_SALT)


def _read(token: str, salt: str, max_age=None):
    try:
        return signing.loads(token, salt=salt, max_age=max_age)
    except signing.SignatureExpired:
        raise BadLink(gettext("El enlace caducó. Pida uno nuevo desde la página que quería seguir.")) from None
    except signing.BadSignature:
        raise BadLink(gettext("El enlace no es válido: revise que lo copió completo.")) from None


def read_confirm(token: str) -> tuple[int, str]:
    """The subscription's primary key and secret."""
    pk, secret = _read(token, CONFIRM_SALT, max_age=settings.FOLLOW_CONFIRM_HOURS * 3600)
    return pk, secret


def read_unsubscribe(token: str) -> tuple[int, str]:
    pk, secret = _read(token, UNSUBSCRIBE_SALT)
    return pk, secret


def read_manage(token: str) -> str:
    return _read(token, MANAGE_SALT, max_age=settings.FOLLOW_MANAGE_DAYS * 86400)


def absolute(path: str) -> str:
    return urljoin(settings.SITE_URL, path)


def link(name: str, language: str, **kwargs) -> str:
    """The absolute address of the view ``name`` in ``language``."""
    with translation.override(language):
        return absolute(reverse(name, kwargs=kwargs))


UNSUBSCRIBE_ALL_SALT = "following.unsubscribe-all"


def unsubscribe_all_token(address: str) -> str:
    return signing.dumps(address, salt=UNSUBSCRIBE_ALL_SALT)


def read_unsubscribe_all(token: str) -> str:
    return _read(token, UNSUBSCRIBE_ALL_SALT)
