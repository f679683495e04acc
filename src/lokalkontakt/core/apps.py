from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "lokalkontakt.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self):
        # Registers the role predicates and permissions (django-rules) in every process.
        from lokalkontakt.core import roles  # noqa: F401
