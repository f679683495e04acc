# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The coordinator settles a conflict found in a source (areas.services.conflicts)."""

from django.shortcuts import get_object_or_404
from django.urls import reverse

from lokalkontakt.areas import selectors
from lokalkontakt.areas.events import conflict_choices, settled_message
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
        success=lambda event: settled_message(conflict.area, event.data),
        redirect_to=lambda event: reverse("coordination:overview_list",
                                          kwargs={"name": "konflikter"}),
    )

