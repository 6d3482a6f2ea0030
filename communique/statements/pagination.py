"""Paginators for listings: a locale's whole listing and a category's found by position
instead of by OFFSET, and other narrowed listings counted on the listing table."""

import functools

from django.core.paginator import Paginator
from django.db.models import Max
from django.utils.functional import cached_property

from .listed import category_count
from .models import ListedInCategory, ListedStatement


class ListingPaginator(Paginator):
    """Page N (newest first) is a range of listing positions: no scan of the pages before it.

    `object_list` must come from `StatementQuerySet.for_locale(locale)` (it carries the
    `listed_position` annotation) and `locale` must be the same locale.
    """

    def __init__(self, object_list, per_page, *, locale, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.locale = locale

    @cached_property
    def count(self):
        highest = ListedStatement.objects.filter(locale=self.locale).aggregate(Max("position"))
        return 0 if highest["position__max"] is None else highest["position__max"] + 1

    def page(self, number):
        number = self.validate_number(number)
        top = self.count - 1 - (number - 1) * self.per_page
        bottom = max(0, top - self.per_page + 1)
        objects = self.object_list.filter(listed_position__gte=bottom, listed_position__lte=top)
        return self._get_page(objects, number, self)


class CategoryPaginator(Paginator):
    """A category's listing in a locale, paged by position like ListingPaginator, from the
    ListedInCategory table: its length and any of its pages come from an index.

    `object_list`: the locale's `listed_in()` statements (not yet narrowed to the category).
    """

    def __init__(self, object_list, per_page, *, locale, category_key, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.rows = ListedInCategory.objects.filter(locale=locale, category_key=category_key)
        self.locale, self.category_key = locale, category_key

    @cached_property
    def count(self):
        return category_count(self.locale, self.category_key)

    def page(self, number):
        number = self.validate_number(number)
        top = self.count - 1 - (number - 1) * self.per_page
        bottom = max(0, top - self.per_page + 1)
        rows = self.rows.filter(position__gte=bottom, position__lte=top)
        found = list(rows.values_list("page_id", "date"))
        objects = self.object_list.none()
        if found:
            # The dates bound the walk of the locale's listing index to this page's stretch.
            pages, dates = zip(*found, strict=True)
            objects = self.object_list.filter(
                pk__in=pages, listed_date__range=(min(dates), max(dates))
            )
        return self._get_page(objects, number, self)


class CountedPaginator(Paginator):
    """A paginator told what to count: for a listing narrowed to a set of statements (a
    category's, a country's, an organisation's), the locale's listing rows in that set.

    Counting the narrowed statements themselves joined every listed row of the locale to its
    statement's row: a category page's count took 109 ms on 100,000 statements in SQLite.
    """

    def __init__(self, object_list, per_page, *, rows, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.rows = rows

    @cached_property
    def count(self):
        return self.rows.count()


def narrowed_paginator(locale, pages):
    """The paginator class for `locale`'s listing narrowed to `pages` (a subquery of ids)."""
    from .queries import listing_rows

    return functools.partial(CountedPaginator, rows=listing_rows(locale).filter(page_id__in=pages))
