"""A link's query compiled once, then run again with other identifiers.

An API list page reads each link of its records with one query: the linked
records whose owner (or whose own key) is among the page's identifiers
(``opendata.values.attach``). Building and compiling that queryset costs as
much as running it, and it is the same statement every time but for the
identifiers. ``values_among`` compiles it once per link, number of
identifiers, language and database (stand-in identifiers where the real ones
go) and, on later pages, runs the kept SQL with the page's identifiers in
their places, converting the rows exactly as the queryset's ``values()``
would (the kept compiler's own converters). A statement whose stand-ins do
not each appear once among its parameters is not kept: it runs as a queryset.
The kept compiler is asked only for its converters; the SQL runs on the
connection of the thread that asks.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import QuerySet
from django.db.models.sql.compiler import SQLCompiler
from django.utils import translation

#: The first stand-in identifier (no table here comes near it).
STAND_IN = 9_081_726_354_600


@dataclass(frozen=True)
class Statement:
    sql: str
    params: tuple
    #: Where each identifier goes among ``params``, in the order given.
    positions: tuple[int, ...]
    compiler: SQLCompiler
    names: tuple[str, ...]


#: By (id of their owner, number of identifiers, language, database): the owner (kept alive, so that
#: its id is not another's) and its statement, None where it runs as a queryset.
_STATEMENTS: dict[tuple, tuple[object, Statement | None]] = {}


def values_among(owner, build: Callable[[list], QuerySet], ids: Iterable, using: str) -> list[dict]:
    """``list(build(ids))`` for a ``values()`` queryset ``build`` makes on the database ``using``,
    with its SQL compiled once per ``owner`` (an object kept for the process, as a plan's link is)
    and count of ``ids``."""
    ids = list(ids)
    key = (id(owner), len(ids), translation.get_language(), using)
    kept = _STATEMENTS.get(key)
    if kept is None or kept[0] is not owner:
        kept = _STATEMENTS[key] = (owner, _compiled(build, len(ids)))
    statement = kept[1]
    if statement is None:
        return list(build(ids))
    params = list(statement.params)
    for position, identifier in zip(statement.positions, ids, strict=True):
        params[position] = identifier
    with connections[using].cursor() as cursor:
        cursor.execute(statement.sql, params)
        rows = cursor.fetchall()
    names = statement.names
    return [dict(zip(names, row, strict=True)) for row in statement.compiler.results_iter(results=[rows])]


def _compiled(build: Callable[[list], QuerySet], count: int) -> Statement | None:
    stand_ins = [STAND_IN + number for number in range(count)]
    queryset = build(stand_ins)
    query = queryset.query
    compiler = query.get_compiler(queryset.db)
    try:
        sql, params = compiler.as_sql()
    except EmptyResultSet:
        return None
    positions = []
    for stand_in in stand_ins:
        found = [index for index, param in enumerate(params) if type(param) is int and param == stand_in]
        if len(found) != 1:
            return None
        positions.append(found[0])
    if str(STAND_IN)[:10] in sql:  # written into the SQL itself: its place cannot be filled
        return None
    names = list(query.selected) if query.selected else [
        *query.extra_select, *query.values_select, *query.annotation_select,
    ]
    return Statement(sql, tuple(params), tuple(positions), compiler, tuple(names))
