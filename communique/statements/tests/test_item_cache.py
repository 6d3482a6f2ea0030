"""What the listing items' cache keeps between a warm renderer's exports (ItemCache.forget)."""

import pytest

from communique.statements.listing import ItemCache


def filled_cache():
    cache = ItemCache(window=0)
    for page_id in (1, 2, 3):
        cache.kept[10, page_id] = f"item {page_id}"
        cache.pages[page_id] = f"page {page_id}"
        cache.remember((ItemCache.ITEM, page_id, "en"), lambda page_id=page_id: f"<li>{page_id}")
    cache.remember((ItemCache.SCOPE, 10, "category", "climate"), lambda: "scope")
    cache.remember((ItemCache.SELF_KEYED, "archive-year", "en", 2026, 3), lambda: "<li>2026")
    cache.remember(("feed", 10, "category", "climate"), lambda: "newest 50")
    cache.remember(("narrowed", 10, "category:k"), lambda: [1, 2, 3])
    return cache


def test_forgetting_statements_keeps_the_others_items_and_scopes_not_the_listings():
    cache = filled_cache()
    cache.forget({2})
    assert set(cache.kept) == {(10, 1), (10, 3)} and set(cache.pages) == {1, 3}
    assert set(cache.fragments) == {(ItemCache.ITEM, 1, "en"), (ItemCache.ITEM, 3, "en"),
                                    (ItemCache.SCOPE, 10, "category", "climate"),
                                    (ItemCache.SELF_KEYED, "archive-year", "en", 2026, 3)}  # fmt: skip


def test_forgetting_everything_and_past_the_limits_keeps_nothing(monkeypatch):
    cache = filled_cache()
    cache.forget(None)
    assert not (cache.kept or cache.pages or cache.fragments)
    monkeypatch.setattr(ItemCache, "KEPT_FRAGMENTS", 5)
    cache = filled_cache()
    cache.forget(set())
    assert not (cache.kept or cache.pages or cache.fragments)
    monkeypatch.setattr(ItemCache, "KEPT_FRAGMENTS", 100)
    monkeypatch.setattr(ItemCache, "KEPT_PAGES", 2)
    cache = filled_cache()
    cache.forget(set())
    assert not cache.fragments


def test_each_works_out_only_what_is_not_kept_together_and_keeps_what_is_left_out():
    cache, asked = ItemCache(window=0), []

    def signatories(page_ids):
        asked.append(list(page_ids))
        return {page_id: ["k"] for page_id in page_ids if page_id != 2}

    assert cache.each(ItemCache.ITEM, "signed", [1, 2], signatories, ()) == {1: ["k"], 2: ()}
    assert cache.each(ItemCache.ITEM, "signed", [2, 3, 1], signatories, ()) == {
        2: (), 3: ["k"], 1: ["k"]}  # fmt: skip
    assert asked == [[1, 2], [3]]
    cache.forget({1})
    cache.each(ItemCache.ITEM, "signed", [1, 2, 3], signatories, ())
    assert asked[-1] == [1]


def test_an_archive_year_is_rendered_again_only_when_what_it_shows_changes():
    import datetime

    from django.template import engines
    from django.test import RequestFactory
    from django.utils import translation

    from communique.statements.listing import archive_years

    request = RequestFactory().get("/el/statements/archive/")
    ItemCache.attach(request, window=0)
    page = engines["jinja2"].env.from_string(
        "{% for year in archive %}{{ archive_year(year) }}{% endfor %}"
    )
    may, june = datetime.date(2026, 5, 1), datetime.date(2026, 6, 1)
    old = datetime.date(2019, 3, 1)

    def render(counts):
        years = archive_years(counts, "/el/statements/")
        with translation.override("el"):
            return page.render(archive=years, request=request, LANGUAGE_CODE="el")

    first = render([(june, 2), (may, 1), (old, 4)])
    assert "Ιούνιος 2026" in first and "(3)" in first and "(4)" in first
    kept = {key: html for key, html in ItemCache.of(request).fragments.items()}
    assert len(kept) == 2
    second = render([(june, 3), (may, 1), (old, 4)])  # a statement more in June
    assert "(4)</span></h2>" in second and second != first
    fragments = ItemCache.of(request).fragments
    assert len(fragments) == 3 and set(kept) < set(fragments)  # 2019's kept, 2026's anew
    assert second.endswith(kept[next(key for key in kept if 2019 in key)])


@pytest.mark.django_db
def test_a_statement_s_versions_are_read_once_for_every_language_that_lists_it(monkeypatch):
    from django.test import RequestFactory
    from wagtail.models import Locale

    from communique.statements import listing
    from communique.statements.tests.factories import make_statement

    english = make_statement("en")
    greek = make_statement("el", translation_of=english)
    read = []

    def counted(keys, request):
        keys = list(keys)
        read.append(keys)
        return translations_by_key(keys, request)

    translations_by_key = listing.translations_by_key
    monkeypatch.setattr(listing, "translations_by_key", counted)
    request = RequestFactory().get("/ko/statements/", HTTP_HOST="localhost")
    ItemCache.attach(request, window=0)
    shown = {}
    for code in ("ko", "ar", "en"):
        (item,) = listing.build_items([english], Locale.objects.get(language_code=code), request)
        shown[code] = [version.language_code for version in item.translations]
    assert read == [[english.translation_key]]
    assert shown == {"ko": ["el"], "ar": ["el"], "en": ["el"]}  # its other versions
    cache = ItemCache.of(request)
    cache.forget({english.pk, greek.pk})  # a version published or changed: read again
    listing.build_items([english], Locale.objects.get(language_code="ko"), request)
    assert len(read) == 2
