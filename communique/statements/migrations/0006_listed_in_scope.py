import django.db.models.deletion
from django.db import migrations, models

CHUNK = 2000

RANK = """UPDATE statements_listedinscope SET position = ranked.position FROM (
              SELECT id, ROW_NUMBER() OVER (PARTITION BY locale_id, scope
                                            ORDER BY date, page_id) - 1 AS position
              FROM statements_listedinscope) AS ranked
          WHERE statements_listedinscope.id = ranked.id"""


def fill(apps, schema_editor):
    """The rows of the statements already listed (what listed.rebuild() would write): each
    listing row once per category, country and signatory of its statement version."""
    listed = apps.get_model("statements", "ListedStatement")
    in_scope = apps.get_model("statements", "ListedInScope")
    statement = apps.get_model("statements", "StatementPage")
    signatory = apps.get_model("statements", "StatementSignatory")
    links = [
        (statement.categories.through, "statementpage_id", "category__translation_key",
         "category:{}"),
        (statement.countries.through, "statementpage_id", "country__code", "country:{}"),
        (signatory, "page_id", "organisation__translation_key", "organisation:{}"),
    ]  # fmt: skip
    rows = list(listed.objects.values_list("locale_id", "page_id", "date").order_by("pk"))
    for start in range(0, len(rows), CHUNK):
        chunk = rows[start : start + CHUNK]
        scopes = {page_id: set() for _locale, page_id, _date in chunk}
        for model, page_field, key_field, name in links:
            found = model.objects.filter(**{f"{page_field}__in": set(scopes)})
            for page_id, key in found.values_list(page_field, key_field):
                scopes[page_id].add(name.format(str(key).lower()))
        in_scope.objects.bulk_create(
            in_scope(locale_id=locale_id, scope=scope, page_id=page_id, date=date)
            for locale_id, page_id, date in chunk
            for scope in sorted(scopes[page_id])
        )
    schema_editor.execute(RANK)


class Migration(migrations.Migration):
    """ListedInCategory becomes ListedInScope: countries' and organisations' listings (and
    their feeds) by position too, where they read the locale's whole listing."""

    dependencies = [
        ("statements", "0005_listed_in_category"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.CreateModel(
            name="ListedInScope",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False,
                                           verbose_name="ID")),
                ("scope", models.CharField(max_length=64)),
                ("date", models.DateField()),
                ("position", models.PositiveIntegerField(default=0)),
                ("locale", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE,
                                             related_name="+", to="wagtailcore.locale")),
                ("page", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE,
                                           related_name="+", to="statements.statementpage")),
            ],
            options={
                "indexes": [
                    models.Index(fields=["locale", "scope", "date", "page"],
                                 name="listed_in_scope_by_date"),
                    models.Index(fields=["locale", "scope", "position"],
                                 name="listed_in_scope_by_place"),
                ],
            },
        ),  # fmt: skip
        migrations.RunPython(fill, migrations.RunPython.noop),
        migrations.DeleteModel(name="ListedInCategory"),
    ]
