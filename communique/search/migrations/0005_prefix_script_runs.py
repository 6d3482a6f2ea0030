"""Korean words are now split where the script changes (analysis.py: COP26에서 is indexed as
"cop26" and "에서"), so Korean entries are dropped here and written again with the new
terms after the migration (signals.fill_after_migrate indexes every published statement
that has no entry, with the current code)."""

from django.db import migrations

PREFIX_SCRIPT_LANGUAGES = ["ko"]  # analysis.PREFIX_SCRIPTS when this was written


def drop_entries(apps, schema_editor):
    entries = apps.get_model("communique_search", "SearchEntry")
    entries.objects.filter(language__in=PREFIX_SCRIPT_LANGUAGES).delete()


class Migration(migrations.Migration):
    dependencies = [("communique_search", "0004_language_lexeme")]

    operations = [migrations.RunPython(drop_entries, migrations.RunPython.noop)]
