from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InquiriesConfig(AppConfig):
    name = "lokalkontakt.inquiries"
    label = "inquiries"
    verbose_name = _("Inquiries")

    def ready(self):
        from lokalkontakt.core.search.registry import register
        from lokalkontakt.inquiries.search import InquirySource

        register(InquirySource())

        from lokalkontakt.core.registry import jobs
        from lokalkontakt.inquiries.jobs import report

        jobs.register("inquiries", report, order=10)

        from lokalkontakt.core.registry import council_panels
        from lokalkontakt.inquiries.panels import council_home_panel

        council_panels.register("inquiries", council_home_panel, order=10)
