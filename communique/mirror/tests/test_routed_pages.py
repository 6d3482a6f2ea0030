"""Home pages, listings, archives and organisation pages rendered by their main page's own
routes, and feeds rendered by their view, are the live site's pages, byte for byte, with the
same cache tags."""

import pytest
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext

from communique.core import page_cache
from communique.mirror.exporter import MIRROR_SETTINGS, Renderer, with_full_feeds
from communique.mirror.links import internal_paths
from communique.mirror.routed_pages import RoutedPages
from communique.statements.listing import ItemCache

pytestmark = pytest.mark.django_db

HOST = "mirror.example.org"


def routed_pages_of(languages):
    """{path: (response, request)} of every HTML page that a main page routes, found by following
    links from the home pages of `languages` (and the statements they link: countries are
    linked from there), in crawl order."""
    routed, client = RoutedPages(HOST), Client(HTTP_HOST=HOST)
    found, seen = {}, set()
    pending = [f"/{code}/" for code in languages]
    while pending:
        path = pending.pop(0)
        if not path.endswith("/"):
            continue  # a feed (see below) or an asset
        served = routed.serve(path)
        if served is None:
            content = client.get(path).content  # a statement, a standard page
        else:
            found[path] = served
            content = served[0].content
        for link in sorted(internal_paths(content, "html", path, HOST) - seen):
            seen.add(link)
            if link.split("/")[1] in languages:
                pending.append(link)
    return found


def kind(path):
    parts = path.strip("/").split("/")[1:]
    if not parts:
        return "home"
    if parts[0] == "organisations":
        return "organisation" if len(parts) > 1 else "directory"
    if len(parts) == 1 or parts[1] == "page":
        return "listing"
    return "archive" if parts[1].isdigit() else parts[1]


@override_settings(**MIRROR_SETTINGS)
def test_routed_pages_equal_the_live_pages_in_every_script():
    found = routed_pages_of({"en", "el", "ar", "ko"})
    client = Client(HTTP_HOST=HOST)
    for path, (response, request) in found.items():
        live = client.get(path)
        assert response.status_code == live.status_code, path
        assert response.content == live.content, path
        assert response.get("Location") == live.get("Location"), path
        assert page_cache.tags_of(request) == page_cache.tags_of(live.wsgi_request), path
    pages = [path for path, (response, _request) in found.items() if response.status_code == 200]
    assert len(pages) > 200, len(pages)
    kinds = {kind(path) for path in pages}
    assert kinds == {"home", "listing", "category", "country", "archive", "organisation",
                     "directory"}  # fmt: skip
    assert {path.split("/")[1] for path in pages} == {"en", "el", "ar", "ko"}


@override_settings(**MIRROR_SETTINGS)
def test_archive_pages_of_countries_organisations_and_months_equal_the_live_pages():
    """Deep pages of countries and organisations come from their scope's positions
    (ScopePaginator) and of months from the listing's (DatesPaginator): the same
    statements as the live site's."""
    import datetime

    from communique.core.models import Country
    from communique.organisations.models import Organisation
    from communique.statements.models import StatementSignatory
    from communique.statements.tests.factories import make_statement

    greece = Country.objects.get(code="GR")
    sea = Organisation.objects.get(slug="sea", locale__language_code="en")
    for number in range(35):
        page = make_statement("en", date=datetime.date(2027, 3, 1 + number % 28))
        page.countries = [greece]
        page.signatories.add(StatementSignatory(organisation=sea))
        page.save_revision().publish()
    routed, client = RoutedPages(HOST), Client(HTTP_HOST=HOST)
    for base in ("/el/statements/country/gr/", "/en/organisations/sea/",
                 "/ko/statements/2027/03/", "/ar/statements/2027/"):  # fmt: skip
        for path in [base, f"{base}page/1/", f"{base}page/2/"]:
            response, _request = routed.serve(path)
            live = client.get(path)
            assert response.status_code == live.status_code == 200, path
            assert response.content == live.content, path
        assert routed.serve(f"{base}page/3/")[0].status_code == 404


