import pytest
from django.core.management import call_command
from wagtail.models import Locale, Page

from communique.core.models import HomePage
from communique.organisations.models import OrganisationIndexPage
from communique.statements.models import StatementIndexPage

pytestmark = pytest.mark.django_db


def test_every_configured_language_has_a_locale_and_its_pages(settings):
    codes = [code for code, _name in settings.LANGUAGES]
    assert sorted(Locale.objects.values_list("language_code", flat=True)) == sorted(codes)
    for model in (HomePage, StatementIndexPage, OrganisationIndexPage):
        live = model.objects.live().filter(alias_of__isnull=True)
        assert sorted(live.values_list("locale__language_code", flat=True)) == sorted(codes)


def test_section_titles_are_translated():
    assert StatementIndexPage.objects.get(locale__language_code="el").title == "Ανακοινώσεις"
    assert OrganisationIndexPage.objects.get(locale__language_code="ar").title == "المنظمات"


def test_setup_site_is_idempotent_and_adds_a_new_language(settings):
    settings.LANGUAGES = [*settings.LANGUAGES, ("nl", "Nederlands")]
    before = Page.objects.count()
    call_command("setup_site", verbosity=0)
    assert Page.objects.count() == before + 3
    assert StatementIndexPage.objects.get(locale__language_code="nl").live
    call_command("setup_site", verbosity=0)
    assert Page.objects.count() == before + 3
