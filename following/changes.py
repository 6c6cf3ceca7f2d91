"""What changed in the public record during a window ``(starts_at, ends_at]``,
read once for all the subscriptions a digest run serves.

- **new**: records published in the window;
- **changed**: records public before the window whose public fields changed
  in it (compared with their history as it stood when the window opened);
- **withdrawn**: records public before the window and withdrawn in it (named,
  not linked: their page is gone);
- **evaluation**: government evaluations approved in the window, of published agreements;
- **report**: reports published in the window.

Only what the public can see enters: new and changed records are read
through the published selectors the search indexes with, evaluations
through the public evaluations' selector, reports through ``published()``.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import Model

from cdmx_global.published import PublicationStatus
from cdmx_global.translation import SUFFIX as TRANSLATION_SUFFIX
from reports.models import Report
from reports.public_evaluations import evaluation_url, public_evaluations
from search.indexed import INDEXED

from .targets import SEARCH_LIST, Target, published_base, restrict_to

NEW, CHANGED, WITHDRAWN, EVALUATION, REPORT = "new", "changed", "withdrawn", "evaluation", "report"
#: The order of an alert's sections.
KINDS = (NEW, CHANGED, WITHDRAWN, EVALUATION, REPORT)

#: Fields that say where a record is in its review, not what it says: a
#: change to these alone is no news for the public.
INTERNAL_FIELDS = frozenset({
    "id", "status", "version", "created_at", "updated_at", "review_note",
    "submitted_at", "submitted_by", "published_at", "published_by", "withdrawn_at", "withdrawn_by",
    "translation_status", "translation_outdated", "translation_reviewed_at", "translation_reviewed_by",
})


@dataclass(frozen=True)
class Change:
    kind: str
    model: type[Model]
    pk: int
    content_type_id: int
    at: datetime.datetime
    title: str
    #: The record's address in Spanish (no language prefix); empty for a withdrawn record.
    path: str = ""
    #: The public fields that changed (names, read in the subscriber's language when written).
    fields: tuple[str, ...] = ()

    def display_title(self) -> str:
        """The title in the active language."""
        return self.title

    def field_labels(self) -> list[str]:
        return [str(self.model._meta.get_field(name).verbose_name) for name in self.fields]


@dataclass
class WindowChanges:
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    #: New, changed and withdrawn records, by model.
    records: dict[type[Model], list[Change]] = field(default_factory=lambda: defaultdict(list))
    evaluations: list[Change] = field(default_factory=list)
    reports: list[Change] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not (any(self.records.values()) or self.evaluations or self.reports)

    def matching(self, target: Target) -> list[Change]:
        """The changes that concern ``target``, in the order an alert lists them."""
        found: list[Change] = []
        for scope in target.scopes():
            changes = self._changes_for(scope)
            if not changes:
                continue
            public = [change for change in changes if change.kind != WITHDRAWN]
            withdrawn = [change for change in changes if change.kind == WITHDRAWN]
            if public:
                records = restrict_to(scope, published_base(scope), public)
                if scope.list_name == SEARCH_LIST:
                    matched = set(scope.select(records).values_list("content_type_id", "object_id"))
                    found += [change for change in public if (change.content_type_id, change.pk) in matched]
                else:
                    matched = set(scope.select(records).values_list("pk", flat=True))
                    found += [change for change in public if change.pk in matched]
            if withdrawn and scope.list_name != SEARCH_LIST:
                # A withdrawn record has left the index and the published
                # selectors: it is matched by the same filters over its row.
                records = restrict_to(scope, scope.model._default_manager.all(), withdrawn)
                matched = set(scope.select(records).values_list("pk", flat=True))
                found += [change for change in withdrawn if change.pk in matched]
        if target.agreement_code:
            found += [change for change in self.evaluations if change.agreement_code == target.agreement_code]
        if target.follows_reports:
            found += self.reports
        order = {kind: index for index, kind in enumerate(KINDS)}
        unique = {(change.kind, change.content_type_id, change.pk): change for change in found}
        return sorted(unique.values(), key=lambda change: (order[change.kind], change.at, change.title))

    def _changes_for(self, scope) -> list[Change]:
        if scope.list_name == SEARCH_LIST:
            return [change for changes in self.records.values() for change in changes]
        return self.records.get(scope.model, [])


def collect(starts_at: datetime.datetime, ends_at: datetime.datetime) -> WindowChanges:
    """Every public change of the window (a few queries per kind of record,
    plus one per record changed)."""
    window = WindowChanges(starts_at, ends_at)
    for model, spec in INDEXED.items():
        content_type_id = ContentType.objects.get_for_model(model).pk
        published = spec.queryset()
        for record in published.filter(published_at__gt=starts_at, published_at__lte=ends_at):
            document = spec.describe(record)
            window.records[model].append(
                Change(NEW, model, record.pk, content_type_id, record.published_at, document.title, document.url)
            )
        for record in published.filter(published_at__lte=starts_at, pk__in=_saved_between(model, starts_at, ends_at)):
            found = changed_fields(record, starts_at, ends_at)
            if found:
                names, saved_at = found
                document = spec.describe(record)
                window.records[model].append(Change(
                    CHANGED, model, record.pk, content_type_id, saved_at, document.title, document.url, fields=names,
                ))
        for record in model._default_manager.filter(
            status=PublicationStatus.WITHDRAWN,
            published_at__lte=starts_at,
            withdrawn_at__gt=starts_at,
            withdrawn_at__lte=ends_at,
        ):
            window.records[model].append(Change(WITHDRAWN, model, record.pk, content_type_id, record.withdrawn_at, str(record)))
    evaluation_type = None
    for evaluation in public_evaluations().filter(reviewed_at__gt=starts_at, reviewed_at__lte=ends_at):
        evaluation_type = evaluation_type or ContentType.objects.get_for_model(type(evaluation)).pk
        window.evaluations.append(_EvaluationChange(
            EVALUATION, type(evaluation), evaluation.pk, evaluation_type, evaluation.reviewed_at,
            evaluation.agreement.title, evaluation_url(evaluation.agreement, evaluation.semester),
            agreement_code=evaluation.agreement.code,
            semester=evaluation.semester,
        ))
    report_type = ContentType.objects.get_for_model(Report).pk
    for report in Report.objects.published().filter(published_at__gt=starts_at, published_at__lte=ends_at):
        window.reports.append(
            Change(REPORT, Report, report.pk, report_type, report.published_at, str(report), report.get_absolute_url())
        )
    return window


@dataclass(frozen=True)
class _EvaluationChange(Change):
    agreement_code: str = ""
    semester: object = None

    def display_title(self) -> str:
        # «Acuerdo … — julio–diciembre de 2017», the semester said in the reader's language.
        return f"{self.title} — {self.semester}"


def _saved_between(model: type[Model], starts_at, ends_at):
    """The primary keys of the records of ``model`` saved in the window, by their history."""
    history = getattr(model, "history", None)
    if history is None:
        return []
    return history.filter(history_date__gt=starts_at, history_date__lte=ends_at).values("id")


def changed_fields(record: Model, starts_at, ends_at) -> tuple[tuple[str, ...], object] | None:
    """The public fields of ``record`` that differ between its history as it
    stood when the window opened and as it stood when it closed, and when the
    last of those saves was; ``None`` when nothing public changed or the
    history does not reach back so far.

    Read from the history, not from the record: a batch tried again later
    says what changed in the window, whatever was saved after it.
    """
    rows = type(record).history.filter(id=record.pk).order_by("-history_date", "-history_id")
    before = rows.filter(history_date__lte=starts_at).first()
    after = rows.filter(history_date__lte=ends_at).first()
    if before is None or after is None:
        return None
    names = tuple(
        model_field.name
        for model_field in type(record)._meta.concrete_fields
        if model_field.name not in INTERNAL_FIELDS
        # The English text is a translation of the Spanish one, which is what alerts follow;
        # a draft translation is never public.
        and not model_field.name.endswith(TRANSLATION_SUFFIX)
        and getattr(before, model_field.attname, None) != getattr(after, model_field.attname, None)
    )
    return (names, after.history_date) if names else None
