"""Create many new statements at once: the fast path for large archives.

Wagtail's `add_child` plus `save_revision().publish()` costs about 0.1 s a page (tree
locking, revisions, log entries, signals). For new statements this module does the same
work in a handful of queries per batch: tree paths are allocated in Python, the page and
statement rows are inserted in bulk, one revision per page is bulk-created and linked as
latest (and live) revision, the page history gets its "created" and "published" entries,
category, country and signatory links are bulk-inserted, the search indexes are updated in
bulk, and the cached pages that list statements are dropped. Updates of existing
statements still go through Wagtail's normal path.
"""

import datetime
import functools
from collections import defaultdict
from collections.abc import Sequence
from typing import NamedTuple

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, F, Field, OuterRef, Subquery
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.encoding import is_protected_type
from wagtail.models import Page, PageLogEntry, Revision
from wagtail.models.pages import COMMENTS_RELATION_NAME

from communique.core.bulk_insert import insert_rows, insert_values
from communique.core.cache_invalidation import content_changed
from communique.core.page_cache import LISTINGS, statement_tag
from communique.search import admin_index
from communique.search.index import index_statements
from communique.statements import listed
from communique.statements.models import StatementPage, StatementSignatory


def _next_steps(parent):
    last = parent.get_last_child()
    return Page._str2int(last.path[-Page.steplen :]) + 1 if last else 1


def _insert_pages(pages):
    """Insert the wagtailcore_page rows, then the statement rows that extend them."""
    base_fields = [f for f in Page._meta.concrete_fields if not f.primary_key]
    insert_rows(Page, pages, base_fields)
    ids = {}
    for start in range(0, len(pages), 500):
        paths = [page.path for page in pages[start : start + 500]]
        ids.update(Page.objects.filter(path__in=paths).values_list("path", "pk"))
    for page in pages:
        page.pk = page.id = page.page_ptr_id = ids[page.path]
        page._state.adding = False
    insert_rows(StatementPage, pages, StatementPage._meta.local_concrete_fields)


@functools.cache
def _field_serialisers(model):
    """[(name, function of an instance)]: modelcluster's `get_serializable_data_for_fields`
    for a saved instance, with what each field needs decided once instead of per value
    (the revision of every imported page goes through it)."""
    pk_field = model._meta.pk
    while pk_field.remote_field and pk_field.remote_field.parent_link:
        pk_field = pk_field.remote_field.model._meta.pk
    fields = [("pk", pk_field)] + [(f.name, f) for f in model._meta.fields if f.serialize]
    return [(name, _serialiser(field)) for name, field in fields]


def _serialiser(field):
    attname = field.attname
    if field.remote_field is not None:
        return lambda obj: getattr(obj, attname)
    plain_pre_save = type(field).pre_save is Field.pre_save
    plain_string = type(field).value_to_string is Field.value_to_string

    def serialise(obj):
        value = getattr(obj, attname) if plain_pre_save else field.pre_save(obj, add=False)
        if isinstance(value, datetime.datetime):
            value = (
                timezone.make_aware(value, timezone.get_default_timezone()).astimezone(datetime.UTC)
                if timezone.is_naive(value)
                else timezone.localtime(value, datetime.UTC)
            )
        if is_protected_type(value):
            return value
        return str(value) if plain_string else field.value_to_string(obj)

    return serialise


def _revision_content(page, entry):
    """What page.serializable_data() gives for a new page, without its per-page queries."""
    data = {name: serialise(page) for name, serialise in _field_serialisers(type(page))}
    data.update(
        categories=[category.pk for category in entry.categories],
        countries=[country.pk for country in entry.countries],
        signatories=[{"pk": None, "page": page.pk, "sort_order": order,
                      "organisation": organisation.pk}
                     for order, organisation in enumerate(entry.organisations)],
    )  # fmt: skip
    data[COMMENTS_RELATION_NAME] = []
    return data


