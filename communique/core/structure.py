"""The site's structure, read once after each change and shared by a process's requests.

Every page a reader asks for needs the same few things beside its own content: the site
its host names, the locale of its language, the home page it routes from, the main pages
(home, statements, organisations) of every language for navigation and links, whether any
page has view restrictions, and the categories and organisations it names in its language.
Read afresh, that was eight of a statement page's fourteen queries and more than half its
time (Wagtail routes from the site's root page down, reading each page twice: as a page,
then as its specific type; a category or organisation in a language is a query with a
subquery, costlier to build than to run).

None of it changes when a statement is published. It changes with a change core/changes.py
records in the same transaction: the site's row for any page but a statement (published,
unpublished, moved, deleted) and for sites, locales, countries and view restrictions; the
organisations' row; the categories' row. A process keeps them as a `Structure` and reads
those rows (one query, without the ORM) to know whether it is still current: once a
request (`of`; `serving` while the middleware serves it), or at each call outside a
request (`current`). A change made without Wagtail's or Django's signals (a queryset
`update()`, `loaddata`) is not seen until the next recorded one, as with the page cache.

Objects held here are shared between requests: callers that set attributes on a page
(routing does) get a copy (`child`, `home_for`); the rest only read them.
"""

import contextlib
import contextvars
import copy
import functools
import operator
import threading
from collections import defaultdict
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import Q
from django.http import Http404
from django.http.request import split_domain_port
from django.utils import translation
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.models.sites import get_site_for_hostname

ATTRIBUTE = "_communique_structure"
# What links to the main pages need (URL, title, language); the rest of a row is not read.
_LINK_FIELDS = ["id", "path", "depth", "slug", "url_path", "title", "live", "content_type_id",
                "translation_key", "locale__language_code"]  # fmt: skip
_lock = threading.Lock()
_latest = None
_serving = contextvars.ContextVar("communique_structure", default=None)


def _main_models():
    from communique.organisations.models import OrganisationIndexPage
    from communique.statements.models import StatementIndexPage

    from .models import HomePage

    return [HomePage, StatementIndexPage, OrganisationIndexPage]


