# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Sentences for area events, built in the reader's language from the stored facts."""

import datetime

from django.utils.translation import gettext as _

from lokalkontakt.areas.models import AreaEvent, AssignmentRole, LocalArea, Participation
from lokalkontakt.core.text import short_date

# A source conflict is stored as a code and the source's own words, so that it reads in the
# reader's language: an area a source lists both with a contact and without one.
CONFLICT_LISTED_TWICE = "listed_with_and_without_contact"
# the values a coordinator keeps when settling such a conflict
KEPT_WITH_CONTACT, KEPT_WITHOUT_CONTACT = "with_contact", "without_contact"


def _date(value: str | None) -> str:
    if not value:
        return ""
    return short_date(datetime.date.fromisoformat(value))


def _role(value: str) -> str:
    return str(AssignmentRole(value).label).lower() if value in AssignmentRole.values else value


def _fields(names: list[str]) -> str:
    from lokalkontakt.areas.models import Council

    labels = []
    for name in names:
        model, field = (Council, name[8:]) if name.startswith("council_") else (LocalArea, name)
        try:
            label = str(model._meta.get_field(field).verbose_name)
        except Exception:  # noqa: BLE001 - a field removed since the event was written
            label = name
        labels.append(_("council's %(field)s") % {"field": label} if model is Council else label)
    return ", ".join(labels)


def event_text(event: AreaEvent) -> str:
    text = _event_text(event)
    if event.data.get("engagement_ended"):  # the OS2mo sync found that the employee has left
        text += " " + _("The employee's employment in OS2mo ended on %(date)s.") % {
            "date": _date(event.data["engagement_ended"])}
    return text


def _event_text(event: AreaEvent) -> str:
    d = event.data
    kind = AreaEvent.Kind
    if event.kind == kind.CREATED:
        return _("The area was created.")
    if event.kind == kind.UPDATED:
        return _("Changed: %(fields)s.") % {"fields": _fields(d.get("fields", []))}
    if event.kind == kind.ASSIGNED:
        return _("%(name)s is %(role)s from %(date)s.") % {
            "name": d.get("employee", ""), "role": _role(d.get("role", "")),
            "date": _date(d.get("date"))} + _council_override_text(d)
    if event.kind == kind.ENDED:
        return _("%(name)s is no longer %(role)s from %(date)s.") % {
            "name": d.get("employee", ""), "role": _role(d.get("role", "")),
            "date": _date(d.get("date"))}
    if event.kind == kind.HANDOVER_DUE:
        return _("Handover from %(name)s to a new contact is due.") % {"name": d.get("employee", "")}
    if event.kind == kind.HANDOVER_CLEARED:
        return _("Handover from %(name)s is no longer due.") % {"name": d.get("employee", "")}
    if event.kind == kind.PARTICIPATION:
        answer = d.get("answer", "")
        label = Participation(answer).label if answer in Participation.values else answer
        text = _("The council's answer: %(answer)s") % {"answer": label}
        return text + (f" ({_date(d.get('date'))})." if d.get("date") else ".")
    if event.kind == kind.INVITED:
        return _("The council was offered a contact on %(date)s.") % {"date": _date(d.get("date"))}
    if event.kind in (kind.HANDOVER_PLANNED, kind.HANDOVER_CANCELLED, kind.HANDOVER_COMPLETED):
        return _handover_event_text(event)
    if event.kind == kind.IMPORTED:
        return _("Imported from %(source)s.") % {"source": d.get("source", "")}
    if event.kind == kind.CONFLICT:
        return conflict_text(event)
    if event.kind == kind.CONFLICT_SETTLED:
        return settled_text(d)
    return _member_event_text(event) or event.get_kind_display()


def _council_override_text(d: dict) -> str:
    """An assignment made although the council had not said yes (areas.services.council_check)."""
    answer = d.get("council_answer")
    if not answer:
        return ""
    text = (_("The council had said no; assigned anyway.") if answer == Participation.DECLINED
            else _("The council had not said yes; assigned anyway."))
    if d.get("reason"):
        text += " " + _("Reason: %(reason)s") % {"reason": d["reason"]}
    return " " + text


