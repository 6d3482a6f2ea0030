"""The editorial roles as Django groups, with permissions that Wagtail enforces on the server.

- Coordinators: edit and publish anything, in every language; approve or reject submissions.
- Editors: write statements in any language and submit them for approval; cannot publish.
- Translators (xx): edit pages of locale xx only and submit them; cannot publish or create.
"""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from communique.core.models import Country, HomePage
from communique.organisations.models import Organisation
from communique.statements.models import Category

COORDINATORS = "Coordinators"
EDITORS = "Editors"
TRANSLATORS = "Translators ({code})"
WORKFLOW_NAME = "Coordinator approval"

PAGE_PERMISSIONS = {
    COORDINATORS: ["add", "change", "publish", "bulk_delete", "lock", "unlock"],
    EDITORS: ["add", "change", "lock"],
}
TRANSLATOR_PAGE_PERMISSIONS = ["change"]
SNIPPET_MODELS = [Category, Organisation, Country]


def translator_group_name(language_code):
    return TRANSLATORS.format(code=language_code)


def _permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _model_permissions(model, actions):
    content_type = ContentType.objects.get_for_model(model)
    return Permission.objects.filter(
        content_type=content_type,
        codename__in=[f"{action}_{content_type.model}" for action in actions],
    )


def _grant_pages(group, page, actions):
    for action in actions:
        GroupPagePermission.objects.get_or_create(
            group=group, page=page, permission=_permission("wagtailcore", f"{action}_page")
        )


def _grant_collection(group, actions):
    root = Collection.get_first_root_node()
    for action in actions:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=root, permission=_permission("wagtailimages", f"{action}_image")
        )


def _group(name, extra_permissions=()):
    group, _created = Group.objects.get_or_create(name=name)
    group.permissions.add(_permission("wagtailadmin", "access_admin"), *extra_permissions)
    return group


def ensure_coordinators():
    snippets = [p for model in SNIPPET_MODELS for p in _model_permissions(
        model, ["add", "change", "delete"])]  # fmt: skip
    group = _group(COORDINATORS, [*snippets, _permission("wagtail_localize", "submit_translation")])
    _grant_pages(group, Page.get_first_root_node(), PAGE_PERMISSIONS[COORDINATORS])
    _grant_collection(group, ["add", "change", "choose"])
    return group


def ensure_editors():
    snippets = [p for model in (Category, Organisation) for p in _model_permissions(
        model, ["add", "change"])]  # fmt: skip
    group = _group(EDITORS, [*snippets, _permission("wagtail_localize", "submit_translation")])
    _grant_pages(group, Page.get_first_root_node(), PAGE_PERMISSIONS[EDITORS])
    _grant_collection(group, ["add", "choose"])
    return group


def ensure_translators(locale):
    """Translators of one locale may edit pages under that locale's home page, nothing else."""
    group = _group(translator_group_name(locale.language_code))
    home = HomePage.objects.filter(locale=locale).first()
    if home is not None:
        _grant_pages(group, home, TRANSLATOR_PAGE_PERMISSIONS)
    _grant_collection(group, ["choose"])
    return group


def ensure_workflow(coordinators):
    """Every page goes through one task: a coordinator approves (publishes) or rejects it."""
    task, _created = GroupApprovalTask.objects.get_or_create(name=WORKFLOW_NAME)
    task.groups.set([coordinators])
    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(
        page=Page.get_first_root_node(), defaults={"workflow": workflow}
    )
    Workflow.objects.exclude(pk=workflow.pk).update(active=False)
    return workflow


def ensure_roles():
    coordinators = ensure_coordinators()
    editors = ensure_editors()
    translators = [ensure_translators(locale) for locale in Locale.objects.all()]
    ensure_workflow(coordinators)
    remove_unused_wagtail_moderators()
    return [coordinators, editors, *translators]


def remove_unused_wagtail_moderators():
    """Wagtail's starter "Moderators" group is replaced by Coordinators; drop it while unused."""
    Group.objects.filter(name="Moderators", user__isnull=True).delete()
