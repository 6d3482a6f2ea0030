"""The excerpt each statement keeps in its own column (statements/fields.py)."""

import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from communique.core import changes
from communique.statements.models import StatementPage

from .factories import make_statement

pytestmark = pytest.mark.django_db

LONG_BODY = "<p>" + "Solidarity forever. " * 40 + "</p>"


def stored(page):
    return StatementPage.objects.values_list("listing_excerpt", flat=True).get(pk=page.pk)


def test_a_published_statement_keeps_its_excerpt(locales):
    page = make_statement("en", body=LONG_BODY)
    assert stored(page) == page.excerpt
    assert stored(page).startswith("Solidarity forever.") and stored(page).endswith("…")


def test_a_new_revision_keeps_the_new_excerpt_and_listings_show_it(client, locales):
    page = make_statement("el", body=LONG_BODY)
    page.lead = "Αλληλεγγύη στους λιμενεργάτες."
    page.save_revision().publish()
    assert stored(page) == "Αλληλεγγύη στους λιμενεργάτες."
    listing = client.get("/el/statements/").content.decode()
    assert '<p class="excerpt">Αλληλεγγύη στους λιμενεργάτες.</p>' in listing
    assert "Solidarity forever" not in listing


def test_refresh_excerpts_writes_them_again_after_a_length_change(locales, settings):
    page = make_statement("ar", body=LONG_BODY)
    before_run = timezone.now()
    stored_before = dict(StatementPage.objects.values_list("pk", "listing_excerpt"))
    settings.COMMUNIQUE_EXCERPT_LENGTH = 30
    out = io.StringIO()
    call_command("refresh_excerpts", stdout=out)
    stored_after = dict(StatementPage.objects.values_list("pk", "listing_excerpt"))
    assert stored(page) == "Solidarity forever…"
    assert all(len(excerpt) <= 30 for excerpt in stored_after.values())
    rewritten = sum(stored_before[pk] != stored_after[pk] for pk in stored_after)
    assert rewritten >= 1 and out.getvalue() == f"{rewritten} excerpts written again.\n"
    assert "site" in changes.tags_changed_since(before_run)  # cached pages and the mirror follow
    again = io.StringIO()
    call_command("refresh_excerpts", stdout=again)
    assert again.getvalue() == "0 excerpts written again.\n"
