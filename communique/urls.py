from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from communique.api.api import api
from communique.syndication import views as syndication_views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/v1/", api.urls),
    path("sitemap.xml", syndication_views.sitemap, name="sitemap"),
    path("sitemap-<int:number>.xml", syndication_views.sitemap_part, name="sitemap_part"),
    path(
        "sitemap-statements-<int:number>.xml",
        syndication_views.statement_sitemap,
        name="statement_sitemap",
    ),  # fmt: skip
    path("robots.txt", syndication_views.robots_txt, name="robots_txt"),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("feeds/", include(("communique.syndication.urls", "feeds"))),
    path("search/", include("communique.search.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
