"""Keep the listing tables in step with what is published: ListedStatement (what each locale
lists, and where), ListedInScope (the same rows once per category, country and signatory of
the statement, and where in that narrower listing) and ListedMonth (how many a month holds).

The rule is the one in `core/translations.py`: a locale lists its own version of a
statement, or else the original (the earliest published version) as a fallback. It is
applied here once per change instead of on every request, so that a listing, a feed or a
month archive costs the same on a hundred statements as on a hundred thousand.

`refresh(keys)` recomputes the rows of some translation groups and renumbers only the
part of each listing that moved; signals call it on publish, unpublish, delete,
view-restriction changes and category and organisation deletions, and the bulk importer
after each batch.
Inside `deferred()` those calls are collected and done as one when the block ends (an
import refreshes each group once, not once per batch). `rebuild()` (command
`rebuild_listings`) recomputes everything.
"""

import datetime
from collections import defaultdict
from contextlib import contextmanager
from contextvars import ContextVar

from django.db import connection, transaction
from django.db.models import Count, Q
from django.db.models.functions import TruncMonth
from wagtail.models import Locale

from communique.core.bulk_insert import insert_values
from communique.core.prepared import PreparedRead
from communique.core.timestamps import first_of_next_month

from .models import ListedInScope, ListedMonth, ListedStatement, StatementPage
from .narrowed import scopes_of

CHUNK = 2000


ROW_FIELDS = ["locale", "translation_key", "page", "date", "is_fallback"]
SCOPE_ROW_FIELDS = ["locale", "scope", "page", "date"]


def wanted_rows(keys, locale_ids):
    """The ListedStatement rows that these translation groups should have, as tuples of
    `ROW_FIELDS` (the importer writes tens of thousands: no model instances)."""
    versions = defaultdict(list)
    published = (
        StatementPage.objects.published()
        .filter(translation_key__in=keys)
        .order_by("pk")
        .values_list("pk", "translation_key", "locale_id", "date")
    )
    for pk, key, locale_id, date in published:
        versions[key].append((pk, locale_id, date))
    rows = []
    for key, group in versions.items():
        original = group[0]
        own = {locale_id: (pk, locale_id, date) for pk, locale_id, date in group}
        for locale_id in locale_ids:
            pk, _locale, date = own.get(locale_id, original)
            rows.append((locale_id, key, pk, date, locale_id not in own))
    return rows


def scope_rows(rows):
    """The ListedInScope rows (tuples of SCOPE_ROW_FIELDS) of these listing rows: one for
    each narrower listing (statements/narrowed.py) of each row's statement version."""
    scopes = scopes_of({row[2] for row in rows})
    return [(locale_id, scope, pk, date)
            for locale_id, _key, pk, date, _fallback in rows
            for scope in sorted(scopes[pk])]  # fmt: skip


def rows_of(keys):
    """The places these groups hold now (see `refresh`): (locale id, date, page id) in the
    locales' listings, (locale id, scope, date, page id) in the narrower ones'."""
    listings = ListedStatement.objects.filter(translation_key__in=keys)
    scoped = ListedInScope.objects.filter(page__translation_key__in=keys)
    return set(listings.values_list("locale_id", "date", "page_id")) | set(
        scoped.values_list("locale_id", "scope", "date", "page_id")
    )


_deferred = ContextVar("listing_refresh_deferred", default=None)


@contextmanager
def deferred():
    """Collect the `refresh()` calls made in this block and make them as one at its end.

    For bulk writes inside one transaction (imports, archive generation): the listing is
    not read in between, and renumbering a locale once costs what renumbering it once per
    batch cost each time. If the block raises, nothing is refreshed (the transaction it
    runs in is being rolled back). Nested blocks leave the work to the outermost.
    """
    if _deferred.get() is not None:
        yield
        return
    keys, touched = set(), set()
    token = _deferred.set((keys, touched))
    try:
        yield
    finally:
        _deferred.reset(token)
    refresh(keys, touched)


def refresh(keys, touched=()):
    """Recompute the listing rows of these translation groups, in every locale.

    `touched`: places (see `rows_of`) whose rows were removed behind our back (a deleted
    statement's, taken by the database's cascade), to be renumbered and recounted too.
    """
    pending = _deferred.get()
    if pending is not None:
        pending[0].update(keys)
        pending[1].update(touched)
        return
    keys = set(keys)
    if not keys:
        return
    locale_ids = list(Locale.objects.values_list("pk", flat=True))
    with transaction.atomic():
        touched, in_scopes = (
            {place for place in touched if len(place) == 3},
            {place for place in touched if len(place) == 4},
        )
        for chunk in _chunks(list(keys)):
            stale = ListedStatement.objects.filter(translation_key__in=chunk)
            places = list(stale.values_list("locale_id", "date", "page_id"))
            touched.update(places)
            stale.delete()
            # A group's scoped rows are those of its listing rows' pages.
            stale = ListedInScope.objects.filter(page_id__in={page for *_, page in places})
            in_scopes.update(stale.values_list("locale_id", "scope", "date", "page_id"))
            stale.delete()
            rows = wanted_rows(chunk, locale_ids)
            insert_values(ListedStatement, ROW_FIELDS, rows)
            touched.update((locale_id, date, pk) for locale_id, _key, pk, date, _fallback in rows)
            scoped = scope_rows(rows)
            insert_values(ListedInScope, SCOPE_ROW_FIELDS, scoped)
            in_scopes.update((row[0], row[1], row[3], row[2]) for row in scoped)
        _renumber_from(touched)
        _renumber_scopes_from(in_scopes)
        _recount_months(touched)


