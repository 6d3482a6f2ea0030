from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MirrorConfig(AppConfig):
    name = "communique.mirror"
    label = "mirror"
    verbose_name = _("Static mirror")
