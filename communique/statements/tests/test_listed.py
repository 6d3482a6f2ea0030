"""The listing tables: what each locale lists, positions and month counts stay exact."""

import datetime

import pytest
from django.core.management import call_command
from django.test import RequestFactory
from lxml import html as lxml_html
from wagtail.models import Locale, PageViewRestriction

from communique.core.models import Country
from communique.core.pagination import Stretches, window
from communique.core.timestamps import first_of_next_month
from communique.organisations.models import Organisation
from communique.statements import listed
from communique.statements.listing import ItemCache
from communique.statements.models import (
    Category,
    ListedInScope,
    ListedMonth,
    ListedStatement,
    StatementIndexPage,
    StatementPage,
    StatementSignatory,
)
from communique.statements.narrowed import category_scope, organisation_scope
from communique.statements.pagination import (
    ListingPaginator,
    ScopePaginator,
    newest_in_scope,
    whole_listing,
)
from communique.statements.queries import category_pages, country_pages, organisation_pages

from .factories import make_category, make_statement

pytestmark = pytest.mark.django_db


def snapshot():
    rows = ListedStatement.objects.values_list("locale_id", "translation_key", "page_id",
                                               "date", "is_fallback", "position")  # fmt: skip
    months = ListedMonth.objects.values_list("locale_id", "month", "total")
    in_scopes = ListedInScope.objects.values_list("locale_id", "scope", "page_id", "date",
                                                  "position")  # fmt: skip
    return set(rows), set(months), set(in_scopes)


def assert_same_as_rebuilt():
    """Incremental upkeep leaves exactly what a rebuild from scratch computes."""
    kept = snapshot()
    listed.rebuild()
    assert snapshot() == kept


def test_every_locale_lists_each_statement_once():
    original = make_statement("en", title="Original", date=datetime.date(2032, 3, 4))
    greek = make_statement("el", title="Ελληνικά", translation_of=original,
                           date=datetime.date(2032, 3, 4))  # fmt: skip
    rows = ListedStatement.objects.filter(translation_key=original.translation_key)
    assert rows.count() == Locale.objects.count()
    assert rows.get(locale__language_code="el").page_id == greek.pk
    polish = rows.get(locale__language_code="pl")
    assert polish.page_id == original.pk and polish.is_fallback
    assert_same_as_rebuilt()


def test_publish_back_dated_unpublish_and_delete_keep_positions_exact():
    newest = make_statement("en", date=datetime.date(2033, 1, 1))
    back_dated = make_statement("en", date=datetime.date(1999, 6, 1))
    assert_same_as_rebuilt()
    positions = list(ListedStatement.objects.filter(locale__language_code="en")
                     .order_by("date", "page_id").values_list("position", flat=True))  # fmt: skip
    assert positions == list(range(len(positions)))
    StatementPage.objects.get(pk=back_dated.pk).unpublish()
    assert not ListedStatement.objects.filter(page_id=back_dated.pk).exists()
    assert_same_as_rebuilt()
    StatementPage.objects.get(pk=newest.pk).delete()
    assert_same_as_rebuilt()


def test_deferred_refreshes_collect_until_the_block_ends():
    with listed.deferred():
        first = make_statement("en", date=datetime.date(2034, 1, 1))
        second = make_statement("el", date=datetime.date(2034, 2, 1))
        StatementPage.objects.get(pk=first.pk).delete()  # its refresh is collected too
        assert not ListedStatement.objects.filter(page_id=second.pk).exists()
    assert ListedStatement.objects.filter(page_id=second.pk).count() == Locale.objects.count()
    assert not ListedStatement.objects.filter(page_id=first.pk).exists()
    assert_same_as_rebuilt()


