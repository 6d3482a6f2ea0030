"""Pages of a listing, addressed by path (`…/page/2/`) so a static mirror can serve them too.

Listings of statements keep their archive pages still as the listing grows: page N holds
the Nth stretch of `COMMUNIQUE_LISTING_PAGE_SIZE` statements counted from the oldest, and
the listing's own address (its front page) shows the newest ones, from the start of the
newest full stretch. Publishing a statement changes the front page (and, when a stretch
fills, adds one archive page); no archive page moves, so a cached or mirrored copy of one
stays right, and a link to one keeps showing what it showed.
"""

import re
from dataclasses import dataclass

from django.http import Http404, HttpResponsePermanentRedirect

_PAGE_SUFFIX = re.compile(r"page/\d+/$")


def listing_url(request):
    """The address of the listing's first page, whichever of its pages is being read."""
    return _PAGE_SUFFIX.sub("", request.path)


def page_url(base_url, number):
    return base_url if number is None else f"{base_url}page/{number}/"


@dataclass
class ListingPage:
    """What one page of a listing shows: `object_list` (newest first), its `number` (None
    for the front page), the listing's `count`, and the addresses of its neighbours."""

    object_list: object
    number: int | None
    count: int
    newer_url: str | None
    older_url: str | None
    oldest_url: str | None


class Stretches:
    """Where the pages of a listing of `count` statements lie, by position from the oldest
    (0): archive page N is [(N - 1) * size, N * size), the front page the rest."""

    def __init__(self, count, size):
        self.count, self.size = count, size
        self.archived = max(0, count // size - 1)  # full stretches not on the front page

    def bounds(self, number):
        """[low, high) of page `number` (None: the front page); Http404 if it is none."""
        if number is None:
            return self.archived * self.size, self.count
        if 1 <= number <= self.archived:
            return (number - 1) * self.size, number * self.size
        raise Http404("No such page")

    def newer(self, number):
        """The page after archive page `number`: the next, or the front page (None)."""
        return number + 1 if number < self.archived else None

    def older(self, number):
        top = self.archived if number is None else number - 1
        return top or None

    def number_holding(self, position):
        """The page that shows the statement at `position`."""
        number = position // self.size + 1
        return number if number <= self.archived else None


def window(paginator, low, high):
    """The statements at positions [low, high) of the paginator's listing, newest first (a
    list, or a queryset): by position where the paginator knows positions
    (statements/pagination.py), else by slicing its newest-first `object_list`."""
    if high <= low:
        return []
    statements_at = getattr(paginator, "statements_at", None)
    if statements_at is not None:
        return statements_at(low, high - 1)
    return newest_first_slice(paginator, low, high)


def newest_first_slice(paginator, low, high):
    """Positions [low, high) as a slice of the paginator's newest-first `object_list` (an
    OFFSET: the deeper the page, the more rows before it are read)."""
    return paginator.object_list[paginator.count - high : paginator.count - low]


def listing_page(request, paginator, number=None):
    """Page `number` of the listing (None: its front page) as a ListingPage; a page that
    does not exist is a 404."""
    stretches = Stretches(paginator.count, paginator.per_page)
    low, high = stretches.bounds(number)
    base = listing_url(request)
    older = stretches.older(number)
    return ListingPage(
        object_list=window(paginator, low, high),
        number=number,
        count=paginator.count,
        newer_url=None if number is None else page_url(base, stretches.newer(number)),
        older_url=page_url(base, older) if older else None,
        oldest_url=page_url(base, 1) if older and older > 1 else None,
    )


def redirect_to_path_form(request, paginator):
    """`?page=N`, the old form, counted pages from the newest: answer with a 301 to the page
    that now shows the newest statement of that old page. None when no `page` is asked for.
    """
    legacy = request.GET.get("page")
    if legacy is None:
        return None
    if not legacy.isdigit() or int(legacy) < 1:
        raise Http404("No such page")
    position = paginator.count - 1 - (int(legacy) - 1) * paginator.per_page
    if position < 0:
        raise Http404("No such page")
    stretches = Stretches(paginator.count, paginator.per_page)
    number = stretches.number_holding(position)
    return HttpResponsePermanentRedirect(page_url(listing_url(request), number))
