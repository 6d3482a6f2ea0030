"""Generated archives for the benchmarks, one database per size, made once and reused.

SQLite (the default): var/bench/<size>/db.sqlite3. PostgreSQL: set BENCH_DATABASE_URL to a
server URL ending in a database name prefix (postgres://user@host:5432/communique_bench);
each size gets its own database (communique_bench_1000, …), created when missing.
Call `use(size)` before django.setup(): it points the settings at that archive.
"""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH_VAR = ROOT / "var" / "bench"


def use(size):
    """Point this process's settings at the archive of `size` statements."""
    var_dir = BENCH_VAR / str(size)
    var_dir.mkdir(parents=True, exist_ok=True)
    os.environ["COMMUNIQUE_VAR_DIR"] = str(var_dir)
    os.environ["DJANGO_SETTINGS_MODULE"] = "communique.settings.bench"
    base = os.environ.get("BENCH_DATABASE_URL")
    if base:
        os.environ["DATABASE_URL"] = f"{base}_{size}"
        _create_postgres_database(f"{base}_{size}")
    else:
        os.environ.pop("DATABASE_URL", None)
    return var_dir


def _create_postgres_database(url):
    import psycopg
    from psycopg import sql

    server, name = url.rsplit("/", 1)
    with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
        found = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if not found.fetchone():
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def ensure(size):
    """Make the archive of `size` statements unless a previous run made it (after django.setup)."""
    from django.core.management import call_command

    from communique.statements.models import StatementPage

    call_command("migrate", verbosity=0)
    database = os.environ.get("DATABASE_URL", "sqlite").rsplit("/", 1)[-1]
    marker = Path(os.environ["COMMUNIQUE_VAR_DIR"]) / f"ready-{database}"
    if marker.exists():
        return
    if StatementPage.objects.exists():
        sys.exit(f"The benchmark database for {size} holds an unfinished archive: drop it.")
    call_command("setup_site", verbosity=0)
    print(f"Generating an archive of {size} statements (once; kept in {marker.parent})…",
          file=sys.stderr)  # fmt: skip
    call_command("generate_archive", size, verbosity=0)
    from django.db import connection

    if connection.vendor == "postgresql":  # fresh statistics, as autovacuum would make later
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    marker.touch()
