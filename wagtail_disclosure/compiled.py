"""Queries compiled once per process and run on every request: the hub's table, readiness.

Django builds and compiles a queryset anew each time it is evaluated. For the public hub's table
(window functions over the office's links) that was 2.4 ms of Python per request against 0.3 ms
in the database, the largest share of the hub's cost over a bare Wagtail page. Its SQL and its
parameters depend on a handful of values only (the office's path, the edition's item ids), so the
statement is compiled once for those values and executed as it stands afterwards. Readiness, whose
queries were 60 % of ``readiness()``'s time in building and compiling, likewise.

A compiled statement holds no data: every call reads the database, so nothing here is ever stale.
The caller's ``key`` must name everything the queryset's SQL and parameters depend on; the rows
come back as ``.values()`` gives them, converted by Django's own converters (dates on SQLite).
The test suite sets ``VERIFY``: every call then compiles anew and compares, so a key that leaves
something out fails a test instead of serving another office's rows.
"""

import threading
from collections import OrderedDict

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models.expressions import Col

# Statements kept per process, least recently used first out: two per office's hub, seven per
# office for its readiness (two of them per day of reading); 4–7 KB each (``_compile``).
MAX_STATEMENTS = 1024

_statements = OrderedDict()
_lock = threading.Lock()  # threaded servers: one request's eviction during another's lookup

# Compile on every call as well and compare with the kept statement (the test suite sets it).
VERIFY = False


def values(key, build):
    """The rows (dicts) of the ``.values()`` queryset ``build()`` returns, compiled once per ``key``."""
    with _lock:
        statement = _statements.get(key)
        if statement is not None:
            _statements.move_to_end(key)
    if statement is None:
        statement = _compile(build())
        with _lock:
            _statements[key] = statement
            if len(_statements) > MAX_STATEMENTS:
                _statements.popitem(last=False)
    elif VERIFY:
        fresh = _compile(build())
        if fresh[1:3] != statement[1:3]:
            raise AssertionError(
                f"compiled.values: the key {key!r} leaves out something its query depends on"
                f":\n{statement[1]} {statement[2]!r}\n{fresh[1]} {fresh[2]!r}"
            )
    alias, sql, params, names, converters = statement
    if sql is None:  # an empty ``__in``: nothing can match
        return []
    connection = connections[alias]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        fetched = cursor.fetchall()
    rows = []
    for row in fetched:
        if converters:  # as ``SQLCompiler.apply_converters``
            row = list(row)
            for position, functions, expression in converters:
                value = row[position]
                for function in functions:
                    value = function(value, expression, connection)
                row[position] = value
        # As Django's ``ValuesIterable``: a row may carry more columns than names (ordering).
        rows.append(dict(zip(names, row, strict=False)))
    return rows


def _compile(queryset):
    """What running the query again needs, and no more (the compiler and the query tree weighed
    30–40 KB a statement): its SQL, parameters, column names and value converters."""
    query = queryset.query
    compiler = query.get_compiler(queryset.db)
    # The names of the row's columns, as Django's ``ValuesIterable`` reads them.
    if getattr(query, "selected", None):
        names = tuple(query.selected)  # Django 5.2: in the order ``values()`` named them
    else:
        names = (*query.extra_select, *query.values_select, *query.annotation_select)
    try:
        sql, params = compiler.as_sql()
    except EmptyResultSet:
        return queryset.db, None, (), names, ()
    fields = [column[0] for column in compiler.select[0 : compiler.col_count]]
    converters = tuple(
        (
            position,
            tuple(functions),
            expression if isinstance(expression, Col) else _Output(expression),
        )
        for position, (functions, expression) in compiler.get_converters(fields).items()
    )
    return queryset.db, sql, tuple(params), names, converters


class _Output:
    """What a converter reads of a computed column (an aggregate, a window): its output field.
    Keeping the expression itself kept its whole tree (its filters, their subqueries)."""

    __slots__ = ("output_field",)

    def __init__(self, expression):
        self.output_field = expression.output_field


def forget():
    """Compile every statement again (tests that change the database's schema or settings)."""
    with _lock:
        _statements.clear()
