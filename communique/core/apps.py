from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "communique.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self):
        from .cache_invalidation import connect

        connect()
