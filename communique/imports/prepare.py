"""The work on each post that needs no database, done beside the database writes.

Converting a post's HTML to rich text, taking its plain text, analysing its words for the
search index and fingerprinting it for the next import are pure functions of the post:
about a third of an import's time. `prepare_all()` runs them in worker processes (forked, so
they start with everything the importer has loaded) and yields the results in the posts'
order, while the importer's own process writes the previous batch. With one core, or a
small export, it runs them in-process instead; the results are the same.
"""

import hashlib
import json
import multiprocessing
import os
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.db import connections
from wagtail.contrib.redirects.models import Redirect

from communique.core.excerpts import html_to_text, truncate_text
from communique.search.index import analyse
from communique.statements.models import LEAD_MAX_LENGTH

from .content import convert

# Below this many posts, starting worker processes costs more than it saves.
POOL_THRESHOLD = 400
CHUNK_SIZE = 64


@dataclass
class Prepared:
    """A post ready to be saved: its fields, what the import noticed, and its search terms."""

    checksum: str
    fields: dict
    warnings: list = field(default_factory=list)
    body_text: str = ""
    search_terms: tuple | None = None  # (title terms, body terms); posts only
    old_paths: set = field(default_factory=set)  # its WordPress URLs, as redirects match them


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
    return prepared


def worker_count():
    """Worker processes to use: all cores but the one the importer writes from."""
    return max(0, min(3, (os.cpu_count() or 1) - 1))


def prepare_all(items, context, workers=None):
    """Yield `prepare(item)` for each of `items`, in order.

    `workers`: how many processes; None chooses by the cores and the size of the export.
    """
    if workers is None:
        workers = worker_count() if len(items) >= POOL_THRESHOLD else 0
    if workers < 1:
        for item in items:
            yield prepare(item, context)
        return
    global _context
    _context = context
    with multiprocessing.get_context("fork").Pool(workers, initializer=_forbid_queries) as pool:
        yield from pool.imap(_prepare_in_worker, items, chunksize=CHUNK_SIZE)


_context = None


class WorkerQueryError(RuntimeError):
    pass


def _refuse(*args):
    raise WorkerQueryError("a worker process must not use the importer's database connection")


def _forbid_queries():
    """A forked worker holds a copy of the importer's open connection, mid-transaction:
    a query through it would corrupt the transaction, so any query is an error."""
    for connection in connections.all():
        connection.execute_wrappers.append(_refuse)


def _prepare_in_worker(item):
    return prepare(item, _context)
