"""Synthetic records for performance benchmarks (``manage.py generate_synthetic``).

**Synthetic, for benchmarks only.** These records are invented: they let us
measure how the portal, the search and the reports behave with many times the
book's data. Every one carries ``synthetic_citation(seed)`` as its source
(«Datos sintéticos… no es un registro real») and no source excerpt, and the
command refuses to run unless ``ALLOW_SYNTHETIC_DATA=1``: they must never reach
the public record of a real installation.

**Scale.** ``--scale N`` means the database ends with about N times the book's
data: the book's own records plus ``(N − 1) × BOOK_COUNTS[model]`` synthetic
records of each kind. ``--scale 1`` adds nothing. The run is incremental: it
counts the synthetic records of the seed already present per model and adds
only the missing ones, so ``--scale 10`` then ``--scale 100`` is the same as
``--scale 100``, and a second run adds nothing. A smaller scale than the one
present removes nothing.

**Reproducibility.** Synthetic record number ``i`` of a kind is built by a pure
function from its own ``random.Random(f"{seed}:{kind}:{i}")`` and the book's
catalogues (looked up by their natural key), never from what a run happens to
have made before. Records come in "copies" of the book's counts: record ``i``
belongs to copy ``i // BOOK_COUNTS[model]``, and links only to synthetic
records of its own copy or of earlier ones (a ``Ref`` holds the index, which is
turned into a primary key when the record is written). So a record is the same
whichever run creates it. Counterparts, networks and agreements are found by
their slug or code (``sint2018-000123…``); the other kinds have no unique key,
so their index is their rank by primary key among the seed's records (they are
always inserted in index order).

**Realistic.** Titles and texts are composed in Spanish from
``vocabulary``; places are real cities with their approximate
coordinates. Every value of every kind field appears in every copy (the first
records of a copy take them in turn, the rest are drawn by weight), every
publication status appears in every twenty records, and dates come at the three
precisions, 1990–2026, more of them recent. The database's check constraints
hold (they are enforced on insert).

**Fast.** Records, many-to-many rows and history rows are inserted with
``bulk_create`` in batches; nothing is saved one by one, so no signal runs. The
history is written with simple_history's ``bulk_history_create`` — what
``bulk_create_with_history`` calls — once the links are in place, together with
the many-to-many history rows, so each record's first history entry shows its
links as a save followed by ``set()`` would. Measured with ``--scale 100`` on
PostgreSQL (2 cores), the history took 24 s of a 97 s run (72 s without it):
1.4× the whole run, 1.9× the inserts alone, short of the 2× that would make it
worth leaving out, so it stays. Since bulk inserts send no signal, the search
index is then rebuilt whole (``index_rebuild``, 42–48 s at 100×): reindexing
only the new records batch by batch was no faster (44–50 s).

**Where.** ``context`` holds what a record is built from (the book's counts,
the citation and keys, the catalogues, ``Row``, ``Ref``, ``Context``) and the
draws that cover every value; ``dates`` and ``text`` the dates and the Spanish;
``rows/`` one module per area of the record (counterparts, networks, events,
agreements and actions, visits and guests, awards; what they share in
``rows/shared``); ``writing`` the bulk inserts, the links, the history and
``generate``. This module is their public face, what the command and the tests use.
"""

from .context import (
    BOOK_COUNTS,
    DEFAULT_SEED,
    KEY_FIELDS,
    CataloguesMissing,
    Context,
    index_from_key,
    load_catalogues,
    synthetic_citation,
)
from .rows.agreements import agreement_row
from .rows.visits import INCOMING_POSITIONS
from .text import TITLE_LENGTH
from .writing import Outcome, generate, synthetic_records

__all__ = [
    "BOOK_COUNTS",
    "DEFAULT_SEED",
    "INCOMING_POSITIONS",
    "KEY_FIELDS",
    "TITLE_LENGTH",
    "CataloguesMissing",
    "Context",
    "Outcome",
    "agreement_row",
    "generate",
    "index_from_key",
    "load_catalogues",
    "synthetic_citation",
    "synthetic_records",
]
