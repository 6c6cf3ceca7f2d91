"""Authentication and authorisation events on the ``staff.auth`` logger, one
line each: the event, who (the account's username), what, and the client as a
pseudonym; the time comes from the log format.

Nothing secret or personal goes in: never a password (Django masks it before
the signal), a session key or a CSRF token; never the client's address, only a
keyed hash of it (``client=``), the same for the same address, so repeated
attempts can be followed without the log holding an address; and a name typed
at the login form only when it is an account's username, since people type
their password or e-mail into that field too. The raw addresses of failed
logins stay in the database (django-axes), behind the admin's permissions.
"""

import hashlib
import hmac
import logging

from django.conf import settings
from django.contrib.auth import get_user_model

from .lockout import client_ip

logger = logging.getLogger("staff.auth")

# The longest a real username can be.
USERNAME_LOG_LENGTH = 150


def client_pseudonym(ip: str | None) -> str | None:
    """12 hex digits standing for ``ip``, keyed with the SECRET_KEY."""
    if not ip:
        return None
    return hmac.new(settings.SECRET_KEY.encode(), ip.encode(), hashlib.sha256).hexdigest()[:12]


def known_username(username) -> str | None:
    """``username`` if an account has it, else None."""
    if not username:
        return None
    username = str(username)[:USERNAME_LOG_LENGTH]
    User = get_user_model()
    return username if User._default_manager.filter(**{User.USERNAME_FIELD: username}).exists() else None


def log_event(level: int, event: str, username, ip, **what) -> None:
    client = client_pseudonym(ip)
    details = "".join(f" {key}={value!r}" for key, value in what.items())
    # %r quotes the username and escapes line breaks, so nothing typed can forge a log line.
    logger.log(
        level, "%s username=%r%s client=%s", event, username, details, client,
        extra={"event": event, "client": client},
    )


def _ip(request):
    return client_ip(request) if request is not None else None


def log_login(sender, request, user, **kwargs):
    log_event(logging.INFO, "login", user.get_username(), _ip(request))


def log_logout(sender, request, user, **kwargs):
    if user is not None:
        log_event(logging.INFO, "logout", user.get_username(), _ip(request))


def log_login_failed(sender, credentials, request=None, **kwargs):
    typed = credentials.get(get_user_model().USERNAME_FIELD)
    log_event(logging.WARNING, "login_failed", known_username(typed), _ip(request))


def log_lockout(sender, request, username, ip_address, **kwargs):
    log_event(logging.WARNING, "lockout", known_username(username), ip_address)


def _username(user) -> str | None:
    return user.get_username() if user is not None and user.is_authenticated else None


def log_refusal(request, *, status: int) -> None:
    """A request the user was not allowed to make."""
    log_event(
        logging.WARNING, "refused", _username(getattr(request, "user", None)), _ip(request),
        method=request.method, path=request.path, status=status,
    )


def log_refused_step(sender, *, user, action: str, record, **kwargs) -> None:
    """One record of a bulk review step that the user's role may not take
    (the rest of the step goes on, so there is no 403 to log)."""
    log_event(
        logging.WARNING, "refused", _username(user), None, action=action, record=f"{record._meta.label_lower}:{record.pk}"
    )
