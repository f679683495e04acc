# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The parts of a meeting's page, each bounded: a page of every list, paged by its own
parameter in the address (so the links work without JavaScript and the lists page apart), and
the links of an item computed once for the page, not once per item."""

from html import escape

from django.core.paginator import Page, Paginator
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from lokalkontakt.core.links import url_of
from lokalkontakt.core.recipients import NAMES_SHOWN, no_email_reason, no_email_warnings
from lokalkontakt.meetings import permissions, selectors
from lokalkontakt.meetings.item_html import item_writer
from lokalkontakt.meetings.models import ActionItem, Attendance
from lokalkontakt.meetings.paging import (
    ITEM_LISTS,
    LISTS,
    PAGE_SIZES,
    PARTICIPANTS_PAGE_SIZE,
)
from lokalkontakt.meetings.rows import ItemRow
from lokalkontakt.people.permissions import active_employee


def with_links(request, page: Page, name: str) -> Page:
    """The page's links to the previous and next page of the list `name`, keeping the other
    lists' pages, each to the list's heading."""
    param, anchor = LISTS[name]

    def link(number: int) -> str:
        params = request.GET.copy()
        params[param] = number
        return f"?{params.urlencode()}#{anchor}"

    page.previous_link = link(page.previous_page_number()) if page.has_previous() else ""
    page.next_link = link(page.next_page_number()) if page.has_next() else ""
    page.last_link = link(page.paginator.num_pages)
    return page


def paged(request, queryset, name: str) -> Page:
    """A page of the queryset (a count and the page's rows) for the list `name`."""
    page = Paginator(queryset, PAGE_SIZES[name]).get_page(request.GET.get(LISTS[name][0]))
    return with_links(request, page, name)


def status_labels(model) -> dict[str, str]:
    """The model's statuses' labels, translated once for the page (what get_status_display
    gives, without its work per row)."""
    return {value: str(label) for value, label in model.Status.choices}


def action_rows(page: Page, *, with_meeting: bool = False) -> Page:
    """The page's action items (a page of a queryset of them) as rows, each with its link
    (`url`), its owner's name (`owner_name`), its status's label (`status_label`), `is_overdue`
    and, `with_meeting`, its meeting's link and start (`meeting_url`, `meeting_starts_at`):
    what the action table writes (meetings/_action_table.html), read as values with one reversal
    of each link for the page, not as model instances."""
    action_url, meeting_url = url_of("meetings:action"), url_of("meetings:detail")
    labels, today = status_labels(ActionItem), timezone.localdate()
    columns = {"owner_name": F("owner__name")}
    if with_meeting:
        columns["meeting_starts_at"] = F("meeting__starts_at")
    page.object_list = [ItemRow(row) for row in page.object_list.values(
        "pk", "title", "due_on", "status", "meeting_id", **columns)]
    for action in page.object_list:
        action.url = action_url(action.pk)
        action.status_label = labels.get(action.status, action.status)
        action.is_overdue = action.status in ActionItem.OPEN_STATUSES and action.due_on < today
        if with_meeting:
            action.meeting_url = meeting_url(action.meeting_id)
    return page


# Where the overdue inquiries (read for each request) go in the kept body.
_INQUIRIES = "\x00inquiries\x00"


def body(request, meeting, *, coordinator: bool, upcoming: bool, kept) -> str:
    """The page's agenda (with its follow-up on its last page), proposed, deferred and decided
    items, as HTML kept (meetings.kept) for the address's query string (the lists' pages and
    their links), the coordinator or everyone else (or, while proposals are accepted, the
    reader: an item they proposed has its edit link) and whether the meeting is still to come.
    The follow-up's overdue inquiries are read and written for each request."""
    employee = None if coordinator else active_employee(request.user)
    reader = employee.pk if employee is not None and meeting.accepts_proposals else None

    def draw():
        context = {"meeting": meeting, "upcoming": upcoming, "is_coordinator": coordinator,
                   **agenda(request, meeting, coordinator=coordinator, kept=kept),
                   "decided": kept_actions(request, kept, meeting.action_items.select_related(
                       "owner").order_by("due_on", "pk"), "decided")}
        if context["agenda"].number == context["agenda"].paginator.num_pages:
            # The fixed item "Opfølgning" comes after the last item, on the agenda's last page.
            context["follow_up"] = kept_actions(
                request, kept, selectors.follow_up_actions(meeting=meeting), "follow_up",
                with_meeting=True)
            context["show_follow_up"] = True
            context["inquiries_html"] = _INQUIRIES if upcoming else ""
        return render_to_string("meetings/_meeting_body.html", context).split(_INQUIRIES)

    parts = kept.get(("body", coordinator, upcoming, reader, request.GET.urlencode()), draw,
                     chosen=True)
    if len(parts) == 1:
        return mark_safe(parts[0])  # noqa: S308 - rendered by the template
    inquiries, count = selectors.overdue_inquiries()
    return mark_safe(parts[0] + render_to_string(  # noqa: S308 - rendered by the templates
        "meetings/_overdue_inquiries.html", {"inquiries": inquiries, "inquiry_count": count})
        + parts[1])


def kept_actions(request, kept, queryset, name: str, *, with_meeting: bool = False) -> Page:
    """As action_rows(paged(…)), the count and the page's rows kept (meetings.kept) for `name`'s
    list of the meeting: the queryset is read only when no copy is current."""
    count = kept.get((name, "count"), queryset.count)
    page = selectors.page_of(count, PAGE_SIZES[name], request.GET.get(LISTS[name][0]))

    def draw():
        shown = selectors.page_of(count, PAGE_SIZES[name], page.number)
        shown.object_list = queryset[shown.object_list.start:shown.object_list.stop]
        return action_rows(shown, with_meeting=with_meeting).object_list

    page.object_list = kept.get((name, page.number), draw) if count else []
    return with_links(request, page, name)


def agenda(request, meeting, *, coordinator: bool, kept) -> dict:
    """A page each of the accepted, proposed and deferred items (their counts in one query,
    their rows in another), each item with its links and its HTML, kept (meetings.kept) for
    the coordinator or for everyone else: an item the reader may edit as its proposer is
    written again for them."""
    counts = kept.get(("counts",), lambda: selectors.item_counts(meeting=meeting))
    pages = {status: selectors.page_of(counts[status], size,
                                       request.GET.get(LISTS[name][0]))
             for status, (name, size) in ITEM_LISTS.items()}

    def draw():
        items = selectors.agenda_pages(meeting=meeting, pages=pages)
        _item_links(meeting, [item for rows in items.values() for item in rows],
                    coordinator=coordinator)
        return items

    items = kept.get(("agenda", coordinator, *(page.number for page in pages.values())), draw)
    if not coordinator:
        _own_items(request.user, meeting, [item for rows in items.values() for item in rows])
    context = {}
    for status, (name, _size) in ITEM_LISTS.items():
        pages[status].object_list = items[status]
        context[name] = with_links(request, pages[status], name)
    return context


def _own_items(user, meeting, items: list) -> None:
    """The items the reader (not the coordinator) may edit, as their proposer, written again
    with their edit link."""
    employee = active_employee(user)
    own = [item for item in items if employee is not None
           and item.proposed_by_id == employee.pk and item.status == "proposed"]
    if own and meeting.accepts_proposals:
        write = item_writer(coordinator=False)
        for item in own:
            item.meeting = meeting
            if permissions.can_edit_item(user, item):
                item.may_edit = True
                item.html = write(item)


def _item_links(meeting, items: list, *, coordinator: bool) -> None:
    """Each item's may_edit (the coordinator's; a proposer's own is _own_items') and its links,
    from one reversal of each address; its area's and
    its knowledge note's links and its action items' links (selectors.agenda_pages gives the
    focus areas' names and the action items), for the template to write without a reversal or
    a queryset per item; and its texts that name it (item_texts)."""
    edit, minutes = reverse("meetings:item_edit", args=[0]), reverse("meetings:minutes", args=[0])
    action = reverse("meetings:action_new", args=[meeting.pk])
    area_url, action_url = url_of("areas:detail", "slug"), url_of("meetings:action")
    note_url = url_of("knowledge:detail")
    for item in items:
        item.area_url = area_url(item.area_slug) if item.area_slug else ""
        item.note_url = note_url(item.note_id) if item.note_id else ""
        for decided in item.actions:
            decided.url = action_url(decided.pk)
        item.may_edit = coordinator
        item.edit_url = edit.replace("/0/", f"/{item.pk}/")
        item.minutes_url = minutes.replace("/0/", f"/{item.pk}/")
        item.action_url = f"{action}?punkt={item.pk}"
    item_texts(items)
    write = item_writer(coordinator=coordinator)
    for item in items:
        item.html = write(item)


def item_texts(items: list) -> None:
    """The texts an item's HTML has about it (meetings.item_html), each message translated once for
    the page and filled in per item, escaped as the template escapes ({% blocktranslate %} per
    item was a tenth of the page's time): `proposed_text`, `edit_text`, `minutes_text`,
    `action_text`, and each action item's `due_text` and `status_label`."""
    proposed, due = gettext("Proposed by %(name)s"), gettext("due %(date)s")
    edit = gettext('Edit <span class="sr-only">“%(title)s”</span>')
    minutes = gettext('Minutes <span class="sr-only">of “%(title)s”</span>')
    action = gettext('Action item <span class="sr-only">for “%(title)s”</span>')
    labels, dates = status_labels(ActionItem), {}
    for item in items:
        title = {"title": escape(item.title)}
        item.edit_text, item.minutes_text = _safe(edit % title), _safe(minutes % title)
        item.action_text = _safe(action % title)
        item.proposed_text = _safe(proposed % {"name": escape(item.proposer_name)}) \
            if item.proposed_by_id else ""
        for decided in item.actions:
            if decided.due_on not in dates:
                dates[decided.due_on] = _safe(due % {"date": escape(
                    date_format(decided.due_on, "SHORT_DATE_FORMAT"))})
            decided.due_text = dates[decided.due_on]
            decided.status_label = labels.get(decided.status, decided.status)


def _safe(text: str) -> str:
    """A translated message filled in with escaped values (html.escape, as the template's
    escaping), as {% blocktranslate %} gives it."""
    return mark_safe(text)  # noqa: S308 (its values are escaped)


def participants(request, meeting, *, coordinator: bool, kept) -> dict:
    """The participants counted by attendance, a page of them (kept while the participants'
    version and the names are unchanged: meetings.kept), the viewer's own invitation and, for
    the coordinator, who cannot get the meeting's e-mails (their names looked up only when the
    count, in the same query as the others, says there are some)."""
    warned = coordinator and not meeting.is_cancelled
    counts, mine, unreachable, version = selectors.attendance_counts(
        meeting=meeting, employee=getattr(request.user, "employee", None), without_email=warned)
    page = selectors.page_of(sum(counts.values()), PARTICIPANTS_PAGE_SIZE,
                             request.GET.get(LISTS["participants"][0]))
    page.object_list = kept.get(("participants", version, page.number),
                                lambda: _attendance_rows(meeting, page.object_list))
    summary = [(label, counts[value]) for value, label in Attendance.Status.choices]
    return {"attendance_summary": summary, "attendances": with_links(request, page, "participants"),
            "mine": mine, "no_email_warnings": _no_email_warnings(meeting) if unreachable else []}


def _attendance_rows(meeting, rows: range) -> list[dict]:
    """The participants `rows` (indexes), each with its table row's HTML (`row`)."""
    rows = selectors.attendance_rows(meeting=meeting, rows=rows)
    labels = status_labels(Attendance)
    for attendance in rows:
        attendance["status_label"] = labels.get(attendance["status"], attendance["status"])
        # the table's row, written once here rather than by the template (issue 20)
        attendance["row"] = _safe(f"<tr><td>{escape(str(attendance['name']))}</td>"
                                  f"<td>{escape(str(attendance['status_label']))}</td></tr>")
    return rows


def _no_email_warnings(meeting) -> list[str]:
    """Who cannot get the meeting's e-mails: the first names of each kind and how many more."""
    people = selectors.participants_without_email(meeting=meeting, limit=NAMES_SHOWN)
    return no_email_warnings(people, totals={
        no_email_reason(person): person.without_email for person in people})
