"""The main pages of every language (home, statements, organisations), read once a request.

Every page shows the main navigation and links to the other languages' home pages;
statements, listings and search results link to their language's statement index. One
query fetches all of these pages for all languages and the request keeps the answer, instead
of a query for each use. They are plain `Page` objects (URL, title, locale): enough for
links. Code that needs the specific page (its routes, say) asks for it.
"""

from collections import defaultdict

from wagtail.models import Page

_ATTRIBUTE = "_communique_main_pages"


def _main_models():
    from communique.organisations.models import OrganisationIndexPage
    from communique.statements.models import StatementIndexPage

    from .models import HomePage

    return [HomePage, StatementIndexPage, OrganisationIndexPage]


def main_pages(request):
    """{locale id: {page model: its first live page of that model}} for the main models."""
    found = getattr(request, _ATTRIBUTE, None)
    if found is None:
        models = _main_models()
        found = defaultdict(dict)
        pages = (
            Page.objects.live().type(*models).select_related("locale", "content_type")
            .order_by("path")
        )  # fmt: skip
        for page in pages:
            found[page.locale_id].setdefault(page.content_type.model_class(), page)
        setattr(request, _ATTRIBUTE, found)
    return found


def main_page(request, locale, model):
    """The live page of `model` (one of the main models) in `locale`, or None."""
    return main_pages(request)[locale.pk].get(model)
