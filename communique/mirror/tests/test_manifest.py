"""The mirror's manifest: one connection for its questions, and a save that fails changes
nothing."""

import sqlite3
import tempfile

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from communique.mirror.manifest import IndexedStatements, Manifest, statement_pages
from communique.mirror.search_index import InMemory


def page(tags, scope=None, shown=(7,)):
    window = {"scope": scope, "number": 0, "pages": list(shown), "newest": None}
    return (tags, window if scope else None)


def test_a_failed_save_changes_nothing_and_the_manifest_still_answers(tmp_path):
    with Manifest(tmp_path) as manifest:
        manifest.save("2026-12-01T00:00:00", {"/en/": page(["site"], "all")}, replace=True)
        # The second page's record cannot be written (SQLite takes no such value).
        broken = {"/en/statements/": page(["listings"], "all"),
                  "/el/": page(["listings"], "all", shown=[object()])}  # fmt: skip
        with pytest.raises(sqlite3.Error):
            manifest.save("2026-12-02T00:00:00", broken)
        assert manifest.exported_at() == "2026-12-01T00:00:00"
        assert manifest.paths() == {"/en/"} and manifest.tagged(["site"]) == {"/en/"}
        assert manifest.showing([7]) == [("/en/", "en", "all", 0)]
    with Manifest(tmp_path) as again:  # what another process would read
        assert again.paths() == {"/en/"} and again.count() == 1


def index_names(manifest):
    with sqlite3.connect(manifest.path) as db:
        return {
            name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")
        }


def test_a_whole_save_writes_the_record_anew_with_its_indexes(tmp_path):
    """A full export's save drops the indexes while it writes and makes them again."""
    manifest = Manifest(tmp_path)
    first = {"/en/": page(["site"], "all"), "/el/": page(["site", "listings"], "all", [7, 8])}
    manifest.save("2026-12-01T00:00:00", first, replace=True)
    manifest.close()
    indexes = index_names(manifest)
    assert {"pages_window", "pages_statements", "tags_page", "shown_page"} <= indexes
    manifest.save("2026-12-02T00:00:00", {"/ko/": page(["listings"], "all", [8])}, replace=True)
    assert manifest.paths() == {"/ko/"} and manifest.tagged(["site"]) == set()
    assert manifest.tagged(["listings"]) == {"/ko/"}
    assert manifest.showing([8]) == [("/ko/", "ko", "all", 0)] and manifest.showing([7]) == []
    with pytest.raises(sqlite3.Error):  # a failed whole save: the record and indexes stay
        manifest.save("2026-12-03T00:00:00", {"/ar/": page(["x"], "all", [object()])},
                      replace=True)  # fmt: skip
    manifest.close()
    assert index_names(manifest) == indexes
    assert manifest.paths() == {"/ko/"} and manifest.exported_at() == "2026-12-02T00:00:00"
    manifest.close()


def test_its_questions_share_one_connection_until_it_is_closed(tmp_path, monkeypatch):
    opened = []
    connect = sqlite3.connect
    monkeypatch.setattr(sqlite3, "connect", lambda *a, **k: opened.append(1) or connect(*a, **k))
    manifest = Manifest(tmp_path)
    manifest.save("2026-12-01T00:00:00", {"/en/": page(["site"], "all")}, replace=True)
    manifest.known({"/en/", "/el/"}), manifest.count(), manifest.statement_ids({"/en/"})
    assert len(opened) == 1
    manifest.close()
    assert manifest.exported_at() == "2026-12-01T00:00:00" and len(opened) == 2
    manifest.close()


