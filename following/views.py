"""The pages of following: the «Seguir» form, the confirmation, the end of a
subscription (one click, RFC 8058), one's subscriptions, the privacy notice.

None of them is kept in the page cache (``never_cache``): each depends on
who asks and on a signed link.
"""

from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.generic import TemplateView, View

from staff.lockout import client_ip

from . import services
from .emails import durations, subscription_target
from .forms import FollowForm, ManageRequestForm
from .links import (
    BadLink, manage_token, read_confirm, read_manage, read_unsubscribe, read_unsubscribe_all, unsubscribe_token,
)
from .models import Language, Subscription
from .targets import target_from

KIND_PARAMETER, KEY_PARAMETER = "que", "clave"


def _current_language() -> str:
    language = translation.get_language() or Language.SPANISH
    return Language.ENGLISH if language.startswith("en") else Language.SPANISH


def _page(request, template: str, context: dict, status: int = 200):
    return render(request, f"following/{template}.html", {**durations(), **context}, status=status)


@method_decorator(never_cache, name="dispatch")
class FollowView(View):
    """``/seguir/?que=list&clave=agreements:list&country=FR``: what will be
    followed, and the form; the answer to a valid request is the same
    whether or not the address follows it already."""

    def _target(self, data):
        return target_from(data.get(KIND_PARAMETER, ""), data.get(KEY_PARAMETER, ""), data)

    def get(self, request):
        try:
            target = self._target(request.GET)
        except ValidationError as error:
            return _page(request, "follow", {"errors": error.messages}, status=400)
        form = FollowForm(initial={"language": _current_language()})
        return _page(request, "follow", self._context(target, form))

    def post(self, request):
        try:
            target = self._target(request.POST)
        except ValidationError as error:
            return _page(request, "follow", {"errors": error.messages}, status=400)
        form = FollowForm(request.POST)
        if not form.is_valid():
            return _page(request, "follow", self._context(target, form), status=400)
        try:
            services.follow_request(target=target, client=client_ip(request), **form.cleaned_data)
        except services.TooManyRequests as error:
            return _page(request, "follow", {**self._context(target, form), "errors": [str(error)]}, status=429)
        except ValidationError as error:
            return _page(request, "follow", {**self._context(target, form), "errors": error.messages}, status=400)
        return _page(request, "requested", {"target": target.label(), "target_url": target.path(),
                                            "email": form.cleaned_data["email"]})

    def _context(self, target, form) -> dict:
        hidden = {KIND_PARAMETER: target.kind, KEY_PARAMETER: target.key, **target.query}
        return {"target": target.label(), "target_url": target.path(), "form": form, "hidden": hidden.items()}


@method_decorator(never_cache, name="dispatch")
class ConfirmView(View):
    """A confirmation link opens a page with one button: a mail program that
    opens links to check them does not confirm anything."""

    def _subscription(self, token):
        pk, secret = read_confirm(token)
        subscription = Subscription.objects.filter(pk=pk, secret=secret).first()
        if subscription is None:
            raise BadLink(_("Esa solicitud ya no existe: caducó o se canceló. Vuelva a pedir el seguimiento desde la página."))
        return subscription

    def get(self, request, token):
        try:
            subscription = self._subscription(token)
        except BadLink as error:
            return _page(request, "link_error", {"message": str(error)}, status=400)
        target = subscription_target(subscription)
        return _page(request, "confirm", {"subscription": subscription, "target": target.label(),
                                          "confirmed": subscription.is_confirmed})

    def post(self, request, token):
        try:
            subscription = self._subscription(token)
            subscription = services.confirm(subscription.pk, subscription.secret)
        except (BadLink, ValidationError) as error:
            message = str(error) if isinstance(error, BadLink) else " ".join(error.messages)
            return _page(request, "link_error", {"message": message}, status=400)
        target = subscription_target(subscription)
        return _page(request, "confirm", {"subscription": subscription, "target": target.label(), "confirmed": True,
                                          "target_url": target.path(),
                                          "manage_url": _manage_url(subscription.address)})


