"""Write every statement's stored excerpt again (after COMMUNIQUE_EXCERPT_LENGTH changed)."""

from django.core.management.base import BaseCommand
from django.db import transaction

from communique.core import changes, page_cache
from communique.statements.fields import refresh_stored_excerpts
from communique.statements.models import StatementPage


class Command(BaseCommand):
    help = (
        "Work out every statement's excerpt again from its lead or body, at the current "
        "COMMUNIQUE_EXCERPT_LENGTH, and drop cached pages if any changed."
    )

    def handle(self, *args, **options):
        with transaction.atomic():
            changed = refresh_stored_excerpts(StatementPage)
            if changed:
                changes.record(page_cache.SITE)
                transaction.on_commit(lambda: page_cache.invalidate(page_cache.SITE))
        if options["verbosity"] > 0:
            self.stdout.write(self.style.SUCCESS(f"{changed} excerpts written again."))
