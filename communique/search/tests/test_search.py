"""The reader's search page: finding, ranking, highlighting, filters, bad input."""

import datetime

import pytest
from lxml import html as lxml_html
from wagtail.models import Page

from communique.search import engine
from communique.statements.tests.factories import make_statement

pytestmark = pytest.mark.django_db


def results(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    tree = lxml_html.fromstring(response.content)
    return tree, [a.text_content() for a in tree.xpath("//article//h2/a")]


def test_finds_statements_by_a_word_in_several_languages(client):
    _tree, titles = results(client, "/en/search/?q=dockworkers")
    assert "Solidarity with the striking dockworkers of Piraeus" in titles
    _tree, titles = results(client, "/el/search/?q=λιμενεργάτες")
    assert "Αλληλεγγύη στους απεργούς λιμενεργάτες του Πειραιά" in titles
    _tree, titles = results(client, "/ko/search/?q=노동자")
    assert titles


def test_readers_language_comes_first(client):
    _tree, titles = results(client, "/es/search/?q=COP26")
    assert titles == ["COP26: basta de promesas vacías", "COP26: no more empty promises"]


def test_matches_are_highlighted_by_stem_and_escaped(client):
    make_statement("en", title="Harbour <b>bold</b>", date=datetime.date(2031, 1, 1),
                   body="<p>The striking crews met; the strike holds.</p>")  # fmt: skip
    response = client.get("/en/search/?q=strikes")
    content = response.content.decode()
    assert "<mark>striking</mark>" in content and "<mark>strike</mark>" in content
    assert "<mark>crews</mark>" not in content
    assert "Harbour <b>bold</b>" not in content and "Harbour &lt;b&gt;bold&lt;/b&gt;" in content


def test_korean_matches_are_highlighted_whole(client):
    make_statement("ko", title="기후 정상회의", body="<p>COP26에서 노동자들은 말했다.</p>")
    content = client.get("/ko/search/?q=cop26 노동자").content.decode()
    assert "<mark>COP26에서</mark> <mark>노동자들은</mark> 말했다" in content


def test_title_matches_rank_before_body_matches(client):
    make_statement("en", title="Notes from the congress", body="<p>On quarrymen too.</p>",
                   date=datetime.date(2031, 1, 2))  # fmt: skip
    make_statement("en", title="The quarrymen's appeal", body="<p>An appeal.</p>",
                   date=datetime.date(2031, 1, 1))  # fmt: skip
    _tree, titles = results(client, "/en/search/?q=quarrymen")
    assert titles == ["The quarrymen's appeal", "Notes from the congress"]


def test_filters(client):
    tree, titles = results(client, "/en/search/?q=COP26&language=es")
    assert titles == ["COP26: basta de promesas vacías"]
    assert all(a.get("href").startswith("/es/") for a in tree.xpath("//article//h2/a"))
    _tree, titles = results(client, "/en/search/?q=solidarity&year=2019")
    assert titles and "Solidarity with Poland's striking teachers" in titles
    _tree, titles = results(client, "/en/search/?q=solidarity&organisation=sea&language=en")
    assert set(titles) <= {"Solidarity with the striking dockworkers of Piraeus",
                           "Joint statement on the right to strike in Europe"}  # fmt: skip
    _tree, titles = results(client, "/en/search/?q=solidarity&country=pl")
    assert titles and "Solidarity with Poland's striking teachers" in titles


def test_more_matches_than_a_search_returns_are_said_to_be_older(client, monkeypatch):
    monkeypatch.setattr(engine, "RESULTS", 2)
    for number in range(3):
        make_statement("en", title=f"Ptarmigan count {number}", date=datetime.date(2031, 1, 1))
    tree, titles = results(client, "/en/search/?q=ptarmigan")
    assert titles == ["Ptarmigan count 2", "Ptarmigan count 1"]
    assert "The newest 2 statements found." in tree.xpath("//p[@role='status']")[0].text
    tree, titles = results(client, "/en/search/?q=ptarmigan&year=2031")
    assert tree.xpath("//p[@role='status']")[0].text.startswith("The newest 2")
    tree, _titles = results(client, "/el/search/?q=ptarmigan")
    assert tree.xpath("//p[@role='status']")[0].text.startswith("Βρέθηκαν οι νεότερες 2")
    monkeypatch.setattr(engine, "RESULTS", 3)
    tree, titles = results(client, "/en/search/?q=ptarmigan")
    assert len(titles) == 3 and tree.xpath("//p[@role='status']")[0].text == "3 statements found"


def test_the_newest_are_kept_when_there_are_more(client, monkeypatch):
    monkeypatch.setattr(engine, "RESULTS", 2)
    day = datetime.date(2031, 1, 1)
    make_statement("en", title="Ptarmigan census", date=day)  # the oldest, a title match
    make_statement("en", title="Moorland notes", body="<p>A ptarmigan.</p>", date=day)
    make_statement("en", title="Upland notes", body="<p>Two ptarmigans.</p>", date=day)
    _tree, titles = results(client, "/en/search/?q=ptarmigan")
    assert titles == ["Upland notes", "Moorland notes"]


def test_unpublished_statements_are_never_found(client):
    make_statement("en", title="Secret zanzibarian draft", publish=False,
                   body="<p>zanzibarian</p>")  # fmt: skip
    _tree, titles = results(client, "/en/search/?q=zanzibarian")
    assert titles == []


def test_results_pass_through_published_even_when_the_index_is_behind(client):
    page = make_statement("en", title="Minutes of the gannet committee")
    Page.objects.filter(pk=page.pk).update(live=False)  # no signal: the index still has it
    _tree, titles = results(client, "/en/search/?q=gannet")
    assert titles == []


@pytest.mark.parametrize(
    "query",
    ["", "q=", "q=" + "a" * 10000, 'q="*:(AND OR NOT', "q=' OR 1=1 --", "q=NEAR(x y)",
     "q=solidarity&page=9999", "q=solidarity&page=abc", "q=solidarity&year=abc",
     "q=%00", "q=solidarity&category=nope", "q=مرحبا", "q=안녕"],
)  # fmt: skip
def test_bad_input_gets_a_normal_page(client, query):
    assert client.get(f"/ar/search/?{query}").status_code == 200


def test_every_page_has_a_search_form(client):
    for url in ("/en/", "/ar/statements/", "/ko/organisations/"):
        tree = lxml_html.fromstring(client.get(url).content)
        form = tree.xpath("//header//form[@role='search']")
        assert form and form[0].get("action") == url[:4] + "search/"


def test_search_form_fields_have_labels(client):
    tree = lxml_html.fromstring(client.get("/el/search/?q=x").content)
    form = tree.xpath("//main//form[@role='search']")[0]
    for control in form.xpath(".//input[@type!='hidden'] | .//select"):
        assert form.xpath(f".//label[@for='{control.get('id')}']"), control.get("name")


def test_the_language_filter_keeps_its_choice_and_names_each_language_in_it(client):
    tree = lxml_html.fromstring(client.get("/el/search/?q=x&language=ar").content)
    options = tree.xpath("//select[@id='search-language']/option")
    assert options[0].get("value") == "" and options[0].text == "Οποιαδήποτε γλώσσα"
    assert [o.get("value") for o in options if o.get("selected") is not None] == ["ar"]
    arabic = next(o for o in options if o.get("value") == "ar")
    assert arabic.get("lang") == "ar" and arabic.text == "العربية"
