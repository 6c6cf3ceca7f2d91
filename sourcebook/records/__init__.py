"""The records of the source book, as plain data, and how to cite it.

"Ciudad de México Global. La acción internacional de la Ciudad de México"
(CGAI and EAP, 2018, ISBN 978-607-8228-62-1) is the project's first data; its
text is ``shared/source/cdmx-global-2018.txt``. One module per area holds the
records (``catalogues``, ``counterparts``, ``agreements``, ``networks``,
``events``); ``loader`` upserts them. Every record carries where in the book it
comes from and a verbatim passage that supports it; passages joined by
``EXCERPT_GAP`` are separate verbatim pieces of the same place.

Dates are held at the precision the book gives them (see ``When``).

Beside a Spanish text a row may give its English (``title_en``, ``name_en``…):
the project's unofficial translation, with the official English name where one
exists (the SDGs, the UN's frameworks and bodies, the networks). A counterpart
whose name English writes the same has no ``name_en``. Excerpts are the book's
words and are never translated.
"""

import datetime
from dataclasses import dataclass

from cdmx_global.partial_dates import DatePrecision

BOOK = "CDMX Global (2018)"

#: Joins two verbatim pieces of the book in one ``source_excerpt``.
EXCERPT_GAP = " […] "

#: The body responsible for a record when the book names no other.
DEFAULT_BODY = "cgai"


def cite(where: str) -> str:
    """The citation of a place in the book, e.g. ``cite("cap. I §4.1")``."""
    return f"{BOOK}, {where}"


def excerpt(*pieces: str) -> str:
    """Verbatim pieces of the book, in the order they appear."""
    return EXCERPT_GAP.join(pieces)


@dataclass(frozen=True)
class When:
    """A date as the book gives it: the first day of the period and its precision."""

    value: datetime.date | None
    precision: str


UNDATED = When(None, "")


def year(value: int) -> When:
    return When(datetime.date(value, 1, 1), DatePrecision.YEAR)


def month(year_: int, month_: int) -> When:
    return When(datetime.date(year_, month_, 1), DatePrecision.MONTH)


def day(year_: int, month_: int, day_: int) -> When:
    return When(datetime.date(year_, month_, day_), DatePrecision.DAY)
