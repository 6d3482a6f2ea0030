"""The static mirror: complete, served as files with no broken link, and kept by increments."""

import contextlib
import datetime
import filecmp
import functools
import http.server
import io
import json
import os
import signal
import threading
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import quote, unquote

import pytest
from django.core.management import CommandError, call_command
from django.utils.encoding import iri_to_uri
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from wagtail.contrib.redirects.models import Redirect

from communique.imports.tests.exports import posts_only
from communique.mirror import lock, redirects, search_index, watch
from communique.mirror.exporter import Exporter, Renderer, with_full_feeds
from communique.mirror.links import internal_paths
from communique.mirror.manifest import NAME as MANIFEST
from communique.mirror.manifest import IndexedStatements, Manifest
from communique.statements.models import StatementPage
from communique.statements.tests.factories import make_statement

from .parsed_links import parsed_paths

pytestmark = pytest.mark.django_db


@pytest.fixture
def served(tmp_path):
    """A plain static web server (Python's http.server) over a directory."""
    root = tmp_path / "mirror"
    root.mkdir()
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(root))
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield root, f"127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def fetch(host, path):
    try:
        with urllib.request.urlopen(f"http://{host}{path}") as response:  # noqa: S310 - local
            return response.status, response.headers.get_content_type(), response.read()
    except urllib.error.HTTPError as error:
        return error.code, None, b""


def tree_files(root):
    return sorted(str(p.relative_to(root)) for p in root.rglob("*")
                  if p.is_file() and p.name != MANIFEST)  # fmt: skip


def broken_links(root, host):
    """(page, link) of every internal link in the served mirror that does not answer 200,
    the links parsed (lxml); and the pages whose links the export's scan (links.py, which
    the crawl follows) reads otherwise, with what it missed and what it found besides."""
    checked, broken, misread = set(), [], []
    for page in root.rglob("*"):
        if not page.is_file() or page.suffix not in ("", ".html", ".xml", ".rss", ".atom"):
            continue
        path = "/" + str(page.relative_to(root)).removesuffix("index.html")
        kind = "html" if page.suffix == ".html" else "xml"
        content = page.read_bytes()
        links = parsed_paths(content, kind, path, host)
        scanned = internal_paths(content, kind, path, host)
        if scanned != links:
            misread.append((path, links - scanned, scanned - links))
        for link in links - checked:
            checked.add(link)
            if fetch(host, link)[0] != 200:
                broken.append((path, link))
    return len(checked), broken, misread


def search_in_browser(browser, host, language, words, expected):
    """The result links the mirror's search page shows for `words` in a real browser, once
    `expected` is among them (results appear one by one as their fragments load) or after
    15 seconds."""
    page = browser.new_page()
    page.goto(f"http://{host}/{language}/search/?q={quote(words)}")
    with contextlib.suppress(PlaywrightTimeout):  # the caller's assertion shows what was found
        page.wait_for_function(
            "expected => [...document.querySelectorAll('.pagefind-ui__result-link')]"
            ".some(link => decodeURI(link.getAttribute('href')) === expected)",
            arg=expected, timeout=15_000,
        )  # fmt: skip
    links = page.locator(".pagefind-ui__result-link").evaluate_all(
        "links => links.map(link => decodeURI(link.getAttribute('href')))"
    )
    direction = page.evaluate(
        "getComputedStyle(document.querySelector('#static-search')).direction"
    )
    page.close()
    return links, direction


