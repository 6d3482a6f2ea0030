"""Pages of a locale's whole listing, found by position instead of by OFFSET."""

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
