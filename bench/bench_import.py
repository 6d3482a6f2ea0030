"""Measure import_wxr throughput (posts per second) on a generated export, in a fresh database.

Usage: python bench/bench_import.py [COUNT]   (DATABASE_URL selects PostgreSQL)
"""

import io
import json
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def main(count):
    workdir = Path(tempfile.mkdtemp(prefix="communique-bench-"))
    os.environ["COMMUNIQUE_VAR_DIR"] = str(workdir)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "communique.settings.bench")
    import django

    django.setup()
    from django.core.management import call_command
    from generate_wxr import write

    call_command("migrate", verbosity=0)
    call_command("setup_site", verbosity=0)
    export = workdir / "bench.xml"
    write(export, count)
    started = time.perf_counter()
    call_command("import_wxr", str(export), verbosity=0, stdout=io.StringIO())
    elapsed = time.perf_counter() - started
    result = {
        "posts": count,
        "seconds": round(elapsed, 2),
        "posts_per_s": round(count / elapsed, 1),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "database": django.db.connection.vendor,
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
