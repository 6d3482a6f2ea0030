"""Write the public site as files any static web server can serve at the same addresses.

A full export renders every page reachable from the home pages, the sitemap, robots.txt
and the feeds (the site links every public page from one of them), through the same
views, middleware and templates as the live site, and writes `/a/b/` as `a/b/index.html`
and `/a/b.xml` as `a/b.xml`. Images and static assets the pages use are copied from their
storages. A manifest (`.communique-mirror.json`) records each page's cache tags (see
core/page_cache.py) and the time of the export. Search works in the mirror through a
client-side index (search_index.py) that each export rebuilds, and a search page rendered
in its static form.

`--changed` re-renders only the pages whose tags say they show a statement published,
unpublished or deleted since then — the statement's versions, and the pages that list
statements — writes the files whose bytes differ, adds new pages and removes gone ones.
The result is byte-identical to a full export (a test holds it to that).
"""

import json
import posixpath
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.storage import default_storage
from django.test import Client, override_settings
from django.utils import timezone
from wagtail.models import PageLogEntry

from communique.core import page_cache
from communique.statements.models import StatementPage

from . import search_index
from .links import internal_paths, normal_path

MANIFEST = ".communique-mirror.json"
SKIPPED = ("/admin/", "/api/", "/documents/", "/_util/", "/django-admin/")
# Rendered while exporting: pages that need a server render their static form.
MIRROR_SETTINGS = {"COMMUNIQUE_PAGE_CACHE_SECONDS": 0, "COMMUNIQUE_STATIC_MIRROR": True}
CHANGES = ("wagtail.publish", "wagtail.unpublish", "wagtail.delete", "wagtail.move")


@dataclass
class Result:
    written: int = 0
    unchanged: int = 0
    removed: int = 0
    assets: int = 0
    indexed: int | None = None  # statement pages in the search index, if rebuilt
    pages: dict = field(default_factory=dict)  # path: tags


def file_for(directory, path):
    """Where a static server looks for `path`: decoded, `index.html` for a directory."""
    relative = unquote(path).lstrip("/")
    if not relative or relative.endswith("/"):
        relative += "index.html"
    target = (directory / relative).resolve()
    if directory.resolve() not in target.parents:
        raise ValueError(f"{path} would be written outside {directory}")
    return target


def _write_if_changed(target, content):
    if target.exists() and target.read_bytes() == content:
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(content)
    return True


def _redirect_page(location):
    """A static stand-in for a redirect."""
    return (f'<!doctype html><meta charset="utf-8"><meta http-equiv="refresh" '
            f'content="0; url={location}"><link rel="canonical" href="{location}">'
            f'<a href="{location}">{location}</a>\n').encode()  # fmt: skip


