"""Find statements by analysed terms, with the database's own full-text index.

The query is analysed once per language searched (languages whose analysers give the
same terms are searched together), and a statement matches when every term of the query,
analysed for the statement's language, is in its title or body. Results come best first:
BM25 on SQLite's FTS5 (title terms weighing ten times the body); on PostgreSQL, ts_rank of
the title, then the newest first.
"""

from collections import defaultdict
from contextlib import contextmanager

from django.core.exceptions import EmptyResultSet
from django.db import connection, transaction
from django.db.models import Max

from .analysis import analyser
from .models import SearchEntry

MAX_RESULTS = 1000
WINDOW = 10_000
FTS = "communique_search_fts"
TABLE = "communique_search_searchentry"


def term_groups(query, languages):
    """{(terms, prefix matching): [languages]} for the languages searched."""
    groups = defaultdict(list)
    for language in languages:
        language_analyser = analyser(language)
        terms = tuple(language_analyser.query_terms(query))
        if terms:
            groups[(terms, language_analyser.matches_prefixes)].append(language)
    return groups


def _quote(text):
    return '"' + text.replace('"', '""') + '"'


def fts5_expression(groups):
    clauses = []
    for (terms, prefixes), languages in groups.items():
        star = " *" if prefixes else ""
        words = " AND ".join(_quote(term) + star for term in terms)
        codes = " OR ".join(_quote(language) for language in languages)
        clauses.append(f"(language : ({codes}) AND {{title body}} : ({words}))")
    return " OR ".join(clauses)


def tsquery_text(terms, prefixes):
    star = ":*" if prefixes else ""
    return " & ".join(f"'{term}'{star}" for term in terms)


# The SQL below is assembled from constant fragments and the ORM's own SQL for the
# statements searched; every value, the ORM's included, is a bound parameter.


def _sqlite(groups, subquery, params, limit, id_range=None):
    # Materialised first: with `rowid IN (…)` beside MATCH, SQLite probes the full-text
    # index once per candidate row (100 times slower on a thousand statements).
    hits = f"SELECT rowid AS id, language, bm25({FTS}, 0.0, 10.0, 1.0) AS score FROM {FTS}"  # noqa: S608, E501
    within = f" WHERE id IN ({subquery})" if subquery else ""
    window, window_params = "", []
    if id_range:
        window, window_params = " AND rowid > %s AND rowid <= %s", list(id_range)
    sql = (
        f"WITH hits AS MATERIALIZED ({hits} WHERE {FTS} MATCH %s{window})"  # noqa: S608
        f" SELECT id, language FROM hits{within} ORDER BY score, id DESC LIMIT %s"
    )
    return sql, [fts5_expression(groups), *window_params, *params, limit]


def _postgresql(groups, subquery, params, limit, id_range=None):
    # Ranked by the title vector only (small, stored inline), then newest first: ts_rank on
    # whole bodies would read every matching body and cost seconds on common words.
    # The language is a lexeme of the vector ('@en', migration 0004): the GIN index alone
    # answers each group's condition.
    conditions, condition_params, queries = [], [], []
    for (terms, prefixes), languages in groups.items():
        text = tsquery_text(terms, prefixes)
        conditions.append("vector @@ (to_tsquery('simple', %s) && %s::tsquery)")
        condition_params += [text, " | ".join(f"'@{language}'" for language in languages)]
        queries.append(f"({text})")
    within = f" AND page_id IN ({subquery})" if subquery else ""
    if id_range:
        within += " AND page_id > %s AND page_id <= %s"
        params = [*params, *id_range]
    sql = (
        f"SELECT page_id, language FROM {TABLE} WHERE"  # noqa: S608
        f" ({' OR '.join(conditions)}){within}"
        " ORDER BY ts_rank(title_vector, to_tsquery('simple', %s)) DESC, page_id DESC LIMIT %s"
    )
    return sql, [*condition_params, *params, " | ".join(queries), limit]


BUILDERS = {"sqlite": _sqlite, "postgresql": _postgresql}


def search(query, statements, languages, limit=MAX_RESULTS):
    """(id, language) of matching statements, best first.

    With `statements` (a filtered queryset), only those are searched, inside the database,
    ranked together. Without, the whole index is searched (it holds only what readers may
    see; callers still pass the results through `published()`), newest first by windows
    of WINDOW statement ids, ranked within each window, until `limit` are found: a word
    found in a third of a 100,000-statement archive then costs one window, not a ranking
    of 30,000 matches.
    """
    groups = term_groups(query, languages)
    if not groups:
        return []
    build = BUILDERS[connection.vendor]
    if statements is not None:
        try:
            subquery, params = statements.order_by().values("pk").query.sql_with_params()
        except EmptyResultSet:  # a filter that nothing passes, such as an unknown category
            return []
        return _run(*build(groups, subquery, params, limit))
    return _newest_first(build, groups, limit)


def _newest_first(build, groups, limit):
    highest = SearchEntry.objects.aggregate(Max("page_id"))["page_id__max"] or 0
    found = []
    with _bitmap_scans():
        for top in range(highest, 0, -WINDOW):
            found += _run(*build(groups, "", [], limit - len(found), (top - WINDOW, top)))
            if len(found) >= limit:
                break
    return found


@contextmanager
def _bitmap_scans():
    """On PostgreSQL, plan the window queries without plain index scans.

    For a common word PostgreSQL otherwise walks the primary key through the window and
    reads every row's whole vector to test it (31 ms a window on 100,000 statements); as
    a bitmap scan it ANDs the window with the full-text index and reads only the matches
    (12 ms). SET LOCAL lasts until the end of the transaction, so it is reset after.
    """
    if connection.vendor != "postgresql":
        yield
        return
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_indexscan = off")
        try:
            yield
        finally:
            cursor.execute("RESET enable_indexscan")


def _run(sql, params):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()
