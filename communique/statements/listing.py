"""Build what listings and statement pages show, with a fixed number of queries."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.http import Http404
from wagtail.models import Page

from communique.core import structure
from communique.core.languages import language_order
from communique.core.main_pages import child_url, first_live_page, main_page
from communique.core.page_cache import add_tags, statement_tag
from communique.core.prepared import PreparedRead
from communique.core.translations import localized_map
from communique.syndication.metadata import statement_json_ld

from .models import Category, ListedStatement, StatementIndexPage, StatementPage
from .pagination import ListedStatements
from .queries import LISTED_FIELDS

LATEST_ON_HOME_PAGE = 6


@dataclass
class ListingItem:
    page: StatementPage
    is_fallback: bool
    translations: list = field(default_factory=list)
    categories: list = field(default_factory=list)


@dataclass
class Translation:
    language_code: str
    title: str
    url: str
    page_id: int


@dataclass
class ArchiveYear:
    year: int
    url: str
    total: int = 0
    months: list = field(default_factory=list)  # (first day, total, url), oldest first


def archive_years(month_counts, base_url):
    """The archive page's years (newest first), each with its count and its months.

    `month_counts`: [(first day, total)], newest first (`StatementIndexPage.month_counts`).
    """
    years = {}
    for month, total in month_counts:
        year = years.setdefault(month.year, ArchiveYear(month.year, f"{base_url}{month:%Y}/"))
        year.total += total
        year.months.insert(0, (month, total, f"{base_url}{month:%Y/%m}/"))
    return list(years.values())


def year_navigation(month_counts, year, base_url):
    """The navigation of a year's and a month's pages: the year and the months of it that
    hold statements (oldest first; `months` as (first day, url)), without counts, so that it
    changes only when a month gets its first statement or loses its last."""
    months = [(month, f"{base_url}{month:%Y/%m}/")
              for month, _total in reversed(month_counts) if month.year == year]  # fmt: skip
    return ArchiveYear(year, f"{base_url}{year:04d}/", months=months)


def archive_page_navigation(year, month, base_url):
    """The navigation of a year's or a month's archive page (page 3 of May): the year, and
    the month if it is one, but not the year's other months. Those change when a month gets
    its first statement, and every archive page of the year would change with them (on a
    large archive, thousands of pages the static mirror must write again); the front page
    shows them and the archive page links it."""
    months = [(month, f"{base_url}{month:%Y/%m}/")] if month else []
    return ArchiveYear(year, f"{base_url}{year:04d}/", months=months)


_VERSIONS = PreparedRead(
    lambda keys: StatementPage.objects.filter(
        listings__translation_key__in=keys, listings__is_fallback=False
    ).values_list("pk", "title", "path", "slug", "url_path", "translation_key", "locale_id")
)


def translations_by_key(keys, request):
    """Return {translation_key: [Translation, …]} of every published version, in language order.

    Read from the listing table: each published, public version is listed as its own
    locale's (not fallback) row, found by key through an index on any database.
    """
    locales = structure.current().locales_by_id
    grouped = defaultdict(list)
    for pk, title, path, slug, url_path, key, locale_id in _VERSIONS.read(list(keys)):
        url = child_url(path, slug, request) if request is not None else None
        if url is None:  # not under its language's statement index: ask Wagtail
            url = Page(pk=pk, path=path, slug=slug, url_path=url_path).get_url(request)
        grouped[key].append(Translation(locales[locale_id].language_code, title, url, pk))
    for versions in grouped.values():
        versions.sort(key=lambda version: language_order(version.language_code))
    return grouped


_ASSIGNED = PreparedRead(
    lambda page_ids: StatementPage.categories.through.objects.filter(
        statementpage_id__in=page_ids
    ).values_list("statementpage_id", "category_id")
)


def category_keys(page_ids):
    """{page id: [translation keys of its categories]} of saved statements: one query."""
    return _keys_by_page(_ASSIGNED, Category, page_ids)


def _keys_by_page(read, model, page_ids):
    """{page id: [translation keys of the `model` items it names, in the order read]}, from
    the (page id, item id) rows of `read` (a PreparedRead); the site's structure holds the
    items themselves."""
    held = structure.current()
    found = defaultdict(list)
    for page_id, item_id in read.read(list(page_ids)):
        key = held.translation_key(model, item_id)
        if key is not None:
            found[page_id].append(key)
    return found


def localized_categories(pages, locale):
    """Return {page id: [its categories, each in `locale` where translated]}: one query."""
    assigned = category_keys(page.pk for page in pages)
    localized = localized_map(Category, {key for keys in assigned.values() for key in keys}, locale)
    return {page.pk: _by_name(localized[key] for key in assigned[page.pk]) for page in pages}


def statement_categories(page):
    """One statement's categories, each in its language where translated: one query."""
    if _in_memory(page, "categories"):
        keys = [category.translation_key for category in page.categories.all()]
    else:
        keys = category_keys([page.pk])[page.pk]
    return _by_name(localized_map(Category, keys, page.locale).values())