def test_a_failed_deferred_block_refreshes_nothing():
    statement = make_statement("en", date=datetime.date(2034, 3, 1))
    ListedStatement.objects.all().delete()
    with pytest.raises(RuntimeError), listed.deferred():
        listed.refresh([statement.translation_key])
        raise RuntimeError("the import failed")
    assert not ListedStatement.objects.exists()
    listed.refresh([statement.translation_key])  # no block left open behind it
    assert ListedStatement.objects.filter(page_id=statement.pk).exists()


def test_month_counts_follow_publishing():
    en = Locale.objects.get(language_code="en")
    page = make_statement("en", date=datetime.date(2034, 2, 10))
    assert ListedMonth.objects.get(locale=en, month=datetime.date(2034, 2, 1)).total == 1
    StatementPage.objects.get(pk=page.pk).unpublish()
    assert not ListedMonth.objects.filter(month=datetime.date(2034, 2, 1)).exists()


def test_month_counts_of_a_year_are_those_of_the_whole_history_in_that_year():
    from communique.statements.listed import month_counts

    en = Locale.objects.get(language_code="en")
    for day in (datetime.date(1997, 12, 31), datetime.date(1998, 1, 1), datetime.date(1998, 12, 31),
                datetime.date(1999, 1, 1)):  # fmt: skip
        make_statement("en", date=day)
    every = month_counts(en)
    for year in (1997, 1998, 1999, 2000, 9999):
        assert month_counts(en, year) == [(m, n) for m, n in every if m.year == year]
    assert [m.month for m, _n in month_counts(en, 1998)] == [12, 1]


def test_a_view_restriction_takes_statements_out_of_listings():
    page = make_statement("en")
    restriction = PageViewRestriction.objects.create(page=page, restriction_type="login")
    assert not ListedStatement.objects.filter(page_id=page.pk).exists()
    restriction.delete()
    assert ListedStatement.objects.filter(page_id=page.pk).exists()


def read_every_page(paginator):
    """The ids on the front page, then on each archive page from the newest (as a reader
    following "Older statements" sees them; the static export's item cache asks a page for
    its ids alone)."""
    stretches = Stretches(paginator.count, paginator.per_page)
    ids = []
    for number in [None, *range(stretches.archived, 0, -1)]:
        shown = window(paginator, *stretches.bounds(number))
        pages = [page.pk for page in shown]
        if hasattr(shown, "ids"):
            assert list(shown.ids) == pages
        ids += pages
    return ids


def exporting_request():
    """A request whose process keeps listings whole, as the static export's do."""
    request = RequestFactory().get("/")
    ItemCache.attach(request)
    return request


@pytest.fixture(params=["read by page", "read whole"])
def whole(request):
    """`whole_listing` for a paginator: None (each page read as the live site reads it), or
    the listing read whole and kept, as the static export reads it."""
    if request.param == "read by page":
        return lambda locale, scope=None: None
    kept = exporting_request()
    return lambda locale, scope=None: whole_listing(kept, locale, scope)


def test_pages_by_position_equal_pages_by_offset(whole):
    locale = Locale.objects.get(language_code="pl")
    statements = StatementIndexPage.objects.get(locale=locale).statements().newest_first()
    by_offset = list(statements.values_list("pk", flat=True))
    paginator = ListingPaginator(statements, 7, locale=locale, whole=whole(locale))
    assert paginator.count == len(by_offset)
    assert read_every_page(paginator) == by_offset


def test_a_listing_kept_whole_is_read_once_for_all_its_pages(django_assert_num_queries):
    locale = Locale.objects.get(language_code="en")
    request = exporting_request()
    with django_assert_num_queries(1):
        for number in (1, 2, 3):
            paginator = ListingPaginator(None, 2, locale=locale,
                                         whole=whole_listing(request, locale))  # fmt: skip
            assert paginator.statements_at(2 * number - 2, 2 * number - 1).ids


