"""Language-aware matching: stemming, stop words, accents, scripts without a stemmer."""

import pytest
from django.db import connection
from hypothesis import given
from hypothesis import strategies as st

from communique.search import engine
from communique.search.analysis import analyser, fold
from communique.statements.models import StatementPage
from communique.statements.tests.factories import make_statement

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "es", "fr", "de", "el", "pl", "tr", "ru", "ko", "ar"]


def found(query, languages=LANGUAGES):
    return [pk for pk, _language in engine.search(query, StatementPage.objects.published(),
                                                  languages)]  # fmt: skip


@pytest.mark.parametrize(
    ("language", "text", "queries"),
    [
        ("en", "Dockworkers vote to strike", ["strikes", "striking", "STRIKE", "dockworker"]),
        ("es", "Los mineros anuncian una huelga", ["huelgas", "minero", "anuncia"]),
        ("el", "Η απεργία των λιμενεργατών", ["απεργίες", "απεργίας", "λιμενεργάτες"]),
        ("fr", "Les enseignants en grève", ["grèves", "enseignant"]),
        ("de", "Die Arbeiter streiken", ["Arbeitern", "Streik"]),
        ("ru", "Забастовка шахтёров", ["забастовки", "шахтёры"]),
        ("tr", "Madencilerin grevi sürüyor", ["grev", "madenciler"]),
        ("pl", "Strajk nauczycieli trwa", ["strajku", "strajki"]),
        ("ar", "الإضراب العام للعمال", ["إضراب", "العمال"]),
    ],
)  # fmt: skip
def test_other_forms_of_a_word_find_it(language, text, queries):
    page = make_statement(language, title=text, body="<p>.</p>")
    for query in queries:
        assert page.pk in found(query), (language, query)
        assert page.pk in found(query, [language]), (language, query)


def test_accents_do_not_matter_where_readers_leave_them_out():
    spanish = make_statement("es", title="Acción contra la represión", body="<p>.</p>")
    greek = make_statement("el", title="Αλληλεγγύη στους πρόσφυγες", body="<p>.</p>")
    german = make_statement("de", title="Gewerkschaften gegen Kürzungen", body="<p>.</p>")
    assert spanish.pk in found("accion represion")
    assert greek.pk in found("αλληλεγγυη προσφυγες")
    assert german.pk in found("kurzungen")


def test_every_word_must_match_and_stop_words_are_ignored():
    page = make_statement("en", title="Teachers strike in the capital", body="<p>.</p>")
    assert page.pk in found("the strike of the teachers")
    assert page.pk not in found("strike farmers")
    assert found("the of and") == []


def test_korean_matches_a_word_with_its_particle():
    page = make_statement("ko", title="플랫폼 노동자들은 권리를 요구한다", body="<p>.</p>")
    assert page.pk in found("노동자")
    assert page.pk in found("플랫폼 노동자")
    assert page.pk not in found("노동조합")


def test_korean_words_are_split_where_the_script_changes():
    page = make_statement("ko", title="COP26에서 플랫폼 Workers", body="<p>.</p>")
    assert analyser("ko").query_terms("worker's 노동") == [
        ("worker", False), ("s", False), ("노동", True)
    ]  # fmt: skip
    for query in ("cop26", "COP26에서", "플랫", "workers"):
        assert page.pk in found(query, ["ko"]), query
    assert page.pk not in found("work", ["ko"])  # only Hangul terms match by prefix


def test_a_word_in_another_script_does_not_match_by_accident():
    page = make_statement("el", title="Απεργία", body="<p>.</p>")
    assert page.pk not in found("strike")


def test_terms_match_only_statements_in_the_languages_searched():
    """Terms analysed for a language match only that language's statements (on PostgreSQL
    the language is a lexeme of the vector, migration 0004)."""
    english = make_statement("en", title="Dockworkers blockade the harbour", body="<p>.</p>")
    spanish = make_statement("es", title="Harbour: bloqueo de los estibadores", body="<p>.</p>")
    assert set(found("harbour", ["en", "es"])) >= {english.pk, spanish.pk}
    assert english.pk in found("harbour", ["en"]) and spanish.pk not in found("harbour", ["en"])
    assert spanish.pk in found("harbour", ["es"]) and english.pk not in found("harbour", ["es"])
    whole_archive = [pk for pk, _language in engine.search("harbour", None, ["es"])]
    assert spanish.pk in whole_archive and english.pk not in whole_archive
    # Most languages: written as "not in the others" (engine.fts5_expression).
    all_but_spanish = [code for code in LANGUAGES if code != "es"]
    whole_archive = [pk for pk, _l in engine.search("harbour", None, all_but_spanish)]
    assert english.pk in whole_archive and spanish.pk not in whole_archive
    assert {english.pk, spanish.pk} <= {pk for pk, _l in engine.search("harbour", None, LANGUAGES)}


