"""Add a generated archive of statements, for benchmarks (see communique/demo/archive.py)."""

from django.core.management.base import BaseCommand, CommandError
from rich.progress import Progress

from communique.demo.archive import VOCABULARY, ArchiveGenerator


class Command(BaseCommand):
    help = "Add COUNT generated statements in translation groups (for benchmarks)."

    def add_arguments(self, parser):
        parser.add_argument("count", type=int)
        parser.add_argument("--languages", default="en,es,el",
                            help=f"Comma-separated, among {', '.join(VOCABULARY)}.")  # fmt: skip
        parser.add_argument("--seed", type=int, default=1)

    def handle(self, count, languages, seed, **options):
        if count < 1:
            raise CommandError("COUNT must be at least 1.")
        try:
            generator = ArchiveGenerator(languages.split(","), seed=seed)
        except ValueError as error:
            raise CommandError(str(error)) from error
        show = options["verbosity"] > 0
        with Progress(disable=not show, transient=True) as progress:
            task = progress.add_task("Generating statements", total=count)
            generator.generate(count, lambda done: progress.advance(task, done))
        if show:
            self.stdout.write(self.style.SUCCESS(f"Added {count} statements."))
