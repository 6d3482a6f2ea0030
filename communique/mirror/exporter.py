"""Write the public site as files any static web server can serve at the same addresses.

A full export renders every page reachable from the home pages, the sitemap, robots.txt and
the feeds (the site links every public page from one of them), through the same views,
middleware and templates as the live site, and writes `/a/b/` as `a/b/index.html` and
`/a/b.xml` as `a/b.xml`; then a page for each old address Wagtail redirects (the WordPress
import's links, renamed and moved pages: redirects.py) that no page answers. Images and
static assets the pages use are copied from their storages. A manifest (manifest.py) records
the time of the export and, for each page, its cache tags (see core/page_cache.py) and what
of which listing it shows. Search works in the mirror through a client-side index
(search_index.py) that each export rebuilds, and a search page rendered in its static form.

`--changed` re-renders only the pages that show a statement published, unpublished, deleted
or moved since then (changes.py: its versions, and the pages of the listings, feeds and
sitemap parts it is or was on, from its place upwards, and the redirects leading to it) or a
category, organisation or redirect changed since then, writes the files whose bytes differ,
adds new pages and removes gone ones; a change that every page shows makes it a full export.
The result is byte-identical to a full export (a test holds it to that).

Rendering is shared among worker processes, one per core by default (workers.py): a
full export renders the public statements first, in bulk (statement_pages.py), then crawls
from the home pages, the sitemap and the feeds, each worker taking the next batch of
addresses as soon as it is free.
"""

import contextlib
import functools
import os
import posixpath
import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.storage import default_storage
from django.db import close_old_connections, connection
from django.test import Client, override_settings
from django.utils import timezone

from communique.core import page_cache, structure
from communique.statements.windows import window_of

from . import changes, lanes, lock, redirects, search_index, workers
from .links import internal_paths, normal_path
from .manifest import IndexedStatements, Manifest, locale_of, statement_id, statement_pages
from .requests import ExportRequests
from .routed_pages import RoutedPages
from .statement_pages import StatementPages, chunks, public_statements_by_language

OLD_MANIFEST = ".communique-mirror.json"  # before manifest.py: removed by a full export
SKIPPED = ("/admin/", "/api/", "/documents/", "/_util/", "/django-admin/")
# Rendered while exporting: pages that need a server render their static form.
MIRROR_SETTINGS = {"COMMUNIQUE_PAGE_CACHE_SECONDS": 0, "COMMUNIQUE_STATIC_MIRROR": True}
PATHS_PER_TASK = 8  # a task as submitted; tasks that wait are joined up to PATHS_PER_RUN
PATHS_PER_RUN = 32
ASSET_PREFIXES = (settings.STATIC_URL, settings.MEDIA_URL)
FEED = re.compile(r"^/([^/]+)/feeds/(?!full/)(.+\.(?:rss|atom))$")
FULL_FEED = re.compile(r"^/[^/]+/feeds/full/.+\.(?:rss|atom)$")


@dataclass
class Result:
    written: int = 0
    unchanged: int = 0
    removed: int = 0
    assets: int = 0
    indexed: int | None = None  # statement pages in the search index, if rebuilt
    pages: dict = field(default_factory=dict)  # rendered, path: (tags, window or None)
    written_paths: set = field(default_factory=set)
    gone: set = field(default_factory=set)  # paths removed
    total: int = 0  # pages in the mirror
    whole: bool = False  # a full export


def file_for(directory, path):
    """Where a static server looks for `path`: decoded, `index.html` for a directory."""
    relative = unquote(path).lstrip("/")
    if not relative or relative.endswith("/"):
        relative += "index.html"
    root = _resolved(directory)
    # Spelt out, not resolved (a system call per folder of every page): the mirror's own
    # folders are no symbolic links, and ".." is what could lead out.
    target = os.path.normpath(os.path.join(root, relative))
    if not target.startswith(root + os.sep):
        raise ValueError(f"{path} would be written outside {directory}")
    return Path(target)


@functools.lru_cache(maxsize=8)
def _resolved(directory):
    return str(directory.resolve())


