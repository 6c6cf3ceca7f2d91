"""A record that leaves the public leaves a notice: its page and its API item
answer **410 Gone** with its title, the date of its withdrawal and the public
reason staff gave (``cdmx_global.changelog.withdrawal_of``), and nothing else
of the record.

Only a record the public had seen gets a notice. A draft, a record in review,
a draft withdrawn before it was ever published and an address that never
existed all answer the same 404: nothing tells them apart.

A detail view asks for the notice only once its published-only lookup failed
(``PublicRecordMixin``), so a published record's page costs nothing more; the
API does the same in its ``get_object`` (``opendata.api``).
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext

from .changelog import ChangeKind, PublicChange, changes_of_model, withdrawal_of
from .published import PublicationStatus
from .translation import SPANISH, Text

#: The template of the notice (the portal's layout).
NOTICE_TEMPLATE = "cdmx_global/record_withdrawn.html"


class RecordWithdrawn(Exception):
    """Raised where a withdrawn record the public had seen was asked for; carries its notice."""

    def __init__(self, record, notice: PublicChange):
        super().__init__(notice.title)
        self.record = record
        self.notice = notice


def withdrawn_record(model, **lookup):
    """The withdrawn record of ``model`` matching ``lookup`` and its notice, or ``(None, None)``
    (also for a malformed lookup value, which matches nothing, and for a model without a status)."""
    if not any(field.name == "status" for field in model._meta.concrete_fields):
        return None, None
    try:
        record = model._default_manager.filter(status=PublicationStatus.WITHDRAWN, **lookup).first()
    except (ValueError, TypeError, ValidationError):
        return None, None
    if record is None:
        return None, None
    notice = withdrawal_of(record)
    return (record, notice) if notice is not None else (None, None)


def check_withdrawn(model, **lookup) -> None:
    """Raise ``RecordWithdrawn`` if ``lookup`` names a withdrawn record the public had seen."""
    record, notice = withdrawn_record(model, **lookup)
    if notice is not None:
        raise RecordWithdrawn(record, notice)


def render_notice(request, gone: RecordWithdrawn, *, list_url: str = "") -> TemplateResponse:
    """The 410 page: «Este registro fue retirado», its title, the date and the public reason."""
    context = {"notice": gone.notice, "list_url": list_url}
    return TemplateResponse(request, NOTICE_TEMPLATE, context, status=410)


class PublicRecordMixin:
    """For a ``DetailView`` over published records: a withdrawn record the public had
    seen answers its notice (410) instead of the 404; ``list_url_name`` names the list
    the notice links to."""

    list_url_name = ""

    def record_lookup(self) -> dict:
        pk = self.kwargs.get(self.pk_url_kwarg)
        if pk is not None:
            return {"pk": pk}
        return {self.get_slug_field(): self.kwargs.get(self.slug_url_kwarg)}

    def get_object(self, queryset=None):
        try:
            return super().get_object(queryset)
        except Http404:
            check_withdrawn((queryset if queryset is not None else self.get_queryset()).model, **self.record_lookup())
            raise

    def dispatch(self, request, *args, **kwargs):
        try:
            return super().dispatch(request, *args, **kwargs)
        except RecordWithdrawn as gone:
            return render_notice(request, gone, list_url=self.list_url())

    def list_url(self) -> str:
        try:
            return reverse(self.list_url_name) if self.list_url_name else ""
        except NoReverseMatch:
            return ""


# Feeds announce withdrawals -------------------------------------------------


@dataclass(frozen=True)
class Withdrawal:
    """A feed's entry for a withdrawn record: «Retirado: <title>», the public reason as its
    summary, the record's address (which answers the notice) and the time of the withdrawal."""

    record: object
    notice: PublicChange

    def get_absolute_url(self) -> str:
        return self.record.get_absolute_url()

    @property
    def feed_title(self) -> str:
        return gettext("Retirado: %(title)s") % {"title": self.notice.title}

    @property
    def feed_summary(self) -> Text:
        return Text(self.notice.note, SPANISH)

    @property
    def at(self):
        return self.notice.at


def recent_withdrawals(model, *, since=None, limit: int = 25) -> list[Withdrawal]:
    """The latest withdrawals of ``model``'s records that are still withdrawn (one per record,
    newest first, at most ``limit``; since ``since`` if given): two queries at most."""
    notices = changes_of_model(model).filter(
        kind=ChangeKind.WITHDRAWN,
        object_id__in=model._default_manager.filter(status=PublicationStatus.WITHDRAWN).values("pk"),
    )
    if since is not None:
        notices = notices.filter(at__gte=since)
    latest: dict[int, PublicChange] = {}
    for notice in notices.order_by("-sequence")[:limit]:
        latest.setdefault(notice.object_id, notice)
    records = model._default_manager.in_bulk(list(latest))
    return [Withdrawal(records[pk], notice) for pk, notice in latest.items() if pk in records]
