"""Every facet of a list counted in one statement.

Each facet counts the records that every active filter *but its own* lets
through. Counted one query per facet, each query scans the table again and
evaluates the other filters again. Here one statement does it all, on
PostgreSQL and SQLite alike:

- a common table expression (``_facet_base``) reads each record once, with
  one boolean per active filter (whether the record passes it: its condition
  on the row for a choice over the record's own column, else whether the
  record is among those the filter lets through) and the value
  of each facet over a column of the record or of a to-one relation;
- a facet over such a column groups those rows, keeping the records that
  pass the other filters; on PostgreSQL, the facets that keep the same rows
  (no filter of theirs is active) are grouped in one pass, by ``GROUPING SETS``;
- a facet over a relation to many (a join with a row per related record)
  groups the join of the records the other filters let through, counting
  each record once (``COUNT(DISTINCT …)``, which PostgreSQL can only count by
  sorting the rows; a plain count where the join cannot give a record the
  same value twice: ``_counted_once``); facets over the same relation with the same records
  (region and country of the counterparts, neither filter active) group one
  join, read once in a common table of its own (``_facet_link_<n>``);
- the groups of every facet are read together, joined by ``UNION ALL``, each
  facet's values in a column of their own (their types differ).
"""

from collections.abc import Callable, Mapping

from django.core.exceptions import FieldDoesNotExist
from django.db import connections
from django.db.models import BooleanField, Count, ExpressionWrapper, F, Q, QuerySet
from django.db.models.functions import ExtractYear
from django.db.models.sql.datastructures import BaseTable

BASE = "_facet_base"


def facet_value(path: str):
    """The expression a facet groups by: the year of a date for ``…__year``."""
    field_path, _sep, transform = path.rpartition("__")
    return ExtractYear(field_path) if transform == "year" else F(path)


def _condition(flags: Mapping[str, str], name: str) -> str:
    """SQL: the base row passes every active filter but ``name``."""
    return " AND ".join(f'"{flag}"' for filter_name, flag in flags.items() if filter_name != name) or "1 = 1"


def _converted(expression, value, connection):
    for converter in connection.ops.get_db_converters(expression) + expression.get_db_converters(connection):
        value = converter(value, expression, connection)
    return value


def _sharing(
    names: list[str], paths: Mapping[str, str], without: Callable[[str], QuerySet]
) -> list[tuple[list[str], QuerySet]]:
    """The facets over a relation to many, in groups that read the same join,
    each with its records: over the same relation (region and country, both
    of the counterparts) and with the same records (no filter of theirs is
    active). Each group keeps the facets' order."""
    groups: dict[tuple, tuple[list[str], QuerySet]] = {}
    for name in names:
        records = without(name).order_by()
        # Which records: their identifiers' query says it, cheaper to write than every column's.
        sql, params = records.values("pk").query.sql_with_params()
        groups.setdefault((paths[name].rpartition("__")[0], sql, repr(params)), ([], records))[0].append(name)
    return list(groups.values())


def _counted_once(records: QuerySet, path: str) -> bool:
    """Whether the join of ``records`` to ``path`` holds each pair of a record
    and a value at most once, so that a group's rows are its records: the
    records' own query joins nothing but to-one relations (the filter by body
    joins the bodies), and ``path`` crosses one many-to-many relation (its table
    holds each pair once) to a unique column, as ``published_themes__slug``
    does. A group of no value (``NULL``: no related record, or only unpublished
    ones) may count otherwise; facets leave it out."""
    query = records.query
    if query.distinct or not all(
        isinstance(join, BaseTable) or join.join_field.many_to_one or join.join_field.one_to_one
        for join in query.alias_map.values()
    ):
        return False
    relation, _sep, column = path.partition("__")
    filtered = query._filtered_relations.get(relation)
    if filtered is not None:
        relation = filtered.relation_name
    try:
        field = records.model._meta.get_field(relation)
        target = field.related_model._meta.get_field(column) if field.many_to_many and not field.auto_created else None
    except FieldDoesNotExist:
        return False
    return (
        target is not None and field.remote_field.through._meta.auto_created
        and (target.unique or target.primary_key)
    )


def _grouped_together(scalar: list[str], flags: Mapping[str, str]) -> dict[str, list[str]]:
    """The facets over the base rows (``scalar``) that keep the same rows (no
    filter of theirs is active: the same condition), each with every facet of
    its group, for a group of two or more: one pass over the rows groups them
    all (``GROUPING SETS``, on PostgreSQL), not one pass each."""
    by_condition: dict[str, list[str]] = {}
    for name in scalar:
        by_condition.setdefault(_condition(flags, name), []).append(name)
    return {name: members for members in by_condition.values() if len(members) > 1 for name in members}


