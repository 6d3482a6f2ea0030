"""Schedule a statement and its finished translations to go live at the same moment."""

from django.core.exceptions import PermissionDenied
from django.db import transaction

from communique.statements.models import StatementPage

from .translation_status import State, build_rows

READY_STATES = {State.ORIGINAL, State.UP_TO_DATE, State.IN_PROGRESS}


def schedulable_versions(original, locales):
    """Return [(page, state)] of versions that can go out together: none out of date or missing.

    A version in progress counts only when its strings are all translated (wagtail-localize)
    or, for a version made by hand, when it has a saved draft.
    """
    row = build_rows([original], locales)[0]
    versions = []
    for _locale, cell in row.cells_for(locales):
        if cell.page is None or cell.state not in READY_STATES:
            continue
        if cell.state == State.IN_PROGRESS and cell.translation is not None:
            total, done = cell.translation.get_progress()
            if done < total:
                continue
        versions.append((cell.page, cell.state))
    return versions


def schedule_versions(pages, go_live_at, user):
    """Schedule the latest revision of every page for `go_live_at`, all or nothing."""
    for page in pages:
        if not page.permissions_for_user(user).can_publish():
            raise PermissionDenied
    scheduled = []
    with transaction.atomic():
        for page in pages:
            latest = StatementPage.objects.get(pk=page.pk).get_latest_revision_as_object()
            latest.go_live_at = go_live_at
            revision = latest.save_revision(user=user, log_action=True)
            revision.publish(user=user)
            scheduled.append(latest)
    return scheduled