@dataclass
class Structure:
    version: object
    sites: list
    locales: dict  # language code: Locale
    locales_by_id: dict  # id: Locale
    default_locale: Locale
    has_view_restrictions: bool
    main_pages: dict  # locale id: {main page model: its first live page (a plain Page)}
    main_by_path: dict  # path: a page of `main_pages`
    homes: dict  # (translation key, locale id): live specific page, of the sites' root pages
    children: dict  # parent path: {slug: specific page}, for each page in `homes`
    versions: dict  # translation key of a page in `homes` or `children`: its live versions
    snippets: dict  # model: {translation key: (original, {locale id: version})}
    countries: dict  # ISO code (upper case): Country
    _site_for: dict = field(default_factory=dict)
    _urls: dict = field(default_factory=dict)  # site id: {main page path: its URL}
    _slugs: dict = field(default_factory=dict)  # model: {slug: [versions]}, made when asked
    _keys: dict = field(default_factory=dict)  # model: {id: translation key}, made when asked

    def site_for(self, request):
        """Site.find_for_request's answer (Wagtail's own, with its query), found once for
        each host and port that a site names."""
        hostname = split_domain_port(request._get_raw_host())[0]
        port = request.get_port()
        # Only a host or port that some site names can change the answer: any other is
        # kept as None, so that made-up Host headers cannot grow this.
        key = (hostname if any(site.hostname == hostname for site in self.sites) else None,
               port if any(str(site.port) == port for site in self.sites) else None)  # fmt: skip
        if key not in self._site_for:
            try:
                self._site_for[key] = get_site_for_hostname(hostname, port)
            except Site.DoesNotExist:
                self._site_for[key] = None
        site = self._site_for[key]
        return copy.copy(site) if site is not None else None

    def url(self, page, request):
        """page.get_url(request), worked out once per site for a main page."""
        if page.path not in self.main_by_path:
            return page.get_url(request)
        site = Site.find_for_request(request)
        urls = self._urls.setdefault(site.pk if site is not None else None, {})
        if page.path not in urls:
            urls[page.path] = page.get_url(request)
        return urls[page.path]

    def active_locale(self):
        """Locale.get_active(), without its query."""
        try:
            code = get_supported_content_language_variant(translation.get_language())
            return self.locales[code]
        except (KeyError, LookupError):
            return self.default_locale

    def home_for(self, root_page):
        """`root_page.localized.specific` (a site's root page in the active language), or
        None if `root_page` is not one this structure holds."""
        locale = self.active_locale()
        page = self.homes.get((root_page.translation_key, locale.pk))
        if page is None:
            page = self.homes.get((root_page.translation_key, root_page.locale_id))
            if page is None or page.pk != root_page.pk:
                return None
        return copy.copy(page)

    def child(self, parent, slug):
        """(True, a copy of `parent`'s child page with `slug` or None) where this structure
        holds `parent`'s children; (False, None) where it does not."""
        children = self.children.get(parent.path)
        if children is None:
            return False, None
        found = children.get(slug)
        return True, copy.copy(found) if found is not None else None

    def main_page(self, locale, model):
        """The first live page of `model`, a main page model (home, statements,
        organisations), in `locale`, as its specific page (a copy); None if there is none
        or it is not a site root or a child of one (then ask main_pages.first_live_page)."""
        page = self.main_pages.get(locale.pk, {}).get(model)
        if page is None:
            return None
        held = self.homes.get((page.translation_key, page.locale_id)) or self.children.get(
            page.path[: -Page.steplen], {}
        ).get(page.slug)
        return copy.copy(held) if held is not None and held.pk == page.pk else None

    def country(self, code):
        """The country with this ISO code (any case), or None."""
        return self.countries.get(code.upper())

    def localized(self, model, keys, locale):
        """{translation key: its version in `locale`, else its original} of `keys` (see
        translations.localized_map), for `model`, one of the snippets held."""
        held = self.snippets[model]
        chosen = {}
        for key in keys:
            versions = held.get(key)
            if versions is not None:
                original, by_locale = versions
                chosen[key] = by_locale.get(locale.pk, original)
        return chosen

    def with_slug(self, model, slug):
        """Every version (any locale) of the held `model` with `slug`, oldest first."""
        if model not in self._slugs:
            slugs = defaultdict(list)
            for _original, by_locale in self.snippets[model].values():
                for version in by_locale.values():
                    slugs[version.slug].append(version)
            for versions in slugs.values():
                versions.sort(key=lambda version: version.pk)
            self._slugs[model] = dict(slugs)
        return self._slugs[model].get(slug, [])

    def translation_key(self, model, pk):
        """The translation key of the held `model`'s item with id `pk`, or None if none is
        held (one made without signals since: `localized` leaves such keys out too)."""
        if model not in self._keys:
            self._keys[model] = {version.pk: key
                                 for key, (_original, by_locale) in self.snippets[model].items()
                                 for version in by_locale.values()}  # fmt: skip
        return self._keys[model].get(pk)


def of(request):
    """The current structure, checked once for `request` and kept on it."""
    found = getattr(request, ATTRIBUTE, None)
    if found is None:
        found = current()
        setattr(request, ATTRIBUTE, found)
    return found


def active_locale():
    """Locale.get_active(), without its query."""
    return current().active_locale()


@contextlib.contextmanager
def serving(request):
    """While a request is served: `current()` is the structure checked for it."""
    token = _serving.set(of(request))
    try:
        yield
    finally:
        _serving.reset(token)


def current():
    """The current structure: the request's being served (see `serving`), else the one this
    process holds if nothing changed since it was read, else read again."""
    global _latest
    serving_now = _serving.get()
    if serving_now is not None:
        return serving_now
    version = _recorded_change()
    held = _latest
    if held is not None and held.version == version:  # None too: nothing recorded yet
        return held
    with _lock:
        # Reading the record first: a change committed while the rest is read makes the
        # next request read it all again.
        _latest = _read(version)
        return _latest


def _recorded_change():
    """When what the structure holds last changed, as core/changes.py records it: the site
    (any page but a statement, sites, locales, countries, view restrictions), the
    organisations and the categories, three rows read by primary key in one query, without
    the ORM's query building (which would take longer than the query: this runs on every
    request). A value to compare, not to read: SQLite gives text."""
    from .models import ContentChange
    from .page_cache import CATEGORIES, ORGANISATIONS, SITE

    table = connection.ops.quote_name(ContentChange._meta.db_table)  # the model's own name
    sql = (
        f"SELECT max(CASE WHEN scope = %s THEN changed_at END),"  # noqa: S608
        f" max(CASE WHEN scope = %s THEN changed_at END),"
        f" max(CASE WHEN scope = %s THEN changed_at END)"
        f" FROM {table} WHERE scope IN (%s, %s, %s)"
    )
    scopes = [SITE, ORGANISATIONS, CATEGORIES]
    with connection.cursor() as cursor:
        cursor.execute(sql, scopes + scopes)
        version = cursor.fetchone()
    return None if version == (None, None, None) else version


