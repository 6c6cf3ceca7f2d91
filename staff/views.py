import math

from axes.helpers import get_cool_off
from django.contrib import admin
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _


def lockout_response(request, original_response=None, credentials=None):
    """The page django-axes returns instead of the login form while a client is locked out.

    Every try during the lockout restarts the cool-off, so it ends a full
    cool-off after this one (``axes_attempt_time``, set by axes for this request).
    """
    cool_off = get_cool_off(request)
    context = {
        **admin.site.each_context(request),
        "title": _("Acceso bloqueado temporalmente"),
        "cool_off_minutes": math.ceil(cool_off.total_seconds() / 60),
        "retry_at": request.axes_attempt_time + cool_off,
    }
    response = render(request, "staff/lockout.html", context, status=429)
    response["Retry-After"] = str(int(cool_off.total_seconds()))
    return response
