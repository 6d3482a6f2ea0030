"""Where a whole static export's time goes, on a generated archive (not a benchmark figure:
the tools the thirteenth stop used to find out, for whoever works on the export next).

Usage: python bench/export_profile.py SIZE [--kinds] [--profile FILE]
(BENCH_DATABASE_URL selects PostgreSQL; see bench/archives.py.)

Without options: the export as `export_static` runs it (a worker per core), its wall time,
and the CPU of the exporting process and of its children (the workers and Pagefind), so
that the share each takes shows. `--kinds`: the export in one process, with the time spent
on each kind of page (statements, listings, months, feeds…) and per page, collecting
garbage as a worker does. `--profile FILE`
(with `--kinds`): a cProfile of that one-process export in FILE (read it with `pstats`).

Write the mirror to a tmpfs to leave the disk out (`BENCH_SCRATCH=/dev/shm/…`): on these
machines' ext4, files made soon after a large deletion cost several times the CPU (see
bench/scratch.py).
"""

import argparse
import collections
import gc
import re
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import archives  # noqa: E402
import scratch  # noqa: E402

LANGUAGE = re.compile(r"^/[a-z]{2}/")
ARCHIVES = ("category", "country", "page")


def kind_of(path):
    """A page's kind, from its address: feed, full feed, listing, category, month…"""
    path = LANGUAGE.sub("/L/", path)
    if "/feeds/" in path:
        return "feed (full)" if "/full/" in path else "feed"
    if path == "/L/":
        return "home"
    if not path.startswith("/L/statements/"):
        parts = path.split("/")
        return parts[2] if path.startswith("/L/") and len(parts) > 2 else path
    rest = path[len("/L/statements/") :]
    first = rest.split("/")[0]
    if not rest:
        return "listing, first page"
    if first == "page":
        return "listing, later pages"
    if first in ARCHIVES:
        return first
    if re.fullmatch(r"\d{4}", first):
        return "month" if re.match(r"\d{4}/\d{2}/", rest) else "year"
    return "other"


def split(size, directory):
    from communique.mirror.exporter import Exporter

    before = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = Exporter(directory).full()
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    parent, children = ((end.ru_utime - start.ru_utime, end.ru_stime - start.ru_stime)
                        for start, end in zip(before, after, strict=True))  # fmt: skip
    print(f"{size} statements: {result.total} pages in {wall:.2f} s, "
          f"{result.total / wall:.0f} pages/s")  # fmt: skip
    print(f"CPU, exporting process: {parent[0]:.2f} s user + {parent[1]:.2f} s system")
    print(f"CPU, workers and Pagefind: {children[0]:.2f} s user + {children[1]:.2f} s system")


def kinds(size, directory, profile):
    from communique.mirror import exporter

    spent, counted = collections.Counter(), collections.Counter()
    run = exporter.Renderer._run

    def timed(renderer, task):
        kind, items = task
        started = time.perf_counter()
        outcome = run(renderer, task)
        gc.collect(1)  # as a worker collects (mirror/workers.py)
        elapsed = time.perf_counter() - started
        names = [kind_of(path) for path in items] if kind == "paths" else [kind] * len(items)
        for name in names:
            spent[name] += elapsed / len(names)
            counted[name] += 1
        return outcome

    exporter.Renderer._run = timed
    gc.disable()
    started = time.perf_counter()
    if profile:
        import cProfile

        cProfile.runctx("exporter.Exporter(directory, workers=1).full()", globals(),
                        {"exporter": exporter, "directory": directory}, profile)  # fmt: skip
    else:
        exporter.Exporter(directory, workers=1).full()
    total = time.perf_counter() - started
    print(f"{size} statements, one process: {sum(counted.values())} pages in {total:.2f} s")
    for name, seconds in spent.most_common():
        print(f"{name:24} {counted[name]:7} pages {seconds:8.2f} s "
              f"{1000 * seconds / counted[name]:7.2f} ms a page")  # fmt: skip


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("size", type=int)
    parser.add_argument("--kinds", action="store_true")
    parser.add_argument("--profile")
    options = parser.parse_args()
    archives.use(options.size)
    import django

    django.setup()
    archives.ensure(options.size)
    with scratch.directory("communique-export-profile-") as directory:
        if options.kinds:
            kinds(options.size, directory, options.profile)
        else:
            split(options.size, directory)


if __name__ == "__main__":
    main()
