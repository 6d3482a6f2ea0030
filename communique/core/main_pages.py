"""The main pages of every language (home, statements, organisations), and the URLs of the
pages a page links to.

Every page shows the main navigation and links to the other languages' home pages;
statements, listings and search results link to their language's statement index. One
query fetches all of these pages for all languages, with the site's structure, and the
process keeps them until something changes (core/structure.py). They are plain `Page`
objects (URL, title, locale): enough for links. Code that needs the specific page (its
routes, say) asks for it.

`page_url(page, request)` is `page.get_url(request)` for the links a page shows. Wagtail
reverses a URL for every page it is asked about (about 0.1 ms each: a listing asks for
forty); a page's URL is its parent's and its slug, so a statement's is its statement
index's URL and its slug, and each index's URL is worked out once a request.
"""

import functools
from operator import attrgetter

from django.utils.encoding import iri_to_uri
from wagtail.models import Page

from . import structure

_URLS = "_communique_page_urls"
VERSIONS = "_communique_page_versions"  # see navigation.language_links


def main_pages(request):
    """{locale id: {page model: its first live page of that model}} for the main models
    (read with the site's structure: core/structure.py)."""
    return structure.of(request).main_pages


def share(source, request):
    """Let `request` use what `source`, a request to the same site and host, has read: its
    main pages, page URLs and pages' language versions (the static export renders many
    pages, each on its own request)."""
    if hasattr(source, structure.ATTRIBUTE):
        setattr(request, structure.ATTRIBUTE, getattr(source, structure.ATTRIBUTE))
    for name in (_URLS, VERSIONS):  # filled as pages ask
        setattr(request, name, vars(source).setdefault(name, {}))


def live_pages_of(model):
    """The live pages of `model`, a page model with few pages (home pages, indexes).

    Picked through the model's own small table (an IN on its ids): filtered on the page
    table's columns alone, SQLite walked its `live` or locale index past every statement
    (8 ms for one locale's statement index on 100,000 statements, 30 ms for all of them).
    """
    return model.objects.live().filter(pk__in=model.objects.order_by().values("pk"))


def first_live_page(model, locale):
    """The first live page of `model` (see live_pages_of) in `locale`, or None."""
    pages = live_pages_of(model).filter(locale=locale).order_by()
    return min(pages, key=attrgetter("path"), default=None)


def main_page(request, locale, model):
    """The live page of `model` (one of the main models) in `locale`, or None."""
    return main_pages(request).get(locale.pk, {}).get(model)


def page_url(page, request):
    """`page.get_url(request)`, from the parent's URL when the parent is a main page.

    `page` needs its `path`, `slug` and `url_path`.
    """
    if request is None:
        return page.get_url(request)
    urls = vars(request).setdefault(_URLS, {})
    if page.path not in urls:
        urls[page.path] = (child_url(page.path, page.slug, request)
                           or structure.of(request).url(page, request))  # fmt: skip
    return urls[page.path]


def child_url(path, slug, request):
    """The URL of the page at `path` with `slug` if its parent is a main page, else None."""
    parent = structure.of(request).main_by_path.get(path[: -Page.steplen])
    parent_url = page_url(parent, request) if parent is not None else None
    return f"{parent_url}{_slug_in_url(slug)}/" if parent_url else None


@functools.lru_cache(maxsize=65_536)
def _slug_in_url(slug):
    """A slug as a URL holds it, percent-encoded (3.5 µs for a Greek one; asked again on
    every page that lists the statement)."""
    return iri_to_uri(slug)
