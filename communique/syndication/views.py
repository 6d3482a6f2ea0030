from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse

from communique.core import changes, page_cache
from communique.statements.windows import STRUCTURE, note_shown

from .sitemaps import (
    more_statements_than,
    render_urlset,
    sitemap_limit,
    statement_part,
    statement_ranges,
    statement_urls,
    structure_entries,
    urls_of,
)


def robots_txt(request):
    page_cache.shows_no_statements(request)
    sitemap = request.build_absolute_uri(reverse("sitemap"))
    lines = ["User-agent: *", "Disallow: /admin/", "Allow: /", f"Sitemap: {sitemap}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


def _xml(request, template, context):
    return TemplateResponse(request, template, context, content_type="application/xml")


def sitemap(request):
    """The sitemap itself, or an index of parts once it outgrows one file."""
    limit, structure = sitemap_limit(), structure_entries(request)
    if fits_one_file(structure, limit):
        return _urlset(urls_of(request, structure) + statement_urls(request))
    parts = [reverse("sitemap_part", args=[n]) for n in range(1, -(-len(structure) // limit) + 1)]
    parts += [reverse("statement_sitemap", args=[ids.start // limit])
              for ids in statement_ranges(limit)]  # fmt: skip
    latest = changes.last_change()
    return _xml(request, "sitemap_index.xml", {"sitemaps": [
        {"location": request.build_absolute_uri(part), "last_mod": latest} for part in parts
    ]})  # fmt: skip


def sitemap_part(request, number):
    """Slice `number` of the site's structure, in a sitemap index (see sitemaps.py)."""
    limit, structure = sitemap_limit(), structure_entries(request)
    if number < 1 or fits_one_file(structure, limit) or (number - 1) * limit >= len(structure):
        raise Http404("No such sitemap part")
    # It shows no statement: only a month, category or country that got its first or lost
    # its last, and changes of categories, organisations and the site, touch it (the mirror).
    note_shown(request, STRUCTURE, number, [])
    return _urlset(urls_of(request, structure, structure[(number - 1) * limit : number * limit]))


def statement_sitemap(request, number):
    """The statements whose page ids are in range `number` (from number × limit), in a
    sitemap index (see sitemaps.py)."""
    limit = sitemap_limit()
    # More statements than one file holds: an index, whatever the structure (which takes
    # longer to build than a part of statements on 100,000 of them).
    if not more_statements_than(limit) and fits_one_file(structure_entries(request), limit):
        raise Http404("No such sitemap part")
    urls, page_ids = statement_part(request, range(number * limit, (number + 1) * limit))
    if not urls:
        raise Http404("No such sitemap part")
    note_shown(request, "sitemap", number, page_ids)
    return _urlset(urls)


def fits_one_file(structure, limit):
    """Whether the whole sitemap has at most `limit` URLs (statements counted up to it)."""
    return len(structure) <= limit and not more_statements_than(limit - len(structure))


def _urlset(urls):
    return HttpResponse(render_urlset(urls), content_type="application/xml")
