"""Rewrite the statements' search index from the live statements."""

from django.core.management.base import BaseCommand
from rich.progress import Progress

from communique.search.index import rebuild
from communique.statements.models import StatementPage


class Command(BaseCommand):
    help = "Rebuild the statements' search index (every language) from the live statements."

    def handle(self, *args, **options):
        total = StatementPage.objects.published().count()
        show = options["verbosity"] > 0
        with Progress(disable=not show, transient=True) as progress:
            task = progress.add_task("Indexing statements", total=total)
            indexed = rebuild(lambda count: progress.advance(task, count))
        if show:
            self.stdout.write(self.style.SUCCESS(f"Indexed {indexed} statements."))
