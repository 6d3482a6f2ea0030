"""Find statements by analysed terms, with the database's own full-text index.

The query is analysed once per language searched (languages whose analysers give the
same terms are searched together), and a statement matches when every term of the query,
analysed for the statement's language, is in its title or body.

What a search returns is bounded, so that its cost does not grow with the archive: the
RESULTS newest matching statements (by page id: the order they were added), those whose
title holds every word first. Readers reach older statements with the search page's
filters (year, category, country, organisation, language), which narrow the statements
searched before the newest are taken. Both databases find the same statements in the
same order: SQLite's FTS5 walks its index newest first and stops; PostgreSQL's GIN index
has no order, so it is asked by windows of WINDOW ids, newest first, until enough are found
(a search narrowed by filters is asked at once: its matches are few enough to sort).
Which of them have every word in their title is read from their index entries' title terms.
"""

from collections import defaultdict
from contextlib import contextmanager

from django.core.exceptions import EmptyResultSet
from django.db import connection, transaction
from django.db.models import Max

from communique.core import structure

from .analysis import analyser
from .models import SearchEntry

RESULTS = 100
WINDOW = 10_000  # written into the index's vectors on PostgreSQL (migration 0009)
FTS = "communique_search_fts"
TABLE = "communique_search_searchentry"


def term_groups(query, languages):
    """{((term, matches by prefix), …): [languages]} for the languages searched."""
    groups = defaultdict(list)
    for language in languages:
        terms = tuple(analyser(language).query_terms(query))
        if terms:
            groups[terms].append(language)
    return groups


def _quote(text):
    return '"' + text.replace('"', '""') + '"'


def fts5_expression(groups, filters=(), every_language=()):
    """The MATCH expression: each group's words in its languages, and the filter terms.

    A group of more than half of `every_language` (the site's) is written as its words NOT
    in the other languages, or with no language at all when it covers them all: FTS5 then
    walks one or two small lists of languages instead of merging many large ones (a query
    of ten languages: 0.66 → 0.19 ms on 100,000 statements).
    """
    clauses = []
    for terms, languages in groups.items():
        words = " AND ".join(_quote(term) + (" *" if prefix else "") for term, prefix in terms)
        words = f"{{title body}} : ({words})"
        others = [code for code in every_language if code not in languages]
        if every_language and len(others) < len(languages):
            excluded = " OR ".join(map(_quote, others))
            clauses.append(f"({words} NOT language : ({excluded}))" if others else f"({words})")
        else:
            codes = " OR ".join(map(_quote, languages))
            clauses.append(f"(language : ({codes}) AND {words})")
    expression = " OR ".join(clauses)
    if filters:
        expression = f"({expression}) AND filters : ({' AND '.join(map(_quote, filters))})"
    return expression


def tsquery_text(terms):
    return " & ".join(f"'{term}'" + (":*" if prefix else "") for term, prefix in terms)


def filters_tsquery_text(filters):
    return " & ".join(f"'#{term}'" for term in filters)


# The SQL below is assembled from constant fragments and the ORM's own SQL for the
# statements searched; every value, the ORM's included, is a bound parameter.


def _sqlite(groups, filters, subquery, params, limit):
    every_language = [locale.language_code for locale in structure.current().locales_by_id.values()]
    expression = fts5_expression(groups, filters, every_language)
    matching = f"SELECT rowid AS id FROM {FTS} WHERE {FTS} MATCH %s"  # noqa: S608
    if subquery:
        # `+rowid`: a filter on what FTS5 finds, newest first, rather than a constraint
        # handed to FTS5, which would probe its index once per statement of the subquery.
        chosen = (
            f"chosen AS MATERIALIZED ({matching} AND +rowid IN ({subquery})"  # noqa: S608
            " ORDER BY rowid DESC LIMIT %s)"
        )
        chosen_params = [expression, *params, limit]
    else:
        # FTS5 walks its index in rowid order and stops at the LIMIT.
        chosen = f"chosen AS MATERIALIZED ({matching} ORDER BY rowid DESC LIMIT %s)"
        chosen_params = [expression, limit]
    sql = (
        f"WITH {chosen} SELECT entry.page_id, entry.language, entry.title"  # noqa: S608
        f" FROM chosen JOIN {TABLE} entry ON entry.page_id = chosen.id"
    )
    return sql, chosen_params


