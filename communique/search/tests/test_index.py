"""The index follows what is live: publish, edit, unpublish, translate, delete, rebuild."""

import datetime

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.urls import reverse
from wagtail_localize.models import Translation

from communique.editorial.roles import COORDINATORS
from communique.organisations.models import Organisation
from communique.search import engine
from communique.search.models import SearchEntry
from communique.search.signals import fill_after_migrate
from communique.statements.models import StatementPage, StatementSignatory
from communique.statements.tests.factories import make_statement

pytestmark = pytest.mark.django_db


def found(query, languages=("en", "el")):
    return [pk for pk, _l in engine.search(query, StatementPage.objects.published(), languages)]


def test_publishing_indexes_and_unpublishing_removes():
    draft = make_statement("en", title="Quarry workers' appeal", publish=False)
    assert not SearchEntry.objects.filter(page=draft).exists()
    assert found("quarry") == []
    draft.save_revision().publish()
    assert found("quarry") == [draft.pk]
    StatementPage.objects.get(pk=draft.pk).unpublish()
    assert not SearchEntry.objects.filter(page=draft).exists()
    assert found("quarry") == []


def test_a_published_edit_replaces_the_old_words():
    page = make_statement("en", title="Statement on tramways")
    latest = page.get_latest_revision_as_object()
    latest.title = "Statement on railways"
    latest.save_revision()
    assert found("tramway") == [page.pk]  # a draft edit changes nothing readers see
    StatementPage.objects.get(pk=page.pk).get_latest_revision().publish()
    assert found("railway") == [page.pk]
    assert found("tramway") == []


def test_deleting_a_statement_removes_its_entry():
    page = make_statement("en", title="Ferrymen united")
    StatementPage.objects.get(pk=page.pk).delete()
    assert not SearchEntry.objects.filter(page_id=page.pk).exists()


def test_a_published_translation_is_found_in_its_language(
    client, make_user, locales, django_capture_on_commit_callbacks
):
    client.force_login(make_user("co", COORDINATORS))
    original = make_statement("en", title="Lighthouse keepers", body="<p>Lighthouse.</p>")
    url = reverse("wagtail_localize:submit_page_translation", args=[original.pk])
    client.post(url, {"locales": [locales["el"].pk]})
    translation = Translation.objects.get(source__object_id=original.translation_key,
                                          target_locale=locales["el"])  # fmt: skip
    client.post(reverse("wagtail_localize:machine_translate", args=[translation.pk]))
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)
    target = StatementPage.objects.get(translation_key=original.translation_key,
                                       locale=locales["el"])  # fmt: skip
    entry = SearchEntry.objects.get(page=target)
    assert entry.language == "el" and entry.title
    assert target.pk in found(target.title, ["el"])


def test_a_signatory_is_found_by_its_new_name():
    organisation = Organisation.objects.first()
    page = make_statement("en", title="Appeal")
    StatementSignatory.objects.create(page=page, organisation=organisation)
    page.save_revision().publish()
    organisation.name = "Brotherhood of Zeppelin Riggers"
    organisation.save()
    assert page.pk in found("zeppelin riggers")


def test_rebuild_command_rewrites_the_whole_index(capsys):
    page = make_statement("el", title="Αλιείς του Αιγαίου")
    SearchEntry.objects.all().delete()
    assert found("αλιεις") == []
    call_command("rebuild_search_index")
    assert "Indexed" in capsys.readouterr().out
    assert found("αλιεις") == [page.pk]
    assert SearchEntry.objects.count() == StatementPage.objects.published().count()


def test_a_migration_of_the_index_writes_the_entries_it_dropped():
    """Migration 0008 drops every entry (its forward step empties the table on both
    databases); `migrate` then writes them again with the current code."""
    page = make_statement("ko", title="플랫폼 노동자")
    SearchEntry.objects.filter(language="ko").delete()  # as a migration's step would
    search_app = apps.get_app_config("communique_search")
    fill_after_migrate(search_app, plan=[])  # a migrate that did not touch the index
    assert not SearchEntry.objects.filter(page=page).exists()
    applied = MigrationLoader(connection).get_migration(
        "communique_search", "0008_fulltext_filters"
    )
    fill_after_migrate(search_app, plan=[(applied, False)])
    assert page.pk in found("노동자", ["ko"])
    korean = StatementPage.objects.published().filter(locale__language_code="ko")
    assert SearchEntry.objects.filter(language="ko").count() == korean.count() > 1


