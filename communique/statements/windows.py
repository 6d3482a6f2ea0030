"""What a page shows of a listing, noted on the request for the static mirror.

A listing (a locale's statements, a category's, a country's, an organisation's, a year's or
a month's: its `scope`) is shown by its front page, its archive pages and its feeds. The
mirror's `--changed` (mirror/changes.py) re-renders a listing's page only when a changed
statement is on it, or falls on or above it in the listing's order (oldest first, by date
then page id): the window noted here says which statements those are.

Scopes are named as `listed_places` names a statement's: "all",
"category:<translation key>", "country:<code>", "organisation:<translation key>",
"year:<yyyy>", "month:<yyyy-mm>"; and "sitemap" for a part of the sitemap that lists a
range of statements (its number: the range's), STRUCTURE for one that lists the site's
structure (no statements: the listings of categories, countries and months that hold some).
"""

_WINDOW = "_communique_listing_window"
# The numbers of a front page, and of a page showing the newest few (a feed, a home page);
# archive pages are 1, 2, …
FRONT, NEWEST = 0, -1
STRUCTURE = "sitemap-structure"


def note_window(request, scope, number, items):
    """Say that this response shows `items` (ListingItems, newest first) of `scope`'s
    listing: as its archive page `number`, its front page (None) or its newest (NEWEST)."""
    pages = [item.page for item in items]
    keys = [(page.date.isoformat(), page.pk) for page in (pages[-1:] + pages[:1])]
    note_shown(request, scope, FRONT if number is None else number,
               [page.pk for page in pages], *(keys or [None, None]))  # fmt: skip


def note_shown(request, scope, number, page_ids, oldest=None, newest=None):
    """Say that this response is page `number` of `scope` and shows the statements with
    these page ids; `oldest` and `newest`: the (date, page id) of its first and last in
    the listing's order, for a listing's stretch."""
    setattr(request, _WINDOW, {"scope": scope, "number": number, "pages": list(page_ids),
                               "oldest": oldest, "newest": newest})  # fmt: skip


def window_of(request):
    """The window a response's view noted (a dict), or None."""
    return getattr(request, _WINDOW, None)


def listed_places(keys):
    """Where the translation groups `keys` are listed now: [(language code, scope, (date,
    page id))], the last their place in that listing's order, in every locale that lists
    them (its own version, or the original: the listing table's rows)."""
    from .models import ListedStatement
    from .narrowed import scopes_of

    rows = list(ListedStatement.objects.filter(translation_key__in=keys).values_list(
        "locale__language_code", "page_id", "date"))  # fmt: skip
    scopes = scopes_of({page_id for _code, page_id, _date in rows})
    places = []
    for code, page_id, date in rows:
        dated = {"all", f"year:{date:%Y}", f"month:{date:%Y-%m}"}
        places += [(code, scope, (date.isoformat(), page_id)) for scope in dated | scopes[page_id]]
    return places