def _postgresql(groups, filters, subquery, params, limit, windows=()):
    # The language is a lexeme of the vector ('@en', migration 0004): the GIN index alone
    # answers each group's condition, and the filter terms, lexemes "#y2015" (0008), and
    # the windows of ids, "%w9" (0009), ANDed with each group's words.
    conditions, condition_params = [], []
    for terms, languages in groups.items():
        conditions.append("vector @@ (to_tsquery('simple', %s) && %s::tsquery)")
        languages_text = " | ".join(f"'@{code}'" for code in languages)
        if windows:
            windows_text = " | ".join(f"'%w{window}'" for window in windows)
            languages_text = f"({languages_text}) & ({windows_text})"
        condition_params += [tsquery_text(terms), languages_text]
    within = f" AND page_id IN ({subquery})" if subquery else ""
    if filters:
        within += " AND vector @@ %s::tsquery"
        params = [*params, filters_tsquery_text(filters)]
    sql = (
        f"SELECT page_id, language, title FROM {TABLE} WHERE"  # noqa: S608
        f" ({' OR '.join(conditions)}){within} ORDER BY page_id DESC LIMIT %s"
    )
    return sql, [*condition_params, *params, limit]


def search(query, statements, languages, limit=RESULTS, filters=()):
    """(id, language) of the `limit` newest matching statements, title matches first.

    `filters`: filter terms (filters.py) that the statements found must have, asked of
    the full-text index with the words. With `statements` (a queryset), only those are
    searched (a subquery: for tests and benchmarks). The index holds only what readers may
    see (see index.py); the search page still shows only what `published()` lets through.
    """
    groups = term_groups(query, languages)
    if not groups:
        return []
    subquery, params = "", []
    if statements is not None:
        try:
            subquery, params = statements.order_by().values("pk").query.sql_with_params()
        except EmptyResultSet:  # a filter that nothing passes, such as an unknown category
            return []
    if connection.vendor == "postgresql" and not subquery:
        found = _filtered(groups, filters, limit) if filters else _newest_windows(groups, limit)
    elif connection.vendor == "postgresql":
        found = _run(*_postgresql(groups, filters, subquery, params, limit))
    else:
        found = _run(*_sqlite(groups, filters, subquery, params, limit))
    terms_of = {language: terms for terms, languages in groups.items() for language in languages}
    # Only the languages searched (an entry of a language without a locale is no answer).
    found = [row for row in found if row[1] in terms_of]
    found.sort(key=lambda row: (not _holds_every_term(row[2], terms_of[row[1]]), -row[0]))
    return [(pk, language) for pk, language, _title in found]


def _holds_every_term(indexed_terms, terms):
    """Whether the terms of an index entry's title hold every query term."""
    held = indexed_terms.split()
    return all(
        any(term_held.startswith(term) for term_held in held) if prefix else term in held
        for term, prefix in terms
    )


def _newest_windows(groups, limit):
    """The newest matches, window by window of WINDOW ids (the window 9 holds the ids from
    90,000 to 99,999: each entry's vector names its own, migration 0009), newest first.
    The newest window is asked with the one before it: it is often nearly empty (10,032
    statements fill one id of the window 1)."""
    highest = SearchEntry.objects.aggregate(Max("page_id"))["page_id__max"]
    found = []
    if highest is None:
        return found
    top = highest // WINDOW
    asked = [(top, top - 1) if top else (top,)] + [(window,) for window in range(top - 2, -1, -1)]
    with _bitmap_scans():
        for windows in asked:
            found += _run(*_postgresql(groups, (), "", [], limit - len(found), windows))
            if len(found) >= limit:
                break
    return found


def _filtered(groups, filters, limit):
    """A search narrowed by filter terms, in one query: the full-text index ANDs the words
    with the filter's terms, so the rows read are the matches themselves, however old. By
    windows, a filter that the newest statements lack (an old year) had every window
    asked in turn: 47 ms p50 and 262 ms p95 on 100,000 statements, against 2 and 9."""
    with _bitmap_scans():
        return _run(*_postgresql(groups, filters, "", [], limit))


@contextmanager
def _bitmap_scans():
    """On PostgreSQL, plan the window queries without plain index scans, each for its own
    words.

    For a common word PostgreSQL otherwise walks the primary key through the window and
    reads every row's whole vector to test it (31 ms a window on 100,000 statements); as
    a bitmap scan it ANDs the window with the full-text index and reads only the matches
    (12 ms). The connection prepares a statement run five times (`prepare_threshold`, see
    settings), and PostgreSQL may then plan it once for any words: a plan that cannot
    know how rare the words are took 8.7 ms a search on 1,000 statements where a plan for
    the words took 0.25. A local setting lasts until the end of the transaction, so it is
    reset after (both settings in one statement each way, as `set_config`).
    """
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SELECT set_config('enable_indexscan', 'off', true),"
                       " set_config('plan_cache_mode', 'force_custom_plan', true)")  # fmt: skip
        try:
            yield
        finally:
            cursor.execute("SELECT set_config(name, reset_val, true) FROM pg_settings"
                           " WHERE name IN ('enable_indexscan', 'plan_cache_mode')")  # fmt: skip


def _run(sql, params):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()
