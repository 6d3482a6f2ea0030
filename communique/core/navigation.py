"""Links between a page and its other languages, and the site's main navigation."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from .languages import language_codes, language_name, text_direction
from .main_pages import main_pages, page_url


@dataclass
class LanguageLink:
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


def language_links(page, request):
    """Link to this page in every language; a language it lacks gets that language's home page."""
    from .models import HomePage

    current = page.locale.language_code if page else None
    versions = {}
    suffix = ""
    if page is not None:
        suffix = route_suffix(page, request)
        for version in page.get_translations(inclusive=True).live().select_related("locale"):
            versions[version.locale.language_code] = version
    homes = {
        pages[HomePage].locale.language_code: pages[HomePage]
        for pages in main_pages(request).values()
        if HomePage in pages
    }
    links = []
    for code in language_codes():
        target = versions.get(code)
        if target is not None:
            url = page_url(target, request) + suffix
        elif code in homes:
            url = page_url(homes[code], request)
        else:
            continue
        links.append(
            LanguageLink(code, language_name(code), url, text_direction(code), code == current,
                         exists=target is not None)
        )  # fmt: skip
    return links


def main_navigation(locale, request):
    """Return [(label, url)] for the home page, statements and organisations of `locale`."""
    from communique.organisations.models import OrganisationIndexPage
    from communique.statements.models import StatementIndexPage

    from .models import HomePage

    wanted = [(HomePage, _("Home")), (StatementIndexPage, _("Statements")),
              (OrganisationIndexPage, _("Organisations"))]  # fmt: skip
    pages = main_pages(request)[locale.pk]
    return [(label, page_url(pages[model], request)) for model, label in wanted if model in pages]