def conflict_text(event: AreaEvent) -> str:
    """A conflict found in a source (Bilag 1 lists Stenderup both with and without a contact).
    The entry is quoted as the source has it; an event of an older version holds only `detail`."""
    d = event.data
    if d.get("code") == CONFLICT_LISTED_TWICE:
        return _("%(source)s lists %(area)s both with a contact (“%(entry)s”) and without a "
                 "contact. One area was created, and the contact was kept.") % {
            "source": d.get("source", ""), "area": event.area.name, "entry": d.get("entry", "")}
    return _("Conflict in the source: %(detail)s") % {"detail": d.get("detail", "")}


def conflict_choices(data: dict) -> list[tuple[str, str]]:
    """The values a conflict's facts offer the coordinator to keep: (key, label in the reader's
    language). Bilag 1's area listed twice: with its contact or without one; another conflict:
    the values its source gave (`values`), or what the source said (`detail`)."""
    if data.get("code") == CONFLICT_LISTED_TWICE:
        return [(KEPT_WITH_CONTACT, _("With a contact (“%(entry)s”)") % {"entry": data.get("entry", "")}),
                (KEPT_WITHOUT_CONTACT, _("Without a contact"))]
    values = data.get("values") or [data.get("detail", "")]
    return [(str(value), str(value)) for value in values]


def settled_message(area: LocalArea, data: dict) -> str:
    """The message after settling (`data`: the settlement's facts), true about the area as it
    stands: settling records the decision; whether the area has a contact is changed on the
    area's page (assign or end), so the message says when the area does not match yet."""
    text = _("The conflict about %(area)s is settled.") % {"area": area.name}
    if data.get("code") != CONFLICT_LISTED_TWICE:
        return text
    contact = area.primary_assignment
    if data["kept"] == KEPT_WITHOUT_CONTACT and contact is not None:
        return text + " " + _("%(area)s still has %(name)s as its contact: end the assignment on "
                              "the area's page if the area should have none.") % {
            "area": area.name, "name": contact.employee.name}
    if data["kept"] == KEPT_WITH_CONTACT and contact is None:
        return text + " " + _("%(area)s has no contact yet: assign one on the area's page.") % {
            "area": area.name}
    return text


def settled_text(d: dict) -> str:
    """A settled conflict: the value kept (worded as when it was chosen) and the note."""
    label = dict(conflict_choices(d)).get(d.get("kept", ""), d.get("kept", ""))
    text = _("Source conflict settled: %(kept)s is kept.") % {"kept": label}
    return text + (" " + _("Note: %(note)s") % {"note": d["note"]} if d.get("note") else "")


def _handover_event_text(event: AreaEvent) -> str:
    """Handover events store from_employee, to_employee and date (ISO)."""
    texts = {
        AreaEvent.Kind.HANDOVER_PLANNED: _("Handover from %(from)s to %(to)s planned for "
                                           "%(date)s."),
        AreaEvent.Kind.HANDOVER_CANCELLED: _("The handover from %(from)s to %(to)s was "
                                             "cancelled."),
        AreaEvent.Kind.HANDOVER_COMPLETED: _("%(to)s took over from %(from)s on %(date)s."),
    }
    d = event.data
    return texts[event.kind] % {"from": d.get("from_employee", ""), "to": d.get("to_employee", ""),
                                "date": _date(d.get("date"))}


def _member_event_text(event: AreaEvent) -> str:
    texts = {
        AreaEvent.Kind.MEMBER_INVITED: _("%(name)s was invited as a member of the council."),
        AreaEvent.Kind.MEMBER_REINVITED: _("%(name)s was sent a new invitation."),
        AreaEvent.Kind.MEMBER_DEACTIVATED: _("%(name)s no longer has access as a council member."),
        AreaEvent.Kind.MEMBER_REACTIVATED: _("%(name)s has access as a council member again."),
        AreaEvent.Kind.MEMBER_FIRST_LOGIN: _("%(name)s logged in as a council member for the "
                                             "first time."),
    }
    text = texts.get(event.kind)
    # A former member's name is deleted after the retention period (councils.jobs).
    name = event.data.get("member") or _("A former member")
    return text % {"name": name} if text else ""
