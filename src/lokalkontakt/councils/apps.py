from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CouncilsConfig(AppConfig):
    name = "lokalkontakt.councils"
    label = "councils"
    verbose_name = _("Council members")

    def ready(self):
        # Registers the councils.manage_members rule the area page asks for.
        from lokalkontakt.core.registry import personal_data
        from lokalkontakt.councils import permissions  # noqa: F401
        from lokalkontakt.councils.personal_data import COUNCIL_MEMBERS

        personal_data.register("councils.councilmember", COUNCIL_MEMBERS)
