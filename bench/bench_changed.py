"""`export_static --changed` after one statement is published, on a generated archive.

Usage: python bench/bench_changed.py SIZE   (BENCH_DATABASE_URL selects PostgreSQL; see
bench/archives.py). Needs a full export of the archive in var/bench/SIZE/mirror and makes
one if there is none (about a minute for 10,000 statements, ten for 100,000).
Publishes a statement like the archive's newest (its categories, countries and
signatories), times `--changed`, then deletes the statement and times `--changed` again,
which leaves the mirror as it was. Then the same three times with one exporter that keeps
its renderers warm between exports, as `export_static --watch` does (the first of those
starts cold). Prints one JSON line: {"size": …, "changed_seconds": …, "changed_pages": …,
"changed_indexed": …, "removed_seconds": …, "mirror_pages": …, "warm_changed_seconds":
[…], "warm_removed_seconds": […]} (the warm figures of the second and third rounds).
"""

import datetime
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import archives  # noqa: E402


def publish_like_the_newest():
    """A new statement in the newest statement's language, with what it names."""
    from communique.statements.models import (
        StatementIndexPage,
        StatementPage,
        StatementSignatory,
    )

    model = StatementPage.objects.live().select_related("locale").order_by("-pk").first()
    page = StatementPage(title="Published for the benchmark of --changed",
                         slug=f"bench-changed-{time.time_ns()}", date=datetime.date.today(),
                         body=model.body, locale=model.locale)  # fmt: skip
    StatementIndexPage.objects.get(locale=model.locale).add_child(instance=page)
    page.categories = list(model.categories.all())
    page.countries = list(model.countries.all())
    for signatory in model.signatories.all():
        page.signatories.add(StatementSignatory(organisation=signatory.organisation))
    page.save_revision().publish()
    return page


def reuse_page_ids():
    """Let the next page take the id after the highest one left, as in the archive before
    the benchmark's statements. Ids are never reused otherwise, and once the next one lies
    in a later block of search_index.UNIT ids than the archive's newest statement, every
    round of publishing and deleting would merge and split the search index's blocks:
    hundreds of statements re-indexed a round, a cost real publishing meets once in UNIT."""
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("UPDATE sqlite_sequence SET seq = (SELECT max(id) FROM"
                           " wagtailcore_page) WHERE name = 'wagtailcore_page'")  # fmt: skip
        elif connection.vendor == "postgresql":
            cursor.execute("SELECT setval(pg_get_serial_sequence('wagtailcore_page', 'id'),"
                           " (SELECT max(id) FROM wagtailcore_page))")  # fmt: skip


def publish_and_remove(exporter, exporter_after=None):
    """Publish a statement, time `exporter.changed()`, then take it away again and time
    `(exporter_after or exporter).changed()`: (result, seconds, result, seconds)."""
    page = publish_like_the_newest()
    try:
        started = time.perf_counter()
        result = exporter.changed()
        changed_seconds = time.perf_counter() - started
    finally:  # a failed run must not leave its statement in the archive for the next
        page.delete()
        reuse_page_ids()
    started = time.perf_counter()
    removed = (exporter_after or exporter).changed()
    return result, changed_seconds, removed, time.perf_counter() - started


def measure_changed(directory):
    """Publish a statement, time `--changed` into `directory`, then take it away again;
    then the same in rounds with renderers kept warm (`--watch`)."""
    from communique.mirror.exporter import Exporter

    result, changed_seconds, removed, removed_seconds = publish_and_remove(
        Exporter(directory), Exporter(directory)
    )
    warm = Exporter(directory, warm=True)
    try:
        rounds = [publish_and_remove(warm) for _round in range(3)][1:]
    finally:
        warm.close()
    return {
        "changed_seconds": round(changed_seconds, 2),
        "changed_pages": result.written + result.unchanged,
        "changed_indexed": result.indexed,
        "removed_seconds": round(removed_seconds, 2),
        "mirror_pages": removed.total,
        "warm_changed_seconds": [round(seconds, 2) for _r, seconds, _d, _s in rounds],
        "warm_removed_seconds": [round(seconds, 2) for *_rest, seconds in rounds],
    }


def main(size):
    archives.use(size)
    import django

    django.setup()
    archives.ensure(size)
    from communique.mirror.exporter import Exporter
    from communique.mirror.manifest import Manifest

    directory = archives.BENCH_VAR / str(size) / "mirror"
    if not Manifest(directory).exists():
        print(f"Exporting the {size}-statement archive into {directory} (once)…", file=sys.stderr)
        Exporter(directory).full()
    print(json.dumps({"size": size, **measure_changed(directory)}))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
