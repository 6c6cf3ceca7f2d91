"""Each search entry keeps its record's publication and update dates, wherever
the index is written (publication, an edit, a linked record's change, the
rebuild), and the search's Atom feed dates its entries with them."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command

from agreements.models import Agreement
from cdmx_global.services import PUBLISH, record_transition
from search.models import SearchEntry
from tests.support.factories import LEAK_MARK, AgreementFactory, CounterpartFactory, leak_bait, reviewer
from tests.support.feeds import atom_feed_entries

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("book")]


def entry_dates(record) -> tuple:
    entry = SearchEntry.objects.get(content_type=ContentType.objects.get_for_model(record), object_id=record.pk)
    return entry.published_at, entry.updated_at


def record_dates(record) -> tuple:
    record.refresh_from_db()
    return record.published_at, record.updated_at


def test_entry_takes_its_records_dates_when_published_edited_and_rebuilt():
    villa = CounterpartFactory(published=True, name="Villa Zyxlandia", slug="villa-zyxlandia")
    agreement = AgreementFactory(review=True, title="Convenio de movilidad con Zyxlandia", counterparts=[villa])
    assert not SearchEntry.objects.filter(object_id=agreement.pk, kind="agreement").exists()

    published = record_transition(record=agreement, user=reviewer(username="marta"), transition=PUBLISH)

    assert published.published_at is not None
    assert entry_dates(agreement) == record_dates(agreement) == (published.published_at, published.updated_at)

    agreement.purpose = "Movilidad eléctrica."
    agreement.save()

    assert entry_dates(agreement) == record_dates(agreement)
    assert entry_dates(agreement)[1] > published.updated_at
    edited = record_dates(agreement)

    # The counterpart's rename rewrites the agreement's words, not its dates.
    villa.name = "Villa Quovadia"
    villa.save()

    assert entry_dates(agreement) == edited
    assert entry_dates(villa) == record_dates(villa)

    call_command("rebuild_search_index", verbosity=0)

    assert entry_dates(agreement) == edited
    assert entry_dates(villa) == record_dates(villa)
    # Every entry, the book's included, has its record's dates.
    book_agreement = Agreement.objects.published().first()
    assert entry_dates(book_agreement) == record_dates(book_agreement)


def test_search_feed_entries_carry_their_records_dates(client):
    leak_bait()
    AgreementFactory(
        draft=True, title=f"Convenio Zyxlandia {LEAK_MARK}", published_at=datetime.datetime(2032, 1, 1, tzinfo=datetime.UTC)
    )
    agreement = AgreementFactory(review=True, title="Convenio de movilidad con Zyxlandia")
    record_transition(record=agreement, user=reviewer(username="marta"), transition=PUBLISH)
    # Published without a recorded moment (as an import may leave it): no «published», its last change as «updated».
    undated = AgreementFactory(published=True, title="Convenio de cultura con Zyxlandia", published_at=None)
    agreement.refresh_from_db()
    undated.refresh_from_db()

    entries = atom_feed_entries(client.get("/buscar/", {"q": "zyxlandia", "formato": "atom"}))

    assert {entry.title: (entry.link, entry.published, entry.updated) for entry in entries} == {
        "Convenio de cultura con Zyxlandia": (f"http://testserver/acuerdos/{undated.code}/", None, undated.updated_at),
        "Convenio de movilidad con Zyxlandia": (
            f"http://testserver/acuerdos/{agreement.code}/", agreement.published_at, agreement.updated_at,
        ),
    }
