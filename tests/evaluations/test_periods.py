"""Semesters, and where a partially dated record falls with respect to one."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from cdmx_global.partial_dates import DatePrecision, PartialDate
from evaluations.periods import Placement, Semester, last_day, overlaps, place

D, M, Y = DatePrecision.DAY, DatePrecision.MONTH, DatePrecision.YEAR


def test_a_semester_from_its_label_with_its_days_and_neighbours():
    semester = Semester.parse("2017-2")

    assert (semester.start, semester.end) == (datetime.date(2017, 7, 1), datetime.date(2017, 12, 31))
    assert (semester.previous(), semester.next()) == (Semester(2017, 1), Semester(2018, 1))
    assert Semester(2018, 1).previous() == Semester(2017, 2)
    assert (Semester(2018, 1).start, Semester(2018, 1).end) == (datetime.date(2018, 1, 1), datetime.date(2018, 6, 30))
    assert Semester.containing(datetime.date(2026, 6, 30)) == Semester(2026, 1)
    assert Semester.containing(datetime.date(2026, 7, 1)) == Semester(2026, 2)


def test_a_semester_reads_in_spanish_and_english():
    with translation.override("es-mx"):
        assert (str(Semester(2017, 2)), Semester(2017, 2).ordinal) == ("julio–diciembre de 2017", "segundo semestre de 2017")
    with translation.override("en"):
        assert (str(Semester(2018, 1)), Semester(2018, 1).ordinal) == ("January–June 2018", "first half of 2018")


@pytest.mark.parametrize("label", ["2017-3", "2017-0", "2017", "17-2", "2017/2", ""])
def test_a_label_that_is_not_a_semester_gets_a_spanish_message(label):
    with pytest.raises(ValidationError) as refused, translation.override("es-mx"):
        Semester.parse(label)

    assert refused.value.messages == [
        f"«{label}» no es un semestre: escriba el año y luego 1 (enero–junio) o 2 (julio–diciembre), p. ej. «2017-2»."
    ]


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        (PartialDate(datetime.date(2017, 7, 1), D), Placement.IN),
        (PartialDate(datetime.date(2017, 12, 31), D), Placement.IN),
        (PartialDate(datetime.date(2017, 6, 30), D), Placement.OUTSIDE),
        (PartialDate(datetime.date(2017, 10, 1), M), Placement.IN),
        (PartialDate(datetime.date(2017, 1, 1), Y), Placement.YEAR_ONLY),
        (PartialDate(datetime.date(2018, 1, 1), Y), Placement.OUTSIDE),
        (PartialDate(None, ""), Placement.OUTSIDE),
    ],
)
def test_a_date_is_in_the_semester_only_when_known_to_the_month_or_day(date, expected):
    assert place(date, Semester(2017, 2)) is expected


def test_the_last_day_of_a_partial_date():
    assert last_day(PartialDate(datetime.date(2016, 2, 1), M)) == datetime.date(2016, 2, 29)
    assert last_day(PartialDate(datetime.date(2016, 1, 1), Y)) == datetime.date(2016, 12, 31)
    assert last_day(PartialDate(datetime.date(2016, 2, 3), D)) == datetime.date(2016, 2, 3)


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        ((2016, Y), (2017, Y), True),  # to 31 December 2017
        ((2016, Y), (2016, Y), False),
        ((2017, Y), None, True),  # open-ended
        ((2018, Y), None, False),
        (None, (2019, Y), False),  # no known start: not placed
    ],
)
def test_a_period_overlaps_the_semester_read_at_its_widest(start, end, expected):
    as_date = lambda pair: PartialDate(datetime.date(pair[0], 1, 1), pair[1]) if pair else PartialDate(None, "")  # noqa: E731

    assert overlaps(as_date(start), as_date(end) if end else None, Semester(2017, 2)) is expected
