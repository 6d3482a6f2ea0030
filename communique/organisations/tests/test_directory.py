import pytest
from lxml import html as lxml_html

from communique.organisations.models import Organisation, organisations_for_locale

pytestmark = pytest.mark.django_db


def tree_of(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return lxml_html.fromstring(response.content)


def test_directory_groups_members_by_country_named_in_the_readers_language(client):
    tree = tree_of(client, "/el/organisations/")
    countries = [h2.text_content() for h2 in tree.xpath("//section/h2")]
    assert "Ελλάδα" in countries and "Νότια Κορέα" in countries and "Πολωνία" in countries
    assert countries == sorted(countries, key=str.casefold)
    greece = tree.xpath("//section[h2='Ελλάδα']//li/a")
    assert [a.text for a in greece] == ["Σύνδεσμος Εργατικής Αλληλεγγύης"]


def test_directory_shows_each_organisation_once_with_fallback_to_its_original(client, locales):
    names = [
        a.text for a in tree_of(client, "/en/organisations/").xpath("//ul[@class='directory']//a")
    ]
    assert len(names) == Organisation.objects.values("translation_key").distinct().count()
    assert "Labour Solidarity League" in names  # the English translation
    assert "Dayanışma Ağı" in names  # no English version: the original, marked with its language
    item = tree_of(client, "/en/organisations/").xpath("//li[a='Dayanışma Ağı']")[0]
    assert item.get("lang") == "tr"
    assert (
        organisations_for_locale(locales["ko"]).filter(slug="minjung").get().name
        == "민중연대 네트워크"
    )


def test_organisation_page_lists_the_statements_it_signed(client):
    tree = tree_of(client, "/en/organisations/sea/")
    assert tree.xpath("//h1")[0].text_content().startswith("Labour Solidarity League")
    titles = [a.text for a in tree.xpath("//article[contains(@class,'statement-item')]//h3/a")]
    assert "Joint statement on the right to strike in Europe" in titles
    assert "Solidarity with the striking dockworkers of Piraeus" in titles
    # Signed only in Greek and not translated into English: shown in Greek.
    assert any(title.startswith("Ημέρα Ανθρωπίνων Δικαιωμάτων") for title in titles)
    assert len(titles) == 3
