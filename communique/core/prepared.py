"""Reads whose SQL Django composes once per process, then runs again with new values.

Django builds and compiles a queryset's SQL on every use: for the join that finds a
statement's versions, about 0.3 ms of Python for a query SQLite answers in 0.04 ms. Each
page makes a few such reads (a statement by its address, its translations, its
categories, …), so that composing SQL cost more than running it. A `PreparedRead` builds
its queryset once for each *shape* of its arguments (how many values each list holds) and
keeps the SQL; a later use only puts the new values in.

Which parameter of the SQL is which argument is found, not declared: the queryset is
built once with stand-in values nothing else uses (ints, strings, UUIDs, dates), and their places
in the compiled parameters say where each real value goes. A stand-in the database
driver would receive altered (a `LIKE` pattern built from it, say) is not found, and
preparing fails at once: use such lookups (`startswith`, `contains`) through the ORM.
Lists are taken as `__in` takes them: without repeats (Django drops them).
"""

import datetime
import functools
import itertools
import uuid

from django.db import connections
from django.db.models import Model, signals
from django.db.models.base import ModelState
from django.db.models.query import FlatValuesListIterable, ModelIterable, ValuesListIterable
from modelcluster.models import ClusterableModel
from wagtail.models import AbstractPage
from wagtail.models.pages import ShowInMenusMixin

_stand_ins = itertools.count(1)
# Numbers no row uses, within every integer column's range (Django drops a value outside
# it from the SQL): ids of PostgreSQL's `integer` stop at 2,147,483,647.
_STAND_IN_BASE = 2_100_000_000
_UUID_BASE = uuid.UUID("c0c0c0c0-0000-4000-8000-000000000000").int
_DATE_BASE = datetime.date(1, 1, 1)  # dates no statement has


class PreparedRead:
    """A read made from `build(*args)`, a queryset of model instances or of `values_list`
    rows (flat or not) without `select_related`; `read(*args)` returns its results as a list.

    Arguments are ints, strings, UUIDs, dates or lists of them; the SQL `build` makes may
    depend on them only through the lengths of the lists (the shape).
    """

    def __init__(self, build):
        self.build = build
        self._prepared = {}  # (database alias, shape): _Prepared

    def read(self, *args, using="default"):
        args = [list(dict.fromkeys(arg)) if isinstance(arg, list | tuple | set) else arg
                for arg in args]  # fmt: skip
        if any(isinstance(arg, list) and not arg for arg in args):
            return []  # `__in` an empty list: nothing, and no query
        shape = (using, tuple(len(arg) if isinstance(arg, list) else None for arg in args))
        prepared = self._prepared.get(shape)
        if prepared is None:
            prepared = self._prepared[shape] = _Prepared(self.build, args, using)
        return prepared.read(args)

    def first(self, *args, using="default"):
        """The first result of `read(*args)`, or None (the queryset's own slice says how
        many rows are read)."""
        return next(iter(self.read(*args, using=using)), None)


class _Prepared:
    def __init__(self, build, args, using):
        stand_ins, places = [], {}
        for index, arg in enumerate(args):
            is_list = isinstance(arg, list)
            values = [_stand_in(value) for value in arg] if is_list else [_stand_in(arg)]
            stand_ins.append(values if is_list else values[0])
            for position, value in enumerate(values):
                for form in _forms(value):  # the value itself, or as the driver gets it
                    places[form(value)] = (index, position if is_list else None, form)
        queryset = build(*stand_ins)
        compiler = queryset.query.get_compiler(using=using)
        self.sql, params = compiler.as_sql()
        # Each parameter: ("argument", (index, position in a list or None, form)), or a
        # ("constant", value) of the query itself.
        self.params = []
        for param in params:
            found = places.get(param) if isinstance(param, _HASHABLE) else None
            self.params.append(("constant", param) if found is None else ("argument", found))
        used = {found[:2] for kind, found in self.params if kind == "argument"}
        if len(used) != len({place[:2] for place in places.values()}):
            raise ValueError(f"Not every argument reaches the SQL as it is: {self.sql}")
        fields = [column for column, _sql, _alias in compiler.select[: compiler.col_count]]
        self.converters = list(compiler.get_converters(fields).items())
        self.iterable = queryset._iterable_class
        if self.iterable is ModelIterable:
            if compiler.klass_info.get("related_klass_infos"):
                raise ValueError("select_related is not prepared")
            self.model = compiler.klass_info["model"]
            selected = compiler.klass_info["select_fields"]
            self.model_columns = slice(selected[0], selected[-1] + 1)
            selected_columns = compiler.select[self.model_columns]
            self.init_list = [column.target.attname for column, _sql, _alias in selected_columns]
            self.annotations = dict(compiler.annotation_col_map or {})
        elif self.iterable not in (ValuesListIterable, FlatValuesListIterable):
            raise ValueError(f"{self.iterable.__name__} is not prepared")
        else:
            query = queryset.query
            selected = [*query.extra_select, *query.values_select, *query.annotation_select]
            if list(queryset._fields) != selected:
                raise ValueError("values_list of annotations out of order is not prepared")
        self.using = using

    def read(self, args):
        params = [value if kind == "constant" else _value(args, *value)
                  for kind, value in self.params]  # fmt: skip
        connection = connections[self.using]
        with connection.cursor() as cursor:
            cursor.execute(self.sql, params)
            rows = cursor.fetchall()
        if self.converters:
            rows = _converted(rows, self.converters, connection)
        if self.iterable is FlatValuesListIterable:
            return [row[0] for row in rows]
        if self.iterable is ValuesListIterable:
            return [tuple(row) for row in rows]
        rows, columns = list(rows), self.model_columns
        objects = _instances(self.model, self.using, self.init_list,
                             [row[columns] for row in rows])  # fmt: skip
        for name, position in self.annotations.items():
            for obj, row in zip(objects, rows, strict=True):
                setattr(obj, name, row[position])
        return objects


