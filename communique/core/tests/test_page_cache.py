"""Anonymous readers get cached pages, dropped exactly when something they show changes."""

import datetime

import pytest
from django.core.cache import caches
from django.test import override_settings

from communique.statements.models import StatementPage
from communique.statements.tests.factories import make_category, make_statement

pytestmark = pytest.mark.django_db

REDIS = {"default": {"BACKEND": "django_redis.cache.RedisCache",
                     "LOCATION": "redis://127.0.0.1:6379/15"}}  # fmt: skip


@pytest.fixture(params=["locmem", "redis"])
def page_cache(request, settings):
    if request.param == "redis":
        settings.CACHES = REDIS
    settings.COMMUNIQUE_PAGE_CACHE_SECONDS = 600
    caches["default"].clear()
    yield request.param
    caches["default"].clear()


def cache_state(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.get("X-Communique-Cache")


def test_second_request_is_served_from_the_cache_without_queries(
    client, page_cache, django_assert_num_queries
):
    assert cache_state(client, "/en/statements/") == "miss"
    with django_assert_num_queries(0):
        assert cache_state(client, "/en/statements/") == "hit"


def test_publishing_drops_listings_and_its_own_pages_but_not_other_statements(client, page_cache):
    other = make_statement("en", title="Unrelated statement")
    original = make_statement("en", title="Before the edit")
    urls = ["/en/statements/", "/el/statements/", "/en/", "/en/feeds/statements.rss",
            other.url, original.url]  # fmt: skip
    for url in urls:
        client.get(url)
    greek = make_statement("el", title="Νέα μετάφραση", translation_of=original,
                           date=datetime.date(2030, 1, 1))  # fmt: skip
    assert cache_state(client, other.url) == "hit"
    assert cache_state(client, original.url) == "miss"  # its "Also in" changed
    assert "Νέα μετάφραση" in client.get("/el/statements/").content.decode()
    for url in ["/en/", "/en/feeds/statements.rss"]:
        assert cache_state(client, url) == "miss"
    StatementPage.objects.get(pk=greek.pk).unpublish()
    assert "Νέα μετάφραση" not in client.get("/el/statements/").content.decode()


def test_moving_a_statement_drops_its_pages_and_listings_not_other_statements(client, page_cache):
    other = make_statement("en", title="Unrelated statement")
    moved = make_statement("en", title="Moved among its siblings")
    for url in ["/en/statements/", "/el/", other.url, moved.url]:
        client.get(url)
    moved.move(moved.get_parent(), pos="first-child")
    assert cache_state(client, other.url) == "hit"
    for url in ["/en/statements/", "/el/", moved.url]:
        assert cache_state(client, url) == "miss", url


def test_renaming_a_category_drops_the_pages_that_name_it(client, page_cache):
    category = make_category("en", name="Old name")
    named = make_statement("en", title="Categorised")
    named.categories.set([category])
    named.save_revision().publish()
    plain = make_statement("en", title="Uncategorised")
    client.get(named.url), client.get(plain.url)
    category.name = "New name"
    category.save()
    assert "New name" in client.get(named.url).content.decode()
    assert cache_state(client, plain.url) == "hit"


def test_the_organisation_directory_follows_organisations_not_statements(client, page_cache):
    from communique.organisations.models import Organisation

    assert cache_state(client, "/en/organisations/") == "miss"
    make_statement("en", title="Published meanwhile")
    assert cache_state(client, "/en/organisations/") == "hit"  # it shows no statement
    organisation = Organisation.objects.filter(locale__language_code="en").first()
    organisation.name = "Renamed union"
    organisation.save()
    assert cache_state(client, "/en/organisations/") == "miss"
    assert "Renamed union" in client.get("/en/organisations/").content.decode()


def test_304_from_a_cached_page(client, page_cache):
    etag = client.get("/en/statements/")["ETag"]
    response = client.get("/en/statements/", headers={"if-none-match": etag})
    assert response.status_code == 304


def test_signed_in_users_and_search_are_never_cached(client, page_cache, make_user):
    assert cache_state(client, "/en/search/?q=strike") is None
    client.force_login(make_user("reader"))
    assert cache_state(client, "/en/statements/") is None
    client.logout()
    assert cache_state(client, "/en/statements/") == "miss"


@override_settings(COMMUNIQUE_PAGE_CACHE_SECONDS=0)
def test_can_be_turned_off(client):
    assert cache_state(client, "/en/statements/") is None


def test_an_import_drops_the_listings_it_adds_to(client, page_cache, tmp_path):
    """The importer's bulk path sends no publish signals: it drops cached pages itself."""
    from io import StringIO

    from django.core.management import call_command

    from communique.imports.tests.exports import posts_only

    year = "/en/statements/2019/"  # the imported post is of December 2019
    assert "crane operators" not in client.get(year).content.decode()
    assert cache_state(client, year) == "hit"
    call_command("import_wxr", str(posts_only(tmp_path)), stdout=StringIO())
    response = client.get(year)
    assert response["X-Communique-Cache"] == "miss"
    assert "crane operators" in response.content.decode()


def test_changes_note_the_tags_they_drop_but_statements_own():
    from django.utils import timezone
    from wagtail.contrib.redirects.models import Redirect

    from communique.core import changes
    from communique.core.models import Country

    since = timezone.now()
    statement = make_statement("en", title="Noted by the page log, not here")
    category = make_category(name="Noted for the mirror")
    noted = {f"category:{category.translation_key}", "categories"}  # its own, and any category's
    assert changes.tags_changed_since(since) == noted
    assert changes.last_change() >= since
    Country.objects.create(code="NZ")
    assert changes.tags_changed_since(since) == noted | {"site"}
    later = timezone.now()
    statement.unpublish()
    statement.move(statement.get_parent(), pos="first-child")
    assert changes.tags_changed_since(later) == set()
    redirect = Redirect.add_redirect("/2019/05/an-old-address", redirect_to=statement)
    assert changes.tags_changed_since(later) == {f"redirect:{redirect.pk}"}
