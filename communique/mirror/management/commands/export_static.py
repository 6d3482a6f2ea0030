"""Write the public site as static files (see communique/mirror/exporter.py), once or, with
`--watch`, whenever content changes (communique/mirror/watch.py)."""

import signal
import threading
import time

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from communique.mirror import watch
from communique.mirror.exporter import Exporter
from communique.mirror.lock import MirrorBusy


class Command(BaseCommand):
    help = "Export every public page, feed, sitemap and the assets they use into DIR."

    def add_arguments(self, parser):
        parser.add_argument("directory")
        parser.add_argument("--changed", action="store_true",
                            help="Only what shows the statements, categories, organisations and "
                                 "redirects changed since the last export into DIR (everything "
                                 "if what changed is on every page).")  # fmt: skip
        parser.add_argument("--watch", action="store_true",
                            help="Keep running: export what changed whenever content changes "
                                 "(a full export first if DIR has none). Ctrl-C or SIGTERM "
                                 "stops it once the export under way is done.")  # fmt: skip
        parser.add_argument(
            "--interval",
            type=float,
            default=2.0,
            help="With --watch: seconds between looks for changes (default 2).",
        )
        parser.add_argument("--host", default="localhost",
                            help="Host name the mirror will be served at (absolute links in "
                                 "feeds and the sitemap).")  # fmt: skip
        parser.add_argument("--https", action="store_true", help="Absolute links use https.")
        parser.add_argument("--workers", type=int, default=None,
                            help="Processes rendering pages (default: one per core).")  # fmt: skip

    def handle(self, directory, changed, host, https, workers, **options):
        if workers is not None and workers < 1:
            raise CommandError("--workers must be at least 1.")
        if options["interval"] <= 0:
            raise CommandError("--interval must be more than 0 seconds.")
        if options["watch"]:
            # Its renderers stay warm from one export to the next (workers.Kept).
            exporter = Exporter(directory, host=host, https=https, workers=workers, warm=True)
            try:
                return self.watch(exporter, options["interval"])
            finally:
                exporter.close()
        exporter = Exporter(directory, host=host, https=https, workers=workers)
        show = options["verbosity"] > 0
        started = time.perf_counter()
        columns = (SpinnerColumn(), TextColumn("{task.description} {task.completed}"),
                   TimeElapsedColumn())  # fmt: skip
        # Refreshed from here, not by rich's refresh thread: the export forks its renderers,
        # and no other thread may be running then (a fork copies the locks it holds).
        with Progress(*columns, disable=not show, transient=True, auto_refresh=False) as progress:
            task = progress.add_task("Pages rendered", total=None)
            step = _stepper(progress, task)
            try:
                result = exporter.changed(step) if changed else exporter.full(step)
            except (FileNotFoundError, MirrorBusy) as error:
                raise CommandError(str(error)) from error
        if show:
            self.stdout.write(self.style.SUCCESS(summary(result, time.perf_counter() - started)))

    def watch(self, exporter, interval):
        stop = threading.Event()
        for number in (signal.SIGINT, signal.SIGTERM):
            # Forked renderers inherit this too: the export under way finishes.
            signal.signal(number, lambda *_args: stop.set())
        self.stdout.write(f"Watching for changes every {interval:g} s, exporting into "
                          f"{exporter.directory}; Ctrl-C stops.")  # fmt: skip

        def report(outcome, seconds):
            moment = timezone.localtime().strftime("%Y-%m-%d %H:%M:%S")
            if isinstance(outcome, MirrorBusy):
                self.stderr.write(f"{moment} {outcome} (looking again in {interval:g} s)")
            elif isinstance(outcome, Exception):
                self.stderr.write(f"{moment} export failed after {seconds:.1f} s: {outcome!r}")
            else:
                self.stdout.write(f"{moment} {summary(outcome, seconds)}")

        watch.watch(exporter, interval, report, stop)
        self.stdout.write("Stopped.")


def summary(result, elapsed):
    """One line on an export's Result, `elapsed` seconds long."""
    rendered = result.written + result.unchanged
    return (
        ("Whole site exported: " if result.whole else "")
        + f"{rendered} pages rendered in {elapsed:.1f} s "
        f"({rendered / elapsed if elapsed else 0:.0f}/s): {result.written} written, "
        f"{result.unchanged} unchanged, {result.removed} removed, "
        f"{result.assets} assets copied; {result.total} pages in the mirror; "
        + (f"{result.indexed} statements in its search index."
           if result.indexed is not None else "search index unchanged.")
    )  # fmt: skip


def _stepper(progress, task, refresh_every=0.1):
    """A step for each page rendered: one more on `task`, the display redrawn at most every
    `refresh_every` seconds."""
    last_refresh = 0.0

    def step():
        nonlocal last_refresh
        progress.advance(task)
        now = time.monotonic()
        if now - last_refresh >= refresh_every:
            last_refresh = now
            progress.refresh()

    return step
