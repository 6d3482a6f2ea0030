"""The full-text structures with the entries' filter terms (filters.py): a `filters` column
of the FTS5 table on SQLite, lexemes "#y2015" of the vector on PostgreSQL.

The entries are dropped with the old structures: `migrate` then writes an entry for every
published statement with the current code (signals.fill_after_migrate), filter terms
included. On 100,000 statements that is a minute or two, during which search finds less.
"""

from django.db import migrations

TABLE = "communique_search_searchentry"
FTS = "communique_search_fts"


def sqlite(columns):
    new = ", ".join(f"new.{column}" for column in columns)
    old = ", ".join(f"old.{column}" for column in columns)
    columns = ", ".join(columns)
    return [
        f"DROP TRIGGER IF EXISTS {FTS}_update",
        f"DROP TRIGGER IF EXISTS {FTS}_delete",
        f"DROP TRIGGER IF EXISTS {FTS}_insert",
        f"DROP TABLE IF EXISTS {FTS}",
        f"DELETE FROM {TABLE}",
        f"""CREATE VIRTUAL TABLE {FTS} USING fts5(
            {columns}, content='{TABLE}', content_rowid='page_id',
            tokenize='unicode61 remove_diacritics 0')""",
        f"""CREATE TRIGGER {FTS}_insert AFTER INSERT ON {TABLE} BEGIN
            INSERT INTO {FTS}(rowid, {columns}) VALUES (new.page_id, {new});
        END""",
        f"""CREATE TRIGGER {FTS}_delete AFTER DELETE ON {TABLE} BEGIN
            INSERT INTO {FTS}({FTS}, rowid, {columns}) VALUES ('delete', old.page_id, {old});
        END""",
        f"""CREATE TRIGGER {FTS}_update AFTER UPDATE ON {TABLE} BEGIN
            INSERT INTO {FTS}({FTS}, rowid, {columns}) VALUES ('delete', old.page_id, {old});
            INSERT INTO {FTS}(rowid, {columns}) VALUES (new.page_id, {new});
        END""",
    ]


# PostgreSQL: each filter term a lexeme of its own, "#y2015", as the language is "@en"
# (0004): no word of a text becomes a lexeme starting with "#", and the GIN index answers
# it without reading the row again (a weight would need that recheck).
FILTER_LEXEMES = (
    "array_to_tsvector(string_to_array(regexp_replace(filters, '(\\S+)', '#\\1', 'g'), ' '))"
)


def postgresql(weighted, filters):
    vector = " || ".join(
        [f"setweight(to_tsvector('simple'::regconfig, {column}), '{weight}')"
         for column, weight in weighted] + ["array_to_tsvector(ARRAY['@' || language::text])"]
        + ([FILTER_LEXEMES] if filters else [])
    )  # fmt: skip
    return [
        "DROP INDEX IF EXISTS communique_search_vector",
        f"ALTER TABLE {TABLE} DROP COLUMN IF EXISTS vector",
        f"DELETE FROM {TABLE}",
        f"ALTER TABLE {TABLE} ADD COLUMN vector tsvector GENERATED ALWAYS AS ({vector}) STORED",
        f"CREATE INDEX communique_search_vector ON {TABLE} USING gin (vector)",
    ]


def run(statements_by_vendor):
    def operation(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [("communique_search", "0007_entry_filters")]

    operations = [
        migrations.RunPython(
            run({"sqlite": sqlite(["language", "title", "body", "filters"]),
                 "postgresql": postgresql([("title", "A"), ("body", "B")], filters=True)}),
            run({"sqlite": sqlite(["language", "title", "body"]),
                 "postgresql": postgresql([("title", "A"), ("body", "B")], filters=False)}),
        )
    ]  # fmt: skip
