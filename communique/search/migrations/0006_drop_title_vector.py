"""PostgreSQL: the title-only tsvector of 0003 is no longer read. Searches return the newest
matches, and whether a title holds every word is read from the entry's title terms
(engine.py), on both databases."""

from django.db import migrations

TABLE = "communique_search_searchentry"


def run(statement):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [("communique_search", "0004_language_lexeme")]

    operations = [
        migrations.RunPython(
            run(f"ALTER TABLE {TABLE} DROP COLUMN IF EXISTS title_vector"),
            run(f"ALTER TABLE {TABLE} ADD COLUMN title_vector tsvector GENERATED ALWAYS AS "
                "(to_tsvector('simple'::regconfig, title)) STORED"),
        ),
    ]
