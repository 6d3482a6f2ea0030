from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse

from communique.core import changes

from .sitemaps import (
    more_statements_than,
    render_urlset,
    sitemap_limit,
    statement_ranges,
    statement_urls,
    structure_urls,
)


def robots_txt(request):
    sitemap = request.build_absolute_uri(reverse("sitemap"))
    lines = ["User-agent: *", "Disallow: /admin/", "Allow: /", f"Sitemap: {sitemap}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


def _xml(request, template, context):
    return TemplateResponse(request, template, context, content_type="application/xml")


def sitemap(request):
    """The sitemap itself, or an index of numbered parts once it outgrows one file."""
    limit, structure = sitemap_limit(), structure_urls(request)
    if fits_one_file(structure, limit):
        return _urlset(structure + statement_urls(request))
    parts = -(-len(structure) // limit) + len(statement_ranges(limit))
    latest = changes.last_change()
    return _xml(request, "sitemap_index.xml", {"sitemaps": [
        {"location": request.build_absolute_uri(reverse("sitemap_part", args=[n])),
         "last_mod": latest} for n in range(1, parts + 1)
    ]})  # fmt: skip


def sitemap_part(request, number):
    """Part `number` of a sitemap index: slices of the site's structure, then one range of
    statement ids each (see sitemaps.py)."""
    limit, structure = sitemap_limit(), structure_urls(request)
    if number < 1 or fits_one_file(structure, limit):
        raise Http404("No such sitemap part")
    structure_parts = -(-len(structure) // limit)
    if number <= structure_parts:
        return _urlset(structure[(number - 1) * limit : number * limit])
    ranges = statement_ranges(limit)
    if number - structure_parts > len(ranges):
        raise Http404("No such sitemap part")
    return _urlset(statement_urls(request, ranges[number - structure_parts - 1]))


def fits_one_file(structure, limit):
    """Whether the whole sitemap has at most `limit` URLs (statements counted up to it)."""
    return len(structure) <= limit and not more_statements_than(limit - len(structure))


def _urlset(urls):
    return HttpResponse(render_urlset(urls), content_type="application/xml")
