"""What drops which cached pages (see page_cache.py): one place for every kind of change.

Each change is also recorded as the time content last changed, with the tags it dropped
(changes.py: `Last-Modified`, and what the static mirror's `--changed` renders again).
"""

from django.db.models.signals import post_delete, post_save
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import changes
from .page_cache import CATEGORIES, LISTINGS, ORGANISATIONS, SITE, invalidate, statement_tag


def content_changed(*tags):
    """Drop the cached pages that show these tags, and note the time of the change."""
    invalidate(*tags)
    changes.record(*tags)


def page_changed(sender, instance, **kwargs):
    """A page published, unpublished, deleted or moved. A statement changes its own pages and
    the listings (a move changes its address, as a new slug does); any other page (home
    pages, indexes, standard pages) the navigation and language links of every page."""
    from communique.statements.models import StatementPage

    if type(instance) is Page:  # a deleted page's base row, a moved page
        instance = instance.specific_deferred
    if isinstance(instance, StatementPage):
        content_changed(statement_tag(instance.translation_key), LISTINGS)
    else:
        content_changed(SITE)


def redirect_changed(sender, instance, raw=False, **kwargs):
    """No cached page shows a redirect (the live site answers only addresses no page
    answers), but the static mirror has a page for each (mirror/redirects.py)."""
    if not raw:
        changes.record(changes.redirect_tag(instance.pk))


def snippet_changed(kind, *also):
    def handler(sender, instance, raw=False, **kwargs):
        if not raw:
            content_changed(f"{kind}:{instance.translation_key}", LISTINGS, *also)

    return handler


def everything_changed(sender, raw=False, **kwargs):
    if not raw:
        content_changed(SITE)


def connect():
    from communique.core.models import Country
    from communique.organisations.models import Organisation
    from communique.statements.models import Category

    page_published.connect(page_changed)
    page_unpublished.connect(page_changed)
    post_delete.connect(page_changed, sender=Page)
    post_page_move.connect(page_changed)
    post_save.connect(redirect_changed, sender=Redirect)
    post_delete.connect(redirect_changed, sender=Redirect)
    for model, kind, *also in ((Category, "category", CATEGORIES),
                               (Organisation, "organisation", ORGANISATIONS)):  # fmt: skip
        post_save.connect(snippet_changed(kind, *also), sender=model, weak=False)
        post_delete.connect(snippet_changed(kind, *also), sender=model, weak=False)
    for model in (Country, Locale, Site, PageViewRestriction):
        post_save.connect(everything_changed, sender=model)
        post_delete.connect(everything_changed, sender=model)
