from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StatementsConfig(AppConfig):
    name = "communique.statements"
    label = "statements"
    verbose_name = _("Statements")

    def ready(self):
        from .signals import connect

        connect(self)