def _write_if_changed(target, content):
    if target.exists() and target.read_bytes() == content:
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(content)
    return True


def _write_atomically(target, content):
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.{os.getpid()}")
    partial.write_bytes(content)
    partial.replace(target)


def _remove_empty_parents(folder, root):
    """Remove `folder` and the folders above it, up to `root`, while they are empty (a
    statement's folder, once its page is gone)."""
    root = root.resolve()
    while folder.resolve() != root and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent


class Renderer:
    """Renders addresses and statement pages into the mirror's directory (one per process)."""

    def __init__(self, directory, host, https, whole=True):
        self.directory = Path(directory)
        self.host = host
        self.https = https  # the client's requests say so themselves: see `render`
        self.client = Client(HTTP_HOST=host)
        self.requests = ExportRequests(host, https, whole)  # what pages read, once a process
        self.statements = StatementPages(requests=self.requests)
        self.routed = RoutedPages(requests=self.requests)
        self.assets = set()  # the asset paths this process has copied or found in place
        self.reported = set()  # the links this process has sent back in this crawl
        self.read_tags = set()  # the tags whose links those are (links.internal_paths)

    def new_crawl(self):
        """Before a crawl's first task: every link counts as new again (see `_run`)."""
        self.reported = set()
        self.read_tags = set()

    def forget(self, page_ids=None):
        """Before rendering again after content changed (a warm renderer: workers.Kept):
        forget what the changes made stale, the items of the statements with `page_ids`
        (None: everything read)."""
        if not connection.in_atomic_block:  # a caller's transaction (a test's) is not ours
            close_old_connections()  # long-lived: drop a connection the server has closed
        self.requests.forget(page_ids)
        self.routed = RoutedPages(requests=self.requests)

    def run(self, task):
        """Render a task, ("paths", [path, …]) or ("statements", [page id, …]), and write its
        files and the assets they use; return ([(path, tags, window, linked paths, written)],
        assets copied), tags None for an address that is not a public page. A page's linked
        paths are those this process has not sent back yet in this crawl (`new_crawl`): the
        crawl has the others, and most links of a page (navigation, languages, categories)
        are on every page, so sending them all made the parent process unpickle ~50 a page.

        Assets are copied where the pages are rendered: an image rendition a page asks for
        is made there (in a test's in-memory storage, only the worker would have it). The
        site's structure is the one read for this export (core/structure.py), not checked
        again at every question."""
        with structure.serving(self.requests.base()):
            return self._run(task)

    def _run(self, task):
        kind, items = task
        if kind == "redirects":
            found = redirects.find(items, self.requests.site())
            rendered = [(path, self._stand_in(path, found.get(path))) for path in items]
        elif kind == "statements":
            # Spelt as links are (a Greek slug was else rendered again when a link named it).
            rendered = [(normal_path(path), (content, tags, None,
                                             self._links(content, "text/html", path)))
                        for path, content, tags in self.statements.render(items)]  # fmt: skip
        else:
            rendered = [(path, self.render(path)) for path in items]
        outcomes, copied = [], 0
        for path, page in rendered:
            if page is None:
                outcomes.append((path, None, None, set(), False))
                continue
            content, tags, window, links = page
            written = _write_if_changed(file_for(self.directory, path), content)
            links = links - self.reported
            self.reported |= links
            outcomes.append((path, tags, window, links, written))
            assets = {link for link in links - self.assets if link.startswith(ASSET_PREFIXES)}
            copied += sum(self._copy_asset(link) for link in assets)
        return outcomes, copied

    def _copy_asset(self, path):
        """Copy a static file or media file into the mirror unless it is there already."""
        self.assets.add(path)
        target = file_for(self.directory, path)
        if target.exists():
            return False
        if path.startswith(settings.STATIC_URL):
            source = finders.find(posixpath.normpath(path[len(settings.STATIC_URL) :]))
            if not source:
                return False
            content = Path(source).read_bytes()
        else:
            name = posixpath.normpath(path[len(settings.MEDIA_URL) :])
            if not default_storage.exists(name):
                return False
            with default_storage.open(name, "rb") as source:
                content = source.read()
        _write_atomically(target, content)  # another worker may be copying it too
        return True

    def render(self, path):
        """(content, tags, window, linked paths) of one address (window: what it shows of a
        listing, statements/windows.py), or None if it is not a public page."""
        if path.startswith(SKIPPED) or ("/search/" in path and path not in search_pages()):
            return None
        routed = self.routed.serve(path)
        if routed is None:
            # `secure`, not a default of the client: a request's own scheme overrides those.
            response = self.client.get(path, secure=self.https)
            request = response.wsgi_request
        else:
            response, request = routed
        if response.status_code in (301, 302):
            # The live site answers with a redirect (`/` by language, a category under
            # another language's slug): the mirror has a page that sends the browser on.
            redirect = redirects.find([path], self.requests.site()).get(path)
            if redirect is not None:
                return self._stand_in(path, redirect)
            # Statements do not move it: only the site's own changes touch it, and what the
            # view said it leads to (a category under another language's slug: its own).
            tags = sorted({page_cache.SITE, *page_cache.added_tags(request)})
            return self._redirect(path, response["Location"], tags)
        if response.status_code != 200 or response.streaming:
            return None
        if FULL_FEED.match(path):
            # It lists what its excerpt feed lists (the same newest items), and the export
            # renders both, finding this one through that one (with_full_feeds): read for
            # links, its 180 KB of XML gave nothing new and took a third of its time.
            links = set()
        else:
            links = self._links(response.content, response.get("Content-Type", ""), path)
        return response.content, page_cache.tags_of(request), window_of(request), links

    def _stand_in(self, path, redirect):
        """The page for one of Wagtail's redirects (redirects.py), or None if there is none."""
        if redirect is None:
            return None
        return self._redirect(path, redirects.location(redirect), redirects.tags(redirect))

    def _redirect(self, path, location, tags):
        content = redirects.page(location)
        return content, tags, None, internal_paths(content, "html", path, self.host)

    def _links(self, content, content_type, path):
        """The links of a page not sent back yet in this crawl, with a few already sent (the
        tags they come from are read again: see links.internal_paths)."""
        found = internal_paths(content, content_type, path, self.host, known=self.read_tags)
        return with_full_feeds(found)


