"""Records an earlier version of the book's data loaded and the book no longer
supports: the load withdraws them, unless staff edited them (``upsert.retire``)."""

from agreements.models import Action, Agreement
from cdmx_global.models import Counterpart
from events.models import Award, Event, Visit
from networks.models import Network

from .records import actions as actions_data
from .records import agreements as agreements_data
from .records import awards as awards_data
from .records import counterparts as counterparts_data
from .records import events as events_data
from .records import networks as networks_data
from .records import visits as visits_data
from .upsert import LoadSummary, retire

#: Per model: the data module, its list of retired keys and the field they are of.
#: A retired record is one an earlier version of the data loaded and the book does
#: not support (see each module's ``RETIRED``); the load withdraws it.
RETIRED = [
    (Agreement, agreements_data, "RETIRED", "code"),
    (Event, events_data, "RETIRED", "name"),
    (Action, actions_data, "RETIRED", "title"),
    (Visit, visits_data, "RETIRED", "title"),
    (Award, awards_data, "RETIRED", "title"),
    (Network, networks_data, "RETIRED", "slug"),
    (Counterpart, counterparts_data, "RETIRED", "slug"),
]


def retire_records(*, summary: LoadSummary) -> None:
    """Withdraw the records the book's data retired, unless staff edited them."""
    for model, module, name, field in RETIRED:
        for key in getattr(module, name, []):
            written = retire(model=model, lookup={field: key})
            if written is not None:
                summary.note(model, written)
