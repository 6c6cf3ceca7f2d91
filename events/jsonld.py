"""An event's page described in schema.org JSON-LD (``Event``): its name, its
dates at the precision the source gives («2017», «2017-05», «2017-05-12»,
never a day it does not give), its place as the page gives it, its published
organisers and allies, its description and address. Texts in the page's
language where their English is public. Nothing the record does not say (how
it was attended, whether it took place) is written.
"""

from cdmx_global.jsonld import SCHEMA_CONTEXT
from cdmx_global.spreadsheets import format_partial_date_cell
from cdmx_global.translation import translated, translated_name

from .models import Event


def _place(event: Event) -> dict | None:
    if not (event.city or event.country):
        return None
    address = {"@type": "PostalAddress"}
    if event.city:
        address["addressLocality"] = event.city
    if event.country:
        address["addressCountry"] = event.country.code
    place = {"@type": "Place", "address": address}
    place["name"] = ", ".join(name for name in (event.city, event.country.name if event.country else "") if name)
    return place


def event_json_ld(event: Event, absolute_url) -> dict:
    """``event`` as the page shows it; ``organisers`` as its published-only prefetch gives them."""
    described = {
        "@context": SCHEMA_CONTEXT,
        "@type": "Event",
        "@id": absolute_url(event.get_absolute_url()),
        "url": absolute_url(event.get_absolute_url()),
        "name": str(translated(event, "name")),
    }
    for key, field in (("startDate", "start_on"), ("endDate", "end_on")):
        date = format_partial_date_cell(getattr(event, field), getattr(event, f"{field}_precision"))
        if date:
            described[key] = date
    description = str(translated(event, "description"))
    if description:
        described["description"] = description
    place = _place(event)
    if place:
        described["location"] = place
    organisers = [
        {"@type": "Organization", "name": translated_name(organiser), "url": absolute_url(organiser.get_absolute_url())}
        for organiser in event.organisers.all()
    ]
    if organisers:
        described["organizer"] = organisers
    return described
