"""What a page shows of a listing, noted on the request for the static mirror.

A listing (a locale's statements, a category's, a country's, an organisation's, a year's or
a month's: its `scope`) is shown by its front page, its archive pages and its feeds. The
mirror's `--changed` (mirror/changes.py) re-renders a listing's page only when a changed
statement is on it, or falls on or above it in the listing's order (oldest first, by date
then page id): the window noted here says which statements those are.

Scopes are named as `listing_scopes` (statements/listed.py) names a statement's: "all",
"category:<translation key>", "country:<code>", "organisation:<translation key>",
"year:<yyyy>", "month:<yyyy-mm>".
"""

_WINDOW = "_communique_listing_window"
# The numbers of a front page, and of a page showing the newest few (a feed, a home page);
# archive pages are 1, 2, …
FRONT, NEWEST = 0, -1


def note_window(request, scope, number, items):
    """Say that this response shows `items` (ListingItems, newest first) of `scope`'s
    listing: as its archive page `number`, its front page (None) or its newest (NEWEST)."""
    pages = [item.page for item in items]
    keys = [[page.date.isoformat(), page.pk] for page in (pages[-1:] + pages[:1])]
    setattr(request, _WINDOW, {
        "scope": scope,
        "number": FRONT if number is None else number,
        "pages": [page.pk for page in pages],
        "oldest": keys[0] if keys else None,
        "newest": keys[-1] if keys else None,
    })  # fmt: skip


def window_of(request):
    """The window a response's view noted (a dict), or None."""
    return getattr(request, _WINDOW, None)
