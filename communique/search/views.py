"""The reader's search page: /<language>/search/?q=…, with filters."""

import regex
from django import forms
from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.translation import get_language, get_language_bidi, gettext, ngettext
from django.utils.translation import gettext_lazy as _

from communique.core import page_cache, structure
from communique.core.models import Country
from communique.organisations.models import Organisation
from communique.statements.listing import build_items, find_category, statement_index_link
from communique.statements.models import StatementPage

from . import engine
from .filters import category_term, country_term, organisation_term, year_term
from .snippets import snippet

MAX_QUERY_LENGTH = 200
SYNTAX = regex.compile(r"[^\w\s]+")


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False)
    # Rendered by the template (a widget's template took a tenth of the page's time).
    language = forms.ChoiceField(label=_("Language"), required=False)
    category = forms.CharField(required=False)
    country = forms.CharField(required=False)
    organisation = forms.CharField(required=False)
    year = forms.IntegerField(label=_("Year"), required=False, min_value=1, max_value=9999)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [("", _("Any language")), *settings.LANGUAGES]


def clean_query(raw):
    """Words only: search syntax characters are the engine's business, not the reader's."""
    return " ".join(SYNTAX.sub(" ", (raw or "")[: MAX_QUERY_LENGTH * 2]).split())[:MAX_QUERY_LENGTH]


def filters_of(data, locale):
    """The filter terms (filters.py) of the reader's category, country, organisation and
    year; None when a filter names nothing that exists (nothing can pass it)."""
    terms = []
    if data.get("category"):
        try:
            terms.append(category_term(find_category(data["category"], locale).translation_key))
        except Http404:
            return None
    if data.get("country"):
        country = Country.objects.filter(code=data["country"].upper()[:2]).first()
        if country is None:
            return None
        terms.append(country_term(country.code))
    if data.get("organisation"):
        organisation = Organisation.objects.filter(slug=data["organisation"]).first()
        if organisation is None:
            return None
        terms.append(organisation_term(organisation.translation_key))
    if data.get("year"):
        terms.append(year_term(data["year"]))
    return terms


def ranked_results(query, locale, data):
    """Statement ids found, the reader's language first (the engine's order within), and
    whether there were more than the engine returns."""
    languages = [data["language"]] if data.get("language") else [code for code, _n in
                                                                   settings.LANGUAGES]  # fmt: skip
    filters = filters_of(data, locale)
    if filters is None:
        return [], False
    found = engine.search(query, None, languages, limit=engine.RESULTS + 1, filters=filters)
    more = len(found) > engine.RESULTS
    if more:  # one more than the newest RESULTS was asked for, to know: the oldest goes
        oldest = min(pk for pk, _language in found)
        found = [row for row in found if row[0] != oldest]
    readers_first = sorted(found, key=lambda row: row[1] != locale.language_code)
    return [pk for pk, _language in readers_first], more


def found_message(total, more):
    if more:
        return ngettext(
            "The newest %(counter)s statement found. A year, a language or a category finds "
            "older ones.",
            "The newest %(counter)s statements found. A year, a language or a category finds "
            "older ones.",
            total,
        ) % {"counter": total}
    return ngettext("%(counter)s statement found", "%(counter)s statements found", total) % {
        "counter": total
    }


def static_search(request):
    """The search page of the static mirror (see communique/mirror/): Pagefind in the browser."""
    page_cache.shows_no_statements(request)
    options = {
        "bundlePath": f"/pagefind/{get_language()}/",  # its bundles: see mirror/search_index
        "showImages": False,
        "showSubResults": False,
        "resetStyles": False,
        "translations": {
            "placeholder": gettext("Words to find"),
            "clear_search": gettext("Clear"),
            "load_more": gettext("More results"),
            "search_label": gettext("Search statements"),
            "zero_results": gettext("No statement matches [SEARCH_TERM]."),
            "many_results": gettext("[COUNT] statements match [SEARCH_TERM]."),
            "one_result": gettext("[COUNT] statement matches [SEARCH_TERM]."),
            "searching": gettext("Searching for [SEARCH_TERM]…"),
            "direction": "rtl" if get_language_bidi() else "ltr",
        },
    }
    return TemplateResponse(request, "search/static_search.html", {"pagefind_options": options})


def search(request):
    if settings.COMMUNIQUE_STATIC_MIRROR:
        return static_search(request)
    locale = structure.active_locale()
    form = SearchForm(request.GET)
    data = form.cleaned_data if form.is_valid() else {}
    query = clean_query(request.GET.get("q", ""))
    results, more = [], False
    if query:
        results, more = ranked_results(query, locale, data)
    page_obj = Paginator(results, settings.COMMUNIQUE_LISTING_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    shown = StatementPage.objects.published().filter(pk__in=page_obj.object_list)
    items = build_items(shown, locale, request) if page_obj.object_list else []
    order = {pk: position for position, pk in enumerate(page_obj.object_list)}
    items.sort(key=lambda item: order[item.page.pk])
    for item in items:
        item.snippet = snippet(item.page, query)
    params = request.GET.copy()
    params.pop("page", None)
    return TemplateResponse(request, "search/search.html", {
        "form": form, "query": query, "items": items, "page_obj": page_obj,
        "found": found_message(len(results), more),
        "statement_index": statement_index_link(locale, request),
        "query_string": params.urlencode(),
    })  # fmt: skip
