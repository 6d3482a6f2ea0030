"""Which pages of a mirror show what changed since its last export (`export_static --changed`).

A change is a statement published, unpublished, deleted or moved (Wagtail's page log). It
touches:
- the pages tagged with its translation group or page id: its versions' own pages;
- every page that showed one of its versions (the manifest records what each page shows);
- in each listing that lists it now or listed it before (statements/windows.py), the pages
  from its place upwards: the statements above it moved by one. Archive pages below keep
  their statements (core/pagination.py). Front pages, feeds and home pages of such a
  listing are re-rendered whole; when that adds an archive page or takes one away, the one
  below it follows (its "Newer" link leads elsewhere: `pages_below`);
- the parts of the sitemap that hold its page ids;
- if a month got its first statement or lost its last, the front pages of that year's year
  and month listings (their navigation lists the year's months; archive pages name only
  their own year and month: statements/listing.archive_page_navigation);
- if a month, a category or a country got its first statement or lost its last, the parts
  of the sitemap that list the site's structure (`sitemap_structure`);
- every page that lists statements without saying which (the archive page with its counts,
  the organisation directory, the sitemap's index).

Categories and organisations edited, added or deleted since then (core/changes.py records
the cache tags each change drops) touch the pages tagged with them (statement pages that
name them, organisation pages, the directory), every page that shows a statement of
their listings, and the pages that list statements without saying which, the sitemap's
structure among them (it names their listings by address). Redirects saved or deleted
since then, and those leading to a page that changed, touch their stand-ins (redirects.py;
`stale_stand_ins`): a statement given a new slug or moved leaves a redirect at its old
address. A change every page shows (a home, index or standard page, a country, a
language, the site, a view restriction) makes the export a full one (`site_changed`).
Anything re-rendered that did not change is left as it is; a test holds the result to a
full export's, byte for byte.
"""

import datetime
import re

from django.conf import settings
from wagtail.models import PageLogEntry

from communique.core.changes import tags_changed_since
from communique.core.page_cache import LISTINGS, SITE, statement_tag
from communique.core.timestamps import first_of_next_month
from communique.statements.models import ListedStatement, StatementPage
from communique.statements.narrowed import scopes_listing_statements
from communique.statements.windows import FRONT, STRUCTURE, listed_places
from communique.syndication.sitemaps import sitemap_limit

from . import redirects

ACTIONS = ("wagtail.publish", "wagtail.unpublish", "wagtail.delete", "wagtail.move")
ARCHIVE_PAGE = re.compile(r"^(?P<listing>.*/)page/(?P<number>\d+)/$")


def site_changed(since):
    """Whether something every page shows changed since `since`."""
    return SITE in tags_changed_since(since)


def stale_paths(manifest, since):
    """The paths of `manifest`'s mirror to render again for what changed since `since`."""
    return _statements_changed(manifest, since) | _named_changed(manifest, since)


def stale_stand_ins(manifest, since):
    """The mirror paths of redirects (redirects.py) to render again: those changed since
    `since`, and those leading to a page published, unpublished, deleted or moved since."""
    ids = {int(tag[len(redirects.TAG) :]) for tag in tags_changed_since(since)
           if tag.startswith(redirects.TAG)}  # fmt: skip
    targets = _logged(since)
    tags = {f"{redirects.TAG}{pk}" for pk in ids} | {
        f"{redirects.TARGET_TAG}{page_id}" for page_id in targets
    }
    return manifest.tagged(tags) | redirects.paths_of(ids, targets) if tags else set()


def _logged(since):
    """The ids of the pages published, unpublished, deleted or moved since `since`. The
    log's entries since then are few, its publications many: asked for both at once,
    SQLite (no statistics) walked the index of actions (30 ms on 100,000 statements)."""
    since_then = PageLogEntry.objects.filter(timestamp__gte=since).order_by()
    return {page_id for page_id, action in since_then.values_list("page_id", "action")
            if action in ACTIONS}  # fmt: skip


def stale_items(since):
    """The page ids of the statements whose listing items may have changed since `since`
    (every version of those published, unpublished, deleted or moved), or None if a
    category or organisation changed (items name them). For a renderer kept between
    exports (workers.Kept), which forgets those."""
    if _named_tags(since):
        return None
    logged = _logged(since)
    return _versions(logged)[1] if logged else set()


def _versions(logged):
    """(translation keys, page ids of every version) of the statements with ids `logged`."""
    keys = set(StatementPage.objects.filter(pk__in=logged)
               .values_list("translation_key", flat=True))  # fmt: skip
    versions = logged | set(StatementPage.objects.filter(translation_key__in=keys)
                            .values_list("pk", flat=True))  # fmt: skip
    return keys, versions


