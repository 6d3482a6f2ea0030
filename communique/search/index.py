"""Keep the statements' search index in step with what is live.

`index_statements` analyses live statements in their own language and writes their
entries; `remove_statements` drops entries. `signals.py` calls them on publish, unpublish,
view-restriction changes and organisation renames (a translation published by
wagtail-localize is a publish too; a deleted statement's entry goes by cascade);
`manage.py rebuild_search_index` rewrites the whole index.
"""

from django.db import connection, transaction

from communique.core.bulk_insert import insert_values
from communique.statements.models import StatementPage, StatementSignatory

from .analysis import analyser
from .filters import filter_terms
from .models import SearchEntry

BATCH_SIZE = 500


def analyse(language, title, texts):
    """(title terms, body terms) of a statement in `language`, as the index stores them."""
    language_analyser = analyser(language)
    return (
        " ".join(language_analyser.terms(title)),
        " ".join(language_analyser.terms(" ".join(texts))),
    )


ENTRY_FIELDS = ["page", "language", "title", "body", "filters"]


def document(page, organisation_names=(), terms=None, filters=""):
    """The entry for one statement, as a tuple of ENTRY_FIELDS: its title terms, the terms
    of its lead, body, author and signatories, and its filter terms (filters.py).

    `terms`: the (title, body) terms when they were worked out already (the importer
    analyses posts in worker processes).
    """
    language = page.locale.language_code
    title, body = terms or analyse(
        language, page.title, [page.lead, page.body_text, page.author_name, *organisation_names]
    )
    return (page.pk, language, title, body, filters)


def signatories(page_ids):
    """{page id: [(organisation name, its translation key), …]} of these statements."""
    found = {}
    rows = StatementSignatory.objects.filter(page_id__in=page_ids).values_list(
        "page_id", "organisation__name", "organisation__translation_key"
    )
    for page_id, name, key in rows:
        found.setdefault(page_id, []).append((name, key))
    return found


def entries_for(pages, terms=None):
    """Entries for these statements; `terms`: {page id: (title, body) terms} known already."""
    terms = terms or {}
    signed = signatories([page.pk for page in pages])
    filters = filter_terms(pages, signed)
    return [document(page, [name for name, _key in signed.get(page.pk, ())],
                     terms.get(page.pk), filters[page.pk])
            for page in pages]  # fmt: skip


def index_statements(pages, terms=None):
    """Write (or rewrite) the entries of these statements; what readers may not see is removed.

    The index holds only published, public, non-alias statements, so that a search of the
    whole archive needs no visibility check beside the full-text one. `terms`: see
    `entries_for`.
    """
    pages = list(pages)
    visible = set(StatementPage.objects.published().filter(pk__in=[page.pk for page in pages])
                  .values_list("pk", flat=True))  # fmt: skip
    entries = entries_for([page for page in pages if page.live and page.pk in visible], terms)
    with transaction.atomic():
        SearchEntry.objects.filter(page_id__in=[page.pk for page in pages]).delete()
        insert_values(SearchEntry, ENTRY_FIELDS, entries)
    return len(entries)


def remove_statements(page_ids):
    SearchEntry.objects.filter(page_id__in=list(page_ids)).delete()


def rebuild(progress=None):
    """Rewrite the whole index from the live statements; return how many were indexed."""
    with transaction.atomic():
        SearchEntry.objects.all().delete()
        total = _write_all(StatementPage.objects.published(), progress)
    settle()
    return total


def index_missing():
    """Index the published statements that have no entry; return how many were indexed."""
    total = _write_all(StatementPage.objects.published().filter(search_entry__isnull=True))
    if total >= BATCH_SIZE:
        settle()
    return total


def _write_all(statements, progress=None):
    statements = statements.select_related("locale").order_by("pk")
    total, batch = 0, []
    with transaction.atomic():
        for page in statements.iterator(chunk_size=BATCH_SIZE):
            batch.append(page)
            if len(batch) == BATCH_SIZE:
                total += _write(batch, progress)
                batch = []
        total += _write(batch, progress)
    return total


def settle():
    """After many entries were written and committed on PostgreSQL (a rebuild, a migration
    of the index, an import): merge the GIN index's pending list
    and refresh the planner's statistics. Rows inserted into a GIN index wait in a pending
    list that every search reads until a vacuum merges it; with it, and statistics from
    before, PostgreSQL chose to read every row (76 ms a search on 10,000 statements after
    migration 0008 wrote them all; 2.6 ms after this)."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT gin_clean_pending_list('communique_search_vector'::regclass)")
        cursor.execute(f"ANALYZE {SearchEntry._meta.db_table}")


def _write(pages, progress):
    insert_values(SearchEntry, ENTRY_FIELDS, entries_for(pages))
    if progress:
        progress(len(pages))
    return len(pages)
