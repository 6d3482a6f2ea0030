"""The bulk path into Wagtail's own search index writes what the backend itself would."""

import pytest
from django.contrib.contenttypes.models import ContentType
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

from communique.search import admin_index
from communique.statements.models import StatementPage
from communique.statements.tests.factories import make_statement

pytestmark = pytest.mark.django_db


def entries(pages):
    rows = IndexEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(StatementPage),
        object_id__in=[str(page.pk) for page in pages],
    ).order_by("object_id")
    return [(row.object_id, str(row.title), str(row.autocomplete), str(row.body), row.title_norm)
            for row in rows]  # fmt: skip


def test_new_pages_get_the_entries_the_backend_would_give_them():
    pages = [
        make_statement("en", title="Dockers' appeal", body="<p>Harbour <b>strike</b></p>"),
        make_statement(
            "el",
            title="Δήλωση των λιμενεργατών",
            lead="Απεργία",
            body="<p>Λιμάνι</p><p>Πειραιάς</p>",
        ),  # fmt: skip
        make_statement("en", title="", body="<p>No title here</p>"),
    ]
    pages = list(StatementPage.objects.filter(pk__in=[page.pk for page in pages]))
    IndexEntry.objects.filter(object_id__in=[str(p.pk) for p in pages]).delete()
    get_search_backend().add_bulk(StatementPage, pages)
    expected = entries(pages)
    IndexEntry.objects.filter(object_id__in=[str(p.pk) for p in pages]).delete()

    admin_index.add_new(StatementPage, pages)

    written = entries(pages)
    assert [row[:4] for row in written] == [row[:4] for row in expected]
    assert [row[4] for row in written] == pytest.approx([row[4] for row in expected])
    assert len(written) == 3


def test_the_admin_search_finds_pages_added_in_bulk():
    page = make_statement("en", title="Ferry crews", body="<p>The quayside assembly</p>")
    IndexEntry.objects.filter(object_id=str(page.pk)).delete()
    assert list(StatementPage.objects.search("quayside")) == []

    admin_index.add_new(StatementPage, [StatementPage.objects.get(pk=page.pk)])

    assert list(StatementPage.objects.search("quayside")) == [page.specific]
