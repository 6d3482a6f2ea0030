"""Pages rendered by their own view, without the test client: what a main page serves from
its routes, and the feeds.

A statement index serves its listing with every page of it, the category, country, year
and month archives; the organisation directory serves itself and a page per organisation;
a home page serves itself.
With the feeds (RSS and Atom, excerpts and full content, per category, country and
organisation) these are four pages in five of an export. Through the test client each
costs the middleware and, for Wagtail's pages, the routing (the site, then a query per
level of the page tree), and reads the main pages again for its navigation. The export
knows the main pages: it finds the one whose address starts the path, resolves the rest
among that page's routes (a feed: among the URLconf's feeds), and calls the view on a
request like the one the live site gets, sharing what the process has read (main pages,
page URLs and versions, listing items: see `listing.ItemCache`). A test compares every
such page of the demo network with the live one, byte for byte.

Any other path (a statement, `/`, a standard page, the sitemap), and one under a restricted
main page, is left to the client: `serve()` returns None.
"""

from urllib.parse import unquote

from django.conf import settings
from django.http import Http404, HttpResponseNotFound
from django.urls import Resolver404, resolve
from django.utils import translation
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page

from communique.core import main_pages
from communique.core.models import HomePage

from .requests import ExportRequests


class RoutedPages:
    def __init__(self, host="localhost", https=False, requests=None):
        self.requests = requests or ExportRequests(host, https)
        self._routes = None
        self._homes = None
        self.languages = {code for code, _name in settings.LANGUAGES}

    def routes(self):
        """[(decoded address, specific main page)] of the public routable main pages,
        longest address first."""
        if self._routes is None:
            self._read_main_pages()
        return self._routes

    def homes(self):
        """{decoded address: specific home page} of the public home pages."""
        if self._homes is None:
            self._read_main_pages()
        return self._homes

    def _read_main_pages(self):
        base = self.requests.base()
        found = [page for by_model in main_pages.main_pages(base).values()
                 for model, page in by_model.items()
                 if issubclass(model, (RoutablePageMixin, HomePage))]  # fmt: skip
        specific = Page.objects.filter(pk__in=[page.pk for page in found]).specific()
        public = [(unquote(main_pages.page_url(page, base)), page)
                  for page in specific.select_related("locale")
                  if not page.get_view_restrictions().exists()]  # fmt: skip
        self._homes = {address: page for address, page in public if isinstance(page, HomePage)}
        routes = [(address, page) for address, page in public if address not in self._homes]
        self._routes = sorted(routes, key=lambda route: -len(route[0]))

    def serve(self, path):
        """(response, request) for `path` if a main page routes it or is at it, else None."""
        decoded = unquote(path)
        if "//" in decoded:
            return None
        if not decoded.endswith("/"):
            return self._serve_feed(path)
        home = self.homes().get(decoded)
        if home is not None:
            return self._serve_page(path, home, ())
        found = next(((address, page) for address, page in self.routes()
                      if decoded.startswith(address)), None)  # fmt: skip
        if found is None:
            return self._serve_feed(path)
        address, page = found
        try:
            match = page.resolve_subpage("/" + decoded[len(address) :])
        except Http404:
            return None  # a statement: its index routes it to a child page
        return self._serve_page(path, page, match)

    def _serve_page(self, path, page, match):
        request = self.requests.for_path(path, page.locale.language_code)
        if match:
            request.routable_resolver_match = match
        with translation.override(page.locale.language_code):
            try:
                response = page.serve(request, *match)
                if hasattr(response, "render"):
                    response.render()
            except Http404:
                response = HttpResponseNotFound()
        return response, request

    def _serve_feed(self, path):
        """(response, request) of a feed, from its view; None for any other address."""
        language = path.split("/")[1]
        if language not in self.languages:
            return None
        with translation.override(language):
            try:
                match = resolve(unquote(path))
            except Resolver404:
                return None
            if match.namespace != "feeds":
                return None
            request = self.requests.for_path(path, language)
            try:
                response = match.func(request, *match.args, **match.kwargs)
            except Http404:
                response = HttpResponseNotFound()
        return response, request
