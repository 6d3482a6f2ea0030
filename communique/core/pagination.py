from django.conf import settings
from django.core.paginator import InvalidPage, Paginator
from django.http import Http404


def paginate(request, queryset, per_page=None, paginator_class=None):
    """Return the requested page of `queryset`; a page that does not exist is a 404."""
    paginator = (paginator_class or Paginator)(
        queryset, per_page or settings.COMMUNIQUE_LISTING_PAGE_SIZE
    )
    try:
        return paginator.page(request.GET.get("page", 1))
    except InvalidPage as error:
        raise Http404(str(error)) from error
