"""Which pages of a mirror `--changed` renders again, asked of a hand-made manifest."""

import datetime

import pytest
from django.utils import timezone

from communique.mirror import changes
from communique.mirror.manifest import Manifest
from communique.statements.tests.factories import make_statement
from communique.statements.windows import FRONT

pytestmark = pytest.mark.django_db


def listing_page(scope, number):
    """A manifest record of a listing's page whose newest statement is older than the test's."""
    return ([], {"scope": scope, "number": number, "pages": [], "newest": ("2000-01-01", 1)})


def test_a_months_first_statement_touches_the_front_pages_of_its_year_not_archive_pages(
    tmp_path,
):
    """A month's first statement adds it to the navigation of the year's and its months'
    front pages; their archive pages name only their own year and month, so they stay."""
    make_statement("en", date=datetime.date(2029, 3, 2))
    make_statement("en", date=datetime.date(2029, 1, 2))
    manifest = Manifest(tmp_path)
    base = "/en/statements/2029/"
    # Listed in every language (an untranslated statement is shown in its original).
    fronts = {f"{base}": "year:2029", f"{base}03/": "month:2029-03",
              f"{base}01/": "month:2029-01", "/el/statements/2029/": "year:2029"}  # fmt: skip
    archive_pages = {f"{path}page/1/": scope for path, scope in fronts.items()}
    other_year = {"/en/statements/2028/": "year:2028"}
    pages = {path: listing_page(scope, FRONT) for path, scope in {**fronts, **other_year}.items()}
    pages |= {path: listing_page(scope, 1) for path, scope in archive_pages.items()}
    manifest.save(timezone.now().isoformat(), pages, replace=True)
    since = timezone.now()

    may = make_statement("en", date=datetime.date(2029, 5, 2))
    stale = changes.stale_paths(manifest, since)
    assert set(fronts) <= stale
    assert not stale & (set(archive_pages) | set(other_year))

    # The same statement on another day of a month the mirror has: the year's months stay.
    manifest.save(timezone.now().isoformat(), {f"{base}05/": listing_page("month:2029-05", FRONT)})
    since = timezone.now()
    may.date = datetime.date(2029, 5, 9)
    may.save_revision().publish()
    assert not changes.stale_paths(manifest, since) & {f"{base}03/", f"{base}01/"}
