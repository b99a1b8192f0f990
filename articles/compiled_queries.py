"""Reader queries whose SQL the ORM writes once per process, not on every request.

On a reader page the ORM spends longer building and compiling a query than
PostgreSQL spends running it: the freshness row's nested subqueries, the
related-story ranking, but also a plain story or a handful of cards, whose joins
and columns it works out afresh each time. When only the values change from one
request to the next, not the shape, ``CompiledQuery`` builds the queryset once
with stand-in values, keeps the SQL, and each call puts the real values where the
stand-ins were. The ORM still writes the SQL from the one set of rules
(``published()`` and its kin); nothing here is hand-written SQL.

Values may be instants, ids, slugs or lists of ids; a list's length is part of the
shape, so each length is compiled once. ``rows()`` runs a ``values_list()`` query
and returns tuples; ``objects()`` runs a query of model instances, with what it
``select_related()``, and then its ``prefetch_related()`` lookups. Either comes
back converted as the ORM would.
"""

from collections.abc import Hashable
from datetime import UTC, datetime, timedelta

from django.core.exceptions import EmptyResultSet, ImproperlyConfigured
from django.db import connections, router
from django.db.models import prefetch_related_objects
from django.db.models.query import ModelIterable, get_related_populators

# Stand-ins no real value can equal: an instant in 1970, negative ids, and text
# with a character no slug, name or address has.
STAND_IN_INSTANT = datetime(1970, 1, 2, 3, 4, 5, tzinfo=UTC)
STAND_IN_ID = -(2**31)
STAND_IN_TEXT = "\N{REPLACEMENT CHARACTER}stand-in "


class CompiledQuery:
    def __init__(self, model, build, *, constants=()):
        """``build(**values)`` returns a queryset of ``model``.

        ``constants`` name the values the ORM writes into the SQL (a slice's
        LIMIT): each value of them is a shape of its own, compiled once.
        """
        self.model = model
        self.build = build
        self.constants = set(constants)
        self.compiled = {}

    def rows(self, **values) -> list[tuple]:
        """The rows of a ``values_list()`` query, as tuples."""
        compiled, values = self.compiled_for(values)
        if compiled is None:
            return []  # a query that can match nothing (an empty IN list)
        return [tuple(row) for row in compiled.fetch(values)]

    def objects(self, **values) -> list:
        """The model instances of a model query, related and prefetched objects in."""
        compiled, values = self.compiled_for(values)
        if compiled is None:
            return []
        instances = compiled.instances(compiled.fetch(values))
        if compiled.prefetch_lookups and instances:
            prefetch_related_objects(instances, *compiled.prefetch_lookups)
        return instances

    def compiled_for(self, values):
        alias = router.db_for_read(self.model)
        fixed = {name: values.pop(name) for name in self.constants}
        shape = (
            alias,
            *sorted(fixed.items()),
            *((name, shape_of(value)) for name, value in values.items()),
        )
        if shape not in self.compiled:
            self.compiled[shape] = self.compile(alias, values, fixed)
        return self.compiled[shape], values

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
            # The ORM wrote a value into the SQL itself (or changed it, as a
            # ``contains`` lookup does): binding would ignore it.
            raise ImproperlyConfigured(f"{self.build.__name__}: a value is not bound.")
        return Compiled(alias, sql, list(params), adapted_stand_ins, compiler, queryset)


class Compiled:
    """One shape of a query: its SQL, where its values go, and how its rows become
    what the ORM would have returned."""

    def __init__(self, alias, sql, params, stand_ins, compiler, queryset):
        self.alias, self.sql, self.params, self.stand_ins = (
            alias,
            sql,
            params,
            stand_ins,
        )
        fields = [expression for expression, _, _ in compiler.select]
        self.converters = list(compiler.get_converters(fields).items())
        self.prefetch_lookups = queryset._prefetch_related_lookups
        self.makes_instances = queryset._iterable_class is ModelIterable
        if self.makes_instances:
            self.plan_instances(compiler, queryset)

    def fetch(self, values) -> list:
        connection = connections[self.alias]
        bound = {}
        for name, value in values.items():
            for stand_in, real in zip(
                self.stand_ins[name], as_list(value), strict=True
            ):
                bound[stand_in] = adapted(connection, real)
        with connection.cursor() as cursor:
            cursor.execute(self.sql, [bind(bound, param) for param in self.params])
            rows = cursor.fetchall()
        if not self.converters:
            return rows
        converted = []
        for row in map(list, rows):
            for position, (converters, expression) in self.converters:
                value = row[position]
                for converter in converters:
                    value = converter(value, expression, connection)
                row[position] = value
            converted.append(row)
        return converted

    def plan_instances(self, compiler, queryset):
        """What ``ModelIterable`` works out from the compiler before its first row,
        worked out once."""
        if queryset._known_related_objects or queryset._fetch_mode.track_peers:
            raise ImproperlyConfigured("Compiled queries keep no related instances.")
        select, klass_info = compiler.select, compiler.klass_info
        first, *_, last = klass_info["select_fields"]
        self.model_columns = slice(first, last + 1)
        self.init_list = [
            column[0].target.attname for column in select[first : last + 1]
        ]
        self.model = klass_info["model"]
        self.fetch_mode = queryset._fetch_mode
        self.related_populators = get_related_populators(
            klass_info, select, self.alias, self.fetch_mode
        )
        self.annotation_columns = list(compiler.annotation_col_map.items())

    def instances(self, rows) -> list:
        if not self.makes_instances:
            raise ImproperlyConfigured("objects() needs a query of model instances.")
        instances = []
        for row in rows:
            instance = self.model.from_db(
                self.alias,
                self.init_list,
                row[self.model_columns],
                fetch_mode=self.fetch_mode,
            )
            for populator in self.related_populators:
                populator.populate(row, instance)
            for name, position in self.annotation_columns:
                setattr(instance, name, row[position])
            instances.append(instance)
        return instances


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
    if isinstance(value, str):
        return f"{STAND_IN_TEXT}{number}"
    raise TypeError(f"No stand-in for {type(value).__name__} values.")


def adapted(connection, value):
    if isinstance(value, datetime):
        return connection.ops.adapt_datetimefield_value(value)
    return value
