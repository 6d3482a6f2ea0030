"""Shared test set-up: the site structure and the demo network are loaded once per run."""

import contextlib
import os
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection, connections
from django.test.utils import CaptureQueriesContext
from playwright.sync_api import sync_playwright


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("load_demo", "--no-admin", verbosity=0)
        call_command("setup_roles", verbosity=0)


@pytest.fixture
def body_reads(db):
    """`with body_reads() as reads:` collects the SQL of the queries in the block that read
    statements' bodies: listings, feeds and the export read statements without them
    (statements/queries.LISTED_FIELDS), and a full feed reads its items' bodies in one."""

    @contextlib.contextmanager
    def capture():
        reads = []
        with CaptureQueriesContext(connection) as captured:
            yield reads
        body = '"statements_statementpage"."body"'
        reads += [query["sql"] for query in captured.captured_queries if body in query["sql"]]

    return capture


@pytest.fixture
def locales(db):
    from wagtail.models import Locale

    return {locale.language_code: locale for locale in Locale.objects.all()}


@pytest.fixture
def make_user(db):
    """Create a user belonging to the named groups; password "pw"."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    def make(username, *groups):
        user = get_user_model().objects.create_user(username, f"{username}@example.org", "pw")
        user.groups.add(*Group.objects.filter(name__in=groups))
        return user

    return make


CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium, headless, driven by Playwright (one per test module)."""
    # Playwright's sync API runs an event loop in this thread; the test client's database
    # calls are still synchronous, which Django allows once told so.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium is needed: `make test` installs Debian's chromium (apt-get).")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        yield browser
        browser.close()
        # Inside Playwright's context Django keeps a connection of its own: the tests of
        # this module used it, and nothing else would close it (on PostgreSQL it kept the
        # test database from being dropped at the end of the run).
        connections.close_all()
    del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