def test_search_page_query_count(client, django_assert_max_num_queries):
    client.get("/en/search/?q=solidarity")
    # The site's last change, the engine, the page of results, their translations and
    # categories. PostgreSQL adds five (engine.py): the highest id, a savepoint, the planner
    # settings and their reset, and the savepoint's release.
    with django_assert_max_num_queries(5 if connection.vendor == "sqlite" else 10):
        assert client.get("/en/search/?q=solidarity").status_code == 200


def test_searches_past_the_prepare_threshold_leave_the_planner_settings_as_they_were():
    """On PostgreSQL each search's full-text query is planned for its words (engine.py),
    also once the connection prepares it, and the settings are put back after."""
    page = make_statement("en", title="Dockers strike", date=datetime.date(2020, 5, 1))
    for _ in range(7):  # a statement run five times is prepared (settings: prepare_threshold)
        assert engine.search("dockers", None, ["en"]) == [(page.pk, "en")]
        assert engine.search("dockers", None, ["en"], filters=["y2020"]) == [(page.pk, "en")]
        assert engine.search("dockers", None, ["en"], filters=["y2019"]) == []
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT current_setting('enable_indexscan'),"
                           " current_setting('plan_cache_mode')")  # fmt: skip
            assert cursor.fetchone() == ("on", "auto")


def test_a_view_restriction_takes_statements_out_of_the_index():
    from wagtail.models import PageViewRestriction

    page = make_statement("en", title="Members only minutes")
    restriction = PageViewRestriction.objects.create(page=page, restriction_type="login")
    assert not SearchEntry.objects.filter(page=page).exists()
    restriction.delete()
    assert found("minutes") == [page.pk]


def test_migrate_fills_an_empty_index_of_an_existing_database():
    SearchEntry.objects.all().delete()
    call_command("migrate", verbosity=0)
    assert SearchEntry.objects.count() == StatementPage.objects.published().count()


def test_filter_terms_find_what_the_filters_select():
    """Each category, country, organisation and year of the demo network: a search narrowed
    by its filter terms finds the statements the filter's own query selects."""
    from communique.core.models import Country
    from communique.search import filters
    from communique.statements.models import Category

    languages = ["en", "es", "fr", "de", "el", "pl", "tr", "ru", "ko", "ar"]
    published = StatementPage.objects.published()
    narrowings = (
        [(filters.category_term(c.translation_key), published.in_category(c))
         for c in Category.objects.all()]
        + [(filters.country_term(c.code), published.in_country(c)) for c in Country.objects.all()]
        + [(filters.organisation_term(o.translation_key), published.signed_by(o))
           for o in Organisation.objects.all()]
        + [(filters.year_term(day.year), published.in_year(day.year))
           for day in published.dates("date", "year")]
    )  # fmt: skip
    assert len(narrowings) > 20
    for query in ("solidarity", "strike", "workers"):
        for term, statements in narrowings:
            by_terms = engine.search(query, None, languages, limit=10_000, filters=[term])
            by_query = engine.search(query, statements, languages, limit=10_000)
            assert by_terms == by_query, (query, term)
    assert any(
        engine.search("solidarity", None, languages, filters=[term]) for term, _s in narrowings
    )


def test_filter_terms_follow_a_published_edit():
    from communique.search.filters import category_term, year_term
    from communique.statements.tests.factories import make_category

    first, second = make_category("en"), make_category("en")
    page = make_statement("en", title="Fishers of the lagoon", date=datetime.date(2031, 5, 1))
    page.categories.add(first)
    page.save_revision().publish()
    assert found_with("lagoon", category_term(first.translation_key)) == [page.pk]
    page.categories.set([second])
    page.date = datetime.date(2032, 5, 1)
    page.save_revision().publish()
    assert found_with("lagoon", category_term(first.translation_key)) == []
    assert found_with("lagoon", category_term(second.translation_key)) == [page.pk]
    assert found_with("lagoon", year_term(2031)) == []
    assert found_with("lagoon", year_term(2032)) == [page.pk]


def found_with(query, term):
    return [pk for pk, _l in engine.search(query, None, ["en"], filters=[term])]


def test_a_large_write_leaves_the_index_ready_to_search(monkeypatch):
    from communique.search import index

    monkeypatch.setattr(index, "BATCH_SIZE", 10)
    assert index.rebuild() == SearchEntry.objects.count() > 10
    if connection.vendor == "postgresql":  # SQLite's FTS5 has no pending list
        with connection.cursor() as cursor:
            cursor.execute("SELECT gin_clean_pending_list('communique_search_vector'::regclass)")
            assert cursor.fetchone()[0] == 0  # merged already: searches read no pending list
