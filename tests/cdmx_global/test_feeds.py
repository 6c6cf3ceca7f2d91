"""The Atom feed of every list (``?formato=atom``) and the iCalendar of events and visits."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from icalendar import Calendar

from events.models import Event
from tests.support.factories import LEAK_MARK, EventFactory, VisitFactory, leak_bait, partial_date
from tests.support.feeds import atom_entries

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("book")]

def page_entries(response, link=lambda record: record.get_absolute_url()) -> list[tuple[str, str]]:
    return [(str(record), link(record)) for record in response.context["object_list"]]


@pytest.mark.parametrize(("url", "params"), [
    ("/acuerdos/", {"kind": "twinning"}),
    ("/acuerdos/", {}),
    ("/eventos/", {}),
    ("/visitas/", {}),
    ("/redes/", {}),
    ("/contrapartes/", {"kind": "city"}),
])
def test_feed_entries_equal_the_lists_first_page_and_no_draft(client, url, params):
    leak_bait()
    page = client.get(url, params)
    feed = client.get(url, {**params, "formato": "atom"})

    entries = atom_entries(feed)
    assert entries == [(title, f"http://testserver{link}") for title, link in page_entries(page)]
    assert entries
    assert LEAK_MARK not in feed.content.decode()


def test_feed_of_a_later_page_is_still_the_first_page(client):
    first = client.get("/acuerdos/", {"formato": "atom"})
    second = client.get("/acuerdos/", {"formato": "atom", "page": "2"})

    assert atom_entries(second) == atom_entries(first)


def test_search_feed_equals_the_results_first_page(client):
    leak_bait()
    page = client.get("/buscar/", {"q": "ciudad"})
    feed = client.get("/buscar/", {"q": "ciudad", "formato": "atom"})

    expected = [(entry.title, f"http://testserver{entry.link}") for entry in page.context["entries"]]
    assert atom_entries(feed) == expected
    assert expected
    assert LEAK_MARK not in feed.content.decode()


@pytest.mark.parametrize(("url", "params", "message"), [
    ("/acuerdos/", {"kind": "nada"}, "Seleccione una opción válida"),
    ("/eventos/", {"year": "abc"}, "Escriba el año con cuatro cifras"),
    ("/buscar/", {"q": "x", "kind": "nada"}, "Ese tipo de registro no existe"),
])
def test_feed_refuses_a_bad_filter_in_spanish(client, url, params, message):
    response = client.get(url, {**params, "formato": "atom"})

    assert response.status_code == 400
    assert message in response.content.decode()


def test_list_page_links_its_feed_with_its_filters(client):
    response = client.get("/acuerdos/", {"kind": "twinning", "page": "1"})

    html = response.content.decode()
    assert (
        '<link rel="alternate" type="application/atom+xml" title="CDMX Global: Acuerdos (con filtros)" '
        'href="/acuerdos/?kind=twinning&amp;formato=atom">'
    ) in html


def test_feed_queries_do_not_grow_with_its_entries(client):
    with CaptureQueriesContext(connection) as few:
        atom_entries(client.get("/eventos/", {"year": "2016", "formato": "atom"}))
    with CaptureQueriesContext(connection) as many:
        atom_entries(client.get("/eventos/", {"formato": "atom"}))

    # The whole list's feed also reads its kind's withdrawals: one query, however many
    # entries (a filtered feed announces none; tests/cdmx_global/test_withdrawn.py).
    assert len(many) == len(few) + 1


def test_calendar_has_day_precise_published_events_and_visits_only(client):
    bait = leak_bait()
    day = EventFactory(name="Foro del día", published=True, city="Lyon", country="FR", **partial_date("start_on", 2030, 3, 4),
                       **partial_date("end_on", 2030, 3, 6))
    month = EventFactory(name="Foro del mes", published=True, **partial_date("start_on", 2030, 5))
    year = VisitFactory(title="Gira del año", published=True, **partial_date("start_on", 2031))
    visit = VisitFactory(title="Gira del día", published=True, **partial_date("start_on", 2030, 7, 1))
    EventFactory(name=f"Foro {LEAK_MARK} del día", draft=True, **partial_date("start_on", 2030, 3, 4))

    response = client.get("/eventos/calendario.ics")

    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    entries = {str(entry["summary"]): entry for entry in calendar.walk("VEVENT")}
    assert "sólo se conocen por mes o por año no aparecen" in str(calendar["x-wr-caldesc"])
    assert "Foro del mes" not in entries and "Gira del año" not in entries
    assert not [title for title in entries if LEAK_MARK in title]
    assert month.pk and year.pk and bait
    forum = entries["Foro del día"]
    assert forum["dtstart"].dt == datetime.date(2030, 3, 4)
    assert forum["dtend"].dt == datetime.date(2030, 3, 7)
    assert forum.decoded("dtstart") == datetime.date(2030, 3, 4)
    assert str(forum["uid"]) == f"event-{day.pk}@testserver"
    assert str(forum["url"]) == f"http://testserver/eventos/{day.pk}/"
    assert str(forum["location"]) == "Lyon, Francia"
    trip = entries["Gira del día"]
    assert (trip["dtstart"].dt, trip["dtend"].dt) == (datetime.date(2030, 7, 1), datetime.date(2030, 7, 2))
    assert str(trip["uid"]) == f"visit-{visit.pk}@testserver"
    published_day_events = Event.objects.published().filter(start_on_precision="day").count()
    assert len([e for e in calendar.walk("VEVENT") if str(e["uid"]).startswith("event-")]) == published_day_events


def test_events_list_links_the_calendar_and_says_what_it_leaves_out(client):
    html = client.get("/eventos/").content.decode()

    assert '<link rel="alternate" type="text/calendar"' in html
    assert 'href="/eventos/calendario.ics"' in html
    assert "sólo se conocen por mes o por año no aparecen" in html
