from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.models import Locale

from communique.core.languages import language_order
from communique.statements.models import StatementPage

from .forms import DashboardFilterForm, ScheduleAllForm
from .roles import TRANSLATORS
from .scheduling import schedulable_versions, schedule_versions
from .translation_status import State, build_rows

ROWS_PER_PAGE = 25


def ordered_locales():
    return sorted(Locale.objects.all(), key=lambda locale: language_order(locale.language_code))


def default_locale_for(user):
    """A translator of exactly one language starts with that language's column."""
    prefix = TRANSLATORS.split("(")[0]
    names = [n for n in user.groups.values_list("name", flat=True) if n.startswith(prefix)]
    return names[0][len(prefix) + 1 : -1] if len(names) == 1 else ""


def filtered_rows(locales, locale_code, state):
    originals = StatementPage.objects.originals().select_related("locale").order_by("-date", "-pk")
    if not locale_code:
        return originals, None
    locale = next(locale for locale in locales if locale.language_code == locale_code)
    in_locale = StatementPage.objects.filter(locale=locale, alias_of__isnull=True)
    if state == State.MISSING:
        return originals.exclude(translation_key__in=in_locale.values("translation_key")), None
    if state:
        candidates = originals.filter(translation_key__in=in_locale.values("translation_key"))
        rows = [row for row in build_rows(candidates, [locale])
                if row.cells[locale_code].state == state]  # fmt: skip
        return None, rows
    return originals, None


def translation_dashboard(request):
    locales = ordered_locales()
    data = request.GET.copy()
    data.setdefault("locale", default_locale_for(request.user))
    form = DashboardFilterForm(data)
    locale_code = state = ""
    if form.is_valid():
        locale_code, state = form.cleaned_data["locale"], form.cleaned_data["state"]
    shown = [loc for loc in locales if loc.language_code == locale_code] or locales
    originals, rows = filtered_rows(locales, locale_code, state)
    page_obj = Paginator(originals if rows is None else rows, ROWS_PER_PAGE).get_page(
        request.GET.get("p")
    )
    rows = list(page_obj.object_list) if rows is not None else build_rows(page_obj, locales)
    return TemplateResponse(
        request,
        "editorial/translation_dashboard.html",
        {
            "form": form,
            "locales": shown,
            "rows": [(row, row.cells_for(shown)) for row in rows],
            "page_obj": page_obj,
            "can_submit": request.user.has_perm("wagtail_localize.submit_translation"),
            "states": [s for s in State],
        },
    )


def schedule_all_languages(request, page_id):
    original = get_object_or_404(StatementPage, pk=page_id)
    if not original.permissions_for_user(request.user).can_publish():
        raise PermissionDenied
    if StatementPage.objects.originals().filter(pk=original.pk).count() != 1:
        raise Http404
    versions = schedulable_versions(original, ordered_locales())
    form = ScheduleAllForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        pages = [page for page, _state in versions]
        schedule_versions(pages, form.cleaned_data["go_live_at"], request.user)
        messages.success(
            request,
            _("%(count)d language versions scheduled to go live together.") % {"count": len(pages)},
        )
        return redirect(reverse("communique_translations"))
    return TemplateResponse(
        request,
        "editorial/schedule_all.html",
        {"original": original, "versions": versions, "form": form},
    )