@override_settings(**MIRROR_SETTINGS)
def test_feeds_from_their_view_equal_the_live_feeds():
    routed, client = RoutedPages(HOST), Client(HTTP_HOST=HOST)
    feeds = set()
    for language in ("en", "el", "ar", "ko"):
        for listing in ("statements/", "statements/category/climate/", "statements/country/gr/",
                        "organisations/sea/"):  # fmt: skip
            page = client.get(f"/{language}/{listing}", follow=True)  # climate: their slug
            links = internal_paths(page.content, "html", "/", HOST)
            feeds |= with_full_feeds({path for path in links if "/feeds/" in path})
    assert len(feeds) > 30
    assert "/el/feeds/full/category/klima.atom" in feeds
    for path in sorted(feeds):
        response, request = routed.serve(path)
        live = client.get(path)
        assert response.status_code == live.status_code == 200, path
        assert response.content == live.content, path
        assert response["Content-Type"] == live["Content-Type"], path
        assert page_cache.tags_of(request) == page_cache.tags_of(live.wsgi_request), path
    assert routed.serve("/en/feeds/category/no-such-category.rss")[0].status_code == 404
    # A feed has one address per language: not another language's slug (its listing
    # redirects there), which a renamed category's old slug may still be.
    assert routed.serve("/el/feeds/category/climate.atom")[0].status_code == 404
    assert client.get("/el/feeds/category/climate.atom").status_code == 404


@override_settings(**MIRROR_SETTINGS)
def test_feed_items_go_through_the_framework_once_for_every_format(monkeypatch):
    """A statement's values (title, link, dates, author, categories) are looked up once per
    language; its RSS, Atom and full feeds, and the feeds of its other scopes, reuse them."""
    from communique.syndication.feeds import StatementFeed

    looked_up = []
    title = StatementFeed.item_title
    monkeypatch.setattr(StatementFeed, "item_title",
                        lambda feed, page: looked_up.append(page.pk) or title(feed, page))  # fmt: skip
    routed, client = RoutedPages(HOST), Client(HTTP_HOST=HOST)
    paths = [f"/en/feeds/{name}.{fmt}" for name in ("statements", "full/statements",
                                                    "category/climate", "full/category/climate")
             for fmt in ("rss", "atom")]  # fmt: skip
    served = {path: routed.serve(path)[0].content for path in paths}
    assert looked_up and len(looked_up) == len(set(looked_up))  # once each
    assert len(set(looked_up)) > 10
    for path in paths:
        assert served[path] == client.get(path).content, path


@override_settings(**MIRROR_SETTINGS)
def test_the_export_reads_listed_statements_without_their_bodies(body_reads):
    """The export builds listing items by stretches (ItemCache) from statements read without
    their bodies (queries.LISTED_FIELDS): a worker keeps tens of thousands of them. A full
    feed reads the bodies of its items together."""
    routed = RoutedPages(HOST)

    def reads_of_bodies(paths):
        with body_reads() as reads:
            for path in paths:
                assert routed.serve(path)[0].status_code == 200, path
        return reads

    assert reads_of_bodies(["/en/statements/", "/en/statements/category/climate/",
                            "/en/feeds/category/climate.rss"]) == []  # fmt: skip
    assert len(reads_of_bodies(["/en/feeds/full/category/climate.rss"])) == 1


@override_settings(**MIRROR_SETTINGS)
def test_the_export_reads_a_years_months_once_for_all_its_front_pages():
    """A year's page and its months' pages show the year's months (their navigation): the
    export reads them once for all those pages, and each page is the live one."""
    from communique.statements.models import ListedMonth

    months = ListedMonth.objects.filter(locale__language_code="en").order_by("-month")
    year = next(month.month.year for month in months
                if months.filter(month__year=month.month.year).count() > 1)  # fmt: skip
    paths = [f"/en/statements/{year}/"] + [
        f"/en/statements/{month:%Y/%m}/"
        for month in months.filter(month__year=year).values_list("month", flat=True)
    ]
    routed, client = RoutedPages(HOST), Client(HTTP_HOST=HOST)
    with CaptureQueriesContext(connection) as captured:
        served = {path: routed.serve(path)[0].content for path in paths}
    table = ListedMonth._meta.db_table
    assert len([query for query in captured.captured_queries if table in query["sql"]]) == 1
    for path, content in served.items():
        assert content == client.get(path).content, path


