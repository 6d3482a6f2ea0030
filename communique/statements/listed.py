"""Keep the listing tables (ListedStatement, ListedMonth) in step with what is published.

The rule is the one in `core/translations.py`: a locale lists its own version of a
statement, or else the original (the earliest published version) as a fallback. It is
applied here once per change instead of on every request, so that a listing, a feed or a
month archive costs the same on a hundred statements as on a hundred thousand.

`refresh(keys)` recomputes the rows of some translation groups and renumbers only the
part of each locale's listing that moved; signals call it on publish, unpublish, delete and
view-restriction changes, and the bulk importer after each batch. Inside `deferred()` those
calls are collected and done as one when the block ends (an import refreshes each group
once, not once per batch). `rebuild()` (command `rebuild_listings`) recomputes everything.
"""

from collections import defaultdict
from contextlib import contextmanager
from contextvars import ContextVar

from django.db import connection, transaction
from django.db.models import Count, Q
from django.db.models.functions import TruncMonth
from wagtail.models import Locale

from communique.core.bulk_insert import insert_values
from communique.core.timestamps import first_of_next_month

from .models import ListedMonth, ListedStatement, StatementPage

CHUNK = 2000


ROW_FIELDS = ["locale", "translation_key", "page", "date", "is_fallback"]


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


def rows_of(keys):
    """(locale id, date, page id) of the rows these groups have now (see `refresh`)."""
    return set(ListedStatement.objects.filter(translation_key__in=keys)
               .values_list("locale_id", "date", "page_id"))  # fmt: skip


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

    `touched`: rows that were removed behind our back (a deleted statement's, taken by
    the database's cascade), whose places and months must be recounted too.
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
        touched = set(touched)
        for chunk in _chunks(list(keys)):
            stale = ListedStatement.objects.filter(translation_key__in=chunk)
            touched.update(stale.values_list("locale_id", "date", "page_id"))
            stale.delete()
            rows = wanted_rows(chunk, locale_ids)
            insert_values(ListedStatement, ROW_FIELDS, rows)
            touched.update((locale_id, date, pk) for locale_id, _key, pk, date, _fallback in rows)
        _renumber_from(touched)
        _recount_months(touched)


def rebuild():
    """Recompute every listing row and count; return how many rows there are."""
    locale_ids = list(Locale.objects.values_list("pk", flat=True))
    keys = list(StatementPage.objects.published().values_list("translation_key", flat=True)
                .distinct())  # fmt: skip
    with transaction.atomic():
        ListedStatement.objects.all().delete()
        ListedMonth.objects.all().delete()
        for chunk in _chunks(keys):
            insert_values(ListedStatement, ROW_FIELDS, wanted_rows(chunk, locale_ids))
        for locale_id in locale_ids:
            _renumber(locale_id, None)
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
    table = ListedStatement._meta.db_table
    where, params = "locale_id = %s", [0, locale_id]  # first position, then the WHERE's
    if start is not None:
        date, page_id = start
        later = Q(date__gt=date) | Q(date=date, page_id__gte=page_id)
        before = ListedStatement.objects.filter(locale_id=locale_id).exclude(later).count()
        where += " AND (date > %s OR (date = %s AND page_id >= %s))"
        params = [before, locale_id, date.isoformat(), date.isoformat(), page_id]
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET position = ranked.position FROM ("  # noqa: S608 - constants
            f"SELECT id, %s + ROW_NUMBER() OVER (ORDER BY date, page_id) - 1 AS position"
            f" FROM {table} WHERE {where}) AS ranked"
            f" WHERE {table}.id = ranked.id AND {table}.position <> ranked.position",
            params,
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


def month_counts(locale):
    """[(first day of month, statements listed)], newest month first."""
    rows = ListedMonth.objects.filter(locale=locale).order_by("-month")
    return list(rows.values_list("month", "total"))
