"""The work on each post that needs no database, done beside the database writes.

Converting a post's HTML to rich text, taking its plain text, analysing its words for the
search index and fingerprinting it for the next import are pure functions of the post:
about a third of an import's time. `prepared()` runs them in worker processes (forked, so
they start with everything the importer has loaded) and yields the results in the posts'
order, while the importer's own process writes the previous batch. With one core, or a
small export, it runs them in-process instead; the results are the same.
"""

import hashlib
import json
import multiprocessing
import os
from dataclasses import dataclass, field

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
    prepared = Prepared(checksum(item, assignment), fields, warnings)
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


def prepared(items, context, workers=None):
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
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        yield from pool.imap(_prepare_in_worker, items, chunksize=CHUNK_SIZE)


_context = None


def _prepare_in_worker(item):
    return prepare(item, _context)