def test_a_listing_read_whole_outlasts_the_item_caches_restarts_not_a_change(
    monkeypatch, django_assert_num_queries
):
    """Past its limits the item cache starts again (a 100,000 archive, many times in an
    export): the listings it read whole stay; a change to the content drops them."""
    locale = Locale.objects.get(language_code="en")
    request = exporting_request()
    cache = ItemCache.of(request)
    paginator = ListingPaginator(None, 2, locale=locale, whole=whole_listing(request, locale))
    ids = paginator.statements_at(0, 1).ids
    monkeypatch.setattr(ItemCache, "PAGE_LIMIT", 0)
    for _twice in range(2):  # the second call finds the first's pages past the limit
        cache.items(StatementPage.objects.filter(pk__in=ids), locale, request)
    assert cache.window == 0 and len(cache.kept) == len(ids)  # it started again
    with django_assert_num_queries(0):
        assert whole_listing(request, locale)().highest() is not None
    cache.forget([ids[0]])
    with django_assert_num_queries(1):
        whole_listing(request, locale)()


def test_a_few_pages_to_render_read_only_what_they_show():
    """An export after a change renders a few pages of each listing: none is read whole."""
    request = RequestFactory().get("/")
    ItemCache.attach(request, window=0)
    assert whole_listing(request, Locale.objects.get(language_code="en")) is None


def test_deep_listing_page_reads_a_fixed_number_of_queries(client, django_assert_num_queries):
    client.get("/en/statements/page/1/")
    with django_assert_num_queries(5):
        assert client.get("/en/statements/page/1/").status_code == 200


def test_rebuild_command(capsys):
    ListedStatement.objects.all().delete()
    call_command("rebuild_listings")
    assert "listing rows written" in capsys.readouterr().out
    assert ListedStatement.objects.count() == (
        StatementPage.objects.published().values("translation_key").distinct().count()
        * Locale.objects.count()
    )


def test_the_archive_page_lists_years_and_months_and_listings_link_it(client):
    make_statement("en", title="Far back", date=datetime.date(1998, 4, 2))
    tree = lxml_html.fromstring(client.get("/en/statements/").content)
    assert tree.xpath("//nav[@class='archive']//a/@href")[0] == "/en/statements/archive/"
    assert not tree.xpath("//nav[@class='archive']//a[@href='/en/statements/1998/']")
    tree = lxml_html.fromstring(client.get("/en/statements/archive/").content)
    year = tree.xpath("//ul[@class='archive-years']/li[h2/a[@href='/en/statements/1998/']]")[0]
    assert year.xpath("normalize-space(h2)") == "1998 (1)"
    assert year.xpath("ul/li/a/@href") == ["/en/statements/1998/04/"]
    assert year.xpath("normalize-space(ul/li)") == "April 1998 (1)"


def test_year_and_month_pages_show_the_months_of_their_year(client):
    make_statement("en", title="Far back", date=datetime.date(1998, 4, 2))
    make_statement("en", title="Further back", date=datetime.date(1998, 2, 2))
    tree = lxml_html.fromstring(client.get("/en/statements/1998/").content)
    assert [a.text_content() for a in tree.xpath("//article//h2/a")] == ["Far back", "Further back"]
    assert tree.xpath("//nav[@class='archive']//ul//ul/li/a/@href") == [
        "/en/statements/1998/02/",
        "/en/statements/1998/04/",
    ]
    assert tree.xpath("//nav[@class='archive']//a[@aria-current='page']/@href") == [
        "/en/statements/1998/"
    ]
    tree = lxml_html.fromstring(client.get("/en/statements/1998/04/").content)
    assert tree.xpath("//nav[@class='archive']//a[@aria-current='page']/@href") == [
        "/en/statements/1998/04/"
    ]
    assert client.get("/en/statements/0000/").status_code == 404


