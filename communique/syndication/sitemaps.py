"""A sitemap of every public page in every language, with hreflang alternates.

Wagtail's own sitemap lists only the default locale, so this one is ours: each entry names
its other-language versions (`xhtml:link rel="alternate" hreflang`) and an `x-default`.

Past COMMUNIQUE_SITEMAP_LIMIT URLs (10,000: with ten languages' alternates a part stays
well under the protocol's 50 MB), /sitemap.xml becomes an index of parts: the site's
structure (home pages, indexes, standard pages, category, country, month and organisation
listings), sliced (`/sitemap-<n>.xml`), then the statements by ranges of page ids, one range
per part, named by the range (`/sitemap-statements-<k>.xml`: ids from k × limit). A part
is built from its own rows only, so it costs the same on a large archive as on a small one,
and publishing a statement changes one part and the index, not the others (nor their
addresses: the static mirror rewrites only those).
"""

import functools
from collections import defaultdict
from dataclasses import dataclass, field
from operator import itemgetter
from xml.sax.saxutils import escape, quoteattr

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.encoding import iri_to_uri
from wagtail.models import Page, get_page_models

from communique.core.languages import language_order
from communique.core.main_pages import live_pages_of
from communique.core.models import Country
from communique.organisations.models import Organisation, OrganisationIndexPage
from communique.statements.models import (
    Category,
    ListedStatement,
    StatementIndexPage,
    StatementPage,
)

DEFAULT_LIMIT = 10_000


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


def page_entries(request, pages):
    """Entries for these pages (a queryset of Page); versions of a page share a
    translation_key, and the earliest is the original (the x-default)."""
    # Sorted here: ORDER BY path made SQLite walk the whole page tree in path order.
    rows = sorted(
        pages.order_by().values_list(
            "pk", "path", "slug", "translation_key", "locale__language_code", "last_published_at"
        ),
        key=itemgetter(1),
    )
    urls = page_urls(request, rows)
    entries, first_pk = [], {}  # [(pk, Entry)]
    for pk, _path, _slug, key, language, lastmod in rows:
        first_pk[key] = min(first_pk.get(key, pk), pk)
        if urls[pk]:
            entries.append((pk, Entry(("page", key), language, urls[pk], lastmod)))
    for pk, entry in entries:
        entry.is_original = first_pk[entry.group[1]] == pk
    return entries


def public_pages():
    """Every live, public, non-alias page but the tree's root."""
    return Page.objects.live().public().filter(alias_of__isnull=True, depth__gt=1)


# Each range of ids up to the highest listed asks the page index whether it holds a
# statement's own row: a seek per range, where a DISTINCT over every row's range read the
# whole index (8 ms on 100,000 statements, the sitemap index's growth). Fixed fragments;
# the values are bound parameters.
_RANGES = """
WITH RECURSIVE parts(part) AS (
    SELECT 0 UNION ALL SELECT part + 1 FROM parts
    WHERE part < (SELECT MAX(page_id) FROM {table} WHERE is_fallback = %s) / %s
)
SELECT part FROM parts WHERE EXISTS (
    SELECT 1 FROM {table} WHERE is_fallback = %s AND page_id >= part * %s
    AND page_id < (part + 1) * %s
) ORDER BY part
"""


