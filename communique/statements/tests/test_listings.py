"""What a reader sees in listings: one item per statement, in their language where possible."""

import datetime
import re

import pytest
from django.test import override_settings
from lxml import html as lxml_html

from communique.statements.models import StatementIndexPage

from .factories import make_category, make_statement

pytestmark = pytest.mark.django_db


def get_tree(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return lxml_html.fromstring(response.content)


@pytest.fixture
def group(db):
    """A statement written in English, translated into Greek, with its own category."""
    category = make_category("en", name="Test solidarity", slug="test-solidarity")
    original = make_statement("en", title="Original in English", date=datetime.date(2031, 5, 1))
    original.categories.set([category])
    original.save_revision().publish()
    greek = make_statement("el", title="Στα ελληνικά", translation_of=original,
                           date=datetime.date(2031, 5, 1))  # fmt: skip
    greek.categories.set([category])
    greek.save_revision().publish()
    return {"category": category, "en": original, "el": greek}


def items(tree):
    return tree.xpath("//article[contains(@class, 'statement-item')]")


def titles(tree):
    return [a.text_content() for a in tree.xpath("//article//h2/a | //article//h3/a")]


def test_translation_is_shown_in_its_own_language(client, group):
    tree = get_tree(client, "/el/statements/category/test-solidarity/")
    assert titles(tree) == ["Στα ελληνικά"]
    assert items(tree)[0].get("lang") is None  # in the page's language, no marker needed


def test_untranslated_statement_appears_once_in_its_original_language(client, group):
    tree = get_tree(client, "/pl/statements/category/test-solidarity/")
    assert titles(tree) == ["Original in English"]
    item = items(tree)[0]
    assert item.get("lang") == "en"
    badge = item.xpath(".//*[@class='badge']")[0].text_content()
    assert "angielski" in badge.lower()  # "English" in Polish, from Django's catalogue


@override_settings(COMMUNIQUE_SHOW_UNTRANSLATED=False)
def test_setting_hides_untranslated_statements(client, group):
    # Nothing of the category is in Polish: no listing to show.
    assert client.get("/pl/statements/category/test-solidarity/").status_code == 404
    assert titles(get_tree(client, "/el/statements/category/test-solidarity/")) == ["Στα ελληνικά"]


def test_the_original_is_the_fallback_even_when_translations_exist(client, group):
    make_statement("de", title="Auf Deutsch", translation_of=group["en"])
    tree = get_tree(client, "/pl/statements/category/test-solidarity/")
    assert titles(tree) == ["Original in English"]


def test_unpublished_and_draft_translations_are_not_shown(client, group):
    group["el"].unpublish()
    tree = get_tree(client, "/el/statements/category/test-solidarity/")
    assert titles(tree) == ["Original in English"]
    also_in = tree.xpath("//div[@class='also-in']//a/@hreflang")
    assert "el" not in also_in


def test_alias_pages_are_never_listed(client, group, locales):
    alias = group["en"].copy_for_translation(locales["pl"], alias=True)
    assert alias.live and alias.alias_of_id == group["en"].pk
    tree = get_tree(client, "/pl/statements/category/test-solidarity/")
    assert tree.xpath("//article//h2/a/@href") == [group["en"].url]


def test_every_item_has_a_title_one_read_more_and_a_localised_date(client):
    for language, read_more in [("en", "Read More"), ("el", "Διαβάστε περισσότερα"),
                                ("pl", "Czytaj dalej"), ("ar", "اقرأ المزيد"),
                                ("es", "Leer más"), ("tr", "Devamını oku")]:  # fmt: skip
        tree = get_tree(client, f"/{language}/statements/")
        assert 10 <= len(items(tree)) < 20  # from the start of the newest full ten
        for item in items(tree):
            assert item.xpath(".//h2/a")[0].text_content().strip()
            links = item.xpath(".//p[@class='read-more']/a")
            assert len(links) == 1
            assert links[0].text.strip() == read_more
            assert item.xpath(".//time/@datetime")


def test_dates_use_each_languages_format(client):
    expected = {"en": "May 1, 2026", "el": "1 Μαΐου 2026", "pl": "1 maja 2026",
                "de": "1. Mai 2026", "ko": "2026년 5월 1일"}  # fmt: skip
    for language, text in expected.items():
        tree = get_tree(client, f"/{language}/statements/2026/05/")
        assert tree.xpath("//article//time")[0].text_content() == text


def test_each_statement_is_listed_once_per_locale(client):
    from communique.statements.models import StatementPage

    groups = StatementPage.objects.published().values("translation_key").distinct().count()
    for language in ("en", "el", "ko", "ar"):
        seen, url = [], f"/{language}/statements/"
        while url:  # following "Older statements"
            tree = get_tree(client, url)
            seen += tree.xpath("//article//h2/a/@href")
            url = (tree.xpath("//a[@rel='next']/@href") or [None])[0]
        assert len(seen) == len(set(seen)) == groups


def test_also_in_links_every_other_translation(client):
    tree = get_tree(client, "/en/statements/2019/05/")
    may_day = [i for i in items(tree) if "May Day 2019" in i.text_content()][0]
    languages = may_day.xpath(".//div[@class='also-in']//a/@hreflang")
    assert languages == ["es", "fr", "de", "el", "pl", "tr", "ru", "ko", "ar"]
    for link in may_day.xpath(".//div[@class='also-in']//a"):
        assert client.get(link.get("href")).status_code == 200


def test_month_listing_holds_only_that_month(client):
    tree = get_tree(client, "/en/statements/2019/09/")
    assert {t[:7] for t in tree.xpath("//article//time/@datetime")} == {"2019-09"}
    assert tree.xpath("//h1")[0].text_content() == "September 2019"
    assert get_tree(client, "/el/statements/2019/09/").xpath("//h1")[0].text_content() == (
        "Σεπτέμβριος 2019"
    )


def test_country_listing_names_the_country_in_the_readers_language(client):
    assert get_tree(client, "/el/statements/country/kr/").xpath("//h1")[0].text_content() == (
        "Νότια Κορέα"
    )
    tree = get_tree(client, "/en/statements/country/kr/")
    assert len(items(tree)) >= 3


def test_pagination_links_and_page_size(client):
    # 25 statements: page 1 holds the oldest ten, the front page the fifteen newer ones
    tree = get_tree(client, "/en/statements/")
    assert len(items(tree)) == 15
    assert tree.xpath("//a[@rel='prev']/@href") == []
    assert tree.xpath("//a[@rel='next']/@href") == ["/en/statements/page/1/"]
    assert tree.xpath("normalize-space(//li[@aria-current='page'])") == "Latest statements"
    tree = get_tree(client, "/en/statements/page/1/")
    assert len(items(tree)) == 10
    assert tree.xpath("//a[@rel='prev']/@href") == ["/en/statements/"]
    assert tree.xpath("//a[@rel='next']/@href") == []
    assert tree.xpath("normalize-space(//li[@aria-current='page'])") == "Page 1"


def test_archive_pages_keep_their_statements_as_the_listing_grows(client):
    first = [a for a in get_tree(client, "/en/statements/page/1/").xpath("//article//h2/a/@href")]
    for number in range(5):
        make_statement("en", title=f"New {number}", date=datetime.date(2032, 1, 1))
    tree = get_tree(client, "/en/statements/page/1/")
    assert tree.xpath("//article//h2/a/@href") == first
    assert tree.xpath("//a[@rel='prev']/@href") == ["/en/statements/page/2/"]  # now full
    tree = get_tree(client, "/en/statements/")
    assert len(items(tree)) == 10  # thirty: the third ten
    assert tree.xpath("//a[@rel='next']/@href") == ["/en/statements/page/2/"]
    assert tree.xpath("//a[not(@rel)][ancestor::nav[@class='pagination']]/@href") == [
        "/en/statements/page/1/"
    ]  # the oldest


@pytest.mark.parametrize(
    "url", ["/en/statements/", "/en/statements/page/1/", "/el/statements/category/allileggyi/",
            "/en/statements/2031/", "/en/statements/2031/05/", "/en/organisations/sea/"])  # fmt: skip
def test_listings_read_their_statements_without_the_bodies(client, group, body_reads, url):
    """A listing shows a statement's title, date and excerpt (queries.LISTED_FIELDS): its
    pages read neither the bodies nor the rest of the page rows (a static export keeps
    tens of thousands of the pages it reads)."""
    with body_reads() as reads:
        tree = get_tree(client, url)
    assert items(tree)
    assert reads == []


def test_listing_query_count_does_not_grow_with_items(client, django_assert_max_num_queries):
    client.get("/en/statements/")  # warm the process's structure (core/structure.py)
    with django_assert_max_num_queries(5):
        client.get("/en/statements/")
    for number in range(15):
        make_statement("en", title=f"Extra {number}", date=datetime.date(2032, 1, 1))
    with django_assert_max_num_queries(5):
        client.get("/en/statements/")


@pytest.mark.parametrize("language", ["en", "el", "ar", "ko"])
def test_narrower_listings_make_a_fixed_number_of_queries(
    client, django_assert_max_num_queries, language
):
    """A category's, a country's and an organisation's front page: the structure's check,
    the listing's newest rows (its length with them), their statements, translations and
    categories (an organisation's logo, one more). A year's and a month's: the two edges
    of the dates, the statements at those positions, translations, categories and the
    year's month counts."""
    from communique.core.models import Country
    from communique.organisations.models import Organisation

    statement = make_statement(language, date=datetime.date(2031, 5, 4))
    category = make_category(language)
    statement.categories = [category]
    statement.save_revision().publish()
    country = Country.objects.filter(statements__isnull=False).first()
    organisation = Organisation.objects.filter(signatures__isnull=False).first()
    paths = {f"/{language}/statements/category/{category.slug}/": 5,
             f"/{language}/statements/country/{country.code.lower()}/": 5,
             f"/{language}/organisations/{organisation.slug}/": 6,
             f"/{language}/statements/2031/": 7, f"/{language}/statements/2031/05/": 7}  # fmt: skip
    for path, queries in paths.items():
        client.get(path)  # warm the process's structure (core/structure.py)
        with django_assert_max_num_queries(queries):
            response = client.get(path)
        assert response.status_code == 200, path


def test_every_page_carries_lang_and_dir(client):
    for language, direction in [("en", "ltr"), ("el", "ltr"), ("ko", "ltr"), ("ar", "rtl")]:
        for path in ("", "statements/", "organisations/"):
            body = client.get(f"/{language}/{path}").content.decode()
            assert re.search(rf'<html lang="{language}" dir="{direction}">', body)


def test_translated_chrome(client):
    expected = {"en": "Skip to content", "es": "Saltar al contenido", "fr": "Aller au contenu",
                "de": "Zum Inhalt springen", "el": "Μετάβαση στο περιεχόμενο",
                "pl": "Przejdź do treści", "tr": "İçeriğe geç", "ar": "انتقل إلى المحتوى",
                "ru": "Перейти к содержанию", "ko": "본문으로 건너뛰기"}  # fmt: skip
    for language, text in expected.items():
        tree = get_tree(client, f"/{language}/")
        assert tree.xpath("//a[@class='skip-link']")[0].text_content() == text


def test_the_site_navigation_marks_the_page_itself_and_follows_the_pages(client):
    """The header is rendered once for all it shows (core/templating.site_header): the
    current page among the navigation's, its language, the navigation's addresses."""

    def marked(url):
        tree = get_tree(client, url)
        return [(link.get("href"), link.get("aria-current"), link.text_content())
                for link in tree.xpath("//nav[@class='site-nav']//a")]  # fmt: skip

    home, statements, organisations = marked("/el/statements/")
    assert statements[:2] == ("/el/statements/", "page") and home[1] is None
    assert [current for _href, current, _label in marked("/el/statements/page/1/")] == [None] * 3
    assert marked("/el/")[0][:2] == ("/el/", "page")
    arabic = marked("/ar/statements/")
    assert arabic[1][:2] == ("/ar/statements/", "page") and arabic[1][2] != statements[2]
    index = StatementIndexPage.objects.get(locale__language_code="el")
    index.slug = "anakoinoseis"
    index.save_revision().publish()
    assert marked("/el/")[1][0] == "/el/anakoinoseis/"


def test_each_version_of_a_page_marks_its_own_language(client):
    """The language links' entries are kept by all they show (core/templating
    .language_entries): the same address is current on one version only."""
    for language in ("en", "el", "ar", "en"):
        tree = get_tree(client, f"/{language}/statements/")
        current = tree.xpath("//nav[@class='language-nav']//a[@aria-current='true']/@hreflang")
        assert current == [language]
        assert tree.xpath("//nav[@class='language-nav']//a[@hreflang='ar']/@dir") == ["rtl"]
        alternates = tree.xpath("//link[@rel='alternate' and @hreflang]/@href")
        assert f"http://testserver/{language}/statements/" in alternates


def test_statements_behind_a_view_restriction_are_not_published(client, group):
    from wagtail.models import PageViewRestriction

    from communique.statements.models import StatementPage

    PageViewRestriction.objects.create(page=group["en"], restriction_type="login")
    assert not StatementPage.objects.published().filter(pk=group["en"].pk).exists()
    assert StatementPage.objects.published().filter(pk=group["el"].pk).exists()
    tree = get_tree(client, "/pl/statements/category/test-solidarity/")
    assert titles(tree) == ["Στα ελληνικά"]  # the original is private: the translation stands in
    index = group["en"].get_parent()
    PageViewRestriction.objects.create(page=index, restriction_type="login")
    assert not StatementPage.objects.published().filter(locale=group["en"].locale).exists()
    assert "Original in English" not in client.get("/api/v1/statements?limit=100").content.decode()


@pytest.mark.parametrize("show_untranslated", [True, False])
def test_narrowed_listings_count_on_the_listing_table_what_they_list(settings, show_untranslated):
    """Category, country and organisation pages count scope or listing rows, not statements:
    the two must agree in every language, with and without untranslated originals shown."""
    from wagtail.models import Locale

    from communique.core.models import Country
    from communique.organisations.models import Organisation
    from communique.statements.models import Category, StatementPage
    from communique.statements.narrowed import category_scope, country_scope, organisation_scope
    from communique.statements.pagination import narrowed_paginator
    from communique.statements.queries import category_pages, country_pages, organisation_pages

    settings.COMMUNIQUE_SHOW_UNTRANSLATED = show_untranslated
    narrowings = (
        [(category_scope(category), category_pages(category))
         for category in Category.objects.all()]
        + [(country_scope(country), country_pages(country)) for country in Country.objects.all()]
        + [(organisation_scope(organisation), organisation_pages(organisation))
           for organisation in Organisation.objects.all()]
    )  # fmt: skip
    counted = 0
    for locale in Locale.objects.filter(language_code__in=["en", "el", "ar", "ko"]):
        statements = StatementPage.objects.listed_in(locale)
        for scope, pages in narrowings:
            paginator = narrowed_paginator(locale, scope, lambda pages=pages: pages)(
                lambda s=statements: s, 10
            )
            assert paginator.count == statements.filter(pk__in=pages).count()
            counted += paginator.count
    assert counted  # the demo has statements in these languages, categories and countries


@pytest.mark.parametrize("path", ["/el/statements/page/1/", "/ar/statements/country/gr/page/1/"])
def test_an_archive_page_links_other_languages_to_their_front_page_without_alternates(client, path):
    """Page 1 of another language's listing holds other statements, or none: the language
    switcher leads to that listing's front page and no hreflang alternate claims it."""
    for number in range(20):  # enough Greek statements for an archive page everywhere
        page = make_statement("el", date=datetime.date(2026, 1, 1 + number))
        page.countries = list(page.countries.model.objects.filter(code="GR"))
        page.save_revision().publish()
    tree = get_tree(client, path)
    own = path.split("/")[1]
    links = dict(zip(tree.xpath("//nav[@class='language-nav']//a/@hreflang"),
                     tree.xpath("//nav[@class='language-nav']//a/@href"), strict=True))  # fmt: skip
    assert links[own] == path
    listing = path.removesuffix("page/1/")
    for code in ("en", "ko", "el", "ar"):
        if code != own:
            assert links[code] == listing.replace(f"/{own}/", f"/{code}/", 1)
            assert client.get(links[code]).status_code == 200
    assert tree.xpath("//link[@rel='alternate' and @hreflang]/@hreflang") == [own]