_HASHABLE = (int, str, uuid.UUID, datetime.date)


def _stand_in(value):
    number = next(_stand_ins)
    if isinstance(value, bool):
        raise TypeError("Booleans are constants of the query, not arguments")
    if isinstance(value, int):
        return _STAND_IN_BASE + number
    if isinstance(value, str):
        return f"\x00prepared {number}\x00"
    if isinstance(value, uuid.UUID):
        return uuid.UUID(int=_UUID_BASE + number)
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return _DATE_BASE + datetime.timedelta(days=number)
    raise TypeError(f"Cannot prepare an argument of type {type(value).__name__}")


def _same(value):
    return value


def _hex(value):
    return value.hex


def _iso(value):
    return value.isoformat()


def _forms(value):
    """How a value of this type may reach the database driver: as itself, or as the text
    a database without the type stores (SQLite: UUIDs as hex, dates in ISO form)."""
    if isinstance(value, uuid.UUID):
        return (_same, _hex)
    if isinstance(value, datetime.date):
        return (_same, _iso)
    return (_same,)


def _converted(rows, converters, connection):
    """Django's SQLCompiler.apply_converters, for this thread's connection."""
    for row in rows:
        row = list(row)
        for position, (functions, expression) in converters:
            value = row[position]
            for function in functions:
                value = function(value, expression, connection)
            row[position] = value
        yield row


def _value(args, index, position, form):
    return form(args[index] if position is None else args[index][position])


# The __init__ methods that do no more than Model's for an object read from the database
# with from_db's positional values, and whether they read its `id`: Wagtail's pages do
# (they act only on a new page, without one), which on a page model's object copies the
# page's id from its link column (multi-table inheritance) into the object, as a read of
# it would later; django-modelcluster acts only on child objects passed by keyword.
_PLAIN_INITS = {Model.__init__: False, ClusterableModel.__init__: False,
                AbstractPage.__init__: True, ShowInMenusMixin.__init__: True}  # fmt: skip


def _instances(model, using, attnames, rows):
    """The objects `model.from_db(using, attnames, row)` makes of `rows`, made as
    Model.__init__ would make them: its values in the instance's __dict__ (the columns not
    read are left out, deferred) and its state. Django's __init__ walks every field with
    checks meant for objects built by hand (~15 µs for a statement's 39 fields, more than
    reading it): a listing page made ten, a static export hundreds of thousands. Models
    whose __init__ or from_db does more, or with a pre_init or post_init receiver, are
    made by from_db."""
    reads_id = _reads_id(model)
    if reads_id is None or any(signal.has_listeners(model)
                               for signal in (signals.pre_init, signals.post_init)):  # fmt: skip
        return [model.from_db(using, attnames, row) for row in rows]
    objects, new = [], object.__new__
    for row in rows:
        obj = new(model)
        state = obj._state = ModelState()
        state.adding, state.db = False, using
        obj.__dict__.update(zip(attnames, row, strict=True))
        if reads_id:
            _ = obj.id  # as the model's __init__ does: see _PLAIN_INITS
        objects.append(obj)
    return objects


@functools.cache
def _reads_id(model):
    """Whether `model`'s __init__ reads the object's id, or None if it does more than
    _PLAIN_INITS say (or its from_db does)."""
    inits = [klass.__dict__["__init__"] for klass in model.__mro__[:-1]
             if "__init__" in klass.__dict__]  # fmt: skip
    if model.from_db.__func__ is not Model.from_db.__func__:
        return None
    if not set(inits) <= _PLAIN_INITS.keys():
        return None
    return any(_PLAIN_INITS[init] for init in inits)
