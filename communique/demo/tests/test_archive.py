"""generate_archive: whole pages, linked, listed and searchable, the same for the same seed."""

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page

from communique.search import engine
from communique.search.models import SearchEntry
from communique.statements import listed
from communique.statements.models import ListedStatement, StatementPage

pytestmark = pytest.mark.django_db


def test_generated_statements_are_whole_pages(client):
    before = StatementPage.objects.count()
    call_command("generate_archive", 30, verbosity=0)
    new = StatementPage.objects.order_by("pk")[before:]
    assert len(new) == 30
    assert Page.find_problems() == ([], [], [], [], [])
    for page in new[:5]:
        assert page.categories.exists() and page.countries.exists()
        assert page.signatories.exists() and page.live_revision_id
        assert client.get(page.url).status_code == 200
    assert SearchEntry.objects.filter(page__in=new).count() == 30
    assert {page.locale.language_code for page in new} == {"en", "es", "el"}
    rows = set(ListedStatement.objects.values_list("locale_id", "page_id", "position"))
    listed.rebuild()
    assert set(ListedStatement.objects.values_list("locale_id", "page_id", "position")) == rows
    found = engine.search(new[0].title, None, [new[0].locale.language_code])
    assert new[0].pk in [pk for pk, _language in found]


def test_unknown_language_is_refused():
    with pytest.raises(CommandError, match="no vocabulary for ko"):
        call_command("generate_archive", 5, languages="en,ko")
