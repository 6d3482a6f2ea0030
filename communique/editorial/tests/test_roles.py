"""Each role can do its job through the admin, and the server refuses the rest."""

import pytest
from wagtail.models import Page

from communique.editorial.roles import COORDINATORS, EDITORS, translator_group_name
from communique.statements.models import StatementIndexPage, StatementPage
from communique.statements.tests.factories import make_statement

from .admin_forms import statement_form

pytestmark = pytest.mark.django_db


def add_url(locale_code):
    index = StatementIndexPage.objects.get(locale__language_code=locale_code)
    return f"/admin/pages/add/statements/statementpage/{index.pk}/"


def latest_title(page):
    return StatementPage.objects.get(pk=page.pk).get_latest_revision_as_object().title


def edit_url(page):
    return f"/admin/pages/{page.pk}/edit/"


def test_editor_writes_a_draft_and_cannot_publish(client, make_user):
    client.force_login(make_user("ed", EDITORS))
    response = client.post(
        add_url("en"), statement_form(slug="by-editor", **{"action-publish": "1"})
    )
    assert response.status_code == 302
    page = StatementPage.objects.get(slug="by-editor")
    assert not page.live  # the publish button was ignored: editors have no publish permission


def test_editor_submits_and_coordinator_approves(client, make_user):
    editor, coordinator = make_user("ed", EDITORS), make_user("co", COORDINATORS)
    client.force_login(editor)
    client.post(add_url("en"), statement_form(slug="to-approve", **{"action-submit": "1"}))
    page = StatementPage.objects.get(slug="to-approve")
    state = page.current_workflow_state
    assert state is not None and state.status == "in_progress"
    task_state = state.current_task_state

    client.force_login(editor)
    url = f"/admin/pages/workflow/action/{page.pk}/approve/{task_state.pk}/"
    assert client.post(url, {"comment": "self-approval"}).status_code in (302, 403)
    page.refresh_from_db()
    assert not page.live

    client.force_login(coordinator)
    response = client.post(url, {"comment": "Good to go"})
    assert response.status_code in (200, 302)
    page.refresh_from_db()
    assert page.live


def test_coordinator_rejects_with_a_comment(client, make_user):
    editor, coordinator = make_user("ed", EDITORS), make_user("co", COORDINATORS)
    client.force_login(editor)
    client.post(add_url("en"), statement_form(slug="to-reject", **{"action-submit": "1"}))
    page = StatementPage.objects.get(slug="to-reject")
    task_state = page.current_workflow_state.current_task_state
    client.force_login(coordinator)
    client.post(
        f"/admin/pages/workflow/action/{page.pk}/reject/{task_state.pk}/",
        {"comment": "Check the date"},
    )
    task_state.refresh_from_db()
    assert task_state.status == "rejected"
    assert task_state.get_comment() == "Check the date"
    page.refresh_from_db()
    assert not page.live


def test_coordinator_publishes_directly_in_any_language(client, make_user):
    client.force_login(make_user("co", COORDINATORS))
    for code in ("en", "ar", "ko"):
        client.post(add_url(code), statement_form(slug=f"co-{code}", **{"action-publish": "1"}))
        assert StatementPage.objects.get(slug=f"co-{code}", locale__language_code=code).live


def test_translator_edits_own_locale_only(client, make_user):
    greek = make_statement("el", title="Ελληνικό κείμενο")
    polish = make_statement("pl", title="Polski tekst")
    client.force_login(make_user("tr-el", translator_group_name("el")))

    assert client.get(edit_url(greek)).status_code == 200
    response = client.post(edit_url(greek), statement_form(title="Διορθωμένο", slug=greek.slug))
    assert response.status_code == 302
    assert latest_title(greek) == "Διορθωμένο"

    assert client.get(edit_url(polish)).status_code in (302, 403)
    client.post(edit_url(polish), statement_form(title="Hacked", slug=polish.slug))
    assert latest_title(polish) == "Polski tekst"


def test_translator_cannot_publish_or_create(client, make_user):
    greek = make_statement("el", title="Προς δημοσίευση", publish=False)
    client.force_login(make_user("tr-el", translator_group_name("el")))
    client.post(
        edit_url(greek), statement_form(title="Νέο", slug=greek.slug, **{"action-publish": "1"})
    )
    greek.refresh_from_db()
    assert not greek.live
    count = StatementPage.objects.count()
    assert client.post(add_url("el"), statement_form(slug="new-by-translator")).status_code in (
        302,
        403,
    )
    assert StatementPage.objects.count() == count


def test_translator_submits_translation_for_approval(client, make_user):
    greek = make_statement("el", title="Μετάφραση", publish=False)
    client.force_login(make_user("tr-el", translator_group_name("el")))
    client.post(
        edit_url(greek),
        statement_form(title="Μετάφραση", slug=greek.slug, **{"action-submit": "1"}),
    )
    assert greek.current_workflow_state.status == "in_progress"


def test_translator_cannot_touch_categories_or_delete(client, make_user):
    page = make_statement("el")
    client.force_login(make_user("tr-el", translator_group_name("el")))
    assert client.get("/admin/snippets/statements/category/add/").status_code in (302, 403)
    client.post(f"/admin/pages/{page.pk}/delete/")
    assert Page.objects.filter(pk=page.pk).exists()


def test_anonymous_users_are_sent_to_login(client):
    response = client.get("/admin/translations/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
