"""Authentication events on the ``staff.auth`` logger, one line each: the
event, the username and the client's address (the time comes from the log
format). Never the password, which Django masks before the signal, nor the
session key."""

import logging

from django.contrib.auth import get_user_model

from .lockout import client_ip

logger = logging.getLogger("staff.auth")

# Usernames typed at the login form can be anything; the longest a real one can be.
USERNAME_LOG_LENGTH = 150


def _log(level: int, event: str, username, ip) -> None:
    if username is not None:
        username = str(username)[:USERNAME_LOG_LENGTH]
    # %r quotes the username and escapes line breaks, so a typed name can't forge a log line.
    logger.log(level, "%s username=%r ip=%s", event, username, ip, extra={"event": event, "client_ip": ip})


def _ip(request):
    return client_ip(request) if request is not None else None


def log_login(sender, request, user, **kwargs):
    _log(logging.INFO, "login", user.get_username(), _ip(request))


def log_logout(sender, request, user, **kwargs):
    if user is not None:
        _log(logging.INFO, "logout", user.get_username(), _ip(request))


def log_login_failed(sender, credentials, request=None, **kwargs):
    _log(logging.WARNING, "login_failed", credentials.get(get_user_model().USERNAME_FIELD), _ip(request))


def log_lockout(sender, request, username, ip_address, **kwargs):
    _log(logging.WARNING, "lockout", username, ip_address)
