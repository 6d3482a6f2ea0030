"""Write the public site as static files (see communique/mirror/exporter.py)."""

import time

from django.core.management.base import BaseCommand, CommandError
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from communique.mirror.exporter import Exporter


class Command(BaseCommand):
    help = "Export every public page, feed, sitemap and the assets they use into DIR."

    def add_arguments(self, parser):
        parser.add_argument("directory")
        parser.add_argument("--changed", action="store_true",
                            help="Only what shows the statements, categories and organisations "
                                 "changed since the last export into DIR (everything if what "
                                 "changed is on every page).")  # fmt: skip
        parser.add_argument("--host", default="localhost",
                            help="Host name the mirror will be served at (absolute links in "
                                 "feeds and the sitemap).")  # fmt: skip
        parser.add_argument("--https", action="store_true", help="Absolute links use https.")
        parser.add_argument("--workers", type=int, default=None,
                            help="Processes rendering pages (default: one per core).")  # fmt: skip

    def handle(self, directory, changed, host, https, workers, **options):
        if workers is not None and workers < 1:
            raise CommandError("--workers must be at least 1.")
        exporter = Exporter(directory, host=host, https=https, workers=workers)
        show = options["verbosity"] > 0
        started = time.perf_counter()
        columns = (SpinnerColumn(), TextColumn("{task.description} {task.completed}"),
                   TimeElapsedColumn())  # fmt: skip
        with Progress(*columns, disable=not show, transient=True) as progress:
            task = progress.add_task("Pages rendered", total=None)
            step = lambda: progress.advance(task)  # noqa: E731
            try:
                result = exporter.changed(step) if changed else exporter.full(step)
            except FileNotFoundError as error:
                raise CommandError(str(error)) from error
        elapsed = time.perf_counter() - started
        if show:
            rendered = result.written + result.unchanged
            self.stdout.write(self.style.SUCCESS(
                ("Whole site exported (something every page shows changed): "
                 if changed and result.whole else "")
                + f"{rendered} pages rendered in {elapsed:.1f} s "
                f"({rendered / elapsed if elapsed else 0:.0f}/s): {result.written} written, "
                f"{result.unchanged} unchanged, {result.removed} removed, "
                f"{result.assets} assets copied; {result.total} pages in the mirror; "
                + (f"{result.indexed} statements in its search index."
                   if result.indexed is not None else "search index unchanged.")
            ))  # fmt: skip
