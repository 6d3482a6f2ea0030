"""Every public route answers, and bad input gets a 404 rather than a 500."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url",
    [
        "/en/",
        "/el/",
        "/ar/",
        "/ko/",
        "/en/statements/",
        "/pl/statements/page/1/",
        "/en/statements/page/1/",
        "/en/statements/archive/",
        "/ar/statements/archive/",
        "/en/statements/category/solidarity/",
        "/el/statements/category/allileggyi/",
        "/en/statements/country/gr/",
        "/ko/statements/country/kr/",
        "/en/statements/2019/05/",
        "/tr/statements/2019/05/",
        "/en/organisations/",
        "/ar/organisations/",
        "/en/organisations/sea/",
        "/el/organisations/sea/",
    ],
)
def test_public_routes_answer(client, url):
    assert client.get(url).status_code == 200


def test_statement_pages_answer_in_their_language(client):
    from communique.statements.models import StatementPage

    for page in StatementPage.objects.published().select_related("locale")[:40]:
        response = client.get(page.url)
        assert response.status_code == 200
        assert f'<html lang="{page.locale.language_code}"' in response.content.decode()


@pytest.mark.parametrize(
    "url",
    [
        "/zz/",
        "/xx/statements/",
        "/en/no-such-page/",
        "/en/statements/no-such-statement/",
        "/en/statements/category/no-such-category/",
        "/en/statements/country/zz/",
        "/en/statements/country/GR/",
        "/en/statements/page/9999/",
        "/en/statements/page/2/",  # its statements are on the front page
        "/en/statements/page/0/",
        "/en/statements/9999/",
        "/en/statements/9999/12/",
        "/en/statements/0000/01/",
        "/en/statements/?page=99",
        "/en/statements/?page=0",
        "/en/statements/?page=abc",
        "/en/statements/2019/13/",
        "/en/statements/2019/00/",
        "/en/statements/category/solidarity/page/9999/",
        "/en/organisations/no-such-organisation/",
        "/en/organisations/sea/page/9999/",
    ],
)
def test_bad_addresses_are_404(client, url):
    assert client.get(url).status_code == 404


def test_root_sends_reader_to_their_language(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="el-GR,el;q=0.9,en;q=0.5")
    assert response.status_code == 302
    assert response["Location"] == "/el/"


def test_root_falls_back_to_english(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="ja")
    assert response["Location"] == "/en/"


def test_category_slug_of_another_language_redirects_to_the_local_slug(client):
    response = client.get("/el/statements/category/solidarity/")
    assert response.status_code == 302
    assert response["Location"] == "/el/statements/category/allileggyi/"


@pytest.mark.parametrize(
    ("old", "new"),
    [
        # 25 statements, 10 a page: the old page 3 began at the 21st newest, now on page 1
        ("/en/statements/?page=3", "/en/statements/page/1/"),
        ("/en/statements/?page=2", "/en/statements/"),
        ("/el/statements/category/allileggyi/?page=1", "/el/statements/category/allileggyi/"),
        ("/en/organisations/sea/?page=1", "/en/organisations/sea/"),
    ],
)
def test_old_page_addresses_move_permanently(client, old, new):
    response = client.get(old)
    assert response.status_code == 301 and response["Location"] == new


@pytest.mark.parametrize("slug", ["archive", "2019"])
def test_a_statement_cannot_take_the_address_of_a_listing_page(slug):
    """The index answers /archive/ and /2019/ itself: a statement there could never be read."""
    from django.core.exceptions import ValidationError

    from .factories import make_statement

    statement = make_statement("el")
    statement.slug = slug
    with pytest.raises(ValidationError) as raised:
        statement.save_revision()  # as the editor's Save draft does: it cleans the page
    assert "slug" in raised.value.message_dict


@pytest.mark.parametrize("slug", ["page", "category", "country", "201", "archives"])
def test_slugs_that_only_begin_like_a_listing_route_are_free(client, slug):
    from .factories import make_statement

    statement = make_statement("ko")
    statement.slug = slug
    statement.full_clean()
    statement.save_revision().publish()
    html = client.get(f"/ko/statements/{slug}/").content.decode()
    assert '<article class="statement" data-pagefind-body>' in html  # the statement's page
    assert f"<h1>{statement.title}</h1>" in html
