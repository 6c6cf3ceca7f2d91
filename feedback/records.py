"""The records a report can be about, by the short name their address uses
(``/reportar-error/acuerdo/12/``), and how one is found: published only, so
a draft, a record in review or a withdrawn one answers exactly like an id
that does not exist (404)."""

from urllib.parse import urljoin

from django.conf import settings
from django.db.models import Model
from django.http import Http404
from django.utils import translation

from agreements.models import Action, Agreement
from cdmx_global.models import Counterpart
from events.models import Award, Event, Visit
from networks.models import Network

#: The short name of each record model a reader can report, as its address spells it.
KINDS: dict[str, type[Model]] = {
    "acuerdo": Agreement,
    "accion": Action,
    "evento": Event,
    "visita": Visit,
    "premio": Award,
    "red": Network,
    "contraparte": Counterpart,
}
KIND_OF = {model: kind for kind, model in KINDS.items()}


def kind_of(record: Model) -> str | None:
    return KIND_OF.get(type(record))


def published_record(kind: str, pk: int) -> Model:
    """The published record ``kind``/``pk``; ``Http404`` otherwise, the same for every reason."""
    model = KINDS.get(kind)
    record = model._default_manager.published().filter(pk=pk).select_related("body").first() if model else None
    if record is None:
        raise Http404
    return record


def snapshot(record: Model) -> tuple[str, str]:
    """The record's title and public address as staff read them (Spanish, the portal's first language)."""
    with translation.override(settings.LANGUAGE_CODE):
        return str(record)[:500], urljoin(settings.SITE_URL, record.get_absolute_url())
