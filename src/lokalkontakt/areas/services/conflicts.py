# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Conflicts found in a source (Bilag 1 lists Stenderup both with and without a contact): an
import records them, the coordinator settles them. A conflict is a CONFLICT event on the area;
settling it is a CONFLICT_SETTLED event that refers to it (who, when, the value kept, a note),
so the area's history tells both. An import that finds the same conflict again with the same
value records nothing; with a different value it records a new, open conflict."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from lokalkontakt.areas.events import conflict_choices
from lokalkontakt.areas.models import AreaEvent, LocalArea
from lokalkontakt.areas.services import area_event_add
from lokalkontakt.core.roles import is_coordinator

Kind = AreaEvent.Kind


@transaction.atomic
def conflict_record(*, area: LocalArea, code: str, source: str, entry: str, actor=None,
                    **data) -> AreaEvent:
    """Record that `source` contradicts itself about `area` (`code` says how, `entry` quotes
    the value). The area's latest conflict of that code with the same value is returned as it
    is, open or settled; a different value is a new conflict, open until settled."""
    latest = (AreaEvent.objects.filter(area=area, kind=Kind.CONFLICT, data__code=code)
              .order_by("-at", "-pk").first())
    if latest is not None and latest.data.get("entry") == entry:
        return latest
    return area_event_add(area=area, kind=Kind.CONFLICT, actor=actor, code=code, source=source,
                          entry=entry, **data)


@transaction.atomic
def conflict_settle(*, conflict: AreaEvent, kept: str, note: str = "", actor) -> AreaEvent:
    """The coordinator settles an open conflict: `kept` is one of the values the conflict
    offers (events.conflict_choices), `note` says why (optional). Refused for anyone but the
    coordinator, for a value the conflict does not offer, for a conflict already settled (the
    conflict's row is locked, so two coordinators cannot both settle it) and for one a newer
    conflict of the same kind on the area replaces."""
    if not is_coordinator(actor):
        raise PermissionDenied(_("Only the coordinator may do this."))
    conflict = AreaEvent.objects.select_for_update().select_related("area").get(
        pk=conflict.pk, kind=Kind.CONFLICT)
    if conflict.follow_ups.filter(kind=Kind.CONFLICT_SETTLED).exists():
        raise ValidationError(_("This conflict has already been settled."))
    if AreaEvent.objects.filter(kind=Kind.CONFLICT, area=conflict.area, pk__gt=conflict.pk,
                                data__code=conflict.data.get("code")).exists():
        raise ValidationError(_("The source has said something else since: settle the newer "
                                "conflict."))
    if kept not in dict(conflict_choices(conflict.data)):
        raise ValidationError({"kept": _("Choose one of the values the source gave.")})
    settled = area_event_add(area=conflict.area, kind=Kind.CONFLICT_SETTLED, actor=actor,
                             kept=kept, note=note.strip(),
                             **{key: conflict.data[key] for key in ("code", "entry", "values",
                                                                    "detail")
                                if key in conflict.data})
    settled.refers_to = conflict
    settled.save(update_fields=["refers_to"])
    return settled
