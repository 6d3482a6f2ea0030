"""Paginators for listings: a locale's whole listing found by position instead of by
OFFSET, and narrowed listings counted on the listing table."""

import functools

from django.core.paginator import Paginator
from django.db.models import Max
from django.utils.functional import cached_property

from .models import ListedStatement


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