def test_archive_pages_of_years_and_months_name_only_their_year_and_month(client, settings):
    """The year's months are on the front pages only: a month's first statement changes
    them, and would else change every archive page of the year (the mirror writes those)."""
    settings.COMMUNIQUE_LISTING_PAGE_SIZE = 2
    make_statement("en", title="Further back", date=datetime.date(1998, 2, 2))
    for day in range(1, 5):
        make_statement("en", title=f"April {day}", date=datetime.date(1998, 4, day))
    for path in ["/en/statements/1998/04/page/1/", "/en/statements/1998/page/1/"]:
        tree = lxml_html.fromstring(client.get(path).content)
        assert tree.xpath("//article//h2/a"), path
        links = tree.xpath("//nav[@class='archive']//a/@href")
        assert "/en/statements/1998/02/" not in links and "/en/statements/1998/" in links, path
        assert "/en/statements/archive/" in links, path
    month = lxml_html.fromstring(client.get("/en/statements/1998/04/page/1/").content)
    assert month.xpath("//nav[@class='archive']//ul//ul/li/a/@href") == ["/en/statements/1998/04/"]
    assert month.xpath("//nav[@class='archive']//a[@aria-current='page']/@href") == [
        "/en/statements/1998/04/"
    ]
    front = lxml_html.fromstring(client.get("/en/statements/1998/04/").content)
    assert front.xpath("//nav[@class='archive']//ul//ul/li/a/@href") == [
        "/en/statements/1998/02/",
        "/en/statements/1998/04/",
    ]


def test_category_listings_follow_category_changes_unpublishing_and_deletion():
    dockers, ports = make_category("en", "Dockers"), make_category("en", "Ports")
    greek_dockers = make_category("el", "Λιμενεργάτες", translation_of=dockers)
    first = make_statement("en", date=datetime.date(2031, 1, 1))
    first.categories = [dockers, ports]
    first.save_revision().publish()
    back_dated = make_statement("en", date=datetime.date(1998, 1, 1))
    back_dated.categories = [greek_dockers]  # another language's version: the same category
    back_dated.save_revision().publish()
    assert_same_as_rebuilt()
    greek = Locale.objects.get(language_code="el")
    statements = StatementIndexPage.objects.get(locale=greek).statements()
    paginator = ScopePaginator(statements, 10, locale=greek, scope=category_scope(dockers))
    assert paginator.count == len(statements.filter(pk__in=category_pages(dockers))) > 1
    page = StatementPage.objects.get(pk=first.pk)
    page.categories = [ports]
    page.save_revision().publish()
    assert not ListedInScope.objects.filter(
        page_id=first.pk, scope=category_scope(dockers)
    ).exists()
    assert_same_as_rebuilt()
    StatementPage.objects.get(pk=back_dated.pk).unpublish()
    assert_same_as_rebuilt()
    StatementPage.objects.get(pk=first.pk).delete()
    assert_same_as_rebuilt()


def test_deleting_a_category_takes_its_statements_out_of_its_listing():
    ports = make_category("en", "Ports")
    greek_ports = make_category("el", "Λιμάνια", translation_of=ports)
    statement = make_statement("el", date=datetime.date(2031, 5, 1))
    statement.categories = [greek_ports]
    statement.save_revision().publish()
    assert ListedInScope.objects.filter(scope=category_scope(ports)).exists()
    greek_ports.delete()  # the English version stays: the key still names a category
    assert not ListedInScope.objects.filter(scope=category_scope(ports)).exists()
    assert_same_as_rebuilt()


def test_deleting_an_organisation_takes_its_statements_out_of_its_listing():
    sea = Organisation.objects.get(slug="sea", locale__language_code="en")
    statement = make_statement("en", date=datetime.date(2031, 6, 1))
    statement.signatories.add(StatementSignatory(organisation=sea))
    statement.save_revision().publish()
    scope = organisation_scope(sea)
    assert ListedInScope.objects.filter(scope=scope, page_id=statement.pk).exists()
    Organisation.objects.filter(translation_key=sea.translation_key).delete()
    assert not ListedInScope.objects.filter(scope=scope).exists()
    assert_same_as_rebuilt()