def _in_memory(page, relation):
    """Whether `page` holds `relation` (categories, signatories…) in memory rather than in
    the database: a preview's or a draft's, as modelcluster keeps them until saved."""
    return page.pk is None or relation in getattr(page, "_cluster_related_objects", {})


def _by_name(categories):
    return sorted(categories, key=lambda category: category.name.casefold())


def build_items(pages, locale, request, translations=True):
    """The ListingItems of `pages` (a queryset or a list of pages, in its order) as `locale`
    lists them.

    `translations=False`: the caller does not show "Also in" (a feed), so the items may
    come without their translations (kept items have them anyway).
    """
    cache = ItemCache.of(request)
    if cache is not None:
        return cache.items(pages, locale, request)
    return _build_items(pages, locale, request, translations)


def _build_items(pages, locale, request, translations=True):
    return _items_of(_with_locales(pages), locale, request, translations)


def _with_locales(pages):
    """`pages` read, each with its locale (held by the site's structure: no join)."""
    locales = structure.current().locales_by_id
    pages = list(pages)
    for page in pages:
        page.locale = locales[page.locale_id]
    return pages


def _items_of(pages, locale, request, translations=True):
    """ListingItems of `pages`, a list of pages with their locale read."""
    versions = _versions_of(pages, request) if translations else {}
    categories = localized_categories(pages, locale)
    return [
        ListingItem(
            page=page,
            is_fallback=page.locale_id != locale.pk,
            translations=[
                version
                for version in versions.get(page.pk, ())
                if version.language_code != page.locale.language_code
            ],
            categories=categories[page.pk],
        )
        for page in pages
    ]


def _versions_of(pages, request):
    """{page id: [Translation, …] of every published version of its statement} of `pages`.

    The versions are the same whatever the language of the listing that shows the page: a
    process with an ItemCache (the export) reads them once per statement, not once per
    language (three quarters of working out a stretch's items, once its pages are read, on
    10,000 statements)."""

    def read(page_ids):
        wanted = set(page_ids)
        keys = {page.translation_key for page in pages if page.pk in wanted}
        by_key = translations_by_key(keys, request)
        return {page.pk: by_key.get(page.translation_key, []) for page in pages
                if page.pk in wanted}  # fmt: skip

    cache = ItemCache.of(request)
    if cache is None:
        return read([page.pk for page in pages])
    missing = [page.pk for page in pages if page.pk not in cache.versions]
    if missing:
        cache.versions.update(read(missing))
    return {page.pk: cache.versions.get(page.pk, []) for page in pages}


