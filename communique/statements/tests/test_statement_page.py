"""A statement page: its content, its translations, and the links between them."""

import datetime

import pytest
from lxml import html as lxml_html

from communique.statements.models import Category, StatementPage, StatementSignatory

from .factories import make_statement

pytestmark = pytest.mark.django_db


def tree_of(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return lxml_html.fromstring(response.content)


def absolute(url):
    return f"http://testserver{url}"


def test_hreflang_alternates_are_reciprocal_for_every_translation(client):
    may_day = StatementPage.objects.get(
        locale__language_code="en", title__startswith="May Day 2019"
    )
    versions = list(
        StatementPage.objects.published().filter(translation_key=may_day.translation_key)
    )
    assert len(versions) == 10
    expected = {v.locale.language_code: absolute(v.url) for v in versions}
    for version in versions:
        tree = tree_of(client, version.url)
        alternates = {
            link.get("hreflang"): link.get("href")
            for link in tree.xpath("//head/link[@rel='alternate'][@hreflang]")
        }
        assert alternates == expected


def test_statement_page_shows_also_in_links_to_other_languages(client):
    page = StatementPage.objects.get(locale__language_code="ar", title__contains="بيروت")
    tree = tree_of(client, page.url)
    assert tree.xpath("/html/@lang") == ["ar"] and tree.xpath("/html/@dir") == ["rtl"]
    links = tree.xpath("//div[@class='also-in']//a")
    assert [link.get("hreflang") for link in links] == ["en", "fr"]
    assert all(link.get("lang") == link.get("hreflang") for link in links)


def test_joint_statement_lists_signatories_in_order_in_the_pages_language(client):
    page = StatementPage.objects.get(
        locale__language_code="el", title__startswith="Κοινή δήλωση για το δικαίωμα"
    )
    tree = tree_of(client, page.url)
    signatories = [
        li.text_content().split(" (")[0] for li in tree.xpath("//section[@class='signatories']//li")
    ]
    assert signatories == [
        "Workers' Solidarity Union",
        "Collectif Solidarité Ouvrière",
        "Arbeitskreis Internationale Solidarität",
        "Związek Wspólna Sprawa",
        "Σύνδεσμος Εργατικής Αλληλεγγύης",
    ]
    assert "Ηνωμένο Βασίλειο" in tree.xpath("//section[@class='signatories']//li")[0].text_content()


def test_lead_image_has_credit_and_licence(client):
    page = StatementPage.objects.filter(
        lead_image__isnull=False, locale__language_code="en"
    ).first()
    tree = tree_of(client, page.url)
    caption = tree.xpath("//figure[@class='lead-image']/figcaption")[0].text_content()
    assert page.lead_image_credit in caption and page.lead_image_licence in caption
    assert tree.xpath("//figure[@class='lead-image']//img/@alt")


def test_date_is_written_in_full_in_the_pages_language(client):
    page = make_statement("el", title="Δοκιμή", date=datetime.date(2019, 9, 12))
    tree = tree_of(client, page.url)
    assert tree.xpath("//article//time")[0].text_content() == "Πέμπτη 12 Σεπτεμβρίου 2019"
    assert tree.xpath("//article//time/@datetime") == ["2019-09-12"]


def test_body_rich_text_is_rendered_and_title_escaped(client):
    page = make_statement(
        "en",
        title="<script>alert(1)</script> Title",
        body="<h2>Demands</h2><ul><li>Pay</li></ul><blockquote>Quote</blockquote>",
    )
    content = client.get(page.url).content.decode()
    assert "<script>alert(1)</script>" not in content
    assert "&lt;script&gt;" in content
    tree = lxml_html.fromstring(content)
    assert tree.xpath("//div[@class='prose']/h2")[0].text == "Demands"
    assert tree.xpath("//div[@class='prose']/blockquote")[0].text == "Quote"


def test_links_to_pages_and_the_body_are_written_as_wagtail_writes_rich_text(client):
    from wagtail.templatetags.wagtailcore_tags import richtext as wagtail_richtext

    from communique.core.templating import richtext

    target = make_statement("el", title="Στόχος")
    body = f'<p>Δείτε <a linktype="page" id="{target.pk}">εδώ</a>.</p><p>Τέλος</p>'
    page = make_statement("el", body=body)
    tree = tree_of(client, page.url)
    assert tree.xpath("//div[@class='prose']//a/@href") == [target.url]
    for value in (body, "", None, page.body):
        assert str(richtext(value)) == str(wagtail_richtext(value))


def test_manual_lead_replaces_the_automatic_excerpt():
    page = make_statement("en", lead="A short lead.", body="<p>" + "Body text. " * 100 + "</p>")
    assert page.excerpt == "A short lead."
    plain = make_statement("en", body="<p>" + "Body text. " * 100 + "</p>")
    assert plain.excerpt.startswith("Body text.") and plain.excerpt.endswith("…")
    assert len(plain.excerpt) <= 400


def test_excerpt_length_is_a_setting(settings):
    settings.COMMUNIQUE_EXCERPT_LENGTH = 30
    page = make_statement("en", body="<p>" + "Solidarity forever. " * 10 + "</p>")
    assert page.excerpt == "Solidarity forever…"  # 30 graphemes would end mid-phrase


def test_draft_statement_is_not_served(client):
    page = make_statement("en", title="Draft only", publish=False)
    assert client.get(f"/en/statements/{page.slug}/").status_code == 404


def test_statement_query_count_is_bounded(client, django_assert_max_num_queries):
    page = StatementPage.objects.get(locale__language_code="en", title__startswith="May Day 2019")
    client.get(page.url)  # warm the process's structure (core/structure.py)
    with django_assert_max_num_queries(7):
        assert client.get(page.url).status_code == 200


def test_statement_queries_do_not_grow_with_signatories_categories_or_countries(client):
    """No query per signatory, per signatory's country, per category or per country."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from communique.core.models import Country
    from communique.organisations.models import Organisation

    def queries(page):
        client.get(page.url)  # warm the per-process caches
        with CaptureQueriesContext(connection) as captured:
            assert client.get(page.url).status_code == 200
        return len(captured)

    small = make_statement("en", title="One of each")
    large = make_statement("en", title="Many of each")
    organisations = list(Organisation.objects.filter(locale__language_code="en")
                         .exclude(country=None).order_by("country")[:4])  # fmt: skip
    countries = list(Country.objects.all()[:4])
    categories = list(Category.objects.filter(locale__language_code="en")[:4])
    assert len({o.country_id for o in organisations}) > 1 and len(countries) == 4
    for page, count in ((small, 1), (large, 4)):
        editable = page.get_latest_revision_as_object()
        editable.signatories = [StatementSignatory(organisation=organisation, sort_order=order)
                                for order, organisation in enumerate(organisations[:count])]  # fmt: skip
        editable.countries = countries[:count]
        editable.categories = categories[:count]
        editable.save_revision().publish()
    assert queries(large) == queries(small)


def test_categories_of_an_unsaved_draft_are_shown_in_the_pages_language():
    """Previews render a draft whose categories live in memory (modelcluster), not in the
    database: the one-query lookup of a statement's categories must take those too."""
    from communique.statements.listing import statement_categories

    page = make_statement("el")
    english = list(Category.objects.filter(locale__language_code="en")[:2])
    draft = page.get_latest_revision_as_object()
    draft.categories = english
    shown = statement_categories(draft)
    assert {category.translation_key for category in shown} == {c.translation_key for c in english}
    greek = {c.translation_key: c for c in Category.objects.filter(locale__language_code="el")}
    assert all(category == greek.get(category.translation_key, category) for category in shown)


def test_signatories_of_an_unsaved_draft_are_shown_in_their_order():
    """Signatory keys are read as values (no instances); a preview's signatories live in
    memory, and must come out in the draft's order, in the page's language where translated."""
    from django.test import RequestFactory

    from communique.organisations.models import Organisation
    from communique.statements.listing import statement_details

    page = make_statement("el")
    chosen = list(Organisation.objects.filter(locale__language_code="en").order_by("-pk")[:3])
    draft = page.get_latest_revision_as_object()
    draft.signatories = [StatementSignatory(organisation=organisation, sort_order=order)
                         for order, organisation in enumerate(chosen)]  # fmt: skip
    shown = statement_details(draft, RequestFactory().get("/"))["signatories"]
    assert [o.translation_key for o in shown] == [o.translation_key for o in chosen]
    assert all(
        o.locale.language_code == "el"
        or not Organisation.objects.filter(
            translation_key=o.translation_key, locale__language_code="el"
        ).exists()
        for o in shown
    )
