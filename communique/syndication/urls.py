from django.urls import re_path

from .feeds import feed_view

FORMAT = r"(?P<fmt>rss|atom)"
SCOPED = rf"(?P<kind>category|country|organisation)/(?P<value>[^/]+)\.{FORMAT}"

urlpatterns = [
    re_path(rf"^statements\.{FORMAT}$", feed_view, name="feed"),
    re_path(rf"^{SCOPED}$", feed_view, name="scoped_feed"),
    re_path(rf"^full/statements\.{FORMAT}$", feed_view, {"full": True}, name="full_feed"),
    re_path(rf"^full/{SCOPED}$", feed_view, {"full": True}, name="full_scoped_feed"),
]