class ItemCache:
    """ListingItems kept for the many listing pages one process renders (the static export).

    A statement appears on several listings of a locale (every page of the locale's
    listing, its year, month, categories, countries and signatories), and neighbours in a
    listing are neighbours elsewhere. So when a page asks for items not kept yet, the items
    of its stretch of the locale's listing are built together (`WINDOW` positions each
    side, a few queries), and every later page of that stretch, in any listing, only asks
    which statements it shows. An item does not depend on the listing that shows it, only
    on the statement, the locale and the site; the export renders each page on a request
    of its own to the same host, which shares the cache (`share`). The locales that list
    a statement untranslated share its page (body, text, excerpt). Past `LIMIT` items or
    `PAGE_LIMIT` pages (give or take one stretch), the cache starts again, without
    stretches.

    The limits are sized so that a worker keeps everything it reads of the largest archive
    the benchmarks make, 100,000 statements in three languages (a worker peaked at 2.1–2.2
    GB with the crawl's record of tags, its statements read without their bodies:
    queries.LISTED_FIELDS; 2.6–2.7 GB with them): a restart drops every item's
    HTML and feed XML with the items, and from then on each page builds its own items
    alone, so with the limits at 200,000 items and 50,000 pages a worker started again
    every few thousand pages there and the whole export took twice as long (1,117 s
    against 524 s). Past them (a larger archive) memory is what matters.
    """

    ATTRIBUTE = "_communique_item_cache"
    ITEM = "item"  # fragments keyed (ITEM, page id, …): a statement's HTML as an item
    SCOPE = "scope"  # fragments keyed (SCOPE, …): what a feed follows (syndication/scopes.py)
    # Fragments keyed (SELF_KEYED, …) by all they show (an archive page's year with its
    # counts): never stale.
    SELF_KEYED = "self-keyed"
    WINDOW = 200
    SPREAD = 1000  # a page whose statements lie further apart builds only its own
    LIMIT = 400_000  # items: every language of 100,000 statements lists them all, ~300,000
    PAGE_LIMIT = 150_000  # statement pages read: 100,000 there
    # What a process that exports again and again keeps between exports (see `forget`):
    # item HTML and feed item XML of 1-5 KB, statements with their bodies.
    KEPT_FRAGMENTS, KEPT_PAGES = 50_000, 10_000

    def __init__(self, window=WINDOW):
        self.window = window  # 0: build only what a page asks for (a few pages to render)
        # Whether listings are read whole (pagination.whole_listing): for the whole site,
        # not for the few pages an export after a change renders. Those read are kept apart
        # from the fragments, through the restarts past LIMIT (24 bytes a row: every listing
        # of a worker's languages on 100,000 statements is ~70 MB; dropped at each restart,
        # they would be read again dozens of times), and forgotten with the rest (`forget`).
        self.whole_listings = window > 0
        self.listings = {}
        self.kept = {}  # (locale id, page id): ListingItem
        self.pages = {}  # page id: StatementPage, its locale read
        self.fragments = {}  # what else a process works out once: see `remember`
        # page id: its statement's published versions (Translations), for every language;
        # small, so not counted against KEPT_FRAGMENTS.
        self.versions = {}

    @classmethod
    def of(cls, request):
        return getattr(request, cls.ATTRIBUTE, None)

    def has(self, key):
        """Whether something is kept for `key` (see `remember`)."""
        return key in self.fragments

    def remember(self, key, compute):
        """compute(), worked out once for `key` (an item's HTML: see the statement_item
        template tag; a feed's scope)."""
        if key not in self.fragments:
            self.fragments[key] = compute()
        return self.fragments[key]

    def each(self, kind, name, ids, compute, default=None):
        """{id: value} for `ids`, each kept under (kind, id, name): those not kept yet are
        worked out together, compute(missing ids) → {id: value} (an id left out: `default`).
        Kind ITEM for what belongs to a statement (id: its page id; see `forget`)."""
        missing = [key for key in ids if (kind, key, name) not in self.fragments]
        if missing:
            found = compute(missing)
            for key in missing:
                self.fragments[kind, key, name] = found.get(key, default)
        return {key: self.fragments[kind, key, name] for key in ids}

    def forget(self, page_ids=None):
        """Forget the items and item HTML of the statements with `page_ids` (None: of
        every statement and the feeds' scopes) and all that is
        kept about listings (which statements a feed or a listing shows: any publication
        may change it); fragments keyed by all they show (SELF_KEYED) stay. For a process
        that renders again after content changed (`export_static --watch`): what it kept of
        every other statement still holds, as an item depends only on its statement, its
        translation group (the ids must name every version), its categories and signatories
        (whose changes call for forgetting everything) and the site; a scope only on its
        category, country or organisation and the site. Past
        KEPT_FRAGMENTS or KEPT_PAGES, everything is forgotten, so that a long-running process
        stays within ~200 MB."""
        self.listings = {}  # any publication moves positions
        if (page_ids is None or len(self.fragments) > self.KEPT_FRAGMENTS
                or len(self.pages) > self.KEPT_PAGES):  # fmt: skip
            self.kept, self.pages, self.fragments, self.versions = {}, {}, {}, {}
            return
        gone = set(page_ids)
        self.versions = {pk: found for pk, found in self.versions.items() if pk not in gone}
        self.kept = {key: item for key, item in self.kept.items() if key[1] not in gone}
        self.pages = {pk: page for pk, page in self.pages.items() if pk not in gone}
        self.fragments = {key: kept for key, kept in self.fragments.items()
                          if key[0] in (self.SCOPE, self.SELF_KEYED)
                          or (key[0] == self.ITEM and key[1] not in gone)}  # fmt: skip

    @classmethod
    def attach(cls, request, window=WINDOW, cache=None):
        """Give `request` an ItemCache: `cache`, or a new one."""
        setattr(request, cls.ATTRIBUTE, cache or cls(window))

    @classmethod
    def share(cls, source, request):
        setattr(request, cls.ATTRIBUTE, getattr(source, cls.ATTRIBUTE))

    def items(self, pages, locale, request):
        if isinstance(pages, ListedStatements):
            ids = pages.ids
        elif isinstance(pages, list):
            ids = [page.pk for page in pages]
        else:
            ids = list(pages.values_list("pk", flat=True))
        if len(self.kept) > self.LIMIT or len(self.pages) > self.PAGE_LIMIT:
            # Before working out what is missing: a page never asks for dropped items.
            self.kept.clear()
            self.pages.clear()
            self.fragments.clear()
            self.versions.clear()
            # From now on a page builds only its own items: an archive this large brings a
            # page's neighbours back only after the cache has forgotten them (on 100,000
            # statements a month page built its stretch of 400 items for 10, 500 ms).
            self.window = 0
        missing = [page_id for page_id in ids if (locale.pk, page_id) not in self.kept]
        if missing:
            self._build_stretch(missing, locale, request)
        return [self.kept[locale.pk, page_id] for page_id in ids]

    def _build_stretch(self, missing, locale, request):
        from .queries import listing_rows

        rows = listing_rows(locale)
        wanted = set(missing)
        # Every locale's rows of these pages, through the page index: asked for the locale's
        # alone, SQLite walked the locale's whole listing (85 ms a page on 100,000).
        placed = ListedStatement.objects.filter(page_id__in=missing)
        positions = [position
                     for locale_id, position in placed.values_list("locale_id", "position")
                     if locale_id == locale.pk]  # fmt: skip
        if self.window and positions and max(positions) - min(positions) <= self.SPREAD:
            stretch = rows.filter(position__gte=min(positions) - self.window,
                                  position__lte=max(positions) + self.window)  # fmt: skip
            wanted |= set(stretch.values_list("page_id", flat=True))
        unread = StatementPage.objects.filter(pk__in=wanted - set(self.pages)).only(*LISTED_FIELDS)
        self.pages.update((page.pk, page) for page in _with_locales(unread))
        pages = [self.pages[page_id] for page_id in wanted if page_id in self.pages]
        for item in _items_of(pages, locale, request):
            self.kept[locale.pk, item.page.pk] = item


