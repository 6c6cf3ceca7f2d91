"""A record's portal address, and an absolute address, without ``reverse()``
and ``build_absolute_uri()`` for every row.

A record's portal address (``get_absolute_url``) is made only of its keys:
its identifier, slug or code, and its network's slug or its agreement's
code. ``portal_keys(model)`` reverses it once, for a stand-in record whose
keys are stand-in digits, and splits it into its fixed pieces and the
columns between them; a record's address is then its values put between
the pieces. A value that ``reverse()`` would quote, and any record whose
address the pieces cannot make, goes through ``get_absolute_url``.

``Addresses`` does this for a download's rows (``opendata.downloads``), with
the absolute form of each address made once per request: the API's lists
(``opendata.values``) use ``portal_keys`` for their dict rows.
"""

import re
from collections.abc import Callable

from django.core.exceptions import ObjectDoesNotExist
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf
from django.utils import translation

#: Stand-ins for a key while an address is reversed once (digits pass every converter).
SENTINELS = {
    "id": "9081726354501",
    "slug": "9081726354502",
    "code": "9081726354503",
    "network__slug": "9081726354504",
    "agreement__code": "9081726354505",
}
#: What Django's ``reverse`` leaves as it is in a path segment: only these are put in an address as they come.
PLAIN = re.compile(r"[A-Za-z0-9._~-]+")
#: A path that ``build_absolute_uri`` (which quotes with ``iri_to_uri``) and ``urljoin`` both leave as it is.
PLAIN_PATH = re.compile(r"/(?!/)[A-Za-z0-9._~/#%-]*")
#: The forward links a portal address may name, by the column of the linked record's key.
LINKED_KEYS = {"network": "slug", "agreement": "code"}

#: ``_reversed_once`` by model, language, script prefix and URLconf (what an address depends on).
_PORTAL_KEYS: dict[tuple, tuple[list[str], list[str]]] = {}


def portal_keys(model) -> tuple[list[str], list[str]]:
    """``model``'s portal address as its fixed pieces and the columns between
    them (``id``, ``slug``, ``code``, ``network__slug``, ``agreement__code``)."""
    shared = (model, translation.get_language(), get_script_prefix(), get_urlconf())
    keys = _PORTAL_KEYS.get(shared)
    if keys is None:
        keys = _PORTAL_KEYS.setdefault(shared, _reversed_once(model))
    return keys


def _reversed_once(model) -> tuple[list[str], list[str]]:
    names = {f.name for f in model._meta.concrete_fields}
    instance = model(pk=SENTINELS["id"], **{name: SENTINELS[name] for name in ("slug", "code") if name in names})
    for link, key in LINKED_KEYS.items():
        if link in names:
            related = model._meta.get_field(link).related_model
            setattr(instance, link, related(**{key: SENTINELS[f"{link}__{key}"]}))
    return _split(instance.get_absolute_url())


def _split(address: str) -> tuple[list[str], list[str]]:
    by_value = {value: column for column, value in SENTINELS.items()}
    pieces = re.split("(" + "|".join(SENTINELS.values()) + ")", address)
    return pieces[0::2], [by_value[value] for value in pieces[1::2]]


class Addresses:
    """The absolute addresses of one download's rows: ``addresses(path)`` is
    ``absolute_url(path)``; ``addresses.portal(record)`` is
    ``absolute_url(record.get_absolute_url())``, for a model instance or a
    row read as values (``opendata.rows``)."""

    def __init__(self, absolute_url: Callable[[str], str]):
        self.absolute_url = absolute_url
        self._prefix: str | None = None
        self._templates: dict = {}

    def __call__(self, path: str) -> str:
        if self._prefix is None:
            self._prefix = self._site()
        if self._prefix and PLAIN_PATH.fullmatch(path) and not _dot_segments(path):
            return self._prefix + path
        return self.absolute_url(path)

    def _site(self) -> str:
        """What ``absolute_url`` puts before a plain path (empty if it does otherwise)."""
        root = self.absolute_url("/")
        site = root[:-1] if root.endswith("/") else ""
        probe = "/a/b-c_d.e~f#g-1"
        return site if site and self.absolute_url(probe) == site + probe else ""

    def portal(self, record) -> str:
        model = record._meta.model
        template = self._templates.get(model)
        if template is None:
            template = self._templates[model] = self._template(model, record)
        address = _filled(template, record) if template else None
        return address if address is not None else self(record.get_absolute_url())

    def _template(self, model, first) -> tuple[list[str], list[tuple[str, ...]]] | tuple:
        """The pieces, the first made absolute, and each column's path of attributes; empty
        (every address through ``get_absolute_url``) unless they give ``first``'s own address."""
        try:
            pieces, columns = portal_keys(model)
            template = [self(pieces[0]), *pieces[1:]], [tuple(column.split("__")) for column in columns]
            made = _filled(template, first)
        except (AttributeError, ObjectDoesNotExist, NoReverseMatch):
            # Made of something the stand-in or the record does not have.
            return ()
        return template if made is None or made == self(first.get_absolute_url()) else ()


def _filled(template: tuple[list[str], list[tuple[str, ...]]], record) -> str | None:
    """The record's keys between the template's pieces; None if one is a key ``reverse()`` would quote."""
    pieces, paths = template
    values = []
    for path in paths:
        value = record
        for name in path:
            value = getattr(value, name)
        if type(value) is int and value >= 0:
            values.append(str(value))  # an id: digits, plain
            continue
        text = str(value)
        if not PLAIN.fullmatch(text):
            return None
        values.append(text)
    return pieces[0] + "".join(value + piece for value, piece in zip(values, pieces[1:], strict=True))


def _dot_segments(path: str) -> bool:
    return any(segment in (".", "..") for segment in path.partition("#")[0].split("/"))
