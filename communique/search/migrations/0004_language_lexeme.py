"""PostgreSQL: the statement's language as a lexeme of its vector ('@en'), so that the
full-text index alone answers "these terms, in this language" — no row is read to check
its language, and no vector is read again to recheck a match."""

from django.db import migrations

TABLE = "communique_search_searchentry"
VECTOR = ("setweight(to_tsvector('simple'::regconfig, title), 'A')"
          " || setweight(to_tsvector('simple'::regconfig, body), 'B')"
          " {language}")  # fmt: skip
DROP = [
    "DROP INDEX IF EXISTS communique_search_vector",
    f"ALTER TABLE {TABLE} DROP COLUMN IF EXISTS vector",
]


def create(expression):
    return [
        f"ALTER TABLE {TABLE} ADD COLUMN vector tsvector GENERATED ALWAYS AS ({expression}) STORED",
        f"CREATE INDEX communique_search_vector ON {TABLE} USING gin (vector)",
    ]


def run(statements):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [("communique_search", "0003_title_vector")]

    operations = [
        migrations.RunPython(
            run(DROP + create(VECTOR.format(
                language="|| array_to_tsvector(ARRAY['@' || language::text])"))),
            run(DROP + create(VECTOR.format(language=""))),
        ),
    ]  # fmt: skip
