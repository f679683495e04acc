# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Validators for what strangers type into public forms and the system then writes into e-mails:
names and subjects are one line without links, so the municipality's e-mail can never carry a
stranger's paragraph or link to someone else (a receipt goes to whatever address was typed)."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Line breaks of every kind (a header or a greeting must not become a new paragraph), tabs and
# other control characters.
_BREAKS = re.compile(r"[\x00-\x1f\x7f\x85\u2028\u2029]")
# A link: a scheme (https://, mailto:), www., or a host name under a top-level domain people meet.
_LINK = re.compile(
    r"[a-z][a-z0-9+.-]*://|\bwww\.|\bmailto:|"
    r"\b[\w-]+(?:\.[\w-]+)*\.(?:dk|com|net|org|eu|info|io|biz|de|se|no|nu|uk|me|co|app|xyz|"
    r"online|site|link|click|top|shop|ru|cn)\b",
    re.IGNORECASE)


def validate_single_line(value: str) -> None:
    if _BREAKS.search(value):
        raise ValidationError(_("Write it on one line."), code="line_break")


def validate_no_links(value: str) -> None:
    if _LINK.search(value):
        raise ValidationError(_("Leave out web addresses and links."), code="link")
