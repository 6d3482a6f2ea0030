"""The sitemap: every public page in every language, valid against the sitemaps.org schema."""

from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings
from lxml import etree

from communique.statements.models import StatementPage

pytestmark = pytest.mark.django_db

# The sitemaps.org protocol schemas, copied from shared/schemas so the suite runs anywhere.
SCHEMAS = Path(__file__).parent / "schemas"
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def schema(name):
    return etree.XMLSchema(etree.parse(str(SCHEMAS / name)))


def fetch(client, url="/sitemap.xml"):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    return etree.fromstring(response.content)


def without_alternates(tree):
    copy = etree.fromstring(etree.tostring(tree))
    for link in copy.xpath("//x:link", namespaces=NS):
        link.getparent().remove(link)
    return copy


def test_sitemap_validates_against_the_protocol_schema(client):
    tree = fetch(client)
    sitemap_schema = schema("sitemap.xsd")
    assert sitemap_schema.validate(without_alternates(tree)), sitemap_schema.error_log


def test_every_published_statement_in_every_language_is_listed(client):
    locations = set(fetch(client).xpath("//s:loc/text()", namespaces=NS))
    for page in StatementPage.objects.published():
        assert f"http://testserver{page.url}" in locations
    for language, _name in settings.LANGUAGES:
        assert f"http://testserver/{language}/" in locations
        assert f"http://testserver/{language}/statements/" in locations
        assert f"http://testserver/{language}/organisations/" in locations
    assert "http://testserver/el/statements/category/allileggyi/" in locations
    assert "http://testserver/ko/statements/country/kr/" in locations
    assert "http://testserver/en/statements/2019/05/" in locations
    assert "http://testserver/en/organisations/sea/" in locations


def test_alternates_are_reciprocal_with_x_default(client):
    tree = fetch(client)
    may_day = StatementPage.objects.get(
        locale__language_code="en", title__startswith="May Day 2019"
    )
    versions = StatementPage.objects.published().filter(translation_key=may_day.translation_key)
    expected = {v.locale.language_code: f"http://testserver{v.url}" for v in versions}
    expected["x-default"] = f"http://testserver{may_day.url}"
    for version in versions:
        url = tree.xpath(f"//s:url[s:loc='http://testserver{version.url}']", namespaces=NS)[0]
        links = {
            link.get("hreflang"): link.get("href")
            for link in url.xpath("x:link[@rel='alternate']", namespaces=NS)
        }
        assert links == expected


def urls_with_alternates(tree):
    return {
        url.findtext("s:loc", namespaces=NS): sorted(
            (link.get("hreflang"), link.get("href")) for link in url.xpath("x:link", namespaces=NS)
        )
        for url in tree.xpath("//s:url", namespaces=NS)
    }


def test_sitemap_becomes_an_index_past_the_limit(client, settings):
    """Past the limit: parts of at most `limit` URLs, the site's structure first, then one
    range of statement ids each, together listing what one sitemap listed, alternates too."""
    whole = urls_with_alternates(fetch(client))
    settings.COMMUNIQUE_SITEMAP_LIMIT = 100
    index = fetch(client)
    assert schema("siteindex.xsd").validate(index)
    parts = index.xpath("//s:sitemap/s:loc/text()", namespaces=NS)
    assert len(parts) > len(whole) // 100
    seen = {}
    for part in parts:
        tree = fetch(client, part.replace("http://testserver", ""))
        assert schema("sitemap.xsd").validate(without_alternates(tree))
        urls = urls_with_alternates(tree)
        assert 0 < len(urls) <= 100 and not set(urls) & set(seen)
        seen.update(urls)
    assert seen == whole
    structure = [part for part in parts if "/sitemap-statements-" not in part]
    for number in (0, len(structure) + 1):
        assert client.get(f"/sitemap-{number}.xml").status_code == 404
    assert client.get("/sitemap-statements-99999.xml").status_code == 404
    settings.COMMUNIQUE_SITEMAP_LIMIT = len(whole)
    assert client.get("/sitemap-1.xml").status_code == 404  # one file again: no parts
    assert client.get("/sitemap-statements-0.xml").status_code == 404