def _read(version):
    sites = list(Site.objects.select_related("root_page"))
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    by_id = {locale.pk: locale for locale in locales.values()}
    homes = {}
    root_keys = {site.root_page.translation_key for site in sites}
    for page in Page.objects.filter(translation_key__in=root_keys, live=True).specific():
        homes[(page.translation_key, page.locale_id)] = page
    children = _children_of(homes.values())
    main_pages = _main_pages()
    held = [*homes.values(), *(page for pages in children.values() for page in pages.values())]
    for page in held:
        page.locale = by_id[page.locale_id]  # what a page's language and links ask
    return Structure(
        version=version,
        sites=sites,
        locales=locales,
        locales_by_id=by_id,
        default_locale=Locale.get_default(),
        has_view_restrictions=PageViewRestriction.objects.exists(),
        main_pages=main_pages,
        main_by_path={page.path: page for pages in main_pages.values() for page in pages.values()},
        homes=homes,
        children=children,
        versions=_live_versions_of({page.translation_key for page in held}),
        snippets={model: _held(model, related) for model, related in _snippets()},
        countries={country.code: country for country in _countries()},
    )


def _countries():
    from .models import Country

    return Country.objects.all()


def _main_pages():
    types = ContentType.objects.get_for_models(*_main_models())  # cached by Django
    model_of = {content_type.pk: model for model, content_type in types.items()}
    found = defaultdict(dict)
    pages = (
        Page.objects.live().filter(content_type__in=model_of)
        .select_related("locale").only(*_LINK_FIELDS).order_by("path")
    )  # fmt: skip
    for page in pages:
        found[page.locale_id].setdefault(model_of[page.content_type_id], page)
    return dict(found)


def _live_versions_of(keys):
    """{translation key: [live page with that key (a plain Page, with its locale)]}: what
    `page.get_translations(inclusive=True).live()` finds, for the pages the structure holds."""
    versions = defaultdict(list)
    pages = Page.objects.live().filter(translation_key__in=keys).select_related("locale")
    for page in pages.only(*_LINK_FIELDS):
        versions[page.translation_key].append(page)
    return dict(versions)


def _children_of(parents):
    """{parent path: {slug: specific child}}: every child, live or not, as Wagtail's
    Page.route would find it by slug."""
    parents = {page.path: page for page in parents}
    children = {path: {} for path in parents}
    if not parents:
        return children
    below = functools.reduce(operator.or_, (Q(path__startswith=path) for path in parents))
    depths = {page.depth + 1 for page in parents.values()}
    for page in Page.objects.filter(below, depth__in=depths).specific():
        siblings = children.get(page.path[: -Page.steplen])
        if siblings is not None:
            siblings[page.slug] = page
    return children


class RoutesFromStructure:
    """For a site's root page: find the child a URL names among the children the structure
    holds (the main pages and other top pages of a language), not with a query."""

    def route(self, request, path_components):
        if path_components and request is not None:
            known, child = of(request).child(self, path_components[0])
            if known:
                if child is None:
                    raise Http404
                child._cached_parent_obj = self
                return child.route(request, path_components[1:])
        return super().route(request, path_components)


class ViewRestrictionsFromStructure:
    """Page.get_view_restrictions without its two queries while no page has any (Wagtail
    asks before serving every page)."""

    def get_view_restrictions(self):
        if not current().has_view_restrictions:
            return no_view_restrictions()
        return super().get_view_restrictions()


def no_view_restrictions():
    """An empty queryset of view restrictions that knows it is empty: iterating `none()`
    composes its SQL to find out (~70 µs, on every page Wagtail serves)."""
    restrictions = PageViewRestriction.objects.none()
    restrictions._result_cache = []  # evaluated: what iterating it would have found
    return restrictions


def _snippets():
    """The translatable snippets the structure holds, with the foreign keys read with them
    (what pages show of them): categories and organisations, few (tens, hundreds) and shown
    on most pages."""
    from communique.organisations.models import Organisation
    from communique.statements.models import Category

    return [(Category, ["locale"]), (Organisation, ["locale", "country"])]


def _held(model, related):
    """{translation key: (original, {locale id: version})} of every item of `model`; the
    original is the earliest created version."""
    versions = {}
    for item in model.objects.select_related(*related).order_by("pk"):
        _original, by_locale = versions.setdefault(item.translation_key, (item, {}))
        by_locale[item.locale_id] = item
    return versions