def test_mirror_is_served_whole_and_kept_by_increments(served, tmp_path, browser, monkeypatch):
    """A full export served by http.server has no broken link and a search that works in
    the browser, across a language's several index bundles; after publishing, unpublishing,
    deleting and importing, `--changed` gives byte for byte what a full export gives."""
    monkeypatch.setattr(search_index, "UNIT", 16)  # the demo's ids make several bundles
    root, host = served
    arabic = StatementPage.objects.published().filter(locale__language_code="ar").first()
    for old_path in ["/2019/05/an-old-wordpress-post/", "/?p=77", "/old/feed.xml"]:
        Redirect.add_redirect(old_path, redirect_to=arabic)
    Redirect.add_redirect("/category/old-solidarity/", redirect_to="/en/statements/")
    result = Exporter(root, host=host).full()
    assert result.written > 1000 and not result.removed
    assert result.indexed == StatementPage.objects.published().count()
    for path in ["/", "/en/", "/ar/statements/", "/el/statements/page/1/", "/robots.txt",
                 "/sitemap.xml", "/en/feeds/statements.rss", "/ko/organisations/",
                 "/el/feeds/full/statements.atom", "/en/feeds/full/category/solidarity.rss",
                 "/en/statements/2019/", "/en/statements/2019/05/",
                 "/en/statements/category/solidarity/"]:  # fmt: skip
        assert fetch(host, path)[0] == 200, path
    statement = StatementPage.objects.published().filter(locale__language_code="el").first()
    status, _type, body = fetch(host, statement.url)
    assert status == 200 and statement.title in body.decode()
    # Old addresses send the browser on, as the live site's redirects do; those with a
    # query string or naming another kind of file cannot be files.
    for path in ["/2019/05/an-old-wordpress-post/", "/2019/05/an-old-wordpress-post"]:
        status, _type, body = fetch(host, path)
        assert status == 200 and f'url={iri_to_uri(arabic.url)}"' in body.decode(), path
    assert 'url=/en/statements/"' in fetch(host, "/category/old-solidarity/")[2].decode()
    assert fetch(host, "/old/feed.xml")[0] == 404
    checked, broken, misread = broken_links(root, host)
    assert checked > 1000 and broken == [] and misread == []
    for language in ("el", "ar", "ko"):
        bundles = json.loads((root / "pagefind" / language / "bundles.json").read_text())
        assert len(bundles) > 1, language
        # The newest: in the last bundle, which the search page merges into the first.
        statement = StatementPage.objects.published().filter(locale__language_code=language
                                                             ).order_by("-pk").first()  # fmt: skip
        words = " ".join(statement.title.split()[:2])
        links, direction = search_in_browser(browser, host, language, words,
                                             unquote(statement.url))  # fmt: skip
        assert unquote(statement.url) in links, (language, words, links)
        assert direction == ("rtl" if language == "ar" else "ltr")

    added = make_statement("en", title="Published after the export",
                           date=datetime.date(2031, 2, 3))  # fmt: skip
    published = StatementPage.objects.published()
    unpublished = published.filter(locale__language_code="es").first()
    unpublished.unpublish()
    published.filter(locale__language_code="ko").first().delete()
    result = Exporter(root, host=host).changed()
    assert 0 < result.written < 1000 and result.removed >= 2
    # An import on its own: the bulk path writes no page log entries of Wagtail's.
    call_command("import_wxr", str(posts_only(tmp_path)), stdout=io.StringIO())
    imported = StatementPage.objects.get(title="Solidarity with the crane operators")
    assert Exporter(root, host=host).changed().written > 0
    old_links = {
        redirects.mirror_path(redirect.old_path)
        for redirect in Redirect.objects.filter(redirect_page=imported)
    }
    assert old_links - {None}
    full = tmp_path / "full"
    Exporter(full, host=host).full()
    files = tree_files(full)
    assert tree_files(root) == files
    _match, mismatch, errors = filecmp.cmpfiles(root, full, files, shallow=False)
    assert mismatch == [] and errors == []
    assert Path(root, added.url.strip("/"), "index.html").exists()
    assert Path(root, imported.url.strip("/"), "index.html").exists()
    for path in old_links - {None}:
        assert imported.url in fetch(host, path)[2].decode(), path
    assert not Path(root, unpublished.url.strip("/"), "index.html").exists()


def test_a_renderer_sends_each_link_once_a_crawl(tmp_path):
    """What the crawl has been sent it has: a page's links come back only where no page
    this process rendered in the same crawl linked them already."""
    make_statement("en", title="Linked twice", date=datetime.date(2030, 1, 1))
    renderer = Renderer(tmp_path, "localhost", https=False)

    def links(path):
        (outcome,), _copied = renderer.run(("paths", [path]))
        return outcome[3]

    home, listing = links("/en/"), links("/en/statements/")
    listing_html = (tmp_path / "en/statements/index.html").read_bytes()
    alone = with_full_feeds(
        internal_paths(listing_html, "text/html", "/en/statements/", "localhost")
    )
    assert home & alone and not home & listing
    assert listing == alone - home
    renderer.new_crawl()
    assert links("/en/statements/") == alone


def test_changed_with_nothing_to_do_renders_nothing_and_moves_its_time_on(tmp_path, monkeypatch):
    make_statement("en", title="Exported once", date=datetime.date(2030, 1, 1))
    mirror = tmp_path / "mirror"
    Exporter(mirror).full()
    before = Manifest(mirror).exported_at()
    monkeypatch.setattr(Exporter, "crawl", lambda *args, **kwargs: pytest.fail("crawled"))
    monkeypatch.setattr(search_index, "build", lambda *args, **kwargs: pytest.fail("indexed"))
    result = Exporter(mirror).changed()
    assert result.written == result.removed == 0 and result.indexed is None
    assert result.total == Manifest(mirror).count() > 0
    assert Manifest(mirror).exported_at() > before


