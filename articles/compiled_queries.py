"""Reader queries whose SQL the ORM writes once per process, not on every request.

On a reader page the ORM spends longer building and compiling a query of nested
subqueries (the freshness row, related-story ranking, the front page's section
blocks) than PostgreSQL spends running it. When only the values change from one
request to the next, not the shape, ``CompiledQuery`` builds the queryset once
with stand-in values, keeps the SQL, and each call puts the real values where the
stand-ins were. The ORM still writes the SQL from the one set of rules
(``published()`` and its kin); nothing here is hand-written SQL.

Values may be instants, ids or lists of ids; a list's length is part of the shape,
so each length is compiled once. The query must be a ``values()`` or
``values_list()`` query: rows come back as tuples, converted as the ORM would.
"""

from collections.abc import Hashable
from datetime import UTC, datetime, timedelta

from django.core.exceptions import EmptyResultSet, ImproperlyConfigured
from django.db import connections, router

# Stand-ins no real value can equal: an instant in 1970 and negative ids.
STAND_IN_INSTANT = datetime(1970, 1, 2, 3, 4, 5, tzinfo=UTC)
STAND_IN_ID = -(2**31)


class CompiledQuery:
    def __init__(self, model, build, *, constants=()):
        """``build(**values)`` returns a ``values_list()`` queryset of ``model``.

        ``constants`` name the values the ORM writes into the SQL (a slice's
        LIMIT): each value of them is a shape of its own, compiled once.
        """
        self.model = model
        self.build = build
        self.constants = set(constants)
        self.compiled = {}

    def rows(self, **values) -> list[tuple]:
        alias = router.db_for_read(self.model)
        fixed = {name: values.pop(name) for name in self.constants}
        shape = (
            alias,
            *sorted(fixed.items()),
            *((name, shape_of(value)) for name, value in values.items()),
        )
        if shape not in self.compiled:
            self.compiled[shape] = self.compile(alias, values, fixed)
        if self.compiled[shape] is None:
            return []  # a query that can match nothing (an empty IN list)
        sql, params, columns, stand_ins = self.compiled[shape]
        connection = connections[alias]
        bound = {}
        for name, value in values.items():
            for stand_in, real in zip(stand_ins[name], as_list(value), strict=True):
                bound[stand_in] = adapted(connection, real)
        with connection.cursor() as cursor:
            cursor.execute(sql, [bind(bound, param) for param in params])
            rows = cursor.fetchall()
        compiler = self.model.objects.none().query.get_compiler(alias)
        converters = compiler.get_converters(columns)
        if not converters:
            return [tuple(row) for row in rows]
        return [tuple(row) for row in compiler.apply_converters(rows, converters)]

    def compile(self, alias, values, fixed):
        stand_ins = {
            name: stand_ins_for(name, value, values) for name, value in values.items()
        }
        queryset = self.build(**stand_ins, **fixed).using(alias)
        compiler = queryset.query.get_compiler(alias)
        try:
            sql, params = compiler.as_sql()
        except EmptyResultSet:
            return None
        connection = connections[alias]
        # Each name's stand-ins as they appear among the parameters.
        adapted_stand_ins = {
            name: [adapted(connection, item) for item in as_list(value)]
            for name, value in stand_ins.items()
        }
        every_stand_in = {
            item for items in adapted_stand_ins.values() for item in items
        }
        if not every_stand_in <= set(params):
            # The ORM wrote a value into the SQL itself: binding would ignore it.
            raise ImproperlyConfigured(f"{self.build.__name__}: a value is not bound.")
        columns = [expression for expression, _, _ in compiler.select]
        return sql, list(params), columns, adapted_stand_ins


def bind(bound, param):
    return bound.get(param, param) if isinstance(param, Hashable) else param


def shape_of(value):
    if isinstance(value, (list, tuple)):
        return len(value), {type(item).__name__ for item in value} == {"datetime"}
    return type(value).__name__


def as_list(value):
    return list(value) if isinstance(value, (list, tuple)) else [value]


def stand_ins_for(name, value, values):
    """Distinct stand-ins for ``name``'s value(s), unlike those of any other name."""
    offset = 1000 * list(values).index(name)
    if isinstance(value, (list, tuple)):
        return [stand_in(item, offset + index) for index, item in enumerate(value)]
    return stand_in(value, offset)


def stand_in(value, number):
    if isinstance(value, datetime):
        return STAND_IN_INSTANT + timedelta(microseconds=number)
    if isinstance(value, int) and not isinstance(value, bool):
        return STAND_IN_ID - number
    raise TypeError(f"No stand-in for {type(value).__name__} values.")


def adapted(connection, value):
    if isinstance(value, datetime):
        return connection.ops.adapt_datetimefield_value(value)
    return value
