"""The work on each post that needs no database, done beside the database writes.

Converting a post's HTML to rich text, taking its plain text, analysing its words for the
search index, fingerprinting it for the next import and building (and checking) the
statement it becomes are pure functions of the post: about half of an import's time.
`prepare_all()` runs them in worker processes (forked, so they start with everything the
importer has loaded) and gives the results in the posts' order, while the importer's own
process writes the previous batch. With one core, or a small export, it runs them
in-process instead; the results are the same.
"""

import hashlib
import json
import multiprocessing
import os
from collections import deque
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import connections, models
from wagtail.contrib.redirects.models import Redirect

from communique.core.excerpts import html_to_text, truncate_text
from communique.search.index import analyse
from communique.statements.models import LEAD_MAX_LENGTH, StatementPage

from .content import convert

# Below this many posts, starting worker processes costs more than it saves.
POOL_THRESHOLD = 400
CHUNK_SIZE = 64
LIVE_STATUSES = {"publish"}
# Text lengths are what an export can get wrong; the rest comes from the importer itself
# (the slug too: made by slugify and cut to 200 characters).
FIELDS_NOT_VALIDATED = [
    field.name
    for field in StatementPage._meta.get_fields()
    if not isinstance(field, models.CharField | models.TextField)
    or field.name in ("path", "url_path", "draft_title", "slug")
]


@dataclass
class Prepared:
    """A post ready to be saved: its fields, what the import noticed, and its search terms."""

    checksum: str
    fields: dict
    warnings: list = field(default_factory=list)
    body_text: str = ""
    search_terms: tuple | None = None  # (title terms, body terms); posts only
    old_paths: set = field(default_factory=set)  # its WordPress URLs, as redirects match them
    statement: StatementPage | None = None  # a post as a new statement, unsaved; see below
    invalid: ValidationError | None = None  # why `statement` could not be made

    def new_statement(self):
        """The statement this post becomes if it is new: fields, body text and dates set and
        checked; the importer gives it its locale, translation key, slug and lead image."""
        if self.invalid is not None:
            raise self.invalid
        return self.statement


@dataclass
class Context:
    """What every post's preparation reads: the same for the whole export."""

    assignments: dict  # wp id -> languages.Assignment
    authors: dict  # login -> display name
    image_for_url: object  # url -> imported image or None


def checksum(item, assignment):
    data = [
        item.title, item.content, item.excerpt, item.status, item.slug, item.author,
        str(item.date), str(item.modified), item.terms, item.meta.get("_thumbnail_id"),
        assignment.language, assignment.group, item.sticky,
    ]  # fmt: skip
    return hashlib.sha256(json.dumps(data, default=str).encode()).hexdigest()


def old_paths(item):
    """The paths under which WordPress served this post, normalised for Wagtail's redirects."""
    paths = {f"/?p={item.wp_id}"}
    if item.post_type == "page":
        paths.add(f"/?page_id={item.wp_id}")
    if item.link:
        parts = urlsplit(item.link)
        paths.add(parts.path + (f"?{parts.query}" if parts.query else ""))
    if item.slug:
        paths.add(f"/{item.slug}/")
    return {Redirect.normalise_path(path) for path in paths if path not in ("", "/")}


def prepare(item, context):
    """Return the Prepared form of one post or page."""
    assignment = context.assignments[item.wp_id]
    converted = convert(item.content, context.image_for_url)
    warnings = list(converted.warnings)
    title = item.title.strip()
    if not title:
        title = truncate_text(html_to_text(item.content), 60) or f"Untitled ({item.wp_id})"
        warnings.append("no title; made one from the text")
    fields = {"title": title, "body": converted.html}
    prepared = Prepared(checksum(item, assignment), fields, warnings, old_paths=old_paths(item))
    if item.post_type != "post":
        return prepared
    lead = html_to_text(item.excerpt)
    if len(lead) > LEAD_MAX_LENGTH:
        warnings.append("excerpt shortened to fit the lead")
        lead = truncate_text(lead, LEAD_MAX_LENGTH)
    author_name = context.authors.get(item.author, item.author)
    fields.update(lead=lead, author_name=author_name, sticky=item.sticky)
    if item.date or item.modified:
        fields["date"] = (item.date or item.modified).date()
    prepared.body_text = html_to_text(converted.html)
    prepared.search_terms = analyse(
        assignment.language, title, [lead, prepared.body_text, author_name]
    )
    try:
        prepared.statement = _statement(item, fields, prepared.body_text)
    except ValidationError as error:
        prepared.invalid = error
    return prepared


def _statement(item, fields, body_text):
    page = StatementPage(live=item.status in LIVE_STATUSES, **fields)
    page.set_body(page.body, body_text)
    if page.live:
        page.first_published_at = item.date
        page.last_published_at = item.modified or item.date
    page.clean_fields(exclude=FIELDS_NOT_VALIDATED)
    # Page.__init__ cached its ContentType; the id is enough, and the object would be
    # pickled back with every page.
    page._state.fields_cache.clear()
    return page


def worker_count():
    """Worker processes to use: all cores but the one the importer writes from."""
    return max(0, min(3, (os.cpu_count() or 1) - 1))


def prepare_all(items, context, workers=None):
    """`prepare(item)` for each of `items`, in order, as a `PreparedStream`.

    `workers`: how many processes; None chooses by the cores and the size of the export.
    """
    if workers is None:
        workers = worker_count() if len(items) >= POOL_THRESHOLD else 0
    return PreparedStream(items, context, workers)


class PreparedStream:
    """An iterator of Prepared posts that can say whether the next one is ready.

    The importer writes a batch early rather than wait idle for the workers (at the start
    of an import the first full batch takes them the better part of a second). Close it
    to stop the workers at once.
    """

    def __init__(self, items, context, workers):
        self._pool, self._ready = None, deque()
        if workers < 1:
            self._results = (prepare(item, context) for item in items)
            return
        global _items, _context
        _items, _context = items, context  # the forked workers read them; nothing is sent
        ContentType.objects.get_for_model(StatementPage)  # cached for Page.__init__ in workers
        self._pool = multiprocessing.get_context("fork").Pool(workers, initializer=_forbid_queries)
        chunks = [range(start, min(start + CHUNK_SIZE, len(items)))
                  for start in range(0, len(items), CHUNK_SIZE)]  # fmt: skip
        self._chunks = self._pool.imap(_prepare_in_worker, chunks)

    def __iter__(self):
        return self

    def __next__(self):
        if self._pool is None:
            return next(self._results)
        if not self._ready:
            self._ready.extend(next(self._chunks))
        return self._ready.popleft()

    def ready(self):
        """Whether the next result can be had without waiting (in-process: always)."""
        if self._pool is None or self._ready:
            return True
        try:
            self._ready.extend(self._chunks.next(timeout=0))
        except multiprocessing.TimeoutError:
            return False
        except StopIteration:
            pass
        return True

    def close(self):
        if self._pool is not None:
            self._pool.terminate()
            self._pool = None
            global _items, _context
            _items = _context = None


_items = _context = None


class WorkerQueryError(RuntimeError):
    pass


def _refuse(*args):
    raise WorkerQueryError("a worker process must not use the importer's database connection")


def _forbid_queries():
    """A forked worker holds a copy of the importer's open connection, mid-transaction:
    a query through it would corrupt the transaction, so any query is an error."""
    for connection in connections.all():
        connection.execute_wrappers.append(_refuse)


def _prepare_in_worker(indexes):
    return [prepare(_items[index], _context) for index in indexes]