@pytest.fixture
def threads_at_renderers_start(monkeypatch):
    """How many threads were alive each time a crawl started its renderers (forked
    processes, workers.py): a fork copies the locks other threads hold, held by no one."""
    counts, tasks = [], Exporter._tasks

    def counted(exporter, *args, **kwargs):
        counts.append(threading.active_count())
        return tasks(exporter, *args, **kwargs)

    monkeypatch.setattr(Exporter, "_tasks", counted)
    return counts


def test_no_other_thread_runs_while_changed_starts_its_renderers(
    tmp_path, threads_at_renderers_start
):
    """A thread reading SQLite at the fork left the child SQLite's lock held by no one, and
    the worker hung opening its connection."""
    make_statement("en", title="Exported once", date=datetime.date(2030, 1, 1))
    mirror = tmp_path / "mirror"
    Exporter(mirror).full()
    make_statement("en", title="Published since", date=datetime.date(2030, 1, 2))
    before, crawls = threading.active_count(), len(threads_at_renderers_start)
    result = Exporter(mirror).changed()
    assert result.indexed  # the search index was brought up to date: the read happened
    assert set(threads_at_renderers_start[crawls:]) == {before}


def test_the_command_runs_no_thread_beside_its_renderers(tmp_path, threads_at_renderers_start):
    """Its progress display is redrawn by the export itself, not by rich's refresh thread."""
    make_statement("en", title="Exported by the command", date=datetime.date(2030, 1, 1))
    before = threading.active_count()
    call_command("export_static", str(tmp_path / "out"), stdout=io.StringIO())
    make_statement("en", title="Published since", date=datetime.date(2030, 1, 2))
    call_command("export_static", str(tmp_path / "out"), "--changed", stdout=io.StringIO())
    assert len(threads_at_renderers_start) >= 2
    assert set(threads_at_renderers_start) == {before}


def test_command_needs_a_previous_export_for_changed(tmp_path):
    with pytest.raises(CommandError, match="No previous export"):
        call_command("export_static", str(tmp_path / "out"), "--changed")


def test_command_needs_at_least_one_worker(tmp_path):
    with pytest.raises(CommandError, match="--workers must be at least 1"):
        call_command("export_static", str(tmp_path / "out"), "--workers", "0")
    assert not (tmp_path / "out").exists()


