from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AreasConfig(AppConfig):
    name = "lokalkontakt.areas"
    label = "areas"
    verbose_name = _("Local areas")

    def ready(self):
        from lokalkontakt.areas.search import AreaSource
        from lokalkontakt.core.search.registry import register

        register(AreaSource())
