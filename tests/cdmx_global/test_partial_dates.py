import datetime

import pytest
from django.utils import translation

from cdmx_global.models import GovernmentBody
from cdmx_global.partial_dates import PartialDate, format_partial_date, format_partial_period
from events.models import Visit

D = datetime.date


@pytest.mark.parametrize(
    ("value", "precision", "spanish", "english"),
    [
        (D(2014, 1, 1), "year", "2014", "2014"),
        (D(2014, 11, 1), "month", "noviembre de 2014", "November 2014"),
        (D(2010, 11, 21), "day", "21 de noviembre de 2010", "21 November 2010"),
        (None, "", "", ""),
    ],
)
def test_partial_date_displays_at_its_precision(value, precision, spanish, english):
    with translation.override("es-mx"):
        assert format_partial_date(value, precision) == spanish
    with translation.override("en"):
        assert format_partial_date(value, precision) == english


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (PartialDate(D(2012, 1, 1), "year"), PartialDate(D(2014, 1, 1), "year"), "2012–2014"),
        (PartialDate(D(2016, 11, 1), "month"), PartialDate(D(2017, 5, 1), "month"), "noviembre de 2016–mayo de 2017"),
        (PartialDate(D(2013, 1, 1), "year"), PartialDate(None, ""), "2013"),
        (PartialDate(D(2018, 1, 1), "year"), PartialDate(D(2018, 1, 1), "year"), "2018"),
        (PartialDate(None, ""), PartialDate(None, ""), ""),
    ],
)
def test_period_joins_its_ends_at_their_precisions(start, end, expected):
    with translation.override("es-mx"):
        assert format_partial_period(start, end) == expected


@pytest.mark.django_db
def test_record_period_reads_at_precision():
    body = GovernmentBody.objects.create(name="Jefatura de Gobierno", slug="jefatura")
    visit = Visit.objects.create(
        body=body, title="Visita de Estado", direction="incoming",
        start_on=D(2013, 6, 1), start_on_precision="month",
    )
    assert Visit.objects.get(pk=visit.pk).period == "junio de 2013"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("end_on", "precision", "due"),
    [(D(2016, 10, 20), "day", D(2016, 11, 4)), (D(2016, 10, 1), "month", None), (None, "", None)],
)
def test_trip_report_is_due_15_calendar_days_after_a_known_return(end_on, precision, due):
    visit = Visit(direction="outgoing", end_on=end_on, end_on_precision=precision)
    assert visit.report_due_on == due
