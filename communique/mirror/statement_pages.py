"""Statement pages rendered in bulk for the static export.

Through the test client a statement page costs Wagtail's routing (the site, the locale and
a query per level of the page tree), a dozen queries for what it shows, and the middleware.
The export knows its pages already: it reads a chunk of them with their categories and
countries, works out what they show with a few queries for the whole chunk
(`listing.many_statement_details`), and serves each with its own `serve()` on a request
like the one the live site gets, so that the bytes are the live page's (a test compares
them for every demo statement in every language).

Only public, live statements are rendered here: the listing table holds exactly those, as
the rows of their own locale.
"""

from collections import defaultdict

from django.utils import translation

from communique.core import main_pages, page_cache, structure
from communique.statements.listing import many_statement_details
from communique.statements.models import ListedStatement, StatementPage

from .requests import ExportRequests

CHUNK = 100


def public_statements_by_language():
    """{language code: ids of its public, live statement pages, in id order}."""
    locales = structure.current().locales_by_id
    rows = ListedStatement.objects.filter(is_fallback=False).order_by("page_id")
    by_language = defaultdict(list)
    for page_id, locale_id in rows.values_list("page_id", "locale_id"):
        by_language[locales[locale_id].language_code].append(page_id)
    return dict(by_language)


def chunks(ids, size=CHUNK):
    return [ids[start : start + size] for start in range(0, len(ids), size)]


class StatementPages:
    def __init__(self, host="localhost", https=False, requests=None):
        self.requests = requests or ExportRequests(host, https)

    def render(self, ids):
        """Yield (path, content, cache tags) of each statement page among `ids`."""
        base = self.requests.base()
        with structure.serving(base):  # one structure for all (the exporter pins it too)
            yield from self._render(ids, base)

    def _render(self, ids, base):
        pages = list(
            StatementPage.objects.filter(pk__in=ids, live=True)
            .select_related("locale", "lead_image")
            .prefetch_related("countries")
            .order_by("pk")
        )  # fmt: skip
        requests = {page.pk: self.requests.for_path(main_pages.page_url(page, base),
                                                    page.locale.language_code)
                    for page in pages}  # fmt: skip
        by_language = defaultdict(list)
        for page in pages:
            by_language[page.locale.language_code].append(page)
        for language_code, group in by_language.items():
            # What a page shows is worked out in its language, as the live site does
            # (country names, and their order, are the language's).
            with translation.override(language_code):
                details = many_statement_details(group, lambda page: requests[page.pk])
                for page in group:
                    request = requests[page.pk]
                    response = page.serve(request, details=details[page.pk])
                    response.render()
                    yield request.path, response.content, page_cache.tags_of(request)
