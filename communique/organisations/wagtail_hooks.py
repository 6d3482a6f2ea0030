from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Organisation


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    list_display = ["name", "short_name", "country", "locale"]
    list_filter = ["locale", "country"]
    search_fields = ["name", "short_name"]


register_snippet(OrganisationViewSet)
