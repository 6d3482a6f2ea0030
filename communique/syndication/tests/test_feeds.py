"""Feeds per language and per scope, parsed the way feed readers parse them."""

import datetime

import feedparser
import pytest
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _
from lxml import html as lxml_html

from communique.statements.models import StatementPage
from communique.statements.tests.factories import make_statement

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES]


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    feed = feedparser.parse(response.content)
    assert not feed.bozo, (url, feed.get("bozo_exception"))
    return response, feed


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("fmt", ["rss", "atom"])
def test_site_feed_is_valid_in_every_language(client, language, fmt):
    response, feed = parse(client, f"/{language}/feeds/statements.{fmt}")
    assert response["Content-Type"].startswith(f"application/{fmt}+xml")
    assert feed.feed.language == language
    assert len(feed.entries) >= 10
    for entry in feed.entries:
        assert entry.title and entry.link.startswith("http://testserver/")
        assert entry.summary and entry.author
        assert entry.language in LANGUAGES


def test_entries_carry_language_categories_and_signatories(client):
    _response, feed = parse(client, "/el/feeds/statements.atom")
    strike = [e for e in feed.entries if e.title.startswith("Κοινή δήλωση για το δικαίωμα")][0]
    assert strike.language == "el"
    assert "Σύνδεσμος Εργατικής Αλληλεγγύης" in strike.author
    assert {tag.term for tag in strike.tags} >= {"Κοινές δηλώσεις", "Διακηρύξεις"}
    untranslated = [e for e in feed.entries if e.title.startswith("Oświadczenie w sprawie")][0]
    assert untranslated.language == "pl"


@pytest.mark.parametrize(
    "url",
    [
        "/en/feeds/category/solidarity.rss",
        "/el/feeds/category/allileggyi.atom",
        "/ko/feeds/country/kr.rss",
        "/ar/feeds/country/lb.atom",
        "/en/feeds/organisation/sea.rss",
        "/pl/feeds/organisation/wspolna.atom",
    ],
)
def test_scoped_feeds_are_valid_and_hold_only_their_scope(client, url):
    _response, feed = parse(client, url)
    assert feed.entries
    if "/organisation/sea" in url:
        assert len(feed.entries) == 3


def test_full_content_feed_has_absolute_links(client):
    page = make_statement(
        "en", title="Linked", date=datetime.date(2040, 1, 1),
        body='<p>See <a href="/en/statements/">the archive</a>.</p>',
    )  # fmt: skip
    _response, feed = parse(client, "/en/feeds/full/statements.atom")
    entry = feed.entries[0]
    assert entry.title == page.title
    content = entry.content[0].value
    assert 'href="http://testserver/en/statements/"' in content
    _response, rss = parse(client, "/en/feeds/full/statements.rss")
    assert 'href="http://testserver/en/statements/"' in rss.entries[0].content[0].value
    _response, plain = parse(client, "/en/feeds/statements.atom")
    assert "content" not in plain.entries[0]


@pytest.mark.parametrize(
    "url", ["/en/feeds/full/statements.rss", "/en/feeds/full/category/solidarity.atom"]
)
def test_a_full_feed_reads_its_items_bodies_in_one_query(client, body_reads, url):
    """Listings read statements without their bodies (queries.LISTED_FIELDS); a full feed
    reads the bodies of its items together, not one query each."""
    with body_reads() as reads:
        _response, feed = parse(client, url)
    assert len(feed.entries) > 1
    assert all(entry.content[0].value for entry in feed.entries)
    assert len(reads) == 1


def test_unknown_scopes_are_404(client):
    for url in ("/en/feeds/category/nope.rss", "/en/feeds/country/zz.atom",
                "/en/feeds/organisation/nope.rss", "/zz/feeds/statements.rss",
                "/en/feeds/statements.json"):  # fmt: skip
        assert client.get(url).status_code == 404


def test_every_public_page_advertises_its_feeds(client):
    for url, expected in [
        ("/en/", "/en/feeds/statements.rss"),
        ("/el/statements/", "/el/feeds/statements.atom"),
        ("/el/statements/category/allileggyi/", "/el/feeds/category/allileggyi.rss"),
        ("/ko/statements/country/kr/", "/ko/feeds/country/kr.atom"),
        ("/en/organisations/sea/", "/en/feeds/organisation/sea.rss"),
    ]:
        tree = lxml_html.fromstring(client.get(url).content)
        hrefs = tree.xpath("//head/link[@rel='alternate'][@type]/@href")
        assert expected in hrefs, url
        for href in hrefs:
            assert client.get(href).status_code == 200


def test_advertised_feeds_are_named_in_the_page_language(client):
    """The listing's own feeds first, then the site's, titled in the page's language (the
    links are kept per language and listing: metadata._feed_links)."""

    def advertised(url):
        tree = lxml_html.fromstring(client.get(url).content)
        return [(link.get("title"), link.get("href"))
                for link in tree.xpath("//head/link[@rel='alternate'][@type]")]  # fmt: skip

    for language in ("el", "en", "el"):
        with translation.override(language):
            everything = _("All statements")
        assert advertised(f"/{language}/statements/")[0] == (
            f"{everything} (RSS)", f"/{language}/feeds/statements.rss")  # fmt: skip
    assert everything != "All statements"
    category = advertised("/el/statements/category/allileggyi/")
    assert [href for _title, href in category] == [
        "/el/feeds/category/allileggyi.rss", "/el/feeds/category/allileggyi.atom",
        "/el/feeds/statements.rss", "/el/feeds/statements.atom"]  # fmt: skip
    assert category[2][0] == f"{everything} (RSS)"


def test_feed_query_count_is_bounded(client, django_assert_max_num_queries):
    client.get("/en/feeds/full/statements.rss")  # warm the process's structure
    with django_assert_max_num_queries(6):
        client.get("/en/feeds/full/statements.rss")
    assert StatementPage.objects.exists()


@pytest.mark.parametrize("url", ["/el/feeds/statements.atom", "/ar/feeds/full/statements.rss"])
def test_every_attribute_a_feed_asks_is_what_djangos_lookup_finds(client, monkeypatch, url):
    """StatementFeed finds its methods' arguments once per class (`_get_dynamic_attr`):
    for every attribute the framework asks while writing a feed, the same value as
    Django's own lookup."""
    from django.contrib.syndication.views import Feed

    from communique.syndication.feeds import StatementFeed

    asked = []
    ours = StatementFeed._get_dynamic_attr

    def noting(feed, attname, obj, default=None):
        asked.append((feed, attname, obj, default))
        return ours(feed, attname, obj, default)

    monkeypatch.setattr(StatementFeed, "_get_dynamic_attr", noting)
    parse(client, url)
    names = {attname for _feed, attname, _obj, _default in asked}
    assert {"title", "item_title", "item_link", "item_pubdate", "item_categories"} <= names
    for feed, attname, obj, default in asked:
        assert ours(feed, attname, obj, default) == Feed._get_dynamic_attr(
            feed, attname, obj, default
        ), attname


def test_a_feed_method_without_the_object_is_called_as_django_calls_it():
    from communique.syndication.feeds import StatementFeed

    class Hourly(StatementFeed):
        def ttl(self):
            return 60

    feed = Hourly()
    feed.item_title = "A fixed title"  # an instance's own value where the class has a method
    assert feed._get_dynamic_attr("ttl", object()) == 60
    assert feed._get_dynamic_attr("item_title", object()) == "A fixed title"
    assert feed._get_dynamic_attr("item_comments", object(), "none") == "none"
