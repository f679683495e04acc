# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The coordinator settles a conflict found in a source (areas.services.conflicts)."""

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _

from lokalkontakt.areas import selectors
from lokalkontakt.areas.events import CONFLICT_LISTED_TWICE, conflict_choices
from lokalkontakt.areas.forms import ConflictSettleForm
from lokalkontakt.areas.services.conflicts import conflict_settle
from lokalkontakt.core.forms import form_view
from lokalkontakt.core.permissions import coordinator_required


@coordinator_required
def settle(request, pk):
    """Choose the value kept, with a note; an open conflict only (a settled one answers 404)."""
    conflict = get_object_or_404(selectors.source_conflicts(), pk=pk)
    form = ConflictSettleForm(request.POST or None, choices=conflict_choices(conflict.data))
    return form_view(
        request, form=form, template="areas/conflict_settle.html",
        context={"conflict": conflict}, invalid_status=400,
        save=lambda data: conflict_settle(conflict=conflict, actor=request.user, **data),
        success=lambda event: _settled(conflict.area, event.data),
        redirect_to=lambda event: reverse("coordination:overview_list",
                                          kwargs={"name": "konflikter"}),
    )


def _settled(area, data: dict) -> str:
    """The message after settling, true about the area as it stands: settling records the
    decision; whether the area has a contact is changed on the area's page (assign or end)."""
    text = _("The conflict about %(area)s is settled.") % {"area": area.name}
    if data.get("code") != CONFLICT_LISTED_TWICE:
        return text
    kept = data["kept"]
    contact = area.primary_assignment
    if kept == "without_contact" and contact is not None:
        return text + " " + _("%(area)s still has %(name)s as its contact: end the assignment on "
                              "the area's page if the area should have none.") % {
            "area": area.name, "name": contact.employee.name}
    if kept == "with_contact" and contact is None:
        return text + " " + _("%(area)s has no contact yet: assign one on the area's page.") % {
            "area": area.name}
    return text
