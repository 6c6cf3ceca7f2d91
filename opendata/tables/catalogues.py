"""The tables of counterparts, government bodies and themes."""

from django.utils.translation import gettext_lazy as _

from cdmx_global.models import Counterpart, GovernmentBody, Theme

from ..rows import Link
from .base import BODY, COUNTRY_NAME, column, linked_records, record_tail, text_of, updated_at

COUNTERPART_COLUMNS = (
    column(Counterpart, "slug", description=_("Clave única de la contraparte; forma parte de su dirección.")),
    column(Counterpart, "name"),
    column(Counterpart, "acronym"),
    column(Counterpart, "kind"),
    column(Counterpart, "country"),
    COUNTRY_NAME,
    column(Counterpart, "region"),
    column(Counterpart, "is_un_system"),
    column(Counterpart, "latitude", description=_("Latitud de un punto de referencia público, en grados decimales.")),
    column(Counterpart, "longitude", description=_("Longitud de un punto de referencia público, en grados decimales.")),
    column(Counterpart, "description"),
    linked_records("agreements", _("Acuerdos"), _("Títulos de los acuerdos publicados con esta contraparte."),
                    label=text_of("title")),
    linked_records("actions", _("Acciones"), _("Títulos de las acciones publicadas con esta contraparte."),
                    label=text_of("title")),
    linked_records("visits", _("Visitas oficiales"), _("Títulos de las visitas publicadas a esta contraparte o de ella."),
                    label=text_of("title")),
    linked_records("events", _("Eventos"), _("Nombres de los eventos publicados que organizó o apoyó."),
                    label=text_of("name")),
    linked_records("awards_granted", _("Premios otorgados"), _("Premios publicados que otorgó a la Ciudad."),
                    key="awards", label=text_of("title")),
    linked_records("convened_networks", _("Redes que convoca"), _("Redes de ciudades publicadas que creó o convoca."),
                    key="networks"),
    *record_tail(Counterpart),
)


# Catalogues have no page of their own, responsible area or source.
BODY_COLUMNS = (
    column(GovernmentBody, "slug", description=_("Clave única de la dependencia; filtra las listas del portal y de la API (?body=).")),
    column(GovernmentBody, "name"),
    column(GovernmentBody, "acronym"),
    column(GovernmentBody, "kind"),
    updated_at(GovernmentBody),
)

THEME_COLUMNS = (
    column(Theme, "slug", description=_("Clave única del tema; filtra las listas del portal y de la API (?theme=).")),
    column(Theme, "name"),
    updated_at(Theme),
)

#: What names a linked record in the counterparts' table: its title, its name, a network's name and acronym.
_TITLE, _NAME, _NETWORK = ("title",), ("name",), ("name", "acronym")
LINKS = {
    "counterparts": (
        BODY, Link("agreements", fields=_TITLE), Link("actions", fields=_TITLE), Link("visits", fields=_TITLE),
        Link("events", fields=_NAME), Link("awards_granted", fields=_TITLE), Link("convened_networks", fields=_NETWORK),
    ),
    "bodies": (),
    "themes": (),
}