@given(st.text(max_size=200))
def test_analysis_never_fails_and_yields_plain_words(text):
    for language in LANGUAGES:
        for term in analyser(language).terms(text):
            assert term and term == fold(term) and " " not in term and '"' not in term


def test_a_compatibility_form_that_is_a_space_and_marks_yields_no_term():
    # Found by the property above: U+FC5E decomposes into a space, dammatan and shadda.
    for language in LANGUAGES:
        assert analyser(language).terms("\ufc5e") == [], language
    assert analyser("ar").terms("إضراب\ufc5e") == analyser("ar").terms("إضراب")


@given(st.text(max_size=120))
def test_any_query_searches_without_error(text):
    engine.search(text, StatementPage.objects.published(), LANGUAGES)


def cormorants():
    """Statements that match "cormorant", oldest first: in their titles or only in their bodies."""
    return [
        make_statement("en", title="Cormorant report one"),
        make_statement("en", title="Harbour notes", body="<p>A cormorant nests.</p>"),
        make_statement("en", title="Cormorant report two"),
        make_statement("en", title="Dock notes", body="<p>Cormorants fish.</p>"),
        make_statement("en", title="Cormorant report three"),
    ]


def test_the_newest_matches_come_title_matches_first():
    one, harbour, two, dock, three = cormorants()
    everything = [pk for pk, _l in engine.search("cormorant", None, ["en"])]
    assert everything == [three.pk, two.pk, one.pk, dock.pk, harbour.pk]
    newest_three = [pk for pk, _l in engine.search("cormorant", None, ["en"], limit=3)]
    assert newest_three == [three.pk, two.pk, dock.pk]
    narrowed = StatementPage.objects.exclude(pk=three.pk)
    assert [pk for pk, _l in engine.search("cormorant", narrowed, ["en"], limit=3)] == [
        two.pk,
        dock.pk,
        harbour.pk,
    ]


def next_page_id(page_id):
    """Make the next page's id `page_id` (the sequence of Wagtail's page table)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT setval(pg_get_serial_sequence('wagtailcore_page', 'id'), %s)",
                           [page_id - 1])  # fmt: skip
        else:
            cursor.execute("UPDATE sqlite_sequence SET seq = %s WHERE name = 'wagtailcore_page'",
                           [page_id - 1])  # fmt: skip


def test_the_newest_matches_are_found_across_windows_of_ids():
    """PostgreSQL asks its index window by window of ids (each entry's vector names its
    own), newest first: the newest matches come from the newest window, and a search that
    wants more goes on to the older ones, skipping a window without any (SQLite has no
    windows, and finds the same)."""
    one, harbour, two, dock, three = cormorants()  # all in the first window
    next_page_id(3 * engine.WINDOW + 5)  # the second and third windows stay empty
    newer = [make_statement("en", title="Harbour log", body="<p>A cormorant dives.</p>"),
             make_statement("en", title="Cormorant report four")]  # fmt: skip
    assert min(page.pk for page in newer) >= 3 * engine.WINDOW
    newest_two = [pk for pk, _l in engine.search("cormorant", None, ["en"], limit=2)]
    assert newest_two == [newer[1].pk, newer[0].pk]
    everything = [pk for pk, _l in engine.search("cormorant", None, ["en"])]
    assert everything == [newer[1].pk, three.pk, two.pk, one.pk, newer[0].pk, dock.pk,
                          harbour.pk]  # fmt: skip
    newest_four = [pk for pk, _l in engine.search("cormorant", None, ["en"], limit=4)]
    assert newest_four == [newer[1].pk, three.pk, newer[0].pk, dock.pk]
