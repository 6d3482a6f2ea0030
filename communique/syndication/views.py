from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse

from .sitemaps import latest_statement_change, render_urlset, sitemap_limit, sitemap_urls


def robots_txt(request):
    sitemap = request.build_absolute_uri(reverse("sitemap"))
    lines = ["User-agent: *", "Disallow: /admin/", "Allow: /", f"Sitemap: {sitemap}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


def _xml(request, template, context):
    return TemplateResponse(request, template, context, content_type="application/xml")


def sitemap(request):
    """The sitemap itself, or an index of numbered parts once it outgrows one file."""
    urls = sitemap_urls(request)
    limit = sitemap_limit()
    if len(urls) <= limit:
        return HttpResponse(render_urlset(urls), content_type="application/xml")
    parts = range(1, -(-len(urls) // limit) + 1)
    latest = latest_statement_change()
    return _xml(request, "sitemap_index.xml", {"sitemaps": [
        {"location": request.build_absolute_uri(reverse("sitemap_part", args=[n])),
         "last_mod": latest} for n in parts
    ]})  # fmt: skip


def sitemap_part(request, number):
    urls = sitemap_urls(request)
    limit = sitemap_limit()
    chunk = urls[(number - 1) * limit : number * limit]
    if number < 1 or not chunk or len(urls) <= limit:
        raise Http404("No such sitemap part")
    return HttpResponse(render_urlset(chunk), content_type="application/xml")
