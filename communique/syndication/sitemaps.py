"""A sitemap of every public page in every language, with hreflang alternates.

Wagtail's own sitemap lists only the default locale, so this one is ours: each entry names
its other-language versions (`xhtml:link rel="alternate" hreflang`) and an `x-default`.
Past the protocol's limit of 50,000 URLs, /sitemap.xml becomes an index of numbered parts.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from wagtail.models import Page

from communique.core.languages import language_order
from communique.core.models import Country
from communique.organisations.models import Organisation, OrganisationIndexPage
from communique.statements.models import Category, StatementIndexPage, StatementPage

DEFAULT_LIMIT = 50_000


def sitemap_limit():
    return getattr(settings, "COMMUNIQUE_SITEMAP_LIMIT", DEFAULT_LIMIT)


@dataclass
class Entry:
    group: object
    language: str
    path: str
    lastmod: object = None
    is_original: bool = False
    alternates: list = field(default_factory=list)


def page_entries(request):
    """Every live, public, non-alias page; versions of one page share a translation_key."""
    pages = (
        Page.objects.live().public().filter(alias_of__isnull=True, depth__gt=1)
        .select_related("locale").order_by("path")
    )  # fmt: skip
    entries, first_pk = [], {}
    for page in pages:
        first_pk.setdefault(page.translation_key, page.pk)
        first_pk[page.translation_key] = min(first_pk[page.translation_key], page.pk)
        url = page.get_url(request)
        if url:
            entries.append((page, Entry(("page", page.translation_key), page.locale.language_code,
                                        url, page.last_published_at)))  # fmt: skip
    for page, entry in entries:
        entry.is_original = first_pk[page.translation_key] == page.pk
    return [entry for _page, entry in entries]


def listing_entries(request):
    """Category, country, month and organisation listings of every locale."""
    entries = []
    # In pk order: a locale without its own version shows the original (see localized_map).
    published = StatementPage.objects.published()
    used = Category.objects.filter(statements__in=published).values("translation_key")
    categories = list(Category.objects.filter(translation_key__in=used)
                      .select_related("locale").order_by("pk"))  # fmt: skip
    countries = list(Country.objects.filter(statements__in=published).distinct())
    for index in StatementIndexPage.objects.live().select_related("locale"):
        language, base = index.locale.language_code, index.get_url(request)
        chosen = {}
        for category in categories:
            if category.locale_id == index.locale_id or category.translation_key not in chosen:
                chosen[category.translation_key] = category
        for key, category in chosen.items():
            entries.append(Entry(("category", key), language, f"{base}category/{category.slug}/"))
        for country in countries:
            entries.append(Entry(("country", country.code), language,
                                 f"{base}country/{country.slug}/"))  # fmt: skip
        for month, _total in index.month_counts():
            entries.append(Entry(("month", month), language, f"{base}{month:%Y/%m}/"))
    organisations = list(Organisation.objects.select_related("locale").order_by("pk"))
    for directory in OrganisationIndexPage.objects.live().select_related("locale"):
        language, base = directory.locale.language_code, directory.get_url(request)
        chosen = {}
        for organisation in organisations:
            key = organisation.translation_key
            if organisation.locale_id == directory.locale_id or key not in chosen:
                chosen[key] = organisation
        for key, organisation in chosen.items():
            entries.append(Entry(("organisation", key), language, f"{base}{organisation.slug}/"))
    for entry in entries:
        entry.is_original = entry.language == settings.LANGUAGE_CODE
    return entries


def link_alternates(entries, absolute):
    """Give each entry the hreflang alternates of its group, plus x-default (the original)."""
    groups = defaultdict(list)
    for entry in entries:
        groups[entry.group].append(entry)
    for members in groups.values():
        members.sort(key=lambda member: language_order(member.language))
        if len(members) < 2:
            continue
        default = next((m for m in members if m.is_original), members[0])
        alternates = [{"lang_code": m.language, "location": absolute(m.path)} for m in members]
        alternates.append({"lang_code": "x-default", "location": absolute(default.path)})
        for member in members:
            member.alternates = alternates


def sitemap_urls(request):
    """Return the urlset rows for Django's sitemap template, in a stable order."""
    entries = page_entries(request) + listing_entries(request)
    link_alternates(entries, request.build_absolute_uri)
    return [
        {"location": request.build_absolute_uri(e.path), "lastmod": e.lastmod,
         "alternates": e.alternates}
        for e in entries
    ]  # fmt: skip


def latest_statement_change():
    return (
        StatementPage.objects.published()
        .order_by("-last_published_at")
        .values_list("last_published_at", flat=True)
        .first()
    )
