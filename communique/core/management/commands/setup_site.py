from django.core.management.base import BaseCommand
from django.db import transaction

from communique.core.site_structure import ensure_site_structure


class Command(BaseCommand):
    help = (
        "Create a locale for every language in settings.LANGUAGES and, in each, the home page, "
        "statement index and organisation directory. Safe to run again: it adds what is missing."
    )

    def add_arguments(self, parser):
        parser.add_argument("--name", help="The network's name (the home page title).")

    def handle(self, *args, name=None, **options):
        with transaction.atomic():
            home = ensure_site_structure(name)
        self.stdout.write(self.style.SUCCESS(f"Site structure ready under “{home.title}”."))
