"""Pages of a listing, addressed by path (`…/page/2/`) so a static mirror can serve them too."""

import re

from django.conf import settings
from django.core.paginator import InvalidPage, Paginator
from django.http import Http404, HttpResponsePermanentRedirect

_PAGE_SUFFIX = re.compile(r"page/\d+/$")


def paginate(request, queryset, number=None, per_page=None, paginator_class=None):
    """Return page `number` (from the URL) of `queryset`; a page that does not exist is a 404."""
    paginator = (paginator_class or Paginator)(
        queryset, per_page or settings.COMMUNIQUE_LISTING_PAGE_SIZE
    )
    try:
        return paginator.page(1 if number is None else number)
    except InvalidPage as error:
        raise Http404(str(error)) from error


def listing_url(request):
    """The address of the listing's first page, whichever of its pages is being read."""
    return _PAGE_SUFFIX.sub("", request.path)


def page_url(base_url, number):
    return base_url if number == 1 else f"{base_url}page/{number}/"


def redirect_to_path_form(request, number):
    """`?page=N` (the old form) and `page/1/` answer with a 301 to the one address of that page.

    Returns None when the request already uses it.
    """
    legacy = request.GET.get("page")
    if legacy is not None:
        if not legacy.isdigit() or int(legacy) < 1:
            raise Http404("No such page")
        return HttpResponsePermanentRedirect(page_url(listing_url(request), int(legacy)))
    if number is not None and int(number) == 1:
        return HttpResponsePermanentRedirect(listing_url(request))
    return None
