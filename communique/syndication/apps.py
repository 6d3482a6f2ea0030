from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SyndicationConfig(AppConfig):
    name = "communique.syndication"
    label = "syndication"
    verbose_name = _("Syndication")