def _create_revisions(pages, entries_of, now):
    statement_type = ContentType.objects.get_for_model(StatementPage)
    page_type = ContentType.objects.get_for_model(Page)
    insert_values(
        Revision,
        ["content_type", "base_content_type", "object_id", "created_at", "object_str", "content"],
        [(statement_type.pk, page_type.pk, str(page.pk), now, page.title,
          _revision_content(page, entries_of[id(page)])) for page in pages],
    )  # fmt: skip
    ids = [page.pk for page in pages]
    newest = (
        Revision.objects.filter(
            base_content_type=page_type, object_id=Cast(OuterRef("pk"), CharField())
        )
        .order_by("-pk")
        .values("pk")[:1]
    )
    # Two set-based UPDATEs instead of Django's per-row CASE in bulk_update.
    Page.objects.filter(pk__in=ids).update(latest_revision=Subquery(newest))
    Page.objects.filter(pk__in=ids, live=True).update(live_revision=F("latest_revision"))


class NewStatement(NamedTuple):
    parent: Page
    page: StatementPage
    categories: Sequence = ()
    countries: Sequence = ()
    organisations: Sequence = ()
    search_terms: tuple | None = None  # (title, body) terms, when worked out already


def create_statements(entries):
    """Create statements in bulk. `entries`: NewStatement tuples (or their first three items).

    Each page needs its fields, locale, translation_key, slug and `live` set; tree fields,
    URL path, revisions, category, country and signatory links are done here. Return the
    saved pages.
    """
    entries = [NewStatement(*entry) for entry in entries]
    if not entries:
        return []
    now = timezone.now()
    statement_type = ContentType.objects.get_for_model(StatementPage)
    by_parent = defaultdict(list)
    for entry in entries:
        by_parent[entry.parent.pk].append(entry)
    pages = []
    for children in by_parent.values():
        parent = Page.objects.get(pk=children[0].parent.pk)
        step = _next_steps(parent)
        for offset, entry in enumerate(children):
            page = entry.page
            page.path = Page._get_path(parent.path, parent.depth + 1, step + offset)
            page.depth, page.numchild = parent.depth + 1, 0
            page.url_path = f"{parent.url_path}{page.slug}/"
            page.content_type = statement_type
            page.draft_title = page.title
            page.has_unpublished_changes = not page.live
            page.latest_revision_created_at = now
            pages.append(page)
        Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(children))
    _insert_pages(pages)
    _create_revisions(pages, {id(entry.page): entry for entry in entries}, now)
    _log_actions(pages, now)
    _create_links(entries)
    live = [page for page in pages if page.live]
    admin_index.add_new(StatementPage, live)
    index_statements(live, {entry.page.pk: entry.search_terms for entry in entries
                            if entry.search_terms})  # fmt: skip
    keys = {page.translation_key for page in live}
    listed.refresh(keys)
    if live:  # no signals on this path: readers' cached pages are dropped here
        content_changed(LISTINGS, *map(statement_tag, keys))
    return pages


def _log_actions(pages, now):
    """Wagtail's page history: "created" for every page, "published" for the live ones, as
    `save_revision().publish()` logs them (the static mirror's `--changed` reads them too)."""
    statement_type = ContentType.objects.get_for_model(StatementPage)
    revisions = dict(Page.objects.filter(pk__in=[page.pk for page in pages])
                     .values_list("pk", "latest_revision_id"))  # fmt: skip
    rows = []
    for page in pages:
        rows.append((page.pk, statement_type.pk, page.draft_title, "wagtail.create", {}, now,
                     None, True))  # fmt: skip
        if page.live:
            rows.append((page.pk, statement_type.pk, page.draft_title, "wagtail.publish", {},
                         now, revisions[page.pk], True))  # fmt: skip
    insert_values(
        PageLogEntry,
        ["page", "content_type", "label", "action", "data", "timestamp", "revision",
         "content_changed"],
        rows,
    )  # fmt: skip


def _create_links(entries):
    for relation, column in (("categories", "category_id"), ("countries", "country_id")):
        through = getattr(StatementPage, relation).through
        pairs = {(entry.page.pk, item.pk) for entry in entries for item in getattr(entry, relation)}
        insert_values(through, ["statementpage_id", column], sorted(pairs))
    insert_values(
        StatementSignatory,
        ["page_id", "organisation_id", "sort_order"],
        [(entry.page.pk, organisation.pk, order)
         for entry in entries for order, organisation in enumerate(entry.organisations)],
    )  # fmt: skip