def rebuild():
    """Recompute every listing row and count; return how many rows there are."""
    locale_ids = list(Locale.objects.values_list("pk", flat=True))
    keys = list(StatementPage.objects.published().values_list("translation_key", flat=True)
                .distinct())  # fmt: skip
    with transaction.atomic():
        ListedStatement.objects.all().delete()
        ListedInScope.objects.all().delete()
        ListedMonth.objects.all().delete()
        for chunk in _chunks(keys):
            rows = wanted_rows(chunk, locale_ids)
            insert_values(ListedStatement, ROW_FIELDS, rows)
            insert_values(ListedInScope, SCOPE_ROW_FIELDS, scope_rows(rows))
        for locale_id in locale_ids:
            _renumber(locale_id, None)
        _renumber_scopes(None)
        _recount_months(set(ListedStatement.objects.values_list("locale_id", "date", "page_id")))
    return ListedStatement.objects.count()


def _chunks(items):
    for start in range(0, len(items), CHUNK):
        yield items[start : start + CHUNK]


def _renumber_from(touched):
    """Renumber each touched locale from its earliest change onwards."""
    earliest = {}
    for locale_id, date, page_id in touched:
        if locale_id not in earliest or (date, page_id) < earliest[locale_id]:
            earliest[locale_id] = (date, page_id)
    for locale_id, start in earliest.items():
        _renumber(locale_id, start)


def _renumber(locale_id, start):
    """Give the rows of a locale from `start` = (date, page id) on their place in date order."""
    _number_places(ListedStatement, {"locale_id": locale_id}, start)


def _renumber_scopes_from(touched):
    """Renumber each touched narrower listing from its earliest change onwards."""
    earliest = {}
    for locale_id, scope, date, page_id in touched:
        listing = (locale_id, scope)
        if listing not in earliest or (date, page_id) < earliest[listing]:
            earliest[listing] = (date, page_id)
    for listing, start in earliest.items():
        _renumber_scopes(listing, start)


def _renumber_scopes(listing, start=None):
    """Give the rows of a narrower listing, `listing` = (locale id, scope), from `start` =
    (date, page id) on their place in date order; `listing` None: every row of every
    narrower listing."""
    if listing is None:
        _number_places(ListedInScope, {}, partition=("locale_id", "scope"))
    else:
        locale_id, scope = listing
        _number_places(ListedInScope, {"locale_id": locale_id, "scope": scope}, start)


def _number_places(model, listing, start=None, partition=()):
    """Set the `position` of the rows of `model` whose columns match `listing` ({column:
    value}), from `start` = (date, page id) on (None: all of them), to their place in date
    order, counted separately within each group of the `partition` columns. Only rows whose
    place changed are written."""
    table = model._meta.db_table
    conditions, params, before = [], [], 0
    for column, value in listing.items():
        conditions.append(f"{column} = %s")  # the value as the database stores it:
        params.append(model._meta.get_field(column).get_db_prep_value(value, connection))
    if start is not None:
        date, page_id = start
        later = Q(date__gt=date) | Q(date=date, page_id__gte=page_id)
        before = model.objects.filter(**listing).exclude(later).count()
        conditions.append("(date > %s OR (date = %s AND page_id >= %s))")
        params += [date.isoformat(), date.isoformat(), page_id]
    where = f" WHERE {' AND '.join(conditions)}" if conditions else ""
    over = f"PARTITION BY {', '.join(partition)} " if partition else ""
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET position = ranked.position FROM ("  # noqa: S608 - constants
            f"SELECT id, %s + ROW_NUMBER() OVER ({over}ORDER BY date, page_id) - 1 AS position"
            f" FROM {table}{where}) AS ranked"
            f" WHERE {table}.id = ranked.id AND {table}.position <> ranked.position",
            [before, *params],
        )


def _recount_months(touched):
    """Recount the months that gained or lost a statement, in the locales concerned."""
    months = defaultdict(set)
    for locale_id, date, _page_id in touched:
        months[locale_id].add(date.replace(day=1))
    for locale_id, firsts in months.items():
        first, last = min(firsts), max(firsts)
        end = first_of_next_month(last)
        counts = (
            ListedStatement.objects.filter(locale_id=locale_id, date__gte=first, date__lt=end)
            .annotate(month=TruncMonth("date"))
            .values("month")
            .annotate(total=Count("pk"))
            .values_list("month", "total")
        )
        totals = {month: total for month, total in counts if month in firsts}
        ListedMonth.objects.filter(locale_id=locale_id, month__in=firsts).delete()
        ListedMonth.objects.bulk_create(
            [ListedMonth(locale_id=locale_id, month=month, total=total)
             for month, total in totals.items()]
        )  # fmt: skip


_MONTH_COUNTS = PreparedRead(
    lambda locale_id: (
        ListedMonth.objects.filter(locale=locale_id)
        .order_by("-month")
        .values_list("month", "total")
    )
)
_MONTH_COUNTS_OF_YEAR = PreparedRead(
    lambda locale_id, start, end: (
        ListedMonth.objects.filter(locale=locale_id, month__gte=start, month__lt=end)
        .order_by("-month")
        .values_list("month", "total")
    )
)


def month_counts(locale, year=None):
    """[(first day of month, statements listed)], newest month first; of one `year`, or all
    (a year's and month's pages show the year's: on 100,000 statements a locale's whole
    history is some 240 months)."""
    if year is None:
        return _MONTH_COUNTS.read(locale.pk)
    # Months are stored as their first days: before 31 December is the whole year 9999.
    end = datetime.date(year + 1, 1, 1) if year < datetime.MAXYEAR else datetime.date.max
    return _MONTH_COUNTS_OF_YEAR.read(locale.pk, datetime.date(year, 1, 1), end)
