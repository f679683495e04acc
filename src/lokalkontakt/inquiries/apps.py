# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
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
        from lokalkontakt.core.exports.registry import Export, exports
        from lokalkontakt.inquiries.exports import list_export, list_filename, list_still_visible

        exports.register("inquiries.list", Export(
            write=list_export, filename=list_filename, still_visible=list_still_visible,
            allowed=lambda user: user.has_perm("core.view_internal")))

        from lokalkontakt.core.registry import jobs
        from lokalkontakt.inquiries.jobs import report

        jobs.register("inquiries", report, order=10)

        from lokalkontakt.core.registry import SecretLink, email_secret_links

        # The receipt and the replies carry the submitter's private tracking link.
        email_secret_links.register("inquiries-tracking", SecretLink("inquiries:track"))

        from lokalkontakt.core.registry import Panel, council_panels, mine_workload
        from lokalkontakt.inquiries import panels

        mine_workload.register("inquiries", Panel("inquiries/_mine_workload.html", panels.mine_workload),
                               order=10)
        council_panels.register("inquiries", panels.council_home_panel, order=10)

        from lokalkontakt.core.registry import area_panels

        area_panels.register("inquiries", Panel("inquiries/_area_inquiries.html",
                                                panels.area_inquiries), order=15)

        from django.contrib.auth import get_user_model

        from lokalkontakt.areas.models import LocalArea
        from lokalkontakt.core.registry import colleague_blocks, coordinator_blocks
        from lokalkontakt.inquiries.models import Inquiry
        from lokalkontakt.people.models import Employee

        row, users = "inquiries/_start_row.html", get_user_model().objects
        drawn_from = (Inquiry, LocalArea, Employee)
        # Waiting for the coordinator: also whose login is gone or inactive.
        coordinator_blocks.register("inquiries-waiting", Panel(
            row, panels.coordinator_waiting,
            kept_by=(*drawn_from, users.all(), users.filter(is_active=False))), order=10)
        coordinator_blocks.register("inquiries-overdue", Panel(
            row, panels.coordinator_overdue, kept_by=drawn_from), order=20)
        colleague_blocks.register("inquiries-assigned", Panel(row, panels.colleague_assigned),
                                  order=10)
        colleague_blocks.register("inquiries-forwarded", Panel(row, panels.colleague_forwarded),
                                  order=20)

        from lokalkontakt.core.registry import briefing_sections

        briefing_sections.register("inquiries", Panel("inquiries/_briefing_inquiries.html",
                                                       panels.briefing_inquiries), order=50)

        from lokalkontakt.core.registry import personal_data
        from lokalkontakt.inquiries.personal_data import INQUIRIES

        personal_data.register("inquiries.inquiry", INQUIRIES, order=10)

        from lokalkontakt.core.registry import tagged_texts
        from lokalkontakt.inquiries.selectors import tagged_texts as inquiry_texts

        tagged_texts.register("inquiries", inquiry_texts, order=10)

        from lokalkontakt.core.registry import demo_loaders
        from lokalkontakt.inquiries.demo import load_demo

        demo_loaders.register("inquiries", load_demo, order=50)
