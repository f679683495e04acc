from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsultationsConfig(AppConfig):
    name = "lokalkontakt.consultations"
    label = "consultations"
    verbose_name = _("Consultations")

    def ready(self):
        from lokalkontakt.consultations.search import ConsultationSource
        from lokalkontakt.core.search.registry import register

        register(ConsultationSource())

        from lokalkontakt.consultations.panels import council_home_panel
        from lokalkontakt.core.registry import council_panels

        council_panels.register("consultations", council_home_panel, order=20)
