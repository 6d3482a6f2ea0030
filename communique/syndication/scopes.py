"""The sets of statements a feed can follow: everything, a category, a country, an organisation.

Each scope resolves, for one locale, to a title, the listing page a reader would visit, and
its newest statements, read as the listings read them.
"""

import functools
from dataclasses import dataclass

from django.http import Http404
from django.utils.translation import gettext as _

from communique.core import structure
from communique.core.main_pages import first_live_page
from communique.organisations.models import OrganisationIndexPage, shown_with_slug
from communique.statements.listing import find_category, statement_index_for
from communique.statements.models import StatementIndexPage
from communique.statements.narrowed import category_scope, country_scope, organisation_scope
from communique.statements.pagination import newest_in_scope, newest_listed
from communique.statements.queries import category_pages, country_pages, organisation_pages

KINDS = ("statements", "category", "country", "organisation")


@dataclass
class Scope:
    kind: str
    value: str
    title: str
    listing_url: str
    key: str = "all"  # the listing's name in statements/narrowed.py (and windows.py)
    pages: object = None  # a function giving the narrower listing's ids (a subquery), if narrower

    @property
    def feed_path(self):
        return "statements" if self.kind == "statements" else f"{self.kind}/{self.value}"

    def newest(self, locale, count):
        """The scope's newest `count` statements in `locale`, newest first, each read off
        its own listing's index (a small organisation's too: see newest_in_scope)."""
        if self.pages is None:
            return newest_listed(locale, count)
        return newest_in_scope(locale, self.key, self.pages, count)


def resolve_scope(locale, kind, value=""):
    """Return the Scope for `kind`/`value` in `locale`; a scope that does not exist is a 404."""
    held = structure.current()
    index = held.main_page(locale, StatementIndexPage) or statement_index_for(locale)
    if index is None or kind not in KINDS:
        raise Http404("No such feed")
    if kind == "statements":
        return Scope(kind, "", _("Statements"), index.url)
    if kind == "category":
        category = find_category(value, locale)
        if category.slug != value:
            # Another language's address (or an old one another language still has): its
            # listing redirects, but a feed has one address per language, so that it is
            # not served again wherever a version's slug is (nor kept in the mirror).
            raise Http404("No such feed")
        return Scope(kind, category.slug, category.name,
                     index.url + index.reverse_subpage("category", args=[category.slug]),
                     category_scope(category),
                     functools.partial(category_pages, category))  # fmt: skip
    if kind == "country":
        country = held.country(value)
        if country is None or value != value.lower():
            raise Http404("No such country")
        return Scope(kind, country.slug, country.name,
                     index.url + index.reverse_subpage("country", args=[country.slug]),
                     country_scope(country), functools.partial(country_pages, country))  # fmt: skip
    organisation = next(iter(shown_with_slug(locale, value)), None)
    directory = held.main_page(locale, OrganisationIndexPage) or first_live_page(
        OrganisationIndexPage, locale
    )
    if organisation is None or directory is None:
        raise Http404("No such organisation")
    return Scope(kind, organisation.slug, organisation.name, f"{directory.url}{organisation.slug}/",
                 organisation_scope(organisation),
                 functools.partial(organisation_pages, organisation))  # fmt: skip