def statement_ranges(width):
    """The ranges of `width` page ids that hold at least one public statement, in order."""
    sql = _RANGES.format(table=ListedStatement._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(sql, [False, width, False, width, width])
        parts = [part for (part,) in cursor.fetchall()]
    return [range(part * width, (part + 1) * width) for part in parts]


def page_urls(request, rows):
    """{pk: URL} for sitemap rows, without a get_url() per page.

    A page's URL is its parent's URL and its slug (Wagtail routes by url_path); only the
    home pages, and the parents of pages whose parent is not among the rows (unpublished
    pages, statement indexes when only statements are asked about), are asked for theirs.
    """
    step = Page.steplen
    paths = {path for _pk, path, *_rest in rows}
    outside = {path[:-step] for _pk, path, *_rest in rows
               if path[:-step] not in paths and len(path) > 2 * step}  # fmt: skip
    tops = [pk for pk, path, *_rest in rows if len(path) <= 2 * step]
    urls_by_path = {}
    for page in Page.objects.filter(Q(pk__in=tops) | Q(path__in=outside)).order_by("path"):
        urls_by_path[page.path] = page.get_url(request)
    urls = {}
    for pk, path, slug, *_rest in rows:
        if path not in urls_by_path:
            parent = urls_by_path[path[:-step]]
            urls_by_path[path] = parent and f"{parent}{iri_to_uri(slug)}/"
        urls[pk] = urls_by_path[path]
    return urls


def listing_entries(request):
    """Category, country, month and organisation listings of every locale."""
    entries = []
    # In pk order: a locale without its own version shows the original (see localized_map).
    listed = ListedStatement.objects.filter(page_id=OuterRef("statementpage_id"))
    used = Category.objects.filter(Exists(
        StatementPage.categories.through.objects.filter(category_id=OuterRef("pk"))
        .filter(Exists(listed))
    )).values("translation_key")  # fmt: skip
    categories = list(Category.objects.filter(translation_key__in=used)
                      .select_related("locale").order_by("pk"))  # fmt: skip
    countries = list(Country.objects.filter(Exists(
        StatementPage.countries.through.objects.filter(country_id=OuterRef("pk"))
        .filter(Exists(listed))
    )))  # fmt: skip
    for index in live_pages_of(StatementIndexPage).select_related("locale"):
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
    for directory in live_pages_of(OrganisationIndexPage).select_related("locale"):
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


def urls_of(request, entries, shown=None):
    """Urlset rows for `entries` (those in `shown`, if given), alternates linked over all."""
    absolute = functools.cache(request.build_absolute_uri)  # each path comes up many times
    link_alternates(entries, absolute)
    return [
        {"location": absolute(e.path), "lastmod": e.lastmod, "alternates": e.alternates}
        for e in (entries if shown is None else shown)
    ]


def structure_entries(request):
    """Entries for every public page but statements, and every listing (without their
    alternates and absolute addresses, which `urls_of` adds: the sitemap index only counts
    them)."""
    others = [model for model in get_page_models() if not issubclass(model, StatementPage)]
    types = ContentType.objects.get_for_models(*others).values()  # cached by Django
    # Picked by content type (its index, in a subquery) rather than with not_type(): SQLite
    # read every statement's row to find the few others.
    ids = Page.objects.filter(content_type__in=types).order_by().values("pk")
    pages = page_entries(request, public_pages().filter(pk__in=ids))
    return [entry for _pk, entry in pages] + listing_entries(request)


def statement_urls(request, ids=None):
    """Urlset rows for the public statements whose page id is in `ids` (a range; None:
    all), with every version of their translation groups as alternates."""
    return statement_part(request, ids)[0]


def statement_part(request, ids=None):
    """(statement_urls(request, ids), the page ids of every version those rows name)."""
    statements = public_pages().type(StatementPage)
    if ids is not None:
        keys = statements.filter(pk__gte=ids.start, pk__lt=ids.stop).values("translation_key")
        statements = statements.filter(translation_key__in=keys)
    entries = page_entries(request, statements)
    shown = None if ids is None else [entry for pk, entry in entries if pk in ids]
    return urls_of(request, [entry for _pk, entry in entries], shown), [pk for pk, _e in entries]


def more_statements_than(number):
    """Whether more than `number` statements (versions) are public: read up to the limit."""
    rows = ListedStatement.objects.filter(is_fallback=False).order_by()
    return rows[number : number + 1].exists()


def _day(moment):
    """The date a sitemap gives for `moment`, in the site's time zone (as Django's template)."""
    if timezone.is_aware(moment):
        moment = timezone.localtime(moment)
    return moment.date().isoformat()


def render_urlset(urls):
    """The <urlset> document for `urls` (rows of sitemap_urls), as UTF-8 bytes.

    Written directly rather than through Django's sitemap template: at ten alternates per
    URL, the template engine spent half a second on a 1,000-statement archive.
    """
    parts = ['<?xml version="1.0" encoding="UTF-8"?>\n<urlset '
             'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
             'xmlns:xhtml="http://www.w3.org/1999/xhtml">\n']  # fmt: skip
    links = {}  # alternates lists are shared by a group's members: render each once
    for url in urls:
        parts.append(f"<url><loc>{escape(url['location'])}</loc>")
        if url["lastmod"]:
            parts.append(f"<lastmod>{_day(url['lastmod'])}</lastmod>")
        alternates = url["alternates"]
        if alternates:
            key = id(alternates)
            if key not in links:
                links[key] = "".join(
                    f'<xhtml:link rel="alternate" hreflang={quoteattr(a["lang_code"])} '
                    f"href={quoteattr(a['location'])}/>"
                    for a in alternates
                )
            parts.append(links[key])
        parts.append("</url>\n")
    parts.append("</urlset>\n")
    return "".join(parts).encode()