@settings(max_examples=40, deadline=None)
@given(
    st.dictionaries(
        st.integers(min_value=1, max_value=300),
        st.sampled_from(["el", "ar", "ko"]),
        max_size=40,
    ),
    st.lists(st.tuples(st.integers(min_value=0, max_value=320), st.integers(1, 70)), max_size=8),
)
def test_the_manifest_answers_the_search_index_as_the_saved_pages_do(languages, runs):
    """What `--changed` asks the saved manifest for the search index (IndexedStatements)
    is what the pages saved say (the full export's in-memory answer)."""
    pages = {f"/{language}/statements/s-{page_id}/": page([f"page:{page_id}", "statement:k"])
             for page_id, language in languages.items()}  # fmt: skip
    pages["/el/statements/"] = page(["listings"], "all")
    with tempfile.TemporaryDirectory() as directory, Manifest(directory) as manifest:
        manifest.save("2026-12-01T00:00:00", pages, replace=True)
        saved = IndexedStatements(manifest, ["en", "el", "ar", "ko"])
        expected = InMemory(statement_pages(pages))
        assert sorted(saved.languages()) == sorted(expected.languages())
        for language in ("en", "el", "ar", "ko"):
            assert saved.top(language) == expected.top(language)
            for start, length in runs:
                stop = start + length
                assert saved.between(language, start, stop) == expected.between(
                    language, start, stop
                )
                assert saved.any_between(language, start, stop) == bool(
                    expected.between(language, start, stop)
                )


def test_in_scopes_answers_for_each_listing_asked_and_only_those(tmp_path):
    with Manifest(tmp_path) as manifest:
        manifest.save("2026-12-01T00:00:00", {
            "/el/statements/": page(["listings"], "all"),
            "/ko/statements/": page(["listings"], "all"),
            "/el/statements/category/x/": page(["listings"], "category:x"),
        }, replace=True)  # fmt: skip
        found = manifest.in_scopes([("el", "all"), ("el", "category:x"), ("ar", "all")])
        assert found == {
            ("el", "all"): [("/el/statements/", 0, (None, None))],
            ("el", "category:x"): [("/el/statements/category/x/", 0, (None, None))],
        }
        assert manifest.in_scope("ko", "all") == [("/ko/statements/", 0, (None, None))]
        assert manifest.in_scope("ko", "category:x") == []


@settings(max_examples=60, deadline=None)
@given(
    pages=st.integers(min_value=1, max_value=12),
    number=st.one_of(st.none(), st.integers(min_value=1, max_value=13)),
    key_day=st.one_of(st.none(), st.integers(min_value=1, max_value=28)),
    left=st.booleans(),
)
def test_only_from_leaves_out_no_page_that_a_change_there_touches(pages, number, key_day, left):
    """A listing's archive pages 1…n (oldest first) and front page: the pages `--changed`
    picks from those read `only_from` a place are those it picks from all of them."""
    from communique.mirror.changes import _from_place

    def listing_page(page_number, day):
        window = {"scope": "all", "number": page_number, "pages": [],
                  "newest": (f"2026-02-{day:02d}", day)}  # fmt: skip
        return (["listings"], window)

    records = {"/el/statements/": listing_page(0, 28)}
    records |= {f"/el/statements/page/{n}/": listing_page(n, 2 * n) for n in range(1, pages + 1)}
    key = None if key_day is None else (f"2026-02-{key_day:02d}", key_day)
    with tempfile.TemporaryDirectory() as directory, Manifest(directory) as manifest:
        manifest.save("2026-12-01T00:00:00", records, replace=True)
        every = manifest.in_scope("el", "all")
        near = manifest.in_scopes([("el", "all")], only_from=(number, key and key[0]))
        assert _from_place(near[("el", "all")], number, key, left) == _from_place(
            every, number, key, left
        )


