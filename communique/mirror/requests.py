"""Requests like the live site's, for the pages the export renders without the test client.

One `ExportRequests` per process: a base request on which the main pages, page URLs and
language versions (core/main_pages.share) and the listing items (listing.ItemCache) are
read once, and a request per page that shares them, as the middleware would have made it
for an anonymous reader of that page's language.
"""

import io
from urllib.parse import unquote_to_bytes

from django.contrib.auth.models import AnonymousUser
from django.core.handlers.wsgi import WSGIRequest
from django.test import RequestFactory
from wagtail.models import Site

from communique.core import main_pages
from communique.statements.listing import ItemCache


class ExportRequests:
    def __init__(self, host="localhost", https=False, whole=True):
        """`whole`: for rendering the whole site, when listing items are best built by
        stretches (see ItemCache); a few pages need only their own."""
        # The scheme as each request's own (`secure`): RequestFactory sets a request's
        # scheme and port over its defaults, so https given as a default was lost.
        self.factory = RequestFactory(HTTP_HOST=host)
        self.https = https
        self.item_window = ItemCache.WINDOW if whole else 0
        self._base = None
        self._environ = None  # the base request's, for every page's (`for_path`)
        self._site = None
        self._items = None  # kept from an earlier export: see `forget`

    def base(self):
        """The request this process reads the shared things on."""
        if self._base is None:
            self._base = self.factory.get("/", secure=self.https)
            self._environ = dict(self._base.environ)
            self._site = Site.find_for_request(self._base)
            ItemCache.attach(self._base, self.item_window, self._items)
        return self._base

    def forget(self, page_ids=None):
        """Before rendering again after content changed: read the site, its main pages,
        page URLs and versions again, and keep the listing items but those of the
        statements with `page_ids` (None: keep none; see ItemCache.forget)."""
        if self._base is not None:
            self._items = ItemCache.of(self._base)
            self._items.forget(page_ids)
        self._base = self._site = None

    def site(self):
        """The site the mirror is of (found for the export's host)."""
        self.base()
        return self._site

    def for_path(self, path, language_code):
        """The request for the page at `path` (no query string): the base request's WSGI
        environment with the page's path, decoded as a server decodes it (the test client's
        RequestFactory builds the whole environment again for each: 54 µs against 23)."""
        base = self.base()
        path_info = unquote_to_bytes(path).decode("iso-8859-1")
        request = WSGIRequest({**self._environ, "PATH_INFO": path_info, "wsgi.input": io.BytesIO()})
        main_pages.share(base, request)
        ItemCache.share(base, request)
        request._wagtail_site = self._site
        request.user = AnonymousUser()
        request.LANGUAGE_CODE = language_code
        return request
