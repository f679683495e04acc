# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The start pages: the coordinator's "what needs you today" and a colleague's own work, each a
list of blocks the feature apps registered (core.registry coordinator_blocks, colleague_blocks),
plus the e-mails that failed, which core keeps."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from lokalkontakt.core.registry import (
    BoundPanel,
    colleague_blocks,
    coordinator_blocks,
    panels_for,
    start_block,
)
from lokalkontakt.core.selectors import emails_failed
from lokalkontakt.workspace.kept import kept_panels


def coordinator_failed_emails(request, *, employee):
    """E-mails that failed and wait for "Send again" (the subjects only: the recipients'
    addresses are on the undelivered page, which logs who read them)."""
    return start_block(emails_failed().select_related(None).only("subject", "created_at"),
                       title=_("E-mails that failed"), url=reverse("emails:undelivered"),
                       link_text=_("E-mails that were not delivered"))


@dataclass(frozen=True)
class StartPage:
    blocks: list[BoundPanel]

    @property
    def all_clear(self) -> bool:
        return not any(bound.context["block"].count for bound in self.blocks)


def coordinator_page(request, *, employee) -> StartPage:
    """The coordinator's blocks, each kept while what it is drawn from is unchanged (workspace.kept)."""
    return StartPage(kept_panels(coordinator_blocks, request, employee=employee))


def colleague_page(request, *, employee) -> StartPage:
    """A colleague's own work; nothing without an active employee record."""
    if employee is None or not employee.is_active:
        return StartPage([])
    return StartPage(panels_for(colleague_blocks, request, employee=employee))
