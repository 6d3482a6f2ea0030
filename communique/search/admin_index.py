"""Add many new pages to Wagtail's own search index (the admin's page search) at once.

modelsearch's SQLite index builds each entry's title, body and autocomplete columns in
three passes over the model's search fields, writes the rows through `bulk_create`, then
sets their title norms (average title length / this title's length) with an UPDATE that
makes the FTS5 trigger index every new row a second time: for the importer's batches that
was a quarter of the import's time. On SQLite this writes the same rows, norms included,
from one pass and one `executemany`. Other backends get the pages through `add_bulk`.

Only for objects that have no entry yet (the bulk importer's new pages): updating
existing entries is the backend's job.
"""

from django.db.models import Count, Sum
from django.db.models.functions import Length
from modelsearch.index import AutocompleteField, SearchField
from modelsearch.utils import get_content_type_pk
from wagtail.search.backends import get_search_backends

from communique.core.bulk_insert import insert_values


def add_new(model, objs):
    """Index these new instances of `model` in every configured Wagtail search backend."""
    objs = list(objs)
    if not objs:
        return
    for backend in get_search_backends():
        if type(backend).__name__ == "SQLiteSearchBackend":
            _add_new_sqlite(backend, model, objs)
        else:
            backend.add_bulk(model, objs)


def _add_new_sqlite(backend, model, objs):
    from modelsearch.backends.database.sqlite.sqlite import ObjectIndexer

    index = backend.get_index_for_model(model)
    content_type_pk = get_content_type_pk(model)
    rows = []
    for obj in objs:
        indexer = ObjectIndexer(obj, backend)
        title, body, autocomplete = [], [], []
        for search_field in indexer.search_fields:
            for field, value in indexer.prepare_field(obj, search_field):
                if isinstance(field, SearchField):
                    (title if field.field_name == "title" else body).append(value)
                elif isinstance(field, AutocompleteField):
                    autocomplete.append(value)
        rows.append([content_type_pk, indexer.id, " ".join(title), " ".join(autocomplete),
                     " ".join(body)])  # fmt: skip
    average = _average_title_length(index.entries, [len(row[2]) for row in rows if row[2]])
    for row in rows:
        row.append(average / len(row[2]) if row[2] else 1.0)
    columns = ["content_type", "object_id", "title", "autocomplete", "body", "title_norm"]
    insert_values(index.entries.model, columns, rows)


def _average_title_length(entries, new_lengths):
    """The average length of the non-empty titles in the index once these are added."""
    existing = (
        entries.annotate(title_length=Length("title"))
        .filter(title_length__gt=0)
        .aggregate(total=Sum("title_length"), count=Count("pk"))
    )
    count = existing["count"] + len(new_lengths)
    return ((existing["total"] or 0) + sum(new_lengths)) / count if count else 1.0
