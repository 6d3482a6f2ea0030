"""PostgreSQL: a small title-only tsvector to rank by, so ranking never reads whole bodies."""

from django.db import migrations

TABLE = "communique_search_searchentry"


def run(statements):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [("communique_search", "0002_fulltext")]

    operations = [
        migrations.RunPython(
            run([f"ALTER TABLE {TABLE} ADD COLUMN title_vector tsvector GENERATED ALWAYS AS "
                 "(to_tsvector('simple'::regconfig, title)) STORED"]),
            run([f"ALTER TABLE {TABLE} DROP COLUMN IF EXISTS title_vector"]),
        ),
    ]