@override_settings(**MIRROR_SETTINGS)
def test_a_mirror_for_https_has_the_live_https_pages(tmp_path):
    """Pages exported for an https site (`export_static --https`) name their https addresses
    (canonical, alternates, feeds, the sitemap's), as the live site served over https does:
    the pages a main page routes and those the export's test client renders."""
    routed, client = RoutedPages(HOST, https=True), Client(HTTP_HOST=HOST)
    renderer = Renderer(tmp_path, HOST, https=True)
    for path in ["/en/statements/", "/el/statements/category/allileggyi/",
                 "/en/feeds/statements.atom", "/sitemap.xml", "/robots.txt"]:  # fmt: skip
        served = routed.serve(path)
        content = served[0].content if served else renderer.render(path)[0]
        assert content == client.get(path, secure=True).content, path
        assert f"https://{HOST}/".encode() in content, path
        assert f"http://{HOST}/".encode() not in content, path


@override_settings(**MIRROR_SETTINGS)
def test_routed_redirects_and_missing_pages_answer_as_the_live_site():
    routed, client = RoutedPages(HOST), Client(HTTP_HOST=HOST)
    for path in ["/el/statements/category/solidarity/", "/el/statements/page/999/",
                 "/en/statements/category/no-such-category/", "/ko/organisations/nobody/"]:  # fmt: skip
        response, _request = routed.serve(path)
        live = client.get(path)
        assert response.status_code == live.status_code, path
        assert response.get("Location") == live.get("Location"), path
    assert routed.serve("/el/statements/category/solidarity/")[0].status_code == 302
    assert routed.serve("/ko/organisations/nobody/")[0].status_code == 404


def test_paths_no_main_page_routes_are_left_to_the_client():
    routed = RoutedPages(HOST)
    for path in ["/", "/en/about/", "/sitemap.xml", "/robots.txt", "/en/statements", "/en/search/",
                 "/zz/feeds/statements.rss", "/en/statements/a-statement/"]:  # fmt: skip
        assert routed.serve(path) is None, path


@override_settings(**MIRROR_SETTINGS)
def test_routed_pages_share_their_items():
    found = routed_pages_of({"en"})
    paths = [path for path, (response, _request) in found.items() if response.status_code == 200]
    routed = RoutedPages(HOST)
    routed.serve("/en/statements/")  # reads the main pages and a first stretch of items
    counts = {}
    for path in paths:
        with CaptureQueriesContext(connection) as captured:
            assert routed.serve(path)[0].status_code == 200
        counts[path] = len(captured)
    assert len(counts) > 40
    # A listing, archive or organisation page reads its count, its rows, which statements
    # it shows and the archive's month counts: its items were built with a stretch of the
    # listing before (built one page at a time, they take four queries more). A category
    # or country is found first; the directory reads its organisations.
    for path, count in counts.items():
        assert count <= (4 if kind(path) in ("listing", "archive", "organisation") else 7), path


@override_settings(**MIRROR_SETTINGS)
def test_item_cache_starts_again_past_its_limit(monkeypatch):
    found = routed_pages_of({"el"})
    monkeypatch.setattr(ItemCache, "LIMIT", 5)
    monkeypatch.setattr(ItemCache, "SPREAD", -1)  # each page builds only what it lacks
    routed = RoutedPages(HOST)
    windows = []
    for path, (response, _request) in found.items():
        again, request = routed.serve(path)
        assert again.content == response.content, path
        assert len(ItemCache.of(request).kept) <= 5 + 10, path
        windows.append(ItemCache.of(request).window)
    # Once it has started again, pages build only their own items (no stretches).
    assert windows[0] == ItemCache.WINDOW and windows[-1] == 0
