"""Publishing every language at one agreed moment."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Revision

from communique.editorial.roles import COORDINATORS, EDITORS
from communique.statements.models import StatementPage
from communique.statements.tests.factories import make_statement

pytestmark = pytest.mark.django_db


def local_input(moment):
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M")


def go_live_now(pages):
    """Stand in for the clock: move the agreed moment into the past."""
    past = timezone.now() - datetime.timedelta(minutes=1)
    scheduled = Revision.page_revisions.filter(object_id__in=[str(p.pk) for p in pages]).exclude(
        approved_go_live_at=None
    )
    for revision in scheduled:
        revision.approved_go_live_at = past
        revision.content["go_live_at"] = past.isoformat()
        revision.save(update_fields=["approved_go_live_at", "content"])
    StatementPage.objects.filter(pk__in=[p.pk for p in pages]).update(go_live_at=past)


def test_coordinator_schedules_original_and_translations_together(client, make_user):
    client.force_login(make_user("co", COORDINATORS))
    original = make_statement("en", publish=False)
    greek = make_statement("el", translation_of=original, publish=False)
    korean = make_statement("ko", translation_of=original, publish=False)
    moment = timezone.now() + datetime.timedelta(days=1)

    page = client.get(f"/admin/translations/schedule/{original.pk}/")
    assert page.status_code == 200
    assert greek.title in page.content.decode() and korean.title in page.content.decode()
    response = client.post(
        f"/admin/translations/schedule/{original.pk}/", {"go_live_at": local_input(moment)}
    )
    assert response.status_code == 302

    pages = [original, greek, korean]
    for version in pages:
        version = StatementPage.objects.get(pk=version.pk)
        assert not version.live
        revision = version.revisions.exclude(approved_go_live_at=None).get()
        assert abs(revision.approved_go_live_at - moment) < datetime.timedelta(minutes=1)

    go_live_now(pages)
    call_command("publish_scheduled", verbosity=0)
    assert all(StatementPage.objects.get(pk=p.pk).live for p in pages)


def test_out_of_date_translations_are_left_out(client, make_user):
    client.force_login(make_user("co", COORDINATORS))
    original = make_statement("en")
    stale = make_statement("pl", translation_of=original)
    latest = StatementPage.objects.get(pk=original.pk).get_latest_revision_as_object()
    latest.save_revision().publish()
    response = client.get(f"/admin/translations/schedule/{original.pk}/")
    assert stale.title not in response.content.decode()


def test_time_must_be_in_the_future(client, make_user):
    client.force_login(make_user("co", COORDINATORS))
    original = make_statement("en", publish=False)
    response = client.post(
        f"/admin/translations/schedule/{original.pk}/", {"go_live_at": "2000-01-01 10:00"}
    )
    assert response.status_code == 200
    assert "Choose a time in the future." in response.content.decode()
    assert not StatementPage.objects.get(pk=original.pk).live


def test_editors_cannot_schedule(client, make_user):
    client.force_login(make_user("ed", EDITORS))
    original = make_statement("en", publish=False)
    response = client.post(
        f"/admin/translations/schedule/{original.pk}/",
        {"go_live_at": local_input(timezone.now() + datetime.timedelta(days=1))},
    )
    assert response.status_code in (302, 403)
    assert (
        not StatementPage.objects.get(pk=original.pk)
        .revisions.exclude(approved_go_live_at=None)
        .exists()
    )


def test_go_live_and_expiry_from_the_editor(client, make_user):
    from .admin_forms import statement_form

    client.force_login(make_user("co", COORDINATORS))
    page = make_statement("en", publish=False)
    go_live = timezone.now() + datetime.timedelta(hours=2)
    expire = timezone.now() + datetime.timedelta(days=2)
    client.post(
        f"/admin/pages/{page.pk}/edit/",
        statement_form(title=page.title, slug=page.slug, go_live_at=local_input(go_live),
                       expire_at=local_input(expire), **{"action-publish": "1"}),
    )  # fmt: skip
    page = StatementPage.objects.get(pk=page.pk)
    assert not page.live and page.go_live_at is not None
    go_live_now([page])
    call_command("publish_scheduled", verbosity=0)
    page = StatementPage.objects.get(pk=page.pk)
    assert page.live and page.expire_at is not None
    StatementPage.objects.filter(pk=page.pk).update(expire_at=timezone.now())
    call_command("publish_scheduled", verbosity=0)
    page = StatementPage.objects.get(pk=page.pk)
    assert not page.live and page.expired
