"""The report's data for one semester, built from published records only.

``build_report_data(semester)`` returns a plain, JSON-ready dict: every
format (PDF, HTML, CSV, XLSX, JSON) is rendered from it, and the report keeps
it, so what Congress received can be shown again after the records change.
It is built in Spanish, the language of the document of record.

The parts:

- ``meta``: the period, version and when it was generated;
- ``summary``: the figures of the semester and of the previous one;
- ``tables``: every table of the report, each ``{"title", "columns", "rows"}``
  with ``columns`` as ``[key, heading]`` pairs and ``rows`` as flat dicts —
  the annexes (CSV, XLSX, JSON) are exactly these tables;
- ``previous_congress``: the Congress's submitted evaluation of the previous
  semester's report, where there is one;
- ``breakdowns``: the agreements counted by kind, region, theme, body, ODS
  and UN framework;
- ``map``: the countries of the counterparts of the agreements in the report;
- ``indicators``: the indicators by dimension;
- ``method``: how each figure was counted, and how records known only by
  year are treated.

Each part is built in its own module from the same ``SemesterRecords``
(``records``): the published records, read once through the record apps'
selectors and placed in the semester by the rules of ``placing``. How records
are placed in the semester is in ``evaluations.periods``; the method section
(``method``) says the same in words.
"""

import datetime

from django.utils import timezone, translation

from cdmx_global.partial_dates import DatePrecision, PartialDate

from evaluations.models import Recommendation
from evaluations.periods import Semester

from ..models import Dimension
from .actions import actions_table
from .agreements import agreements_table, evaluations_table
from .awards import awards_table
from .breakdowns import breakdowns
from .cells import date_text
from .commitments import commitments_table, recommendations_table
from .congress import previous_congress_evaluation
from .indicators import indicators_table
from .maps import counterpart_map
from .method import method
from .networks import positions_table
from .records import Records
from .summary import summary_table
from .visits_events import events_table, visits_table
from .year_only import year_only_table

REPORT_LANGUAGE = "es-mx"


def build_report_data(semester: Semester, *, version: int = 1, corrects: dict | None = None,
                      correction_note: str = "", generated_at: datetime.datetime | None = None) -> dict:
    """The report's data for ``semester`` from the published records, in Spanish."""
    generated_at = generated_at or timezone.now()
    with translation.override(REPORT_LANGUAGE):
        records = Records()
        current = records.place(semester)
        previous = records.place(semester.previous())
        tables = {
            "summary": summary_table(current, previous),
            "agreements": agreements_table(current),
            "evaluations": evaluations_table(current),
            "commitments": commitments_table(current),
            "recommendations": recommendations_table(current),
            "actions": actions_table(current),
            "visits": visits_table(current),
            "events": events_table(current),
            "positions": positions_table(current),
            "awards": awards_table(current),
            "indicators": indicators_table(current, previous),
            "year_only": year_only_table(current),
        }
        return {
            "meta": {
                "semester": semester.label,
                "year": semester.year,
                "half": semester.half,
                "period": str(semester),
                "ordinal": semester.ordinal,
                "start": semester.start.isoformat(),
                "end": semester.end.isoformat(),
                "previous": semester.previous().label,
                "previous_period": str(semester.previous()),
                "version": version,
                "generated_at": timezone.localtime(generated_at).isoformat(timespec="seconds"),
                "generated_on": date_text(PartialDate(timezone.localdate(generated_at), DatePrecision.DAY)),
                "corrects": corrects,
                "correction_note": correction_note,
                "dimensions": [[d.value, str(d.label)] for d in Dimension],
                "recommendations": [[r.value, str(r.label)] for r in Recommendation],
            },
            "tables": tables,
            "previous_congress": previous_congress_evaluation(semester),
            "breakdowns": breakdowns(current),
            "map": counterpart_map(current),
            "method": method(semester),
        }
