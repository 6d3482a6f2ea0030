"""When what readers see last changed: the `Last-Modified` of pages that list statements.

Every change that drops cached pages (core/cache_invalidation.py, and the bulk path that
imports statements without Wagtail's signals) records the time here, in the same
transaction as the change. Reading it is one query by primary key, whatever the size of
the archive, where the latest `last_published_at` of a listing had to scan it — and missed
unpublished statements, renamed categories and deleted pages, which change a listing
without a newer publication date.

Each cache tag a change drops (page_cache.py) is recorded too, with the time it last
changed, for the static mirror's `--changed` (mirror/changes.py): the site as a whole, a
category, an organisation, the organisation directory; and each of Wagtail's redirects
saved or deleted (`redirect:<id>`), which the mirror keeps as pages. Statements' own tags
are left out: the mirror finds a statement's changes in Wagtail's page log, and the bulk
importer would record thousands of them.
"""

from django.utils import timezone

from .models import ContentChange
from .page_cache import LISTINGS, statement_tag

CONTENT = "content"
STATEMENT_TAG = statement_tag("")
REDIRECT_TAG = "redirect:"  # not a cache tag: the mirror has a page for each redirect


def redirect_tag(redirect_id):
    return f"{REDIRECT_TAG}{redirect_id}"


def record(*tags):
    """Note that something readers see changed now, and which of the cache `tags`."""
    now = timezone.now()
    noted = [tag for tag in tags if tag != LISTINGS and not tag.startswith(STATEMENT_TAG)]
    for scope in (CONTENT, *noted):
        ContentChange.objects.update_or_create(scope=scope, defaults={"changed_at": now})


def tags_changed_since(moment):
    """The cache tags `record` noted at `moment` or later."""
    changed = ContentChange.objects.filter(changed_at__gte=moment).exclude(scope=CONTENT)
    return set(changed.values_list("scope", flat=True))


def last_change():
    """When something readers see last changed, or None if nothing was recorded yet."""
    return ContentChange.objects.filter(scope=CONTENT).values_list("changed_at", flat=True).first()
