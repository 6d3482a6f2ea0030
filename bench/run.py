"""`make bench`: every benchmark for each archive size; a table, and bench/results.json.

Usage: python bench/run.py SIZE [SIZE …]   (BENCH_DATABASE_URL selects PostgreSQL).
Each measurement runs in its own process on a generated archive (bench/archives.py).
"""

import json
import os
import platform
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

import scratch  # noqa: E402

RESULTS = BENCH / "results.json"
# Hugo on the export's own page set (bench/hugo_equivalent.py) up to this size: on 100,000
# statements it would be a million content files, where the minimal site's 100,000 took
# Hugo sixteen minutes and ~10 GB.
EQUIVALENT_UP_TO = 10_000


def run(script, *args):
    completed = subprocess.run([sys.executable, str(BENCH / script), *map(str, args)],  # noqa: S603
                               capture_output=True, text=True, check=False)  # fmt: skip
    if completed.returncode:
        sys.exit(f"{script} {' '.join(map(str, args))} failed:\n{completed.stderr[-3000:]}")
    return json.loads(completed.stdout.strip().splitlines()[-1])


def machine():
    return (f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
            f"{'PostgreSQL' if os.environ.get('BENCH_DATABASE_URL') else 'SQLite'}")  # fmt: skip


def main(sizes):
    with scratch.session():  # the files measurements write go only once all are done
        results = measure(sizes)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n")
    print_table(results)


def measure(sizes):
    results = {"machine": machine(), "sizes": {}}
    for size in sizes:
        print(f"== {size} statements ==", file=sys.stderr)
        pages = run("bench_pages.py", size)
        imported = run("bench_import.py", size)
        exported = run("bench_export.py", size)
        hugo = run("bench_hugo.py", size)
        results["sizes"][str(size)] = {
            "pages": pages["pages"],
            "import_per_s": imported["posts_per_s"],
            "export_pages_per_s": exported["export_pages_per_s"],
            "hugo_pages_per_s": hugo["hugo_pages_per_s"],
            "export_to_hugo": round(exported["export_pages_per_s"] / hugo["hugo_pages_per_s"], 3),
            # Hugo and then Pagefind over its statement pages, as the export indexes its own
            "hugo_with_search_pages_per_s": hugo["hugo_with_search_pages_per_s"],
            "export_to_hugo_with_search": round(
                exported["export_pages_per_s"] / hugo["hugo_with_search_pages_per_s"], 3
            ),
            **equivalent(size, exported["export_pages_per_s"]),
            "changed_s": exported.get("changed_seconds"),  # one statement published
            # the same with renderers kept warm between exports (--watch): the faster round
            "changed_warm_s": min(exported.get("warm_changed_seconds") or [None]),
        }
    return results


def equivalent(size, export_rate):
    """Hugo's rates on the export's page set, and the export's against them."""
    if size > EQUIVALENT_UP_TO:
        return {}
    hugo = run("bench_hugo.py", size, "--site", "equivalent")
    return {
        "hugo_equivalent_pages": hugo["hugo_pages"],
        "hugo_equivalent_pages_per_s": hugo["hugo_pages_per_s"],
        "export_to_hugo_equivalent": round(export_rate / hugo["hugo_pages_per_s"], 3),
        "hugo_equivalent_with_search_pages_per_s": hugo["hugo_with_search_pages_per_s"],
        "export_to_hugo_equivalent_with_search": round(
            export_rate / hugo["hugo_with_search_pages_per_s"], 3
        ),
    }


def print_table(results):
    sizes = list(results["sizes"])
    kinds = list(results["sizes"][sizes[0]]["pages"])
    print(f"Machine: {results['machine']}")
    print("| page (p50 / p95 ms) | " + " | ".join(sizes) + " |")
    print("| --- |" + " --- |" * len(sizes))
    for kind in kinds:
        cells = [results["sizes"][size]["pages"][kind] for size in sizes]
        print(f"| {kind} | " + " | ".join(f"{c['p50_ms']} / {c['p95_ms']}" for c in cells) + " |")
    for key, label in (
        ("import_per_s", "import (posts/s)"),
        ("export_pages_per_s", "static export (pages/s)"),
        ("hugo_pages_per_s", "Hugo, minimal site of the same content (pages/s)"),
        ("export_to_hugo", "export speed / Hugo's (the issue's ratio)"),
        ("hugo_with_search_pages_per_s", "Hugo + Pagefind over its statements (pages/s)"),
        ("export_to_hugo_with_search", "export speed / Hugo + Pagefind's"),
        ("hugo_equivalent_pages", "Hugo, site with the export's page set: pages"),
        ("hugo_equivalent_pages_per_s", "… its pages/s"),
        ("export_to_hugo_equivalent", "export speed / Hugo's on that page set"),
        ("hugo_equivalent_with_search_pages_per_s", "… Hugo + Pagefind (pages/s)"),
        ("export_to_hugo_equivalent_with_search", "export speed / Hugo + Pagefind's on it"),
        ("changed_s", "export --changed, one statement published (s)"),
        ("changed_warm_s", "the same, renderers kept warm as --watch does (s)"),
    ):
        print(f"| {label} | " + " | ".join(
            str(results["sizes"][size].get(key, "")) for size in sizes) + " |")  # fmt: skip


if __name__ == "__main__":
    main([int(size) for size in sys.argv[1:]] or [1000, 10000])
