"""Paginators for listings: a locale's whole listing, its years and months, and its narrower
listings (a category's, a country's, an organisation's) found by position instead of by
OFFSET; and, where a locale lists only its own translations, narrowed listings counted on
the listing table."""

import bisect
import datetime
import functools
from array import array
from collections.abc import Sequence

from django.conf import settings
from django.core.paginator import Paginator
from django.utils.functional import cached_property

from communique.core.pagination import newest_first_slice, window
from communique.core.prepared import PreparedRead

from .models import ListedInScope, ListedStatement


class PositionPaginator(Paginator):
    """A page is a range of positions in a listing table whose rows number the listing from
    its oldest statement (0), as pages are addressed (core/pagination.py): no scan of the
    pages before it, and the length is the highest position plus one. Subclasses say where
    the listing ends (`highest_position`) and which statements positions hold
    (`statements_at`); both read with prepared SQL (core/prepared.py), as every listing
    page asks them, or, given `whole` (a function giving the listing's WholeListing, as
    the static export keeps it: `whole_listing`), found in it. `object_list`, the function
    giving the listing's statements as a queryset, is not called."""

    def __init__(self, object_list, per_page, *, whole=None, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.whole = whole

    @cached_property
    def count(self):
        highest = self.highest_position()
        return 0 if highest is None else highest + 1

    def highest_position(self):
        raise NotImplementedError

    def statements_at(self, bottom, top):
        raise NotImplementedError


def _first(rows):
    return rows.values_list("position", flat=True)[:1]


def _listed_at(locale_id, bottom, top):
    from .models import StatementPage

    listed = StatementPage.objects.for_locale(locale_id)
    return listed.filter(listed_position__gte=bottom, listed_position__lte=top).newest_first()


def _dated(locale_id, start, stop):
    return ListedStatement.objects.filter(locale=locale_id, date__gte=start, date__lt=stop)


_HIGHEST = PreparedRead(
    lambda locale_id: _first(ListedStatement.objects.filter(locale=locale_id).order_by("-position"))
)
_LISTED_AT = PreparedRead(_listed_at)
_LISTED_IDS_AT = PreparedRead(
    lambda locale_id, bottom, top: (
        ListedStatement.objects.filter(locale=locale_id, position__gte=bottom, position__lte=top)
        .order_by("-position")
        .values_list("page_id", flat=True)
    )
)
_FIRST_DATED = PreparedRead(lambda *dates: _first(_dated(*dates).order_by("date", "page")))
_LAST_DATED = PreparedRead(lambda *dates: _first(_dated(*dates).order_by("-date", "-page")))


class ListedStatements(Sequence):
    """The statements at some positions of a listing, newest first, read when first used,
    as a queryset would be: the pages themselves (iterating), or only their `ids`, one small
    read (what the static export's item cache asks, as it holds most items already:
    listing.ItemCache)."""

    def __init__(self, read_pages, read_ids):
        self._read_pages, self._read_ids = read_pages, read_ids

    @cached_property
    def pages(self):
        return self._read_pages()

    @property
    def ids(self):
        if "pages" in self.__dict__:
            return [page.pk for page in self.pages]
        return self._read_ids()

    def __getitem__(self, index):
        return self.pages[index]

    def __len__(self):
        return len(self.pages)

    def __iter__(self):
        return iter(self.pages)


class ListingPaginator(PositionPaginator):
    """A locale's whole listing (ListedStatement): what `StatementQuerySet.for_locale(locale)`
    lists (its own translations and the originals of the rest), whose positions the
    listing table numbers. A page is ListedStatements."""

    def __init__(self, object_list, per_page, *, locale, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.locale = locale

    def highest_position(self):
        if self.whole:
            return self.whole().highest()
        return _HIGHEST.first(self.locale.pk)

    def statements_at(self, bottom, top):
        locale_id = self.locale.pk
        if self.whole:
            ids = [page_id for page_id, _date in self.whole().at(bottom, top)]
            read_ids = lambda: ids  # noqa: E731
        else:
            read_ids = lambda: _LISTED_IDS_AT.read(locale_id, bottom, top)  # noqa: E731
        return ListedStatements(lambda: _LISTED_AT.read(locale_id, bottom, top), read_ids)


class DatesPaginator(ListingPaginator):
    """A locale's listing between two dates (a year's, a month's): the listing is ordered by
    date, so its rows there hold consecutive positions, and a page is a range of them from
    the first (two index lookups, where counting and an OFFSET read every row before)."""

    def __init__(self, object_list, per_page, *, locale, start, stop, **kwargs):
        super().__init__(object_list, per_page, locale=locale, **kwargs)
        self.dates = (locale.pk, start, stop)

    @cached_property
    def first(self):
        if self.whole:
            return self.whole().first_dated(*self.dates[1:])
        return _FIRST_DATED.first(*self.dates)

    @cached_property
    def count(self):
        if self.whole:
            last = self.whole().last_dated(*self.dates[1:])
        else:
            last = _LAST_DATED.first(*self.dates)
        return 0 if last is None else last - self.first + 1

    def statements_at(self, bottom, top):
        return super().statements_at(self.first + bottom, self.first + top)


def _in_scope(locale_id, scope):
    return ListedInScope.objects.filter(locale=locale_id, scope=scope)


def _listed_pages(locale_id, pages, earliest, latest):
    """Statements `pages` as `locale_id` lists them, dated from `earliest` to `latest` (the
    dates bound the walk of the locale's listing index to the page's stretch)."""
    from .models import StatementPage

    listed = StatementPage.objects.for_locale(locale_id)
    return listed.filter(pk__in=pages, listed_date__range=(earliest, latest)).newest_first()


@functools.cache
def _newest_in_scope(count):
    """The read of a narrower listing's newest `count` rows, (position, page id, date),
    newest first (a slice is part of the SQL: one PreparedRead per count)."""
    return PreparedRead(
        lambda locale_id, scope: (
            _in_scope(locale_id, scope)
            .order_by("-position")
            .values_list("position", "page_id", "date")[:count]
        )
    )


_IN_SCOPE_AT = PreparedRead(
    lambda locale_id, scope, bottom, top: (
        _in_scope(locale_id, scope)
        .filter(position__gte=bottom, position__lte=top)
        .order_by("-position")
        .values_list("page_id", "date")
    )
)
_LISTED_PAGES = PreparedRead(_listed_pages)


class ScopePaginator(PositionPaginator):
    """A narrower listing of a locale (ListedInScope: a category's, a country's, an
    organisation's), named `scope` as statements/narrowed.py names it. A page is
    ListedStatements: the statements the locale lists there."""

    def __init__(self, object_list, per_page, *, locale, scope, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.locale, self.scope = locale, scope

    @cached_property
    def newest(self):
        """The listing's newest rows, (position, page id, date), newest first: as many as
        its front page can hold (a page short of two) and one more, read with its length in
        one query; most readers ask for the front page."""
        if self.whole:
            return self.whole().newest(2 * self.per_page)
        return _newest_in_scope(2 * self.per_page).read(self.locale.pk, self.scope)

    def highest_position(self):
        return self.newest[0][0] if self.newest else None

    def statements_at(self, bottom, top):
        newest = self.newest
        if newest and bottom >= newest[-1][0]:  # positions are consecutive
            found = [(page_id, date) for position, page_id, date in newest
                     if bottom <= position <= top]  # fmt: skip
        elif self.whole:
            found = self.whole().at(bottom, top)
        else:
            found = _IN_SCOPE_AT.read(self.locale.pk, self.scope, bottom, top)
        if not found:
            return []
        ids, dates = zip(*found, strict=True)  # newest first
        locale_id, ids, span = self.locale.pk, list(ids), (min(dates), max(dates))
        return ListedStatements(lambda: _LISTED_PAGES.read(locale_id, ids, *span),
                                lambda: ids)  # fmt: skip


class NarrowedPaginator(Paginator):
    """A locale's listing narrowed to `pages` (a subquery of statement ids), where the
    scope table cannot serve it (a locale that lists only its own translations), counted on
    `rows`: the locale's listing rows of those pages.

    Counting the narrowed statements themselves joined every listed row of the locale to its
    statement's row: a category page's count took 109 ms on 100,000 statements in SQLite.

    A page is a slice of the newest-first statements (an OFFSET), unless `remember` is
    given: then the ids of the whole listing, oldest first, are read once and kept with it
    (`remember(compute)` returns what compute() gave the first time), and a page picks its
    own. The static export renders every page of a listing in one process, where the
    OFFSETs of a country with thousands of statements made its archive pages cost more the
    deeper they were (23 pages a second on 100,000 statements).
    """

    def __init__(self, object_list, per_page, *, pages, rows, remember=None, **kwargs):
        statements = object_list().newest_first()  # a function, as for PositionPaginator
        super().__init__(statements.filter(pk__in=pages), per_page, **kwargs)
        self.rows = rows
        self.remember = remember

    @cached_property
    def count(self):
        return self.rows.count()

    def statements_at(self, bottom, top):
        if self.remember is None:
            return newest_first_slice(self, bottom, top + 1)
        ids = self.remember(lambda: list(reversed(self.object_list.values_list("pk", flat=True))))
        return self.object_list.filter(pk__in=ids[bottom : top + 1])


def narrowed_paginator(locale, scope, pages, request=None):
    """The paginator class for `locale`'s listing narrowed to `scope` (statements/narrowed.py),
    whose statements are among `pages()` (a function giving a subquery of ids, built only
    where it is read: a queryset's filters cost ~60 µs a page, and the scope table's
    paginator never reads it). Its `object_list` must be a
    function giving the locale's `listed_in()` statements, not narrowed (the paginator
    narrows them, if it reads them at all).

    By position (ScopePaginator) where a locale lists the originals of what it has not
    translated, as the scope table does; else counted on the listing table, and with a
    request of the static export, which keeps an ItemCache, the listing's ids read once for
    all its pages (see NarrowedPaginator)."""
    from .listing import ItemCache
    from .queries import listing_rows

    if settings.COMMUNIQUE_SHOW_UNTRANSLATED:
        whole = whole_listing(request, locale, scope)
        return functools.partial(ScopePaginator, locale=locale, scope=scope, whole=whole)
    cache = ItemCache.of(request) if request is not None else None
    remember = None
    if cache is not None:
        remember = functools.partial(cache.remember, ("narrowed", locale.pk, scope))
    pages = pages()
    return functools.partial(NarrowedPaginator, pages=pages,
                             rows=listing_rows(locale).filter(page_id__in=pages),
                             remember=remember)  # fmt: skip


def newest_listed(locale, count):
    """The newest `count` statements `locale` lists, newest first: by position where the
    listing table numbers what the locale lists (prepared reads), else a slice."""
    from .models import StatementPage

    if not settings.COMMUNIQUE_SHOW_UNTRANSLATED:
        return StatementPage.objects.listed_in(locale)[:count]
    paginator = ListingPaginator(None, count, locale=locale)
    return window(paginator, max(0, paginator.count - count), paginator.count)


def newest_in_scope(locale, scope, pages, count):
    """The newest `count` statements (newest first) of `locale`'s listing narrowed to
    `scope` (see narrowed_paginator): from the scope's own index, so that a feed of an
    organisation with three statements does not walk the locale's whole listing."""
    from .models import StatementPage

    paginator = narrowed_paginator(locale, scope, pages)(
        lambda: StatementPage.objects.listed_in(locale), count
    )
    return window(paginator, max(0, paginator.count - count), paginator.count)


class WholeListing:
    """A listing's rows read whole, in position order, which is (date, page id) order
    (listed.py numbers them so): positions, page ids and days as arrays.

    The static export renders every page of every listing, each asking where the listing
    ends and which statements a range of positions holds: two or three prepared reads a
    page, a fifth of a warm listing page's time. Kept in the process's ItemCache
    (`whole_listing`), a listing is read once and each page found in memory."""

    def __init__(self, rows):
        self.positions, self.ids, self.days = array("q"), array("q"), array("l")
        for position, page_id, date in rows:
            self.positions.append(position)
            self.ids.append(page_id)
            self.days.append(date.toordinal())

    def highest(self):
        return self.positions[-1] if self.positions else None

    def newest(self, count):
        """The newest `count` rows, (position, page id, date), newest first."""
        return self._rows(max(0, len(self.positions) - count), len(self.positions))

    def at(self, bottom, top):
        """(page id, date) of the rows at positions `bottom` to `top`, newest first."""
        low = bisect.bisect_left(self.positions, bottom)
        high = bisect.bisect_right(self.positions, top)
        return [(page_id, date) for _position, page_id, date in self._rows(low, high)]

    def first_dated(self, start, stop):
        """The position of the oldest row dated from `start` to before `stop`, or None."""
        index = bisect.bisect_left(self.days, start.toordinal())
        if index < len(self.days) and self.days[index] < stop.toordinal():
            return self.positions[index]
        return None

    def last_dated(self, start, stop):
        """The position of the newest row dated from `start` to before `stop`, or None."""
        index = bisect.bisect_left(self.days, stop.toordinal()) - 1
        if index >= 0 and self.days[index] >= start.toordinal():
            return self.positions[index]
        return None

    def _rows(self, low, high):
        return [(self.positions[index], self.ids[index],
                 datetime.date.fromordinal(self.days[index]))
                for index in range(high - 1, low - 1, -1)]  # fmt: skip


_WHOLE_LISTING = PreparedRead(
    lambda locale_id: (
        ListedStatement.objects.filter(locale=locale_id)
        .order_by("position")
        .values_list("position", "page_id", "date")
    )
)
_WHOLE_SCOPE = PreparedRead(
    lambda locale_id, scope: (
        _in_scope(locale_id, scope).order_by("position").values_list("position", "page_id", "date")
    )
)


def whole_listing(request, locale, scope=None):
    """A function giving the WholeListing of `locale`'s listing (narrowed to `scope`, as
    statements/narrowed.py names it), read once for the process, where the request keeps an
    ItemCache for the whole site (a full static export; kept through the cache's restarts,
    and dropped by `forget` with what else is kept about listings); else None: the
    paginators read what each page asks (an export after one statement is published
    renders a few pages of a listing of 100,000)."""
    from .listing import ItemCache

    cache = ItemCache.of(request) if request is not None else None
    if cache is None or not cache.whole_listings:
        return None
    if scope is None:
        read = functools.partial(_WHOLE_LISTING.read, locale.pk)
    else:
        read = functools.partial(_WHOLE_SCOPE.read, locale.pk, scope)
    key = (locale.pk, scope)

    def kept():
        found = cache.listings.get(key)
        if found is None:
            found = cache.listings[key] = WholeListing(read())
        return found

    return kept
