from django.core.management.base import BaseCommand
from django.db import transaction

from communique.editorial.roles import ensure_roles


class Command(BaseCommand):
    help = (
        "Create the editorial groups (Coordinators, Editors, Translators per locale) with their "
        "permissions, and the coordinator-approval workflow. Safe to run again."
    )

    def handle(self, *args, **options):
        with transaction.atomic():
            groups = ensure_roles()
        self.stdout.write(self.style.SUCCESS(f"{len(groups)} editorial groups ready."))
