"""The tables of official visits, international events and awards."""

from django.utils.translation import gettext_lazy as _

from events.models import Award, Event, Visit

from ..rows import Link
from .base import (
    BODY,
    COUNTERPART_NAME,
    COUNTRY_NAME,
    IDENTIFIER,
    Column,
    classification,
    column,
    counterparts,
    document,
    joined,
    partial_date,
    record_tail,
    text_of,
)


def _guest(guest) -> str:
    """A guest with the counterpart they represent, when that one is published."""
    text = str(guest)
    counterpart = getattr(guest, "public_counterpart", None)
    return f"{text} ({counterpart})" if counterpart else text


VISIT_COLUMNS = (
    IDENTIFIER,
    column(Visit, "direction"),
    column(Visit, "title"),
    *partial_date(Visit, "start_on"),
    *partial_date(Visit, "end_on"),
    counterparts(Visit),
    column(Visit, "delegation"),
    column(Visit, "honour"),
    Column(
        "guests", _("Personas visitantes"), "string",
        _("Nombre y cargo de cada persona visitante, con la contraparte que representa; separadas por « | »."),
        joined("guests", _guest),
    ),
    column(Visit, "event", attribute="public_event", label=text_of("name")),
    column(Visit, "purpose"),
    column(Visit, "outcome"),
    column(Visit, "expenses"),
    column(Visit, "expenses_currency"),
    document(Visit, "report_document"),
    column(Visit, "report_delivered_on"),
    column(Visit, "themes", description=_("Temas, separados por « | ».")),
    *record_tail(Visit),
)

EVENT_COLUMNS = (
    IDENTIFIER,
    column(Event, "name"),
    column(Event, "mode"),
    column(Event, "role"),
    *partial_date(Event, "start_on"),
    *partial_date(Event, "end_on"),
    column(Event, "city"),
    column(Event, "country"),
    COUNTRY_NAME,
    column(Event, "parent", attribute="public_parent", label=text_of("name")),
    column(Event, "organisers", description=_("Nombres de los organizadores y aliados publicados, separados por « | ».")),
    column(Event, "participants"),
    column(Event, "participants_count"),
    column(Event, "outcome"),
    column(Event, "description"),
    *classification(Event, "themes", "sdgs", "frameworks"),
    *record_tail(Event),
)

AWARD_COLUMNS = (
    IDENTIFIER,
    column(Award, "title"),
    column(Award, "direction"),
    column(Award, "category"),
    *partial_date(Award, "awarded_on"),
    column(Award, "granted_by", description=_("Nombres de los otorgantes publicados, separados por « | ».")),
    column(Award, "granted_by_text"),
    column(Award, "recognised_for"),
    column(Award, "description"),
    *classification(Award, "themes", "sdgs"),
    *record_tail(Award),
)

_NAME = ("name",)
_THEMES, _SDGS = Link("themes", fields=_NAME), Link("sdgs", fields=("number", "name"))
LINKS = {
    "visits": (
        BODY, Link("counterparts", fields=COUNTERPART_NAME), Link("public_event", "event", fields=_NAME), _THEMES,
        # A guest has no status of its own: shown with its visit, its counterpart only if published.
        Link("guests", fields=("name", "position"),
             links=(Link("public_counterpart", "counterpart", fields=COUNTERPART_NAME),)),
    ),
    "events": (
        BODY, Link("public_parent", "parent", fields=_NAME), Link("organisers", fields=COUNTERPART_NAME), _THEMES,
        _SDGS, Link("frameworks", fields=_NAME),
    ),
    "awards": (BODY, Link("granted_by", fields=COUNTERPART_NAME), _THEMES, _SDGS),
}