def _statements_changed(manifest, since):
    logged = _logged(since)
    if not logged:
        return set()
    keys, versions = _versions(logged)
    stale = manifest.tagged({statement_tag(key) for key in keys}
                            | {f"page:{page_id}" for page_id in logged})  # fmt: skip
    stale |= manifest.tagged_without_window(LISTINGS)
    # (locale, scope): [lowest archive number, lowest (date, id)] that moved, and whether a
    # statement may have left the listing (it may be an archive page shorter)
    moved = {}
    months = set()  # (locale, "yyyy-mm") whose listings gained or lost statements
    for path, locale, scope, number in manifest.showing(versions):
        stale.add(path)
        if scope != "sitemap":
            _lower(moved, (locale, scope), number=number if number > FRONT else None)
            moved[locale, scope][2] = True
            months |= _month_of(locale, scope)
    for locale, scope, key in listed_places(keys):
        _lower(moved, (locale, scope), key=key)
        months |= _month_of(locale, scope)
    numbers = [number for number, _key, _left in moved.values() if number is not None]
    dates = [key[0] for _number, key, _left in moved.values() if key is not None]
    pages = manifest.in_scopes(moved, only_from=(min(numbers, default=None),
                                                 min(dates, default=None)))  # fmt: skip
    for (locale, scope), (number, key, left) in moved.items():
        stale |= _from_place(pages.get((locale, scope), []), number, key, left)
    stale |= _sitemap_parts(manifest, versions)
    changed_months = {(locale, month) for locale, month in months
                      if _month_appeared_or_went(manifest, locale, month)}  # fmt: skip
    for locale, month in changed_months:
        stale |= _year_front_pages(manifest, locale, month)
    if changed_months or _listings_appeared_or_went(manifest, {scope for _l, scope in moved}):
        stale |= sitemap_structure(manifest)
    return stale


def sitemap_structure(manifest):
    """The parts of the sitemap that list the site's structure (syndication/views.py)."""
    return {path for path, _number, _key in manifest.in_scope("", STRUCTURE)}


def _listings_appeared_or_went(manifest, scopes):
    """Whether a category or country of `scopes` got its first statement or lost its last
    (the sitemap's structure lists those that hold statements)."""
    narrowed = {scope for scope in scopes if scope.startswith(("category:", "country:"))}
    return scopes_listing_statements(narrowed) != manifest.scopes_present(narrowed)


def _named_tags(since):
    """The cache tags of the categories and organisations changed since `since`."""
    return {tag for tag in tags_changed_since(since) - {SITE} if not tag.startswith(redirects.TAG)}


def _named_changed(manifest, since):
    """The pages that show a category or organisation changed since `since`, and those
    that list statements without saying which: the sitemap (its structure names the
    listings of categories and organisations by their addresses; its index dates the parts
    by the last change), the archive page and the organisation directory."""
    tags = _named_tags(since)
    if not tags:
        return set()
    # Its listing's pages show its statements (its scope is named as its tag: narrowed.py).
    statements = manifest.shown_in(tags)
    return (manifest.tagged(tags) | manifest.tagged_without_window(LISTINGS)
            | sitemap_structure(manifest)
            | {path for path, *_rest in manifest.showing(statements)})  # fmt: skip


def _lower(moved, listing, number=None, key=None):
    lowest = moved.setdefault(listing, [None, None, False])
    if number is not None and (lowest[0] is None or number < lowest[0]):
        lowest[0] = number
    if key is not None and (lowest[1] is None or key < lowest[1]):
        lowest[1] = key


def _month_of(locale, scope):
    return {(locale, scope[len("month:") :])} if scope.startswith("month:") else set()


def _from_place(pages, number, key, left):
    """Of a listing's `pages` ((path, number, newest key)), those that change when a
    statement is added or removed at archive page `number` or at `key` in its order; if
    one `left` the listing, its last archive page too, which may be gone."""
    last = max((page_number for _path, page_number, _key in pages), default=FRONT)
    return {path for path, page_number, newest in pages
            if page_number <= FRONT
            or (left and page_number == last)
            or (number is not None and page_number >= number)
            or (key is not None and tuple(newest) >= key)}  # fmt: skip


def _sitemap_parts(manifest, versions):
    """The sitemap parts holding these page ids' ranges (a new version's too)."""
    numbers = {page_id // sitemap_limit() for page_id in versions}
    return {path for path, number, _key in manifest.in_scope("", "sitemap") if number in numbers}


def _month_appeared_or_went(manifest, locale, month):
    """Whether `month` now holds statements in `locale` and the mirror has no page of it,
    or the other way round."""
    first = datetime.date.fromisoformat(f"{month}-01")
    had = any(number == FRONT for _p, number, _k in manifest.in_scope(locale, f"month:{month}"))
    rows = ListedStatement.objects.filter(
        locale__language_code=locale, date__gte=first, date__lt=first_of_next_month(first)
    )
    if not settings.COMMUNIQUE_SHOW_UNTRANSLATED:
        rows = rows.filter(is_fallback=False)
    return had != rows.exists()


def _year_front_pages(manifest, locale, month):
    """The front pages of the year and month listings of `month`'s year in `locale`."""
    first = datetime.date.fromisoformat(f"{month}-01")
    scopes = manifest.scopes_starting(locale, f"month:{first:%Y}-") | {f"year:{first:%Y}"}
    return {path for scope in scopes for path, number, _key in manifest.in_scope(locale, scope)
            if number == FRONT}  # fmt: skip


def pages_below(added, gone):
    """The archive pages just below those `added` to the mirror or `gone` from it."""
    below = set()
    for path in set(added) | set(gone):
        found = ARCHIVE_PAGE.match(path)
        if found and int(found["number"]) > 1:
            below.add(f"{found['listing']}page/{int(found['number']) - 1}/")
    return below
