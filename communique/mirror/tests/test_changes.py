"""Which pages of a mirror `--changed` renders again, asked of a hand-made manifest."""

import datetime

import pytest
from django.conf import settings
from django.utils import timezone

from communique.mirror import changes
from communique.mirror.manifest import Manifest
from communique.statements.tests.factories import make_statement
from communique.statements.windows import FRONT, STRUCTURE

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


def test_the_sitemaps_structure_follows_months_categories_and_countries_appearing_or_going(
    tmp_path,
):
    """A part of the sitemap that lists the site's structure (its months, categories and
    countries that hold statements) is rendered again when one of those gets its first
    statement or loses its last, not on every publication."""
    from communique.statements.narrowed import category_scope
    from communique.statements.tests.factories import make_category

    march = make_statement("en", date=datetime.date(2029, 3, 2))
    manifest = Manifest(tmp_path)
    climate = make_category("en", "Climate for the sitemap")
    pages = {"/sitemap-1.xml": ([], {"scope": STRUCTURE, "number": 1, "pages": [],
                                     "newest": None})}  # fmt: skip
    for code, _name in settings.LANGUAGES:  # untranslated, it is listed in every language
        pages[f"/{code}/statements/2029/03/"] = listing_page("month:2029-03", FRONT)
    manifest.save(timezone.now().isoformat(), pages, replace=True)

    since = timezone.now()
    make_statement("en", date=datetime.date(2029, 3, 9))  # a month the mirror has
    assert "/sitemap-1.xml" not in changes.stale_paths(manifest, since)

    since = timezone.now()
    make_statement("en", date=datetime.date(2029, 4, 9))  # a month it has not
    assert "/sitemap-1.xml" in changes.stale_paths(manifest, since)

    since = timezone.now()
    march.categories = [climate]  # the category's first statement
    march.save_revision().publish()
    stale = changes.stale_paths(manifest, since)
    assert "/sitemap-1.xml" in stale and not manifest.scopes_present({category_scope(climate)})
