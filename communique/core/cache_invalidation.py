"""What drops which cached pages (see page_cache.py): one place for every kind of change.

Each change is also recorded as the time content last changed, with the tags it dropped
(changes.py: `Last-Modified`, and what the static mirror's `--changed` renders again).
"""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import changes
from .page_cache import LISTINGS, ORGANISATIONS, SITE, invalidate, statement_tag


def content_changed(*tags):
    """Drop the cached pages that show these tags, and note the time of the change."""
    invalidate(*tags)
    changes.record(*tags)


def page_changed(sender, instance, **kwargs):
    from communique.statements.models import StatementPage

    if isinstance(instance, StatementPage):
        content_changed(statement_tag(instance.translation_key), LISTINGS)
    else:  # home pages, indexes, standard pages: navigation and language links everywhere
        content_changed(SITE)


def page_deleted(sender, instance, **kwargs):
    page_changed(sender, instance.specific_deferred if type(instance) is Page else instance)


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
    post_delete.connect(page_deleted, sender=Page)
    post_page_move.connect(everything_changed)
    for model, kind, *also in ((Category, "category"),
                               (Organisation, "organisation", ORGANISATIONS)):  # fmt: skip
        post_save.connect(snippet_changed(kind, *also), sender=model, weak=False)
        post_delete.connect(snippet_changed(kind, *also), sender=model, weak=False)
    for model in (Country, Locale, Site, PageViewRestriction):
        post_save.connect(everything_changed, sender=model)
        post_delete.connect(everything_changed, sender=model)
