"""What the editor accepts: clear validation messages, clean rich text, preview, revisions."""

import pytest
from django.urls import reverse
from lxml import html as lxml_html

from communique.editorial.roles import COORDINATORS, EDITORS
from communique.statements.models import LEAD_MAX_LENGTH, StatementIndexPage, StatementPage
from communique.statements.tests.factories import make_statement

from .admin_forms import statement_form

pytestmark = pytest.mark.django_db


def add(client, code, **fields):
    index = StatementIndexPage.objects.get(locale__language_code=code)
    return client.post(
        f"/admin/pages/add/statements/statementpage/{index.pk}/", statement_form(**fields)
    )


@pytest.fixture
def editor_client(client, make_user):
    client.force_login(make_user("ed", EDITORS))
    return client


def test_missing_title_is_a_validation_message(editor_client):
    response = add(editor_client, "en", title="", slug="no-title")
    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    assert not StatementPage.objects.filter(slug="no-title").exists()


def test_duplicate_slug_within_a_locale_is_refused_but_allowed_across_locales(editor_client):
    existing = make_statement("en")
    response = add(editor_client, "en", slug=existing.slug)
    assert response.status_code == 200
    assert "already in use" in response.content.decode()
    assert add(editor_client, "el", slug=existing.slug).status_code == 302


def test_overlong_lead_is_a_validation_message(editor_client):
    response = add(editor_client, "en", slug="long-lead", lead="x" * (LEAD_MAX_LENGTH + 1))
    assert response.status_code == 200
    assert f"at most {LEAD_MAX_LENGTH} characters" in response.content.decode()


def test_body_keeps_only_what_the_design_renders(editor_client):
    add(editor_client, "en", slug="pasted",
        body='<h1>Big</h1><p onclick="x()">Text <code>code</code> <a href="javascript:alert(1)">'
             'bad</a></p><script>alert(1)</script><h2>Heading</h2><blockquote>Quote</blockquote>')  # fmt: skip
    body = StatementPage.objects.get(slug="pasted").get_latest_revision_as_object().body
    assert "<script" not in body and "onclick" not in body and "javascript:" not in body
    assert "<h1" not in body and "<code" not in body
    assert "<h2" in body and "<blockquote" in body


def test_preview_shows_the_page_in_its_own_language(editor_client):
    page = make_statement("el", title="Προεπισκόπηση")
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    editor_client.post(url, statement_form(title="Προεπισκόπηση", slug=page.slug))
    response = editor_client.get(url)
    tree = lxml_html.fromstring(response.content)
    assert tree.xpath("/html/@lang") == ["el"]
    assert "Μετάβαση στο περιεχόμενο" in response.content.decode()


def test_a_preview_describes_the_page_as_edited(editor_client):
    """The meta description of a saved statement is its stored excerpt; a preview's is the
    edited lead's, not the one stored."""
    page = make_statement("ar", title="معاينة", lead="الملخص المحفوظ.")
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    editor_client.post(url, statement_form(title="معاينة", slug=page.slug, lead="ملخص جديد."))
    tree = lxml_html.fromstring(editor_client.get(url).content)
    assert tree.xpath("//meta[@name='description']/@content") == ["ملخص جديد."]
    live = lxml_html.fromstring(editor_client.get(page.url).content)
    assert live.xpath("//meta[@name='description']/@content") == ["الملخص المحفوظ."]


def test_a_new_statement_can_be_previewed_before_it_is_saved(editor_client):
    """A page that is not saved yet has no row to look anything up by: its links and
    language switcher must still render (they are built from its parent's URL)."""
    index = StatementIndexPage.objects.get(locale__language_code="el")
    url = reverse("wagtailadmin_pages:preview_on_add",
                  args=["statements", "statementpage", index.pk])  # fmt: skip
    editor_client.post(url, statement_form(title="Νέα δήλωση", slug="nea-dilosi"))
    response = editor_client.get(url)
    assert response.status_code == 200 and "Νέα δήλωση" in response.content.decode()
    tree = lxml_html.fromstring(response.content)
    assert tree.xpath("/html/@lang") == ["el"]
    assert tree.xpath("//a[@hreflang='el']/@href") == ["/el/statements/nea-dilosi/"]


def test_revisions_can_be_compared_and_reverted(client, make_user):
    client.force_login(make_user("co", COORDINATORS))
    page = make_statement("en", title="First title")
    first = page.latest_revision
    latest = StatementPage.objects.get(pk=page.pk).get_latest_revision_as_object()
    latest.title = "Second title"
    second = latest.save_revision()
    compare = f"/admin/pages/{page.pk}/revisions/compare/{first.pk}...{second.pk}/"
    response = client.get(compare)
    assert response.status_code == 200 and "Second title" in response.content.decode()
    revert = client.get(f"/admin/pages/{page.pk}/revisions/{first.pk}/revert/")
    assert revert.status_code == 200 and "First title" in revert.content.decode()


def test_admin_speaks_the_users_language(client, make_user):
    from wagtail.users.models import UserProfile

    user = make_user("co", COORDINATORS)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "el"
    profile.save()
    client.force_login(user)
    content = client.get("/admin/translations/").content.decode()
    assert "Μεταφράσεις" in content  # the project's own admin string
    assert 'lang="el"' in content


def test_server_cleans_raw_editor_data_it_did_not_offer(editor_client):
    """A hand-crafted submission (not from Draftail) is still reduced to allowed markup."""
    import json

    contentstate = {
        "blocks": [
            {"key": "a", "type": "header-one", "text": "Big", "depth": 0,
             "inlineStyleRanges": [], "entityRanges": []},
            {"key": "b", "type": "unstyled", "text": "click me", "depth": 0,
             "inlineStyleRanges": [{"offset": 0, "length": 5, "style": "CODE"}],
             "entityRanges": [{"offset": 0, "length": 8, "key": 0}]},
        ],
        "entityMap": {"0": {"type": "LINK", "mutability": "MUTABLE",
                            "data": {"url": "javascript:alert(1)"}}},
    }  # fmt: skip
    data = statement_form(slug="crafted")
    data["body"] = json.dumps(contentstate)
    index = StatementIndexPage.objects.get(locale__language_code="en")
    editor_client.post(f"/admin/pages/add/statements/statementpage/{index.pk}/", data)
    body = StatementPage.objects.get(slug="crafted").get_latest_revision_as_object().body
    assert "javascript:" not in body and "<h1" not in body and "<code" not in body
    assert "click me" in body