class Exporter:
    def __init__(self, directory, host="localhost", https=False):
        self.directory = Path(directory)
        self.host = host
        extra = {"wsgi.url_scheme": "https"} if https else {}
        self.client = Client(HTTP_HOST=host, **extra)

    def render(self, path):
        """(content, tags, linked paths) of one address, or None if it is not a public page."""
        if path.startswith(SKIPPED) or ("/search/" in path and path not in self.search_pages()):
            return None
        response = self.client.get(path)
        if response.status_code in (301, 302):
            # The live site answers with a redirect (`/` by language, a category under
            # another language's slug): the mirror has a page that sends the browser on.
            location = response["Location"]
            target = internal_paths(_redirect_page(location), "html", path, self.host)
            return _redirect_page(location), page_cache.tags_of(response.wsgi_request), target
        if response.status_code != 200 or response.streaming:
            return None
        content_type = response.get("Content-Type", "")
        links = internal_paths(response.content, content_type, path, self.host)
        return response.content, page_cache.tags_of(response.wsgi_request), links

    @staticmethod
    def search_pages():
        return {f"/{code}/search/" for code, _name in settings.LANGUAGES}

    def seeds(self):
        seeds = {"/", "/robots.txt", "/sitemap.xml"} | self.search_pages()
        for code, _name in settings.LANGUAGES:
            seeds |= {f"/{code}/", f"/{code}/feeds/statements.rss",
                      f"/{code}/feeds/statements.atom"}  # fmt: skip
        return seeds

    def crawl(self, paths, known, result, progress=None):
        """Render `paths` and every page they link to that is not in `known`."""
        paths = [normal_path(path) for path in paths]
        queue, seen, assets = list(paths), set(paths) | set(known), set()
        while queue:
            path = queue.pop()
            if path.startswith((settings.STATIC_URL, settings.MEDIA_URL)):
                assets.add(path)
                continue
            if path.startswith(f"/{search_index.OUTPUT}/"):
                continue  # written by search_index.build() after the pages
            rendered = self.render(path)
            if rendered is None:
                self._remove(path, result)
                continue
            content, tags, links = rendered
            result.pages[path] = tags
            if _write_if_changed(file_for(self.directory, path), content):
                result.written += 1
            else:
                result.unchanged += 1
            if progress:
                progress()
            for link in links - seen:
                seen.add(link)
                queue.append(link)
        return assets

    def _remove(self, path, result):
        result.pages.pop(path, None)
        target = file_for(self.directory, path)
        if target.exists():
            target.unlink()
            result.removed += 1

    def copy_assets(self, paths, result):
        for path in sorted(paths):
            target = file_for(self.directory, path)
            if path.startswith(settings.STATIC_URL):
                source = finders.find(posixpath.normpath(path[len(settings.STATIC_URL) :]))
                if source and not target.exists():
                    target.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copyfile(source, target)
                    result.assets += 1
            elif path.startswith(settings.MEDIA_URL):
                name = posixpath.normpath(path[len(settings.MEDIA_URL) :])
                if default_storage.exists(name) and not target.exists():
                    target.parent.mkdir(parents=True, exist_ok=True)
                    with default_storage.open(name, "rb") as source:
                        target.write_bytes(source.read())
                    result.assets += 1

    @override_settings(**MIRROR_SETTINGS)
    def full(self, progress=None):
        """Export everything; pages the previous export had and that are gone are removed."""
        started = timezone.now()
        previous = self._manifest().get("pages", {})
        result = Result()
        assets = self.crawl(self.seeds(), (), result, progress)
        for path in set(previous) - set(result.pages):
            self._remove(path, result)
        self.copy_assets(assets, result)
        result.indexed = search_index.build(self.directory)
        self._save_manifest(started, result.pages)
        return result

    @override_settings(**MIRROR_SETTINGS)
    def changed(self, progress=None):
        """Re-render what shows statements published, unpublished or deleted since the export."""
        manifest = self._manifest()
        if not manifest:
            raise FileNotFoundError(f"No previous export in {self.directory}: run a full one.")
        started = timezone.now()
        since = timezone.datetime.fromisoformat(manifest["exported_at"])
        tags = self._changed_tags(since)
        previous = manifest["pages"]
        result = Result(pages=dict(previous))
        stale = [path for path, page_tags in previous.items() if tags & set(page_tags)]
        assets = self.crawl(stale, previous, result, progress) if tags else set()
        self.copy_assets(assets, result)
        if tags:
            result.indexed = search_index.build(self.directory)
        self._save_manifest(started, result.pages)
        return result

    @staticmethod
    def _changed_tags(since):
        page_ids = PageLogEntry.objects.filter(timestamp__gte=since, action__in=CHANGES
                                               ).values_list("page_id", flat=True)  # fmt: skip
        if not page_ids:
            return set()
        page_ids = set(page_ids)
        keys = StatementPage.objects.filter(pk__in=page_ids).values_list(
            "translation_key", flat=True
        )
        # A deleted statement leaves no key behind, but its page is tagged with its id.
        return ({page_cache.statement_tag(key) for key in keys}
                | {f"page:{page_id}" for page_id in page_ids} | {page_cache.LISTINGS})  # fmt: skip

    def _manifest(self):
        path = self.directory / MANIFEST
        return json.loads(path.read_text()) if path.exists() else {}

    def _save_manifest(self, started, pages):
        self.directory.mkdir(parents=True, exist_ok=True)
        data = {"exported_at": started.isoformat(), "pages": dict(sorted(pages.items()))}
        (self.directory / MANIFEST).write_text(json.dumps(data, indent=0) + "\n")
