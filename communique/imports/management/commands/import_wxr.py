import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from communique.imports.importer import Importer, Options
from communique.imports.wxr import WxrError


def parse_locale_map(value):
    """ "en_US=en,el_GR=el" -> {"en_US": "en", "el_GR": "el"}."""
    mapping = {}
    for pair in filter(None, (value or "").split(",")):
        if "=" not in pair:
            raise CommandError(f"--locale-map entries look like wp_code=our_code, not {pair!r}")
        source, target = pair.split("=", 1)
        mapping[source.strip()] = target.strip()
    return mapping


class Command(BaseCommand):
    help = (
        "Import a WordPress export (WXR): posts become statements in their language, pages "
        "become pages, Polylang/WPML translations become translation groups, and every old "
        "URL redirects (301) to its new home. Safe to run again; one transaction."
    )

    def add_arguments(self, parser):
        parser.add_argument("export", type=Path, help="The WXR file (Tools → Export).")
        parser.add_argument(
            "--media-dir",
            type=Path,
            help="A copy of wp-content/uploads; without it media is reported.",
        )
        parser.add_argument(
            "--locale-map",
            default="",
            help="Map WordPress language codes to ours: en_US=en,el_GR=el",
        )
        parser.add_argument(
            "--default-locale",
            help="The language of posts with no language information that "
            "detection cannot place (default: the export's language).",
        )
        parser.add_argument(
            "--category-map",
            type=Path,
            help="JSON file {wordpress slug: our slug, or null to drop}.",
        )
        parser.add_argument("--dry-run", action="store_true",
                            help="Report what would happen and write nothing.")  # fmt: skip
        parser.add_argument(
            "--workers",
            type=int,
            help="Processes that convert posts beside the one that writes (default: one per "
            "core beyond the first, for exports of 400 posts or more; 0: none).",
        )

    def handle(self, *args, **options):
        console = Console(file=self.stdout, stderr=False)
        importer_options = self.importer_options(options)
        with Progress(TextColumn("Importing"), BarColumn(), MofNCompleteColumn(),
                      TimeElapsedColumn(), console=console, transient=True,
                      disable=options["verbosity"] == 0) as progress:  # fmt: skip

            def start(total):
                task = progress.add_task("import", total=total)
                return lambda: progress.advance(task)

            try:
                summary = Importer(options["export"], importer_options, start).run()
            except WxrError as error:
                raise CommandError(f"{options['export']}: {error}") from error
        self.report(console, summary)

    def importer_options(self, options):
        if not options["export"].is_file():
            raise CommandError(f"No such file: {options['export']}")
        if options["workers"] is not None and options["workers"] < 0:
            raise CommandError("--workers is a number of processes: 0 or more")
        category_map = None
        if options["category_map"]:
            try:
                category_map = json.loads(options["category_map"].read_text())
            except (OSError, ValueError) as error:
                raise CommandError(f"--category-map: {error}") from error
        return Options(
            media_dir=options["media_dir"], default_locale=options["default_locale"],
            locale_map=parse_locale_map(options["locale_map"]), category_map=category_map,
            dry_run=options["dry_run"], workers=options["workers"],
        )  # fmt: skip

    def report(self, console, summary):
        table = Table(title="Dry run: nothing was written" if summary.dry_run else "Imported")
        table.add_column("what")
        table.add_column("count", justify="right")
        for label, counter in (
            ("kind", summary.by_kind),
            ("language", summary.by_language),
            ("status", summary.by_status),
            ("action", summary.actions),
        ):
            for key, value in sorted(counter.items()):
                table.add_row(f"{label}: {key}", str(value))
        table.add_row("translation groups", str(summary.translation_groups))
        table.add_row("redirects", str(summary.redirects))
        table.add_row("skipped", str(len(summary.skipped)))
        table.add_row("warnings", str(len(summary.warnings)))
        console.print(table)
        for wp_id, post_type, reason in summary.skipped:
            console.print(f"skipped #{wp_id} ({post_type}): {reason}", markup=False)
        for wp_id, message in summary.warnings:
            console.print(f"warning #{wp_id}: {message}", markup=False)