def latest_items(locale, request):
    """The newest statements the locale lists, for its home page."""
    from .windows import NEWEST, note_window

    statements = StatementPage.objects.listed_in(locale)[:LATEST_ON_HOME_PAGE]
    items = build_items(statements, locale, request)
    note_window(request, "all", NEWEST, items)
    return items


def statement_index_for(locale):
    """The locale's live statement index, as its specific page (see first_live_page)."""
    return first_live_page(StatementIndexPage, locale)


def statement_index_link(locale, request):
    """The statement index of `locale` for links, from the request's main pages (no query
    once the navigation has read them; see core/main_pages.py)."""
    return main_page(request, locale, StatementIndexPage)


def find_category(slug, locale):
    """Return the category with this slug, in `locale` where translated; 404 if none has it."""
    candidates = sorted(structure.current().with_slug(Category, slug),
                        key=lambda c: c.locale_id != locale.pk)  # fmt: skip
    if not candidates:
        raise Http404("No such category")
    return localized_map(Category, [candidates[0].translation_key], locale)[
        candidates[0].translation_key
    ]


def statement_details(page, request):
    """Return the context a statement page needs beyond the page itself (also a preview's)."""
    from communique.organisations.models import Organisation

    versions = translations_by_key([page.translation_key], request)[page.translation_key]
    if _in_memory(page, "signatories"):
        signed = [signature.organisation.translation_key for signature in page.signatories.all()]
    else:
        signed = signatory_keys([page.pk])[page.pk]
    organisations = localized_map(Organisation, signed, page.locale)
    signatories = [organisations[key] for key in signed if key in organisations]
    countries = page.countries.all() if _in_memory(page, "countries") else _COUNTRIES.read(page.pk)
    return _details(page, request, versions, signatories, statement_categories(page), countries)


