"""Keep the listing tables current when statements, restrictions or locales change."""

from django.db.models.signals import post_delete, post_migrate, post_save, pre_delete
from wagtail.models import Locale, PageViewRestriction
from wagtail.signals import page_published, page_unpublished

from communique.organisations.models import Organisation

from . import listed
from .models import Category, ListedStatement, StatementPage


def statement_changed(sender, instance, **kwargs):
    listed.refresh([instance.translation_key])


def statement_deleting(sender, instance, **kwargs):
    """Note the rows the deletion will take with it, so that `statement_deleted` recounts."""
    instance._listing_rows = listed.rows_of([instance.translation_key])


def statement_deleted(sender, instance, **kwargs):
    listed.refresh([instance.translation_key], touched=getattr(instance, "_listing_rows", ()))


def restriction_changed(sender, instance, **kwargs):
    """A view restriction hides or shows every statement under its page."""
    keys = StatementPage.objects.filter(path__startswith=instance.page.path).values_list(
        "translation_key", flat=True
    )
    listed.refresh(set(keys))


def category_deleting(sender, instance, **kwargs):
    """Note the statements in a category that is going: their links go by cascade."""
    instance._statement_keys = set(instance.statements.values_list("translation_key", flat=True))


def organisation_deleting(sender, instance, **kwargs):
    """Note the statements an organisation that is going signed: its signatures go by
    cascade, and with them its place in those statements' listings."""
    signed = StatementPage.objects.filter(signatories__organisation=instance)
    instance._statement_keys = set(signed.values_list("translation_key", flat=True))


def links_deleted(sender, instance, **kwargs):
    """A category or organisation is gone: relist the statements it was linked to."""
    listed.refresh(getattr(instance, "_statement_keys", ()))


def locale_saved(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        listed.rebuild()


def fill_after_migrate(sender, **kwargs):
    """Fill the listing tables of a database that had statements before they existed."""
    if not ListedStatement.objects.exists() and StatementPage.objects.live().exists():
        listed.rebuild()


def connect(app_config):
    page_published.connect(statement_changed, sender=StatementPage)
    page_unpublished.connect(statement_changed, sender=StatementPage)
    pre_delete.connect(statement_deleting, sender=StatementPage)
    post_delete.connect(statement_deleted, sender=StatementPage)
    post_save.connect(restriction_changed, sender=PageViewRestriction)
    post_delete.connect(restriction_changed, sender=PageViewRestriction)
    pre_delete.connect(category_deleting, sender=Category)
    post_delete.connect(links_deleted, sender=Category)
    pre_delete.connect(organisation_deleting, sender=Organisation)
    post_delete.connect(links_deleted, sender=Organisation)
    post_save.connect(locale_saved, sender=Locale)
    post_migrate.connect(fill_after_migrate, sender=app_config)