def test_changed_renders_only_what_shows_the_change_and_equals_a_full_export(
    tmp_path, monkeypatch, django_capture_on_commit_callbacks
):
    """Publishing a statement re-renders its listings' front pages, feeds and home pages, not
    their archive pages nor other listings; filling a stretch adds an archive page and
    updates the one below; a back-dated statement moves only the pages from its place up."""
    from django.utils import timezone

    from communique.core.models import Country
    from communique.mirror import changes
    from communique.mirror.manifest import Manifest
    from communique.statements.models import Category

    monkeypatch.setattr(search_index, "UNIT", 16)
    mirror = tmp_path / "mirror"
    Exporter(mirror).full()
    manifest = Manifest(mirror)
    before = manifest.count()
    blocks_before = search_index.blocks(IndexedStatements(manifest, ["en"]).top("en") + 1)
    solidarity = Category.objects.get(slug="solidarity", locale__language_code="en")
    since = timezone.now()
    first = make_statement("en", title="Newest of all", date=datetime.date(2030, 1, 1))
    first.categories = [solidarity]
    first.save_revision().publish()
    stale = changes.stale_paths(manifest, since)
    for path in ["/en/", "/en/statements/", "/el/statements/", "/ar/feeds/statements.atom",
                 "/en/statements/category/solidarity/", "/en/feeds/category/solidarity.rss",
                 "/ko/statements/category/solidarity/", "/en/statements/archive/"]:  # fmt: skip
        assert path in stale, path
    unrelated = StatementPage.objects.published().filter(locale__language_code="en").first()
    for path in ["/en/statements/page/1/", "/en/statements/category/joint-statements/",
                 "/robots.txt", "/en/search/", "/en/organisations/", unrelated.url]:  # fmt: skip
        assert path not in stale, path
    assert len(stale) < before / 10
    result = Exporter(mirror).changed()
    assert first.url in result.pages and "/en/statements/2030/" in result.pages
    # Re-indexed: the English blocks that the new id made (the last; the old last if it
    # became whole; the blocks it merged with, which the database's ids decide), no others.
    english = sorted(IndexedStatements(manifest, ["en"]).between("en", 0, first.pk + 1))
    new_blocks = set(search_index.blocks(english[-1] + 1)) - set(blocks_before)
    assert any(start <= first.pk < stop for start, stop in new_blocks)
    assert result.indexed == sum(any(start <= page_id < stop for start, stop in new_blocks)
                                 for page_id in english)  # fmt: skip
    assert "/en/statements/page/1/" not in result.pages

    for number in range(4):  # 25 + 5: the English listing's third ten is full
        make_statement("en", title=f"Newer {number}", date=datetime.date(2030, 1, 2))
    result = Exporter(mirror).changed()
    assert {"/en/statements/page/2/", "/en/statements/page/1/"} <= set(result.pages)
    back_dated = make_statement("en", title="Back-dated", date=datetime.date(2019, 5, 2))
    result = Exporter(mirror).changed()
    assert "/en/statements/2019/05/" in result.pages
    assert result.total == manifest.count() > before
    for page in StatementPage.objects.filter(title__startswith="Newer ")[:2]:
        page.unpublish()  # 29: the third ten is not full any more
    result = Exporter(mirror).changed()
    assert "/en/statements/page/2/" in result.gone
    assert not [folder for folder in mirror.rglob("*") if folder.is_dir() and
                not any(folder.iterdir())]  # fmt: skip

    # A category renamed and an organisation edited: the pages that name them, and every
    # page showing a statement of theirs (items name categories, feeds signatories).
    since = timezone.now()
    solidarity.name = "Solidarity and mutual aid"
    solidarity.save()
    signed = StatementPage.objects.published().filter(locale__language_code="en",
                                                      signatories__isnull=False).first()  # fmt: skip
    organisation = signed.signatories.first().organisation
    organisation.name = "Renamed for the mirror"
    organisation.save()
    in_solidarity = solidarity.statements.filter(live=True, locale=solidarity.locale).first()
    stale = changes.stale_paths(manifest, since)
    for path in ["/en/statements/category/solidarity/", "/en/feeds/category/solidarity.rss",
                 "/ko/statements/category/solidarity/", in_solidarity.url, signed.url,
                 f"/en/organisations/{organisation.slug}/", "/en/organisations/"]:  # fmt: skip
        assert path in stale, path
    unrelated = (StatementPage.objects.published()
                 .exclude(categories__translation_key=solidarity.translation_key)
                 .exclude(signatories__organisation__translation_key=organisation.translation_key)
                 .first())  # fmt: skip
    for path in ["/robots.txt", "/en/search/", unrelated.url]:
        assert path not in stale, path
    result = Exporter(mirror).changed()
    assert not result.whole and unrelated.url not in result.pages
    page = Path(mirror, "en/statements/category/solidarity/index.html").read_text()
    assert "Solidarity and mutual aid" in page

    # A statement given a new slug, then reordered among its siblings: its old address
    # becomes a page that sends readers on (Wagtail made a redirect); neither change is
    # one of the whole site.
    since = timezone.now()
    renamed = StatementPage.objects.get(pk=unrelated.pk)
    old_url = renamed.url
    Redirect.add_redirect("/2020/01/its-wordpress-address", redirect_to=renamed)
    result = Exporter(mirror).changed()
    assert set(result.pages) == {"/2020/01/its-wordpress-address/"}
    renamed.slug = "renamed-for-the-mirror"
    with django_capture_on_commit_callbacks(execute=True):  # Wagtail's redirect: on commit
        renamed.save_revision().publish()
    renamed = StatementPage.objects.get(pk=renamed.pk)
    renamed.move(renamed.get_parent(), pos="first-child")
    assert not changes.site_changed(since)
    result = Exporter(mirror).changed()
    assert not result.whole and renamed.url in result.pages and old_url in result.pages
    for path in [old_url, "/2020/01/its-wordpress-address/"]:
        stand_in = Path(mirror, path.strip("/"), "index.html").read_text()
        assert f'url={renamed.url}"' in stand_in and renamed.title not in stand_in, path

    full = tmp_path / "full"
    Exporter(full).full()
    files = tree_files(full)
    assert tree_files(mirror) == files
    _match, mismatch, errors = filecmp.cmpfiles(mirror, full, files, shallow=False)
    assert mismatch == [] and errors == []
    assert Path(mirror, back_dated.url.strip("/"), "index.html").exists()

    # A country saved (as the admin does) drops every cached page: the export is whole.
    Country.objects.get(code="GR").save()
    assert changes.site_changed(since)
    result = Exporter(mirror).changed()
    assert result.whole and result.total == manifest.count() == Manifest(full).count()


