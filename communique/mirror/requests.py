"""Requests like the live site's, for the pages the export renders without the test client.

One `ExportRequests` per process: a base request on which the main pages, page URLs and
language versions (core/main_pages.share) and the listing items (listing.ItemCache) are
read once, and a request per page that shares them, as the middleware would have made it
for an anonymous reader of that page's language.
"""

from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory
from wagtail.models import Site

from communique.core import main_pages
from communique.statements.listing import ItemCache


class ExportRequests:
    def __init__(self, host="localhost", https=False, whole=True):
        """`whole`: for rendering the whole site, when listing items are best built by
        stretches (see ItemCache); a few pages need only their own."""
        extra = {"wsgi.url_scheme": "https", "SERVER_PORT": "443"} if https else {}
        self.factory = RequestFactory(HTTP_HOST=host, **extra)
        self.item_window = ItemCache.WINDOW if whole else 0
        self._base = None
        self._site = None
        self._items = None  # kept from an earlier export: see `forget`

    def base(self):
        """The request this process reads the shared things on."""
        if self._base is None:
            self._base = self.factory.get("/")
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
        base = self.base()
        request = self.factory.get(path)
        main_pages.share(base, request)
        ItemCache.share(base, request)
        request._wagtail_site = self._site
        request.user = AnonymousUser()
        request.LANGUAGE_CODE = language_code
        return request
