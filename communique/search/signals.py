"""Index statements when they are published, drop them when they are unpublished."""

from django.db.models.signals import post_delete, post_migrate, post_save
from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_unpublished

from communique.organisations.models import Organisation
from communique.statements.models import StatementPage

from .index import index_statements, remove_statements


def statement_published(sender, instance, **kwargs):
    index_statements([instance])


def statement_unpublished(sender, instance, **kwargs):
    remove_statements([instance.pk])


def organisation_saved(sender, instance, created, raw=False, **kwargs):
    """A signatory's new name is found in the statements it signed."""
    if created or raw:
        return
    signed = StatementPage.objects.live().filter(signatories__organisation=instance)
    index_statements(signed.select_related("locale").distinct())


def restriction_changed(sender, instance, **kwargs):
    """A view restriction hides (or shows again) every statement under its page."""
    under = StatementPage.objects.filter(path__startswith=instance.page.path)
    index_statements(under.select_related("locale"))


def fill_after_migrate(sender, plan=(), **kwargs):
    """Index the published statements that have no entry, when the index is empty (a
    database that had statements before the index existed) or after a migration of the
    index (0008 drops the entries to have them written again, with filter terms and Korean
    split by script). Other runs of `migrate` skip the search: on 100,000 statements it
    takes a second and a half."""
    from .index import index_missing
    from .models import SearchEntry

    migrated = any(migration.app_label == sender.label and not backwards
                   for migration, backwards in plan)  # fmt: skip
    if migrated or not SearchEntry.objects.exists():
        index_missing()


def connect(app_config):
    page_published.connect(statement_published, sender=StatementPage)
    page_unpublished.connect(statement_unpublished, sender=StatementPage)
    post_save.connect(organisation_saved, sender=Organisation)
    post_save.connect(restriction_changed, sender=PageViewRestriction)
    post_delete.connect(restriction_changed, sender=PageViewRestriction)
    post_migrate.connect(fill_after_migrate, sender=app_config)
