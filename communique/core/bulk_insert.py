"""Insert many new rows with one prepared statement: `bulk_create` without the per-value cost.

Django's `bulk_create` sends every value of every row through the SQL compiler
(`prepare_value`, `pre_save`, `get_db_prep_save`: a few microseconds each). An import of
thousands of pages with thirty columns each spends most of its insert time there. Here the
conversion of each column is chosen once, plain values (text, numbers, booleans, foreign
keys) go to the driver as they are, and the rows go through `executemany`.

What it does not do: return primary keys (look the rows up by a unique column if you need
them) or send signals. It calls `pre_save` only for `auto_now` fields and fields with a
`pre_save` of their own (a stored excerpt).
"""

from django.db import connections, models
from django.db.models.fields import AutoFieldMixin

# Field classes whose database value is the Python value itself, on SQLite and PostgreSQL:
# their conversions only coerce a value that already has the right type.
_PLAIN = (models.CharField, models.TextField, models.IntegerField, models.BooleanField,
          models.FloatField)  # fmt: skip
_PLAIN_METHODS = (
    {cls.get_prep_value for cls in _PLAIN}
    | {cls.get_db_prep_value for cls in _PLAIN}
    | {models.Field.get_db_prep_save, AutoFieldMixin.get_db_prep_value}
)


# Field classes' own `pre_save`s that only read the attribute (or fill `auto_now`).
_PLAIN_PRE_SAVES = {models.Field.pre_save, models.DateField.pre_save, models.DateTimeField.pre_save}


def _is_plain(field):
    if isinstance(field, models.ForeignKey):
        return _is_plain(field.target_field)
    methods = {type(field).get_prep_value, type(field).get_db_prep_value,
               type(field).get_db_prep_save}  # fmt: skip
    return isinstance(field, _PLAIN) and methods <= _PLAIN_METHODS


def _converter(field, connection):
    """A function from an object to the value its column stores."""
    attname = field.attname
    if type(field).pre_save not in _PLAIN_PRE_SAVES or (
        getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False)
    ):  # a value worked out on save: a stored excerpt, a time
        return lambda obj: field.get_db_prep_save(field.pre_save(obj, True), connection)
    if _is_plain(field):
        return lambda obj: getattr(obj, attname)
    return lambda obj: field.get_db_prep_save(getattr(obj, attname), connection)


def _writable_fields(model):
    return [
        field
        for field in model._meta.local_concrete_fields
        if not (field.primary_key and isinstance(field, models.AutoField))
    ]


def _execute(model, fields, rows, connection):
    quote = connection.ops.quote_name
    columns = ", ".join(quote(field.column) for field in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    sql = f"INSERT INTO {quote(model._meta.db_table)} ({columns}) VALUES ({placeholders})"  # noqa: S608 - names from the model
    if rows:
        with connection.cursor() as cursor:
            cursor.executemany(sql, rows)
    return len(rows)


def insert_rows(model, objs, fields=None, using="default"):
    """INSERT these unsaved instances of `model`; return how many rows were written.

    `fields`: the concrete fields to write (default: all local ones except an automatic
    primary key). Instances keep `pk=None`.
    """
    connection = connections[using]
    fields = _writable_fields(model) if fields is None else fields
    converters = [_converter(field, connection) for field in fields]
    rows = [tuple(convert(obj) for convert in converters) for obj in objs]
    return _execute(model, fields, rows, connection)


def insert_values(model, names, rows, using="default"):
    """INSERT rows given as tuples of Python values for the fields `names`, in that order.

    Plain values (ids, text, numbers, booleans) go to the database as they are; dates,
    UUIDs and JSON are converted by their fields. Every other column gets its field's
    default, worked out once for all rows. Building no model instances is the point:
    `Model.__init__` costs more than the insert.
    """
    connection = connections[using]
    named = [model._meta.get_field(name) for name in names]
    others = [field for field in _writable_fields(model) if field not in named]
    blank = model()
    defaults = tuple(
        field.get_db_prep_save(field.pre_save(blank, True), connection) for field in others
    )
    converting = [(index, field) for index, field in enumerate(named) if not _is_plain(field)]
    if converting:
        rows = [list(row) for row in rows]
        for row in rows:
            for index, field in converting:
                row[index] = field.get_db_prep_save(row[index], connection)
    return _execute(model, named + others, [(*row, *defaults) for row in rows], connection)
