from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from communique.demo.loader import ensure_demo_admin, load_demo
from communique.statements.models import StatementPage


class Command(BaseCommand):
    help = (
        "Load the demo network (statements in ten languages, organisations, categories) and a "
        "demo admin user. Safe to run again: it adds only what is missing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing when the database already holds statements.",
        )
        parser.add_argument("--no-admin", action="store_true",
                            help="Do not create the demo admin user.")  # fmt: skip

    def handle(self, *args, if_empty=False, no_admin=False, **options):
        if if_empty and StatementPage.objects.exists():
            self.stdout.write("The database already holds statements; demo not loaded.")
            return
        with transaction.atomic():
            created = load_demo()
            username, password = (None, None) if no_admin else ensure_demo_admin()
        self.stdout.write(
            self.style.SUCCESS(f"Demo network loaded: {created} statement pages added.")
        )
        if password:
            self.stdout.write(
                f"Demo admin: {username} / {password} "
                f"(saved in {settings.COMMUNIQUE_DEMO_LOGIN_FILE})"
            )
