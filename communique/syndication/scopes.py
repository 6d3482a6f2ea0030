"""The sets of statements a feed can follow: everything, a category, a country, an organisation.

Each scope resolves, for one locale, to a title, the listing page a reader would visit, and
the queryset every machine-readable view (feeds, API) shares with the listings.
"""

from dataclasses import dataclass

from django.http import Http404
from django.utils.translation import gettext as _

from communique.core.main_pages import first_live_page
from communique.core.models import Country
from communique.organisations.models import OrganisationIndexPage, organisations_for_locale
from communique.statements.listing import find_category, statement_index_for
from communique.statements.models import StatementPage

KINDS = ("statements", "category", "country", "organisation")


@dataclass
class Scope:
    kind: str
    value: str
    title: str
    listing_url: str
    statements: object
    key: str = "all"  # the listing's name in statements/windows.py

    @property
    def feed_path(self):
        return "statements" if self.kind == "statements" else f"{self.kind}/{self.value}"


def published_in(locale):
    return StatementPage.objects.listed_in(locale)


def resolve_scope(locale, kind, value=""):
    """Return the Scope for `kind`/`value` in `locale`; a scope that does not exist is a 404."""
    index = statement_index_for(locale)
    if index is None or kind not in KINDS:
        raise Http404("No such feed")
    statements = published_in(locale)
    if kind == "statements":
        return Scope(kind, "", _("Statements"), index.url, statements)
    if kind == "category":
        category = find_category(value, locale)
        return Scope(kind, category.slug, category.name,
                     index.url + index.reverse_subpage("category", args=[category.slug]),
                     statements.in_category(category),
                     f"category:{category.translation_key}")  # fmt: skip
    if kind == "country":
        country = Country.objects.filter(code=value.upper()).first()
        if country is None or value != value.lower():
            raise Http404("No such country")
        return Scope(kind, country.slug, country.name,
                     index.url + index.reverse_subpage("country", args=[country.slug]),
                     statements.in_country(country), f"country:{value}")  # fmt: skip
    organisation = organisations_for_locale(locale).filter(slug=value).first()
    directory = first_live_page(OrganisationIndexPage, locale)
    if organisation is None or directory is None:
        raise Http404("No such organisation")
    return Scope(kind, organisation.slug, organisation.name, f"{directory.url}{organisation.slug}/",
                 statements.signed_by(organisation),
                 f"organisation:{organisation.translation_key}")  # fmt: skip