def assert_same_files(mirror, full):
    files = tree_files(full)
    assert tree_files(mirror) == files
    _match, mismatch, errors = filecmp.cmpfiles(mirror, full, files, shallow=False)
    assert mismatch == [] and errors == []


def test_warm_renderers_kept_between_exports_forget_what_changed(tmp_path, settings):
    """An exporter that keeps its renderers from one `--changed` to the next (`--watch`)
    reuses the listing items they built but those of the statements that changed: after a
    statement, its translation, a category's new name and address and an unpublication,
    the mirror equals a full export, byte for byte. With a sitemap index, whose structure
    parts follow a new month and a category's new address."""
    from communique.statements.models import Category

    settings.COMMUNIQUE_SITEMAP_LIMIT = 100
    mirror = tmp_path / "mirror"
    exporter = Exporter(mirror, warm=True)
    exporter.full()
    solidarity = Category.objects.get(slug="solidarity", locale__language_code="en")
    first = make_statement("en", title="Kept warm", date=datetime.date(2030, 1, 1))
    first.categories = [solidarity]
    first.save_revision().publish()
    assert "/en/statements/" in exporter.changed().pages  # its item built and kept
    greek = make_statement("el", title="Κρατημένη ζεστή", date=datetime.date(2030, 1, 1),
                           translation_of=first)  # fmt: skip
    result = exporter.changed()
    assert "/en/statements/" in result.pages and greek.url in result.pages
    english = Path(mirror, "en/statements/index.html").read_text()
    assert greek.url in english  # its English item now links the translation
    solidarity.name = "Solidarity kept warm"
    solidarity.slug = "solidarity-kept-warm"  # the sitemap names it by its address
    solidarity.save()
    assert not exporter.changed().whole
    sitemaps = "".join(path.read_text() for path in mirror.glob("sitemap*.xml"))
    assert "/en/statements/category/solidarity-kept-warm/" in sitemaps
    assert "<sitemapindex" in Path(mirror, "sitemap.xml").read_text()
    StatementPage.objects.get(pk=first.pk).unpublish()
    exporter.changed()
    exporter.close()
    full = tmp_path / "full"
    Exporter(full).full()
    assert_same_files(mirror, full)


def test_watch_exports_whenever_content_changes_one_export_at_a_time(tmp_path):
    """`export_static --watch`: a full export into an empty directory, nothing while
    nothing changes, `--changed` once a statement is published; never while another export
    holds the mirror, and that one is tried again at the next look."""
    mirror = tmp_path / "mirror"
    exporter = Exporter(mirror)
    outcomes = []
    look = functools.partial(watch.watch, exporter, 0, lambda outcome, _s: outcomes.append(outcome))
    look(rounds=3)
    assert len(outcomes) == 1 and outcomes[0].whole
    added = make_statement("en", title="Published while the mirror is watched")
    look(rounds=1)
    assert len(outcomes) == 2 and not outcomes[1].whole and added.url in outcomes[1].pages
    later = make_statement("en", title="Published while another export runs")
    with lock.exclusive(mirror):
        look(rounds=1)
        with pytest.raises(CommandError, match="Another export is writing"):
            call_command("export_static", str(mirror), "--changed")
    assert isinstance(outcomes[2], lock.MirrorBusy)
    assert not Path(mirror, later.url.strip("/"), "index.html").exists()
    look(rounds=2)
    assert len(outcomes) == 4 and later.url in outcomes[3].pages


def test_watch_command_stops_on_sigterm_once_its_export_is_done(tmp_path):
    """SIGTERM (a service manager stopping it) arrives during the first export: the export
    completes, then the command stops cleanly."""
    mirror = tmp_path / "mirror"
    handlers = {number: signal.getsignal(number) for number in (signal.SIGINT, signal.SIGTERM)}
    timer = threading.Timer(1.0, os.kill, (os.getpid(), signal.SIGTERM))
    out = io.StringIO()
    try:
        timer.start()
        call_command("export_static", str(mirror), "--watch", "--interval", "30", stdout=out)
    finally:
        timer.cancel()
        for number, handler in handlers.items():
            signal.signal(number, handler)
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("Watching for changes every 30 s")
    assert "Whole site exported:" in lines[1] and lines[-1] == "Stopped."
    assert Manifest(mirror).exported_at()
