"""Feeds, API and sitemap tell the same story, and only about what readers may see."""

import datetime
import json

import feedparser
import pytest
from django.utils import timezone
from lxml import etree
from lxml import html as lxml_html

from communique.statements.models import StatementPage
from communique.statements.tests.factories import make_statement

pytestmark = pytest.mark.django_db
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def sitemap(client):
    tree = etree.fromstring(client.get("/sitemap.xml").content)
    return {
        url.findtext("s:loc", namespaces=NS): url.findtext("s:lastmod", namespaces=NS)
        for url in tree.xpath("//s:url", namespaces=NS)
    }


def feed_entries(client, language):
    feed = feedparser.parse(client.get(f"/{language}/feeds/statements.atom").content)
    return {entry.link: entry for entry in feed.entries}


def api_items(client, language):
    data = client.get(f"/api/v1/statements?language={language}&limit=100").json()
    return {item["url"]: item for item in data["items"]}


@pytest.mark.parametrize("language", ["en", "el", "ar", "ko"])
def test_feed_api_and_sitemap_agree_on_url_and_dates(client, language):
    entries, items, urls = (
        feed_entries(client, language),
        api_items(client, language),
        sitemap(client),
    )
    assert items
    for url, item in items.items():
        entry = entries[url]
        assert entry.published[:10] == item["date"]
        updated = datetime.datetime.fromisoformat(item["last_published_at"])
        assert datetime.datetime.fromisoformat(entry.updated) == updated
        assert urls[url] == updated.date().isoformat()


def test_unpublished_scheduled_and_expired_statements_appear_nowhere(client):
    draft = make_statement("en", title="Hidden draft", publish=False)
    scheduled = make_statement("en", title="Hidden scheduled", publish=False)
    latest = scheduled.get_latest_revision_as_object()
    latest.go_live_at = timezone.now() + datetime.timedelta(days=3)
    latest.save_revision().publish()
    expired = make_statement("en", title="Hidden expired")
    expired.unpublish(set_expired=True)
    unpublished = make_statement("en", title="Hidden unpublished")
    unpublished.unpublish()
    hidden = [draft, scheduled, expired, unpublished]
    assert not StatementPage.objects.filter(pk__in=[p.pk for p in hidden], live=True).exists()

    outputs = [
        client.get("/en/feeds/statements.rss").content.decode(),
        client.get("/en/feeds/full/statements.atom").content.decode(),
        client.get("/sitemap.xml").content.decode(),
        client.get("/api/v1/statements?limit=100").content.decode(),
        client.get("/en/statements/").content.decode(),
    ]
    for page in hidden:
        assert all(page.title not in output for output in outputs), page.title
        assert all(f"/{page.slug}/" not in output for output in outputs), page.slug
        assert client.get(f"/api/v1/statements/{page.pk}").status_code == 404
        group = client.get(f"/api/v1/statement-groups/{page.translation_key}")
        assert group.status_code == 404


def test_statement_page_carries_canonical_open_graph_and_json_ld(client):
    original = StatementPage.objects.get(
        locale__language_code="en", title__startswith="May Day 2019"
    )
    greek = original.get_translation(original.locale.__class__.objects.get(language_code="el"))
    tree = lxml_html.fromstring(client.get(greek.url).content)
    meta = {m.get("property") or m.get("name"): m.get("content") for m in tree.xpath("//head/meta")}
    assert tree.xpath("//link[@rel='canonical']/@href") == [f"http://testserver{greek.url}"]
    assert meta["og:type"] == "article" and meta["og:title"] == greek.title
    assert meta["og:locale"] == "el_GR" and meta["og:description"] == greek.specific.excerpt
    assert meta["og:image"].startswith("http://testserver/") and meta["twitter:card"] == (
        "summary_large_image"
    )
    alternates = tree.xpath("//meta[@property='og:locale:alternate']/@content")
    assert "en_US" in alternates and "ar_AR" in alternates and "el_GR" not in alternates
    data = json.loads(tree.xpath("//script[@type='application/ld+json']/text()")[0])
    assert data["@type"] == "Article" and data["inLanguage"] == "el"
    assert data["headline"] == greek.title and data["datePublished"] == "2019-05-01"
    assert data["translationOfWork"]["@id"] == f"http://testserver{original.url}"

    english = json.loads(
        lxml_html.fromstring(client.get(original.url).content).xpath(
            "//script[@type='application/ld+json']/text()"
        )[0]
    )
    assert len(english["workTranslation"]) == 9
    assert f"http://testserver{greek.url}" in [w["@id"] for w in english["workTranslation"]]
    assert english["publisher"]["name"] == "Common Ground Network"


def test_json_ld_cannot_break_out_of_its_script(client):
    page = make_statement("en", title="</script><script>alert(1)</script>")
    content = client.get(page.url).content.decode()
    assert "</script><script>alert(1)" not in content


def test_listing_pages_have_canonical_with_page_number(client):
    tree = lxml_html.fromstring(client.get("/en/statements/page/2/").content)
    assert tree.xpath("//link[@rel='canonical']/@href") == [
        "http://testserver/en/statements/page/2/"
    ]


def test_open_graph_locales_follow_each_page_s_languages(client):
    """The head's Open Graph locales are rendered once for each set of languages they show
    (syndication/templating._head_part): a page with fewer versions names fewer, and a
    translation added later joins the original's."""

    def locales(page):
        tree = lxml_html.fromstring(client.get(page.url).content)
        return (tree.xpath("//meta[@property='og:locale']/@content"),
                tree.xpath("//meta[@property='og:locale:alternate']/@content"))  # fmt: skip

    original = make_statement("en", title="Heard in two languages, later")
    alone = make_statement("en", title="Heard in one language")
    assert locales(original) == locales(alone) == (["en_US"], [])
    greek = make_statement("el", title="Ακούστηκε σε δύο γλώσσες", translation_of=original)
    arabic = make_statement("ar", title="سمعت بلغتين", translation_of=alone)
    assert locales(original) == (["en_US"], ["el_GR"])
    assert locales(greek) == (["el_GR"], ["en_US"])
    assert locales(alone) == (["en_US"], ["ar_AR"])
    assert locales(arabic) == (["ar_AR"], ["en_US"])