def test_a_statement_part_lists_exactly_the_statements_of_its_id_range(
    client, settings, django_assert_max_num_queries
):
    """A part is built from its own range of page ids, in a fixed number of queries; a
    version in another range is an alternate, not an entry."""
    from communique.statements.tests.factories import make_statement
    from communique.syndication.sitemaps import statement_ranges

    oldest = StatementPage.objects.published().filter(locale__language_code="en").order_by("pk")[0]
    make_statement("ko", title="새 번역", translation_of=oldest)  # a new id, in the last range
    settings.COMMUNIQUE_SITEMAP_LIMIT = 100
    parts = fetch(client).xpath("//s:sitemap/s:loc/text()", namespaces=NS)
    last = parts[-1].replace("http://testserver", "")
    with django_assert_max_num_queries(30):
        urls = urls_with_alternates(fetch(client, last))
    ids = statement_ranges(100)[-1]
    assert last == f"/sitemap-statements-{ids.start // 100}.xml"  # named by its range
    expected = {f"http://testserver{page.url}" for page in StatementPage.objects.published()
                if page.pk in ids}  # fmt: skip
    assert expected and set(urls) == expected
    assert f"http://testserver{oldest.url}" not in urls
    assert any(href == f"http://testserver{oldest.url}" for links in urls.values()
               for _lang, href in links)  # fmt: skip


def test_a_statement_part_of_a_large_archive_does_not_build_the_structure(
    client, settings, django_assert_max_num_queries
):
    """More statements than one file holds make the sitemap an index whatever the site's
    structure: a statement part then skips building the structure (all of the site's
    listings, a sixth of a part's time on 100,000 statements)."""
    settings.COMMUNIQUE_SITEMAP_LIMIT = 20
    part = fetch(client).xpath("//s:sitemap/s:loc/text()", namespaces=NS)[-1]
    with django_assert_max_num_queries(5):  # 22 when it built the structure as well
        assert urls_with_alternates(fetch(client, part.replace("http://testserver", "")))


def test_robots_txt_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()
    assert "Disallow: /admin/" in response.content.decode()


def test_page_urls_agree_with_wagtail_under_unpublished_parents_and_unicode_slugs(client):
    """The sitemap builds URLs from the parent's URL and slug (sitemaps.page_urls)."""
    from communique.core.models import HomePage, StandardPage

    home = HomePage.objects.get(locale__language_code="el")
    hidden = home.add_child(instance=StandardPage(title="Αρχείο", slug="αρχείο", live=False))
    child = hidden.add_child(instance=StandardPage(title="Καταστατικό", slug="καταστατικό"))
    grandchild = child.add_child(instance=StandardPage(title="Παράρτημα", slug="παράρτημα"))
    locations = set(fetch(client).xpath("//s:loc/text()", namespaces=NS))
    assert f"http://testserver{hidden.get_url()}" not in locations
    for page in (child, grandchild):
        assert f"http://testserver{page.get_url()}" in locations
    assert f"http://testserver/el/{quote('αρχείο')}/{quote('καταστατικό')}/" in locations


@pytest.mark.parametrize("width", [1, 7, 100, 10_000])
def test_statement_ranges_are_the_ranges_holding_a_public_statement(width):
    """Asked range by range of the page index: the same ranges as every statement's own row
    says, none without one (a fallback row is another locale's listing of a statement)."""
    from communique.statements.models import ListedStatement
    from communique.syndication.sitemaps import statement_ranges

    own = ListedStatement.objects.filter(is_fallback=False).values_list("page_id", flat=True)
    expected = sorted({page_id // width for page_id in own})
    ranges = statement_ranges(width)
    assert expected and [ids.start // width for ids in ranges] == expected
    assert all(len(ids) == width and ids.start % width == 0 for ids in ranges)


def test_without_statements_there_are_no_statement_ranges():
    from communique.statements.models import ListedStatement
    from communique.syndication.sitemaps import statement_ranges

    ListedStatement.objects.all().delete()
    assert statement_ranges(100) == []