def _manage_url(address: str) -> str:
    return reverse("following:manage", kwargs={"token": manage_token(address)})


@method_decorator([never_cache, csrf_exempt], name="dispatch")
class UnsubscribeView(View):
    """One-click unsubscribe: a ``POST`` to the signed address ends the
    subscription (RFC 8058; no CSRF token, the signed address is the proof).
    A ``GET`` shows the button, so a link checker does not unsubscribe."""

    def get(self, request, token):
        try:
            pk, secret = read_unsubscribe(token)
        except BadLink as error:
            return _page(request, "link_error", {"message": str(error)}, status=400)
        subscription = Subscription.objects.filter(pk=pk, secret=secret).first()
        target = subscription_target(subscription).label() if subscription else ""
        return _page(request, "unsubscribe", {"target": target, "ended": subscription is None})

    def post(self, request, token):
        try:
            pk, secret = read_unsubscribe(token)
        except BadLink as error:
            return _page(request, "link_error", {"message": str(error)}, status=400)
        services.unsubscribe(pk, secret)
        return _page(request, "unsubscribe", {"ended": True, "just_ended": True})


@method_decorator([never_cache, csrf_exempt], name="dispatch")
class UnsubscribeAllView(View):
    def get(self, request, token):
        try:
            read_unsubscribe_all(token)
        except BadLink as error:
            return _page(request, "link_error", {"message": str(error)}, status=400)
        return _page(request, "unsubscribe", {"all": True})

    def post(self, request, token):
        try:
            address = read_unsubscribe_all(token)
        except BadLink as error:
            return _page(request, "link_error", {"message": str(error)}, status=400)
        services.unsubscribe_all(address)
        return _page(request, "unsubscribe", {"all": True, "ended": True, "just_ended": True})


@method_decorator(never_cache, name="dispatch")
class ManageView(View):
    """One's subscriptions, through a signed link: each can be ended, or all."""

    def _rows(self, address):
        rows = []
        for subscription in Subscription.objects.filter(address=address).order_by("created_at", "pk"):
            target = subscription_target(subscription)
            try:
                label, url = target.label(), target.path()
            except ValidationError:
                label, url = _("Un registro que ya no está publicado"), ""
            rows.append({"subscription": subscription, "label": label, "url": url,
                         "token": unsubscribe_token(subscription)})
        return rows

    def get(self, request, token):
        try:
            address = read_manage(token)
        except BadLink as error:
            return _page(request, "link_error", {"message": str(error)}, status=400)
        rows = self._rows(address)
        email = rows[0]["subscription"].email if rows else ""
        return _page(request, "manage", {"email": email, "rows": rows})

    def post(self, request, token):
        try:
            address = read_manage(token)
        except BadLink as error:
            return _page(request, "link_error", {"message": str(error)}, status=400)
        if request.POST.get("all"):
            services.unsubscribe_all(address)
        else:
            try:
                pk, secret = read_unsubscribe(request.POST.get("subscription", ""))
            except BadLink as error:
                return _page(request, "link_error", {"message": str(error)}, status=400)
            # Only one of this address's own subscriptions.
            if Subscription.objects.filter(pk=pk, secret=secret, address=address).exists():
                services.unsubscribe(pk, secret)
        return HttpResponseRedirect(request.path)


@method_decorator(never_cache, name="dispatch")
class ManageRequestView(View):
    """A new link to one's subscriptions, by email; the same answer whether
    or not the address follows anything."""

    def get(self, request):
        return _page(request, "manage_request", {"form": ManageRequestForm()})

    def post(self, request):
        form = ManageRequestForm(request.POST)
        if not form.is_valid():
            return _page(request, "manage_request", {"form": form}, status=400)
        try:
            services.send_manage_link(email=form.cleaned_data["email"], language=_current_language(),
                                      client=client_ip(request))
        except services.TooManyRequests as error:
            return _page(request, "manage_request", {"form": form, "errors": [str(error)]}, status=429)
        return _page(request, "manage_request", {"sent": True, "email": form.cleaned_data["email"]})


class PrivacyView(TemplateView):
    template_name = "following/privacy.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(**durations(), **kwargs)