def _countries_of(page_id):
    from communique.core.models import Country

    return Country.objects.filter(statements=page_id)


_COUNTRIES = PreparedRead(_countries_of)


def _signatures_of(page_ids):
    from .models import StatementSignatory

    signatures = StatementSignatory.objects.filter(page__in=page_ids)
    return signatures.order_by("page_id", "sort_order", "pk").values_list(
        "page_id", "organisation_id"
    )


_SIGNATURES = PreparedRead(_signatures_of)


def signatory_keys(page_ids):
    """{page id: [translation key of each signatory organisation, in order]} of saved
    statements: one query."""
    from communique.organisations.models import Organisation

    return _keys_by_page(_SIGNATURES, Organisation, page_ids)


def many_statement_details(pages, request_for):
    """{page id: statement_details(page, request_for(page))} for many live, saved pages.

    The static export renders statement pages in bulk: a few queries for all of `pages`
    and each locale among them instead of a dozen a page. `pages` need their countries
    prefetched; `request_for(page)` is the request its page is rendered for.
    """
    from communique.organisations.models import Organisation

    pages = list(pages)
    if not pages:
        return {}
    versions = translations_by_key({page.translation_key for page in pages}, request_for(pages[0]))
    signed = signatory_keys([page.pk for page in pages])
    by_locale = defaultdict(list)
    for page in pages:
        by_locale[page.locale].append(page)
    details = {}
    for locale, group in by_locale.items():
        keys = {key for page in group for key in signed[page.pk]}
        organisations = localized_map(Organisation, keys, locale)
        categories = localized_categories(group, locale)
        for page in group:
            signatories = [organisations[key] for key in signed[page.pk]]
            details[page.pk] = _details(page, request_for(page), versions[page.translation_key],
                                        signatories, categories[page.pk],
                                        page.countries.all())  # fmt: skip
    return details


def _details(page, request, versions, signatories, categories, countries):
    details = {
        "translations": [v for v in versions if v.language_code != page.locale.language_code],
        "all_versions": versions,
        "signatories": signatories,
        "categories": categories,
        "countries": sorted(countries, key=lambda country: country.name),
        "statement_index": statement_index_link(page.locale, request),
    }
    details["statement_meta"] = statement_json_ld(page, request, details)
    add_tags(
        request,
        statement_tag(page.translation_key),
        f"page:{page.pk}",
        *(f"category:{category.translation_key}" for category in details["categories"]),
        *(f"organisation:{signatory.translation_key}" for signatory in details["signatories"]),
    )
    return details
