"""Links between a page and its other languages, and the site's main navigation."""

import re
from typing import NamedTuple

from django.utils.translation import gettext as _

from . import structure
from .languages import language_codes, language_name, text_direction
from .main_pages import VERSIONS, main_pages, page_url


class LanguageLink(NamedTuple):
    """A page's version in one language, as the head's alternates and the language menu
    show it (templating.language_entries). A named tuple, not a frozen dataclass: ten are
    made a page, and a tuple is made, hashed and compared in C."""

    code: str
    name: str
    url: str
    direction: str
    is_current: bool
    exists: bool


def route_suffix(page, request):
    """Return the part of the request path that a routable page handles itself (e.g. `2019/12/`)."""
    url = page_url(page, request) or ""
    if url and request.path.startswith(url):
        return request.path[len(url) :]
    return ""


_ARCHIVE_PAGE = re.compile(r"page/\d+/$")


def language_links(page, request, known_versions=None):
    """Link to this page in every language; a language it lacks gets that language's home page.

    An archive page of a listing (`…/page/3/`) links to the same listing's front page in
    the other languages, and names no alternate (hreflang): its page 3 holds other
    statements, or none (a category or organisation lists each language's own versions,
    which need not share their categories or signatories).

    `known_versions`: {language code: URL} of the page's published versions when the caller
    has them already (a statement page does), which saves looking them up again.
    """
    from .models import HomePage

    current = page.locale.language_code if page else None
    versions = {}
    suffix = ""
    if page is not None:
        suffix = route_suffix(page, request)
        if known_versions is None:
            known_versions = _live_versions(page, request)
        versions = {**known_versions, current: page_url(page, request)}
    homes = {
        pages[HomePage].locale.language_code: pages[HomePage]
        for pages in main_pages(request).values()
        if HomePage in pages
    }
    elsewhere = _ARCHIVE_PAGE.sub("", suffix)
    links = []
    for code in language_codes():
        target = versions.get(code)
        if target is not None:
            url = target + (suffix if code == current else elsewhere)
        elif code in homes:
            url = page_url(homes[code], request)
        else:
            continue
        exists = target is not None and (code == current or elsewhere == suffix)
        links.append(
            LanguageLink(code, language_name(code), url, text_direction(code), code == current,
                         exists=exists)
        )  # fmt: skip
    return links


def _live_versions(page, request):
    """{language code: URL} of the page's live versions, read once per request (or, in the
    static export, once per process: see main_pages.share)."""
    known = vars(request).setdefault(VERSIONS, {})
    if page.pk not in known:
        translations = structure.of(request).versions.get(page.translation_key)
        if translations is None:  # not a page the site's structure holds
            translations = page.get_translations(inclusive=True).live().select_related("locale")
        known[page.pk] = {version.locale.language_code: page_url(version, request)
                          for version in translations}  # fmt: skip
    return known[page.pk]


def main_navigation(locale, request):
    """Return [(label, url)] for the home page, statements and organisations of `locale`."""
    from communique.organisations.models import OrganisationIndexPage
    from communique.statements.models import StatementIndexPage

    from .models import HomePage

    wanted = [(HomePage, _("Home")), (StatementIndexPage, _("Statements")),
              (OrganisationIndexPage, _("Organisations"))]  # fmt: skip
    pages = main_pages(request).get(locale.pk, {})
    return [(label, page_url(pages[model], request)) for model, label in wanted if model in pages]