def _by_language(paths):
    """`paths` grouped by their language, each group in order: a task holds addresses of
    one language (workers.Lanes)."""
    groups = {}
    for path in paths:
        groups.setdefault(locale_of(path), []).append(path)
    return groups.values()


def joined_tasks(first, second):
    """Two waiting tasks of addresses as one (workers.Lanes), up to PATHS_PER_RUN addresses;
    None for any other tasks."""
    if first[0] != "paths" or second[0] != "paths":
        return None
    if len(first[1]) + len(second[1]) > PATHS_PER_RUN:
        return None
    return ("paths", first[1] + second[1])


def with_full_feeds(links):
    """`links` and the full-content version of each feed among them (`/xx/feeds/full/…`):
    no page links those, but member organisations republish from them."""
    feeds = {FEED.sub(r"/\1/feeds/full/\2", link) for link in links
             if "/feeds/" in link and FEED.match(link)}  # fmt: skip
    return links | feeds if feeds else links


def search_pages():
    return {f"/{code}/search/" for code, _name in settings.LANGUAGES}


class Exporter:
    def __init__(self, directory, host="localhost", https=False, workers=None, warm=False):
        """`warm`: keep the renderers of `changed()` from one export to the next
        (workers.Kept), for a process that exports again and again (`--watch`); `close()`
        ends them."""
        self.directory = Path(directory)
        self.host = host
        self.https = https
        self.workers = workers or os.cpu_count() or 1
        self.warm = warm
        self._kept = None

    def close(self):
        """End the renderers kept between exports, if any."""
        if self._kept is not None:
            self._kept.close()
            self._kept = None

    @contextlib.contextmanager
    def _tasks(self, whole, statements):
        """Where a crawl's tasks go: kept renderers for an export by changes, if `warm`;
        else new ones, a language's pages to one of them (workers.lanes; `statements`:
        {language code: ids} of the statements the crawl renders in bulk)."""
        processes = self.workers if workers.can_fork() else 1
        if not self.warm or whole:
            renderer = Renderer(self.directory, self.host, self.https, whole)
            lane_of = self._lane_of(processes, statements)
            with workers.lanes(renderer, processes, lane_of, joined_tasks) as tasks:
                yield tasks
            return
        yield self._kept_renderers().tasks()

    def _kept_renderers(self):
        if self._kept is None:
            processes = self.workers if workers.can_fork() else 1
            renderer = Renderer(self.directory, self.host, self.https, whole=False)
            self._kept = workers.Kept(renderer, processes, self._lane_of(processes), joined_tasks)
        return self._kept

    @staticmethod
    def _lane_of(processes, statements=None):
        """The lane of a task among `processes` lanes (lanes.py), or None for one process
        (no lanes to plan). `statements`: {language code: ids} rendered in bulk."""
        if processes <= 1:
            return None
        languages = {page_id: code for code, ids in (statements or {}).items() for page_id in ids}
        return lanes.lane_of_task(lanes.languages_by_lane(processes), languages)

    def seeds(self):
        seeds = {"/", "/robots.txt", "/sitemap.xml"} | search_pages()
        for code, _name in settings.LANGUAGES:
            seeds |= {f"/{code}/", f"/{code}/feeds/statements.rss",
                      f"/{code}/feeds/statements.atom"}  # fmt: skip
        return seeds

    def crawl(self, paths, result, progress=None, statements=None, known=None, whole=True,
              stand_ins=()):  # fmt: skip
        """Render the statement pages `statements` ({language code: ids}) in bulk, then
        `paths` and every page they link to, with the assets they use, then the redirects'
        pages at `stand_ins` (redirects.py) that no page took; a linked page
        `known(paths)` names, or one `result` holds already, is left as it is."""
        seen = set(result.pages) | result.gone
        statements = statements or {}
        with self._tasks(whole, statements) as tasks:

            def take(task_result):
                outcomes, copied = task_result
                result.assets += copied
                fresh = []
                for path, tags, window, links, written in outcomes:
                    if tags is None:
                        self._remove(path, result)
                        continue
                    result.pages[path] = (tags, window)
                    if written:
                        result.written += 1
                        result.written_paths.add(path)
                    else:
                        result.unchanged += 1
                    if progress:
                        progress()
                    fresh += [link for link in links if link not in seen]
                if known is not None and fresh:
                    seen.update(known(set(fresh)))
                return fresh

            def follow(pending):
                while pending or tasks.outstanding:
                    for paths in _by_language(pending):
                        for start in range(0, len(paths), PATHS_PER_TASK):
                            tasks.submit(("paths", paths[start : start + PATHS_PER_TASK]))
                    pending = self._fresh(take(tasks.next_result()), seen)

            links = []
            bulk = [("statements", chunk) for ids in statements.values() for chunk in chunks(ids)]
            for task_result in tasks.map(bulk):
                seen |= {path for path, *_rest in task_result[0]}
                links += take(task_result)
            follow(self._fresh([normal_path(path) for path in paths] + links, seen))
            # Old addresses last: where a page answers one, the live site serves the page.
            old = [path for path in stand_ins if path not in seen]
            seen.update(old)
            links = []
            for task_result in tasks.map([("redirects", chunk) for chunk in chunks(old)]):
                links += take(task_result)
            follow(self._fresh(links, seen))

    @staticmethod
    def _fresh(links, seen):
        """Of `links`, the pages not seen yet, in order (assets are the renderers' to copy);
        noting them as seen."""
        fresh = []
        for path in links:
            if path in seen:
                continue
            seen.add(path)
            if not path.startswith((*ASSET_PREFIXES, f"/{search_index.OUTPUT}/")):
                fresh.append(path)  # the search index is written after the pages
        return fresh

    def _remove(self, path, result):
        result.pages.pop(path, None)
        result.gone.add(path)
        target = file_for(self.directory, path)
        if target.exists():
            target.unlink()
            result.removed += 1
            _remove_empty_parents(target.parent, self.directory)

    def full(self, progress=None):
        """Export everything; pages the previous export had and that are gone are removed.
        MirrorBusy if another export is writing the directory (lock.py)."""
        with lock.exclusive(self.directory):
            return self._full(progress)

    def changed(self, progress=None):
        """Re-render what shows statements, categories, organisations and redirects changed
        since the last export (see changes.py); export everything if what changed is on
        every page. MirrorBusy if another export is writing the directory (lock.py)."""
        if not Manifest(self.directory).exists():  # before the lock makes the directory
            raise FileNotFoundError(f"No previous export in {self.directory}: run a full one.")
        with lock.exclusive(self.directory):
            return self._changed(progress)

    @override_settings(**MIRROR_SETTINGS)
    def _full(self, progress=None):
        self.close()  # what kept renderers read may all be stale: the next starts anew
        with Manifest(self.directory) as manifest:
            return self._full_into(manifest, progress)

    def _full_into(self, manifest, progress):
        started = timezone.now()
        previous = manifest.paths()
        result = Result(whole=True)
        site = ExportRequests(self.host, self.https).site()
        self.crawl(self.seeds(), result, progress, public_statements_by_language(),
                   stand_ins=sorted(redirects.mirrored(site)))  # fmt: skip
        for path in previous - set(result.pages):
            self._remove(path, result)
        (self.directory / OLD_MANIFEST).unlink(missing_ok=True)
        # Pagefind indexes while the manifest is saved (1.8 s of this process's CPU on
        # 10,000 statements), from the statements' pages this export found.
        with ThreadPoolExecutor(max_workers=1) as indexer:
            indexed = indexer.submit(search_index.build, self.directory,
                                     statement_pages(result.pages))  # fmt: skip
            manifest.save(started.isoformat(), result.pages, replace=True)
            result.indexed = indexed.result()
        result.total = len(result.pages)
        return result

    @override_settings(**MIRROR_SETTINGS)
    def _changed(self, progress=None):
        with Manifest(self.directory) as manifest:
            exported_at = manifest.exported_at()
        if not exported_at:
            raise FileNotFoundError(f"No previous export in {self.directory}: run a full one.")
        since = timezone.datetime.fromisoformat(exported_at)
        if changes.site_changed(since):
            return self._full(progress)
        with Manifest(self.directory) as manifest:
            return self._changed_into(manifest, since, progress)

    def _changed_into(self, manifest, since, progress):
        started = timezone.now()
        if self.warm:
            self._kept_renderers().begin(changes.stale_items(since))
        stand_ins = changes.stale_stand_ins(manifest, since)
        stale = changes.stale_paths(manifest, since) - stand_ins
        result = Result()
        if not stale and not stand_ins:
            manifest.save(started.isoformat(), {})
            result.total = manifest.count()
            return result
        self._crawl_changes(manifest, stale, stand_ins, result, progress)
        rewritten = manifest.statement_ids(result.gone) | {
            statement_id(result.pages[path][0]) for path in result.written_paths
        } - {None}
        manifest.save(started.isoformat(), result.pages, removed=result.gone)
        if rewritten:
            # From the saved manifest, a few questions a language (IndexedStatements).
            indexed = IndexedStatements(manifest, [code for code, _name in settings.LANGUAGES])
            result.indexed = search_index.build(self.directory, indexed, rewritten)
        result.total = manifest.count()
        return result

    def _crawl_changes(self, manifest, stale, stand_ins, result, progress):
        """Render the `stale` pages and the redirects' pages `stand_ins` into `result`, and
        the archive pages below those added or gone."""
        known = lambda paths: manifest.known(paths - stale - stand_ins)  # noqa: E731
        self.crawl(sorted(stale), result, progress, known=known, whole=False,
                   stand_ins=sorted(stand_ins))  # fmt: skip
        added = set(result.pages) - manifest.known(set(result.pages))
        below = changes.pages_below(added, result.gone) - set(result.pages) - result.gone
        if below:
            self.crawl(sorted(below), result, progress, known=known, whole=False)