def facet_rows(
    queryset: QuerySet,
    subsets: Mapping[str, QuerySet | Q],
    paths: Mapping[str, str],
    many_valued: Callable[[str], bool],
    without: Callable[[str], QuerySet],
) -> tuple[dict[str, list[tuple[object, int]]], set[str]]:
    """The groups ``(value, number of records)`` of each facet in ``paths``.

    ``queryset`` holds every record of the list (with the filters that have
    no facet applied); ``subsets`` gives, for each active filter, the records
    it lets through, or the condition on ``queryset``'s own rows that says so
    (a choice over the record's own column: no second reading of the table).
    ``without(name)`` gives the records every active filter but ``name``
    lets through (for a facet over a relation to many). Also returns the
    facets whose groups hold each record exactly once (their
    counts add up to the records the other filters let through)."""
    queryset = queryset.order_by()
    connection = connections[queryset.db]
    quote = connection.ops.quote_name
    # A join already in the list's query may give a record several rows: count records, not rows.
    joined = queryset.query.distinct or any(
        not isinstance(join, BaseTable) for join in queryset.query.alias_map.values()
    )
    flags = {name: f"_in_{index}" for index, name in enumerate(subsets)}
    names = list(paths)
    columns = {name: f"_v_{index}" for index, name in enumerate(names)}
    scalar = [name for name in names if not many_valued(paths[name])]
    base = queryset.annotate(
        _pk=F("pk"),
        **{
            flags[name]: ExpressionWrapper(
                subset if isinstance(subset, Q) else Q(pk__in=subset.order_by().values("pk")),
                output_field=BooleanField(),
            )
            for name, subset in subsets.items()
        },
        **{columns[name]: facet_value(paths[name]) for name in scalar},
    ).values("_pk", *flags.values(), *(columns[name] for name in scalar))
    base_sql, base_params = base.query.sql_with_params()
    expressions = {name: base.query.annotations[columns[name]] for name in scalar}

    ctes = [(BASE, base_sql, base_params)] if scalar else []
    grouped_sql, linked = {}, {}
    for members, records in _sharing([name for name in names if name not in expressions], paths, without):
        if len(members) == 1:
            # Filtered as the list is: the planner finds each filter's records faster than through the base rows.
            grouped = records.annotate(_facet=facet_value(paths[members[0]])).values("_facet").annotate(
                _count=Count("pk", distinct=not _counted_once(records, paths[members[0]]))
            )
            expressions[members[0]] = grouped.query.annotations["_facet"]
            grouped_sql[members[0]] = grouped.query.sql_with_params()
            continue
        # Their records joined to the relation once, in a table of their own that each groups.
        rows_of = records.annotate(_pk=F("pk"), **{columns[name]: facet_value(paths[name]) for name in members})
        rows_of = rows_of.values("_pk", *(columns[name] for name in members))
        table = f"_facet_link_{len(ctes)}"
        ctes.append((table, *rows_of.query.sql_with_params()))
        for name in members:
            expressions[name] = rows_of.query.annotations[columns[name]]
            linked[name] = table

    # PostgreSQL types a UNION's column from its first typed value: each NULL says its type.
    nulls = {name: f"CAST(NULL AS {expressions[name].output_field.cast_db_type(connection)})" for name in names}

    def selected(sources: Mapping[str, str]) -> str:
        """Every facet's column: from ``sources`` for the facets it names, a typed NULL for the others."""
        return ", ".join(f"{sources.get(other, nulls[other])} AS {quote(columns[other])}" for other in names)

    branches, params = [], [param for _table, _sql, cte_params in ctes for param in cte_params]
    counted = 'COUNT(DISTINCT "_pk")' if joined else "COUNT(*)"
    together = _grouped_together(scalar, flags) if connection.vendor == "postgresql" else {}
    for index, name in enumerate(names):
        column = quote(columns[name])
        if name in together:
            members = together[name]
            if members[0] != name:
                continue  # in the first member's branch
            sets = ", ".join(f"({quote(columns[member])})" for member in members)
            which = " ".join(
                f"WHEN GROUPING({quote(columns[member])}) = 0 THEN {names.index(member)}" for member in members[:-1]
            )
            branches.append(
                f'SELECT CASE {which} ELSE {names.index(members[-1])} END AS "_b", '
                f"{selected({member: quote(columns[member]) for member in members})}, {counted} AS \"_n\" "
                f"FROM {BASE} WHERE {_condition(flags, name)} GROUP BY GROUPING SETS ({sets})"
            )
        elif name in grouped_sql:
            sql, branch_params = grouped_sql[name]
            branches.append(
                f'SELECT {index} AS "_b", {selected({name: quote("_facet")})}, "_count" AS "_n" '
                f'FROM ({sql}) AS "_facet_{index}"'
            )
            params.extend(branch_params)
        elif name in linked:
            branches.append(
                f'SELECT {index} AS "_b", {selected({name: column})}, COUNT(DISTINCT "_pk") AS "_n" '
                f"FROM {linked[name]} GROUP BY {column}"
            )
        else:
            branches.append(
                f'SELECT {index} AS "_b", {selected({name: column})}, {counted} AS "_n" FROM {BASE} '
                f"WHERE {_condition(flags, name)} GROUP BY {column}"
            )

    statement = " UNION ALL ".join(branches)
    if ctes:
        statement = "WITH " + ", ".join(f"{table} AS ({sql})" for table, sql, _params in ctes) + f" {statement}"
    rows: dict[str, list[tuple[object, int]]] = {name: [] for name in names}
    with connection.cursor() as cursor:
        cursor.execute(statement, params)
        for row in cursor.fetchall():
            name = names[row[0]]
            value = _converted(expressions[name], row[1 + row[0]], connection)
            rows[name].append((value, row[-1]))
    once = set() if joined else set(scalar)
    return rows, once
