"""Recompute the listing tables (which version each locale lists, positions, month counts)."""

from django.core.management.base import BaseCommand

from communique.statements.listed import rebuild


class Command(BaseCommand):
    help = "Recompute what each locale lists, after a bulk change made outside Communiqué."

    def handle(self, *args, **options):
        rows = rebuild()
        if options["verbosity"] > 0:
            self.stdout.write(self.style.SUCCESS(f"{rows} listing rows written."))
