"""When what readers see last changed: the `Last-Modified` of pages that list statements.

Every change that drops cached pages (core/cache_invalidation.py, and the bulk path that
imports statements without Wagtail's signals) records the time here, in the same
transaction as the change. Reading it is one query by primary key, whatever the size of
the archive, where the latest `last_published_at` of a listing had to scan it — and missed
unpublished statements, renamed categories and deleted pages, which change a listing
without a newer publication date.
"""

from django.utils import timezone

from .models import ContentChange

CONTENT = "content"


def record():
    """Note that something readers see changed now."""
    ContentChange.objects.update_or_create(scope=CONTENT, defaults={"changed_at": timezone.now()})


def last_change():
    """When something readers see last changed, or None if nothing was recorded yet."""
    return ContentChange.objects.filter(scope=CONTENT).values_list("changed_at", flat=True).first()
