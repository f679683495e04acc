# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Writing the guides. Each save is a version in the guide's history with who saved it and
the change note."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from lokalkontakt.guides.models import Guide
from lokalkontakt.guides.permissions import may_edit

# simple_history keeps the change reason in a column of 100 characters.
NOTE_MAX_LENGTH = 100


@transaction.atomic
def guide_save(*, actor, audience: str, title: str, body: str, note: str = "") -> Guide:
    """Save the audience's guide (created on first save) as a new version attributed to `actor`,
    with `note` saying what changed. Only the coordinator may; a save that changes nothing is
    refused, so the history holds only real changes."""
    if not may_edit(actor):
        raise PermissionDenied(_("Only the coordinator may do this."))
    guide = (Guide.objects.select_for_update().filter(audience=audience).first()
             or Guide(audience=audience))
    title, body = title.strip(), body.strip()
    if guide.pk is not None and (guide.title, guide.body) == (title, body):
        raise ValidationError(_("Nothing has changed: the guide reads as saved."))
    guide.title, guide.body, guide.updated_by = title, body, actor
    guide.full_clean()
    guide._history_user = actor
    guide._change_reason = note.strip()[:NOTE_MAX_LENGTH]
    guide.save()
    return guide