def narrowed_pages(scope):
    """The ids of the statements in `scope` (a subquery), found the way queries.py finds them."""
    kind, key = scope.split(":", 1)
    if kind == "country":
        return country_pages(Country.objects.get(code=key.upper()))
    model, pages = {"category": (Category, category_pages),
                    "organisation": (Organisation, organisation_pages)}[kind]  # fmt: skip
    return pages(model.objects.filter(translation_key=key)[0])


@pytest.mark.parametrize("language", ["en", "el", "ar", "ko"])
def test_narrower_pages_by_position_equal_the_narrowed_listing(language, whole):
    """Every category's, country's and organisation's pages, read by position, show what
    narrowing the locale's listing shows; and their newest (a feed's) are its first."""
    locale = Locale.objects.get(language_code=language)
    statements = StatementIndexPage.objects.get(locale=locale).statements().newest_first()
    scopes = set(ListedInScope.objects.values_list("scope", flat=True))
    assert {scope.split(":")[0] for scope in scopes} == {"category", "country", "organisation"}
    for scope in scopes:
        pages = narrowed_pages(scope)
        narrowed = list(statements.filter(pk__in=pages).values_list("pk", flat=True))
        paginator = ScopePaginator(statements, 3, locale=locale, scope=scope,
                                   whole=whole(locale, scope))  # fmt: skip
        assert paginator.count == len(narrowed)
        assert paginator.newest == ScopePaginator(statements, 3, locale=locale, scope=scope).newest
        assert read_every_page(paginator) == narrowed
        newest = [page.pk for page in newest_in_scope(locale, scope, lambda p=pages: p, 4)]
        assert newest == narrowed[:4]


@pytest.mark.parametrize("language", ["en", "el", "ar", "ko"])
def test_year_and_month_pages_by_position_equal_the_filtered_listing(language, whole):
    locale = Locale.objects.get(language_code=language)
    index = StatementIndexPage.objects.get(locale=locale)
    make_statement(language, date=datetime.date(2019, 5, 31))  # same month, other ids
    make_statement(language, date=datetime.date(2019, 6, 1))  # on the day May stops
    statements = index.statements().newest_first()
    for month, _total in index.month_counts():
        stop = first_of_next_month(month)
        for start in (month, month.replace(month=1)):  # the month, and its year
            dated = statements.filter(date__gte=start, date__lt=stop if start == month
                                      else start.replace(year=start.year + 1))  # fmt: skip
            expected = list(dated.values_list("pk", flat=True))
            paginator = index.dates_paginator(start, stop if start == month
                                              else start.replace(year=start.year + 1))(
                dated, 3)  # fmt: skip
            paginator.whole = whole(locale)
            assert paginator.count == len(expected)
            assert read_every_page(paginator) == expected


def test_the_migration_fills_the_narrower_listings_as_a_rebuild_would():
    from importlib import import_module
    from types import SimpleNamespace

    from django.apps import apps
    from django.db import connection

    fill = import_module("communique.statements.migrations.0006_listed_in_scope").fill
    listed.rebuild()
    expected = snapshot()
    ListedInScope.objects.all().delete()
    with connection.cursor() as cursor:  # what fill() asks of the schema editor
        fill(apps, SimpleNamespace(execute=cursor.execute))
    assert snapshot() == expected
    assert {scope.split(":")[0] for *_, scope, _page, _date, _position in expected[2]} == {
        "category", "country", "organisation"}  # fmt: skip


@pytest.mark.parametrize("show_untranslated", [True, False])
def test_the_newest_listed_are_the_listings_newest(settings, show_untranslated):
    from communique.statements.pagination import newest_listed

    settings.COMMUNIQUE_SHOW_UNTRANSLATED = show_untranslated
    for locale in Locale.objects.filter(language_code__in=["en", "el", "ar", "ko"]):
        listed = StatementPage.objects.listed_in(locale)
        for count in (1, 7, 50):
            expected = list(listed.values_list("pk", flat=True)[:count])
            assert [page.pk for page in newest_listed(locale, count)] == expected
