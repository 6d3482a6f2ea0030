"""Production settings come from the environment (settings/production.py)."""

import subprocess
import sys

from django.conf import settings

READ = ("from communique.settings import production as p; d = p.DATABASES['default']; "
        "o = d.get('OPTIONS', {}); print(d['CONN_MAX_AGE'], d['CONN_HEALTH_CHECKS'], "
        "o.get('server_side_binding'), o.get('prepare_threshold'))")  # fmt: skip
REQUIRED = {"SECRET_KEY": "x" * 50, "DATABASE_URL": "postgres://u@db:5432/communique",
            "ALLOWED_HOSTS": "example.org", "COMMUNIQUE_BASE_URL": "https://example.org"}  # fmt: skip


def _run(environment):
    """The settings module imported in a fresh interpreter (ours, with a fixed command)."""
    return subprocess.run([sys.executable, "-c", READ], capture_output=True, text=True,  # noqa: S603
                          cwd=settings.BASE_DIR, env={"PATH": "/usr/bin:/bin", **environment})  # fmt: skip


def _read(**environment):
    done = _run({**REQUIRED, **environment})
    assert done.returncode == 0, done.stderr
    return done.stdout.split()


def test_production_keeps_database_connections_and_checks_them():
    assert _read()[:2] == ["60", "True"]
    assert _read(DATABASE_CONN_MAX_AGE="0")[:2] == ["0", "True"]


def test_postgresql_prepares_repeated_queries_unless_told_not_to():
    assert _read()[2:] == ["True", "5"]
    assert _read(DATABASE_PREPARED_STATEMENTS="0")[2:] == ["None", "None"]


def test_production_refuses_to_start_without_its_variables():
    done = _run({})
    assert done.returncode != 0 and "SECRET_KEY must be set in production" in done.stderr
