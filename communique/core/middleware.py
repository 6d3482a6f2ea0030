import re

from django.conf import settings
from django.http import Http404
from django.middleware.locale import LocaleMiddleware
from wagtail import views as wagtail_views

from . import structure

_LANGUAGE_LIKE = re.compile(r"^/([a-z]{2,3}(?:[-_][a-zA-Z0-9]{2,8})?)(/|$)")


class CommuniqueLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, except that an unknown language prefix is a plain 404.

    Django would redirect `/zz/` to `/en/zz/`, which hides the mistake from the reader.
    """

    def process_response(self, request, response):
        match = _LANGUAGE_LIKE.match(request.path_info)
        known = {code for code, _name in settings.LANGUAGES}
        if response.status_code == 404 and match and match.group(1) not in known:
            return response
        return super().process_response(request, response)


class StructureMiddleware:
    """Find each request's site, and route Wagtail's pages, from the site's structure that
    the process holds (core/structure.py), instead of reading it on every request.

    The route is Wagtail's `Page.route_for_request` with the home page taken from the
    structure (its `site.root_page.localized.specific`); Wagtail's serve view finds it on
    the request and does the rest (view restrictions, hooks, the page's own `serve`).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request._wagtail_site = structure.of(request).site_for(request)
        with structure.serving(request):
            return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is not wagtail_views.serve or request._wagtail_site is None:
            return None
        home = structure.of(request).home_for(request._wagtail_site.root_page)
        if home is None:  # a root page the structure does not hold: Wagtail routes it
            return None
        path = view_kwargs.get("path", view_args[0] if view_args else "")
        try:
            route = home.route(request, [component for component in path.split("/") if component])
        except Http404:
            route = None
        request._wagtail_route_for_request = route
        return None
