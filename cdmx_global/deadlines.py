"""Deadlines staff must attend to, gathered from every record app.

The digest is a registry of sections. Each app that has deadlines registers
its sections in its ``AppConfig.ready()``::

    register_section(DeadlineSection(key="agreements.ending_soon", title=..., date_heading=..., items=...))

``items`` is a callable ``(user_or_None, today) -> list[DeadlineItem]``:
``None`` means every body's records (the command's full digest); a user
narrows the list to what that user may see as staff. ``today`` is always
passed in, so the lists are exact in tests and in a run for another day.

The admin index and the ``send_deadline_digest`` command both read
``collect_deadlines()``; neither knows which apps contributed. This is how
the evaluation section ("agreements in force without an evaluation for the
current semester") joins later: ``reports`` registers it in its own
``ready()`` and no other app changes, keeping to the rule that nothing
imports ``reports``.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext, ngettext

from .access import records_for_user

from .partial_dates import DatePrecision, PartialDate, format_partial_date


@dataclass(frozen=True)
class DeadlineItem:
    """One record with a deadline: the date at its precision and how far off it is."""

    record: models.Model
    date: PartialDate
    remaining: str

    @property
    def body(self):
        return self.record.body

    @property
    def body_label(self) -> str:
        return self.body.acronym or self.body.name

    @property
    def admin_url(self) -> str:
        opts = self.record._meta
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[self.record.pk])


@dataclass(frozen=True)
class DeadlineSection:
    key: str
    title: str
    date_heading: str
    items: Callable[..., list[DeadlineItem]]


@dataclass(frozen=True)
class DigestSection:
    """A section and its items for one reader on one day."""

    section: DeadlineSection
    items: list[DeadlineItem]


_sections: dict[str, DeadlineSection] = {}


def register_section(section: DeadlineSection) -> None:
    """Add ``section`` to the digest; registering a key again replaces it in place."""
    _sections[section.key] = section


def registered_sections() -> list[DeadlineSection]:
    return list(_sections.values())


def collect_deadlines(*, user=None, today: datetime.date) -> list[DigestSection]:
    """Every registered section with its items for ``user`` (``None``: all bodies)."""
    return [DigestSection(section, section.items(user, today)) for section in registered_sections()]


def for_reader(queryset, user):
    """``queryset`` as ``user`` may see it as staff; every body's records for ``None``."""
    return queryset if user is None else records_for_user(user=user, queryset=queryset)


def count_items(digest: list[DigestSection]) -> int:
    return sum(len(part.items) for part in digest)


# What a person reads -------------------------------------------------------------


def days_until(due: datetime.date, today: datetime.date) -> str:
    """«vence hoy», «falta 1 día», «faltan 12 días», «1 día de atraso»."""
    days = (due - today).days
    if days == 0:
        return gettext("vence hoy")
    if days > 0:
        return ngettext("falta %(days)d día", "faltan %(days)d días", days) % {"days": days}
    late = -days
    return ngettext("%(days)d día de atraso", "%(days)d días de atraso", late) % {"days": late}


def days_since_end(end: datetime.date, today: datetime.date) -> str:
    """«terminó ayer», «terminó hace 40 días»."""
    days = (today - end).days
    if days == 1:
        return gettext("terminó ayer")
    return ngettext("terminó hace %(days)d día", "terminó hace %(days)d días", days) % {"days": days}


def without_exact_day() -> str:
    """For a date known only to the month or year: no count of days would be honest."""
    return gettext("sin día exacto registrado")


def digest_subject(count: int, today: datetime.date) -> str:
    """«CDMX Global: 3 plazos por atender (23/11/2026)»."""
    return ngettext(
        "CDMX Global: %(count)d plazo por atender (%(date)s)",
        "CDMX Global: %(count)d plazos por atender (%(date)s)",
        count,
    ) % {"count": count, "date": today.strftime("%d/%m/%Y")}


def digest_text(digest: list[DigestSection], today: datetime.date) -> str:
    """The plain-text email: one paragraph per section, one line per record."""
    lines = [
        gettext("Plazos por atender en CDMX Global al %(date)s.")
        % {"date": format_partial_date(today, DatePrecision.DAY)},
    ]
    for part in digest:
        lines += ["", f"{part.section.title} ({len(part.items)})"]
        if not part.items:
            lines.append(gettext("Nada pendiente."))
        for item in part.items:
            lines.append(
                gettext("- %(record)s (%(body)s). %(heading)s: %(date)s (%(remaining)s).")
                % {
                    "record": item.record,
                    "body": item.body_label,
                    "heading": part.section.date_heading,
                    "date": item.date,
                    "remaining": item.remaining,
                }
            )
    lines += ["", gettext("Cada registro se corrige en la administración de CDMX Global.")]
    return "\n".join(lines) + "\n"
