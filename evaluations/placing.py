"""Where a record stands in a semester: the rules the report counts by.

Read by the report (``reports.data.records``) and by what staff still owe it
(``evaluations.pending``), so both agree. How a partial date falls in a semester
is in ``evaluations.periods``.
"""

from dataclasses import dataclass

from agreements.models import Agreement, Validity
from cdmx_global.partial_dates import DatePrecision, PartialDate

from .periods import Placement, Semester, last_day, overlaps, place


@dataclass
class AgreementPlacement:
    """Where one agreement stands in a semester."""

    agreement: Agreement
    signed: bool = False  # signed in the semester (date known to the month or day)
    signed_year_only: bool = False  # signed in the semester's year, month unknown
    in_force: bool = False  # its validity may overlap the semester
    ending_soon: bool = False  # in force at the end, its validity ends in the next semester
    ended: bool = False  # its validity ended in the semester
    unknown_validity: bool = False  # signed by the end of the semester, validity not recorded
    signed_by_end: bool = False  # signed for certain by the end of the semester (counted, not listed)

    @property
    def in_report(self) -> bool:
        return self.signed or self.in_force or self.ending_soon or self.ended or self.unknown_validity

    @property
    def evaluable(self) -> bool:
        """Agreements the government evaluates for the semester."""
        return self.in_force or self.unknown_validity


def _validity_end(agreement: Agreement) -> PartialDate | None:
    if agreement.ended_on is not None:
        return PartialDate.of(agreement, "ended_on")
    if agreement.is_indefinite or agreement.valid_until is None:
        return None
    return PartialDate.of(agreement, "valid_until")


def place_agreement(agreement: Agreement, semester: Semester) -> AgreementPlacement:
    signed = PartialDate.of(agreement, "signed_on")
    placement = AgreementPlacement(agreement)
    if agreement.validity == Validity.NEGOTIATION:
        return placement  # not signed yet, whatever date was entered
    signed_at = place(signed, semester)
    # Signed for certain by the end of the semester: a signature known only
    # by year counts from the second semester of that year.
    placement.signed_by_end = signed.value is not None and last_day(signed) <= semester.end
    placement.signed = signed_at is Placement.IN
    placement.signed_year_only = signed_at is Placement.YEAR_ONLY
    if agreement.validity in (Validity.IN_FORCE, Validity.ENDED):
        start = PartialDate.of(agreement, "in_force_on") if agreement.in_force_on else signed
        end = _validity_end(agreement)
        if agreement.validity == Validity.ENDED and end is None:
            return placement  # ended on a date nobody recorded: it can't be placed
        placement.in_force = overlaps(start, end, semester)
        if end is not None and end.precision != DatePrecision.YEAR:
            placement.ended = place(end, semester) is Placement.IN
            following = semester.next()
            placement.ending_soon = placement.in_force and following.start <= end.value <= following.end
        elif end is not None and placement.in_force:
            # An end known only by year: ending soon when that year is the next semester's.
            following = semester.next()
            placement.ending_soon = end.value.year == following.year and last_day(end) > semester.end
    elif agreement.validity == Validity.UNKNOWN:
        placement.unknown_validity = placement.signed_by_end
    return placement


def placed_in(records, semester: Semester, date_field: str) -> tuple[list, list]:
    """``records`` split into those dated inside the semester and those of its
    year known only by year; each list in date order."""
    inside, year_only = [], []
    for record in records:
        where = place(PartialDate.of(record, date_field), semester)
        if where is Placement.IN:
            inside.append(record)
        elif where is Placement.YEAR_ONLY:
            year_only.append(record)
    key = lambda record: (getattr(record, date_field), str(record))
    return sorted(inside, key=key), sorted(year_only, key=key)


def held_in(parts, semester: Semester) -> list:
    """Network positions or memberships whose period may overlap the semester."""
    held = [
        part for part in parts
        if overlaps(PartialDate.of(part, "start_on"), PartialDate.of(part, "end_on"), semester)
    ]
    return sorted(held, key=lambda part: (str(part.network), part.start_on, str(part)))
