"""The database's own full-text structures over SearchEntry (see communique/search/models.py)."""

from django.db import migrations

TABLE = "communique_search_searchentry"

SQLITE_CREATE = [
    f"""CREATE VIRTUAL TABLE communique_search_fts USING fts5(
        language, title, body, content='{TABLE}', content_rowid='page_id',
        tokenize='unicode61 remove_diacritics 0')""",
    f"""CREATE TRIGGER communique_search_fts_insert AFTER INSERT ON {TABLE} BEGIN
        INSERT INTO communique_search_fts(rowid, language, title, body)
        VALUES (new.page_id, new.language, new.title, new.body);
    END""",
    f"""CREATE TRIGGER communique_search_fts_delete AFTER DELETE ON {TABLE} BEGIN
        INSERT INTO communique_search_fts(communique_search_fts, rowid, language, title, body)
        VALUES ('delete', old.page_id, old.language, old.title, old.body);
    END""",
    f"""CREATE TRIGGER communique_search_fts_update AFTER UPDATE ON {TABLE} BEGIN
        INSERT INTO communique_search_fts(communique_search_fts, rowid, language, title, body)
        VALUES ('delete', old.page_id, old.language, old.title, old.body);
        INSERT INTO communique_search_fts(rowid, language, title, body)
        VALUES (new.page_id, new.language, new.title, new.body);
    END""",
    "INSERT INTO communique_search_fts(communique_search_fts) VALUES ('rebuild')",
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS communique_search_fts_update",
    "DROP TRIGGER IF EXISTS communique_search_fts_delete",
    "DROP TRIGGER IF EXISTS communique_search_fts_insert",
    "DROP TABLE IF EXISTS communique_search_fts",
]
POSTGRES_CREATE = [
    f"""ALTER TABLE {TABLE} ADD COLUMN vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple'::regconfig, title), 'A')
        || setweight(to_tsvector('simple'::regconfig, body), 'B')) STORED""",
    f"CREATE INDEX communique_search_vector ON {TABLE} USING gin (vector)",
]
POSTGRES_DROP = [
    "DROP INDEX IF EXISTS communique_search_vector",
    f"ALTER TABLE {TABLE} DROP COLUMN IF EXISTS vector",
]


def run(statements_by_vendor):
    def operation(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [("communique_search", "0001_initial")]

    operations = [
        migrations.RunPython(
            run({"sqlite": SQLITE_CREATE, "postgresql": POSTGRES_CREATE}),
            run({"sqlite": SQLITE_DROP, "postgresql": POSTGRES_DROP}),
        ),
    ]
