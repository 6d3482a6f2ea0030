"""The demo network meets the brief, and loading it again changes nothing."""

import pytest
from django.core.management import call_command
from wagtail.images.models import Image
from wagtail.models import Page, Revision

from communique.core.models import Country
from communique.organisations.models import Organisation
from communique.statements.models import Category, StatementPage, StatementSignatory

pytestmark = pytest.mark.django_db


def snapshot():
    return {
        model.__name__: model.objects.count()
        for model in (Page, Revision, StatementPage, Category, Organisation, Country, Image,
                      StatementSignatory)
    }  # fmt: skip


def test_demo_network_meets_the_brief():
    statements = StatementPage.objects.published()
    groups = {}
    for page in statements.select_related("locale"):
        groups.setdefault(page.translation_key, set()).add(page.locale.language_code)
    languages = set().union(*groups.values())
    assert len(groups) >= 24
    assert {"el", "pl", "ar", "ko"} <= languages and len(languages) >= 6
    assert sum(1 for versions in groups.values() if len(versions) >= 3) >= 3
    assert len({d.year for d in statements.values_list("date", flat=True)}) >= 4
    assert Category.objects.values("translation_key").distinct().count() >= 3
    organisations = Organisation.objects.values("translation_key").distinct().count()
    assert organisations >= 8
    assert Country.objects.filter(organisations__isnull=False).distinct().count() >= 6
    joint = statements.filter(categories__slug="joint-statements").distinct()
    assert joint.count() >= 3
    assert all(page.signatories.count() >= 3 for page in joint)
    assert statements.filter(lead_image__isnull=False).exclude(lead_image_credit="").exists()


def test_loading_twice_changes_nothing(capsys):
    before = snapshot()
    call_command("load_demo", "--no-admin")
    assert snapshot() == before
    assert "0 statement pages added" in capsys.readouterr().out


def test_if_empty_skips_a_database_that_has_statements(capsys):
    call_command("load_demo", "--if-empty")
    assert "not loaded" in capsys.readouterr().out


def test_demo_admin_gets_a_random_password_saved_outside_the_repo(settings, tmp_path):
    from django.contrib.auth import authenticate

    from communique.demo.loader import ensure_demo_admin

    settings.COMMUNIQUE_DEMO_LOGIN_FILE = tmp_path / "login.txt"
    username, password = ensure_demo_admin()
    assert authenticate(username=username, password=password)
    assert password in (tmp_path / "login.txt").read_text()
    assert ensure_demo_admin() == (username, None)
    coordinator = authenticate(username="coordinator", password=password)
    assert coordinator.groups.filter(name="Coordinators").exists()
    assert authenticate(username="translator-el", password=password)
