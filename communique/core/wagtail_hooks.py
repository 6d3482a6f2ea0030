from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Country


class CountryViewSet(SnippetViewSet):
    model = Country
    icon = "site"
    list_display = ["code", "name"]
    search_fields = ["code"]


register_snippet(CountryViewSet)
