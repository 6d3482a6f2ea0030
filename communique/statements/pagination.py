"""Paginators for listings: a locale's whole listing and a category's found by position
instead of by OFFSET, and other narrowed listings counted on the listing table."""

import functools

from django.core.paginator import Paginator
from django.utils.functional import cached_property

from communique.core.pagination import newest_first_slice

from .models import ListedInCategory, ListedStatement


class PositionPaginator(Paginator):
    """A page is a range of positions in a listing table whose rows number the listing from
    its oldest statement (0), as pages are addressed (core/pagination.py): no scan of the
    pages before it, and the length is the highest position plus one. Subclasses say which
    rows (`rows`) and how positions select statements (`statements_at`)."""

    rows = None

    @cached_property
    def count(self):
        highest = self.rows.order_by("-position").values_list("position", flat=True).first()
        return 0 if highest is None else highest + 1

    def statements_at(self, bottom, top):
        raise NotImplementedError


class ListingPaginator(PositionPaginator):
    """A locale's whole listing (ListedStatement).

    `object_list` must come from `StatementQuerySet.for_locale(locale)` (it carries the
    `listed_position` annotation) and `locale` must be the same locale.
    """

    def __init__(self, object_list, per_page, *, locale, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.rows = ListedStatement.objects.filter(locale=locale)

    def statements_at(self, bottom, top):
        return self.object_list.filter(listed_position__gte=bottom, listed_position__lte=top)


class DatesPaginator(ListingPaginator):
    """A locale's listing between two dates (a year's, a month's): the listing is ordered by
    date, so its rows there hold consecutive positions, and a page is a range of them from
    the first (two index lookups, where counting and an OFFSET read every row before)."""

    def __init__(self, object_list, per_page, *, locale, start, stop, **kwargs):
        super().__init__(object_list, per_page, locale=locale, **kwargs)
        self.rows = self.rows.filter(date__gte=start, date__lt=stop)

    @cached_property
    def first(self):
        return self._edge("date", "page")

    @cached_property
    def count(self):
        last = self._edge("-date", "-page")
        return 0 if last is None else last - self.first + 1

    def _edge(self, *order):
        return self.rows.order_by(*order).values_list("position", flat=True).first()

    def statements_at(self, bottom, top):
        return super().statements_at(self.first + bottom, self.first + top)


class CategoryPaginator(PositionPaginator):
    """A category's listing in a locale (ListedInCategory).

    `object_list`: the locale's `listed_in()` statements (not yet narrowed to the category).
    """

    def __init__(self, object_list, per_page, *, locale, category_key, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.rows = ListedInCategory.objects.filter(locale=locale, category_key=category_key)

    def statements_at(self, bottom, top):
        rows = self.rows.filter(position__gte=bottom, position__lte=top)
        found = list(rows.values_list("page_id", "date"))
        if not found:
            return self.object_list.none()
        # The dates bound the walk of the locale's listing index to this page's stretch.
        pages, dates = zip(*found, strict=True)
        return self.object_list.filter(pk__in=pages, listed_date__range=(min(dates), max(dates)))


class CountedPaginator(Paginator):
    """A paginator told what to count: for a listing narrowed to a set of statements (a
    category's, a country's, an organisation's), the locale's listing rows in that set.

    Counting the narrowed statements themselves joined every listed row of the locale to its
    statement's row: a category page's count took 109 ms on 100,000 statements in SQLite.

    A page is a slice of the newest-first statements (an OFFSET), unless `remember` is
    given: then the ids of the whole listing, oldest first, are read once and kept with it
    (`remember(compute)` returns what compute() gave the first time), and a page picks its
    own. The static export renders every page of a listing in one process, where the
    OFFSETs of a country with thousands of statements made its archive pages cost more the
    deeper they were (23 pages a second on 100,000 statements).
    """

    def __init__(self, object_list, per_page, *, rows, remember=None, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
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


def narrowed_paginator(locale, pages, request=None, scope=None):
    """The paginator class for `locale`'s listing narrowed to `pages` (a subquery of ids),
    named `scope` (statements/windows.py); with a request of the static export, which keeps
    an ItemCache, its ids are read once for all its pages (see CountedPaginator)."""
    from .listing import ItemCache
    from .queries import listing_rows

    cache = ItemCache.of(request) if request is not None else None
    remember = None
    if cache is not None:
        remember = functools.partial(cache.remember, ("narrowed", locale.pk, scope))
    return functools.partial(CountedPaginator, rows=listing_rows(locale).filter(page_id__in=pages),
                             remember=remember)  # fmt: skip
