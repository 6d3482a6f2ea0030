"""The instructions the static export's pages cost, counted by valgrind (not a benchmark
figure: the yardstick the ninth to eighteenth stops judged their changes by, because these
machines' speed swings by up to two times within the hour and a count of instructions
does not).

Usage: python bench/export_instructions.py [SIZE] [LANGUAGE]   (default 1000 es;
BENCH_DATABASE_URL selects PostgreSQL; see bench/archives.py). Needs valgrind.

Exports the archive whole once, into a folder kept for the next run (BENCH_SCRATCH, else
/dev/shm), for the order its crawl rendered the pages in (the manifest's). Then renders
LANGUAGE's pages as an export's worker renders them — its statement pages in bulk, then
the crawl's pages eight at a time in that order, with the worker's garbage collection — under
`valgrind --tool=callgrind`, once without pages (the start-up) and once with them, side by
side, with a fixed hash seed, and prints one JSON line: {"size": …, "language": …, "pages": …,
"instructions": … (the pages', start-up subtracted), "per_page": …}. About five minutes on
1,000 statements; two runs of the same code agree to ~0.1 %.

To compare two versions, run it in a `git worktree` of each (their `var` and `.venv`
symlinked to one checkout's) and `diff -r` a whole export of each: a change to rendering
should leave every byte as it was.
"""

import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import archives  # noqa: E402

COLLECTED = re.compile(r"Collected : (\d+)")


def mirror_folder(size):
    # A tmpfs: on these machines' ext4, files made soon after a deletion cost more (scratch.py).
    base = os.environ.get("BENCH_SCRATCH") or "/dev/shm"  # noqa: S108
    return Path(base) / f"communique-instructions-{size}"


def crawl_order(mirror, language):
    """The paths of `language`'s pages other than statements, in the order the export that
    wrote `mirror` rendered them."""
    from communique.mirror.manifest import NAME

    with sqlite3.connect(mirror / NAME) as db:
        rows = db.execute("SELECT path FROM pages WHERE statement IS NULL ORDER BY id")
        return [path for (path,) in rows if path.split("/")[1] == language]


def render(size, language, with_pages):
    """Render `language`'s pages of the mirror as a worker does (see the docstring): through
    the worker's own start and task functions (mirror/workers.py), which set its garbage
    collection."""
    from django.test import override_settings

    from communique.mirror import workers
    from communique.mirror.exporter import MIRROR_SETTINGS, PATHS_PER_TASK, Renderer
    from communique.mirror.statement_pages import chunks, public_statements_by_language

    mirror = mirror_folder(size)
    paths = crawl_order(mirror, language)
    output = mirror.with_name(mirror.name + "-rendered")
    shutil.rmtree(output, ignore_errors=True)
    with override_settings(**MIRROR_SETTINGS):
        workers._start(Renderer(output, "localhost", False))
        tasks = []
        if with_pages:
            tasks += [("statements", ids)
                      for ids in chunks(public_statements_by_language().get(language, []))]  # fmt: skip
            tasks += [("paths", paths[start : start + PATHS_PER_TASK])
                      for start in range(0, len(paths), PATHS_PER_TASK)]  # fmt: skip
        rendered = sum(len(workers._run(task)[0]) for task in tasks)
    shutil.rmtree(output, ignore_errors=True)
    return rendered


def counted(size, language):
    """Instructions of `render` under callgrind, (without pages, with them): the two runs
    side by side, one a core (valgrind runs a program on one)."""
    valgrind = shutil.which("valgrind") or sys.exit("valgrind is not installed")
    command = [valgrind, "--tool=callgrind", "--callgrind-out-file=/dev/null", "--dump-instr=no",
               sys.executable, __file__, "--render", str(size), language]  # fmt: skip
    environment = {**os.environ, "PYTHONHASHSEED": "0"}
    runs = [subprocess.Popen([*command, pages], stdout=subprocess.DEVNULL,  # noqa: S603
                             stderr=subprocess.PIPE, text=True, env=environment)
            for pages in ("0", "1")]  # fmt: skip
    totals = []
    for run in runs:
        _output, errors = run.communicate()
        if run.returncode != 0:
            sys.exit(f"valgrind failed:\n{errors[-2000:]}")
        totals.append(int(COLLECTED.search(errors).group(1)))
    return totals


def main(size, language):
    archives.use(size)
    import django

    django.setup()
    archives.ensure(size)
    from communique.mirror.exporter import Exporter
    from communique.mirror.manifest import NAME

    mirror = mirror_folder(size)
    if not (mirror / NAME).exists():
        Exporter(mirror).full()
    pages = render(size, language, with_pages=True)  # outside valgrind: how many
    start_up, with_pages = counted(size, language)
    instructions = with_pages - start_up
    print(json.dumps({"size": size, "language": language, "pages": pages,
                      "instructions": instructions, "per_page": round(instructions / pages)}))  # fmt: skip


if __name__ == "__main__":
    if sys.argv[1:2] == ["--render"]:
        size, language, with_pages = int(sys.argv[2]), sys.argv[3], sys.argv[4] == "1"
        archives.use(size)
        import django

        django.setup()
        render(size, language, with_pages)
    else:
        main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000,
             sys.argv[2] if len(sys.argv) > 2 else "es")  # fmt: skip
