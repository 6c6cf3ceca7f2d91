"""Atom feeds read as a feed reader reads them, for the tests of every feed:
validated by feedparser (the parser most feed readers are built on: a feed it
finds malformed, «bozo», fails) and read with ``xml.etree``."""

import datetime
import xml.etree.ElementTree as ET
from dataclasses import dataclass

import feedparser

ATOM = "{http://www.w3.org/2005/Atom}"


@dataclass(frozen=True)
class AtomEntry:
    title: str
    link: str
    summary: str | None
    published: datetime.datetime | None
    updated: datetime.datetime


def atom_root(response) -> ET.Element:
    """The ``<feed>`` element of an Atom answer, checked to be one."""
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, f"Canal mal formado: {parsed.get('bozo_exception')}"
    assert parsed.version == "atom10"
    root = ET.fromstring(response.content)
    assert root.tag == f"{ATOM}feed"
    return root


def _date(element: ET.Element | None) -> datetime.datetime | None:
    return None if element is None else datetime.datetime.fromisoformat(element.text)


def atom_feed_entries(response) -> list[AtomEntry]:
    """Every entry of the feed, in its order; each must have a title, a link and an update date."""
    entries = []
    for entry in atom_root(response).findall(f"{ATOM}entry"):
        updated = _date(entry.find(f"{ATOM}updated"))
        assert updated is not None
        entries.append(
            AtomEntry(
                title=entry.findtext(f"{ATOM}title"),
                link=entry.find(f"{ATOM}link").get("href"),
                summary=entry.findtext(f"{ATOM}summary"),
                published=_date(entry.find(f"{ATOM}published")),
                updated=updated,
            )
        )
    return entries


def atom_entries(response) -> list[tuple[str, str]]:
    """The feed's entries as (title, link) pairs, in order."""
    return [(entry.title, entry.link) for entry in atom_feed_entries(response)]