def test_listings_are_found_by_the_start_of_their_names(tmp_path):
    pages = {
        f"/{language}/statements/{month}/": page(["listings"], f"month:{month}")
        for language in ("el", "ar")
        for month in ("2026-01", "2026-11", "2027-01")
    }
    pages["/el/statements/2026/"] = page(["listings"], "year:2026")
    with Manifest(tmp_path) as manifest:
        manifest.save("2026-12-01T00:00:00", pages, replace=True)
        assert manifest.scopes_starting("el", "month:2026-") == {"month:2026-01", "month:2026-11"}
        assert manifest.scopes_starting("ar", "month:2027-") == {"month:2027-01"}
        assert manifest.scopes_starting("ko", "month:2026-") == set()
        assert manifest.scopes_starting("el", "year:") == {"year:2026"}


def test_pages_without_a_window_are_found_by_their_tag_statements_aside(tmp_path):
    with Manifest(tmp_path) as manifest:
        manifest.save("2026-12-01T00:00:00", {
            "/el/statements/archive/": page(["listings", "site"]),
            "/el/organisations/": page(["listings", "organisations"]),
            "/el/statements/": page(["listings"], "all"),  # says what it shows
            "/el/statements/a/": page(["page:1", "statement:k"]),
            "/robots.txt": page(["site"]),
        }, replace=True)  # fmt: skip
        assert manifest.tagged_without_window("listings") == {
            "/el/statements/archive/", "/el/organisations/"
        }  # fmt: skip
        assert manifest.tagged_without_window("site") == {
            "/el/statements/archive/", "/robots.txt"
        }  # fmt: skip


def test_a_listing_is_present_while_it_has_a_page_in_any_language(tmp_path):
    with Manifest(tmp_path) as manifest:
        manifest.save("2026-12-01T00:00:00", {
            "/ar/statements/category/x/": page(["listings"], "category:x"),
            "/el/statements/country/gr/": page(["listings"], "country:gr"),
        }, replace=True)  # fmt: skip
        present = manifest.scopes_present({"category:x", "country:gr", "category:y"})
        assert present == {"category:x", "country:gr"}


def recorded(manifest):
    """{path: (its row but the id, its tags, the statements it shows)} of every page."""
    db = manifest._connection()
    rows = db.execute("SELECT id, path, locale, scope, number, newest_date, newest_id, statement"
                      " FROM pages").fetchall()  # fmt: skip
    tags = db.execute("SELECT page, tag FROM tags").fetchall()
    shown = db.execute("SELECT page, statement FROM shown").fetchall()
    return {path: (tuple(row), {tag for page, tag in tags if page == page_id},
                   {statement for page, statement in shown if page == page_id})
            for page_id, path, *row in rows}  # fmt: skip


records = st.fixed_dictionaries({}, optional={
    f"/{language}/{name}/": st.tuples(
        st.sets(st.sampled_from(["site", "listings", "page:3", "statement:k"]), max_size=3),
        st.one_of(st.none(), st.fixed_dictionaries({
            "scope": st.sampled_from(["all", "category:x"]), "number": st.integers(0, 3),
            "pages": st.lists(st.integers(1, 9), max_size=5),
            "newest": st.one_of(st.none(), st.just(("2026-02-01", 4)))})),
    ).map(lambda record: (sorted(record[0]), record[1]))
    for language in ("el", "ar") for name in ("a", "b", "c")})  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(first=records, second=records, gone=st.sets(st.sampled_from(["/el/a/", "/ar/c/"])))
def test_a_save_by_changes_records_what_a_whole_save_of_the_result_records(first, second, gone):
    """Pages rendered again keep their rows and have only their changed tags and shown
    statements written; the manifest then holds what saving the whole result holds."""
    gone = gone - set(second)
    result = {path: record for path, record in first.items() if path not in gone} | second
    with (
        tempfile.TemporaryDirectory() as one,
        tempfile.TemporaryDirectory() as other,
        Manifest(one) as by_changes,
        Manifest(other) as whole,
    ):
        by_changes.save("2026-12-01T00:00:00", first, replace=True)
        by_changes.save("2026-12-02T00:00:00", second, removed=gone)
        whole.save("2026-12-02T00:00:00", result, replace=True)
        assert recorded(by_changes) == recorded(whole)
