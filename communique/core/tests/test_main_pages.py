"""The main pages read once a request, and page URLs worked out from their parents'."""

import pytest
from django.test import RequestFactory
from wagtail.models import Page

from communique.core.main_pages import first_live_page, main_pages, page_url
from communique.core.models import HomePage
from communique.statements.models import StatementIndexPage, StatementPage
from communique.statements.tests.factories import make_statement

pytestmark = pytest.mark.django_db


def test_page_urls_are_wagtails_in_every_script():
    request = RequestFactory().get("/")
    pages = list(Page.objects.live().filter(depth__gt=1).specific())
    slugs = {page.slug for page in pages}
    for script in ("αβγδεζηθικλμνξοπρστυφχψωάέήίόύώ", "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"):
        assert any(set(slug) & set(script) for slug in slugs)  # Greek and Arabic slugs
    assert any("\uac00" <= char <= "\ud7a3" for slug in slugs for char in slug)  # Korean
    for page in pages:
        assert page_url(page, request) == page.get_url(request), page.url_path


def test_a_statement_under_an_unpublished_index_gets_wagtails_answer():
    statement = make_statement("es")
    StatementIndexPage.objects.get(locale__language_code="es").unpublish()
    request = RequestFactory().get("/")
    page = StatementPage.objects.get(pk=statement.pk)
    assert page_url(page, request) == page.get_url(request)


def test_main_pages_come_with_the_structure_checked_once_a_request(django_assert_num_queries):
    main_pages(RequestFactory().get("/"))  # the structure read
    request = RequestFactory().get("/")
    with django_assert_num_queries(1):  # whether it changed since
        first = main_pages(request)
        main_pages(request)
    home = HomePage.objects.get(locale__language_code="el")
    assert first[home.locale_id][HomePage].pk == home.pk


def test_first_live_page_is_the_first_in_tree_order_of_its_locale():
    from wagtail.models import Locale

    greek = Locale.objects.get(language_code="el")
    index = StatementIndexPage.objects.get(locale=greek)
    home = HomePage.objects.get(locale=greek)
    later = home.add_child(instance=StatementIndexPage(title="Αρχείο", slug="archeio"))
    assert first_live_page(StatementIndexPage, greek) == index
    index.unpublish()
    assert first_live_page(StatementIndexPage, greek) == later
    assert type(first_live_page(StatementIndexPage, greek)) is StatementIndexPage
    later.unpublish()
    assert first_live_page(StatementIndexPage, greek) is None
