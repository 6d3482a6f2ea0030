"""PostgreSQL: each entry's vector also holds the window of ids its statement is in, a
lexeme "%w9" for ids 90,000 to 99,999 (engine.WINDOW), so that the GIN index intersects a
search's words with its window instead of handing over every match of the archive for the
window to be cut from them (25,000 rows for "worker" on 100,000 statements; a window's
query 5.4 → 2.6 ms). The vector is a generated column: written again for every entry, the
entries kept (a table rewrite: about a minute on 100,000 statements). SQLite's FTS5 walks
its index newest first and needs no window: nothing changes there.
"""

import importlib

from django.db import migrations

previous = importlib.import_module("communique.search.migrations.0008_fulltext_filters")

TABLE = previous.TABLE
WINDOW = 10_000  # engine.WINDOW: the lexemes are written with it
# "%%": the schema editor runs each statement with (empty) parameters, so "%" is written twice.
WINDOW_LEXEME = f"array_to_tsvector(ARRAY['%%w' || (page_id / {WINDOW})::text])"


def vector(windows):
    return " || ".join(
        ["setweight(to_tsvector('simple'::regconfig, title), 'A')",
         "setweight(to_tsvector('simple'::regconfig, body), 'B')",
         "array_to_tsvector(ARRAY['@' || language::text])", previous.FILTER_LEXEMES]
        + ([WINDOW_LEXEME] if windows else [])
    )  # fmt: skip


def postgresql(windows):
    return [
        "DROP INDEX IF EXISTS communique_search_vector",
        f"ALTER TABLE {TABLE} DROP COLUMN IF EXISTS vector",
        f"ALTER TABLE {TABLE} ADD COLUMN vector tsvector GENERATED ALWAYS AS"
        f" ({vector(windows)}) STORED",
        f"CREATE INDEX communique_search_vector ON {TABLE} USING gin (vector)",
        f"ANALYZE {TABLE}",
    ]


class Migration(migrations.Migration):
    dependencies = [("communique_search", "0008_fulltext_filters")]

    operations = [
        migrations.RunPython(
            previous.run({"postgresql": postgresql(windows=True)}),
            previous.run({"postgresql": postgresql(windows=False)}),
        )
    ]
