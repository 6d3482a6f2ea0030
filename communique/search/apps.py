from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "communique.search"
    label = "communique_search"
    verbose_name = _("Search")

    def ready(self):
        from .signals import connect

        connect(self)
