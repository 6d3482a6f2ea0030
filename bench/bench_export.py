"""Static export throughput (pages per second) on a generated archive.

Usage: python bench/bench_export.py SIZE [MAX_PAGES]   (BENCH_DATABASE_URL selects
PostgreSQL; see bench/archives.py). Runs the full export of `manage.py export_static` into
a temporary directory, every page of it (10,000 statements: ~52,000 pages in about a
minute here; 100,000: ~500,000 pages in about ten), or only the first MAX_PAGES. A capped
run is not the whole mix: the export renders the statements first, in bulk, then the
listings, archives and feeds, so the first 20,000 pages of 100,000 statements are all
statement pages — a cap once hid that the whole export of 100,000 ran at a third of the
rate of 10,000 (see bench/HISTORY.md, the fifteenth stop). After a whole export, times
`--changed` for one statement published (bench_changed.py). Prints one JSON line: {"size": …,
"export_pages": …, "export_seconds": …, "export_pages_per_s": …, "whole": …,
"changed_seconds": …, …}.
"""

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import archives  # noqa: E402
import scratch  # noqa: E402
from bench_changed import measure_changed  # noqa: E402


class Enough(Exception):
    pass


def main(size, max_pages):
    archives.use(size)
    import django

    django.setup()
    archives.ensure(size)
    from communique.mirror.exporter import Exporter

    rendered = 0

    def progress():
        nonlocal rendered
        rendered += 1
        if rendered >= max_pages:
            raise Enough

    with scratch.directory("communique-export-") as directory:
        started, changed = time.perf_counter(), {}
        try:
            Exporter(directory).full(progress)
            elapsed = time.perf_counter() - started
            changed = measure_changed(directory)
        except Enough:
            elapsed = time.perf_counter() - started
    print(json.dumps({"size": size, "export_pages": rendered, "export_seconds": round(elapsed, 2),
                      "export_pages_per_s": round(rendered / elapsed, 1),
                      "whole": rendered < max_pages, **changed}))  # fmt: skip


if __name__ == "__main__":
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    main(size, int(sys.argv[2]) if len(sys.argv) > 2 else float("inf"))
