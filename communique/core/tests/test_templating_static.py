"""Asset addresses in the public templates are Django's, worked out once per setting."""

from django.templatetags.static import static

from communique.core.templating import static_url


def test_an_asset_address_follows_the_static_url_setting(settings):
    settings.STATIC_URL = "/assets/"
    assert static_url("core/css/site.css") == static("core/css/site.css")
    assert static_url("core/css/site.css").startswith("/assets/")
    settings.STATIC_URL = "https://cdn.example.org/static/"
    assert static_url("core/css/site.css") == "https://cdn.example.org/static/core/css/site.css"
