# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The header's main menu, built in one place for the user's roles.

`main_menu(request)` returns the menu as data; `templates/includes/main_menu.html` draws it (a
list of links; a group is a <details> disclosure, so it opens by keyboard and without
JavaScript). The coordinator's own pages sit in one group, "Coordination", so that the menu fits
on one line at 1280 px and folds into a "Menu" button on a phone.

URL names are strings: core imports no app.
"""

from dataclasses import dataclass, field
from functools import lru_cache

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


@dataclass(frozen=True)
class MenuItem:
    label: str
    url: str = ""
    current: bool = False
    children: tuple["MenuItem", ...] = field(default_factory=tuple)

    @property
    def is_group(self) -> bool:
        return bool(self.children)

    @property
    def contains_current(self) -> bool:
        return any(child.current for child in self.children)


def _link(request, url_name: str, label) -> MenuItem:
    url = _reversed(url_name, get_script_prefix(), get_urlconf() or settings.ROOT_URLCONF)
    return MenuItem(label=label, url=url, current=request.path == url)


@lru_cache(maxsize=128)
def _reversed(url_name: str, prefix: str, urlconf: str) -> str:
    """The menu's URLs, reversed once a process rather than on every page (up to 20 a page);
    `prefix` and `urlconf` are the ones reverse() reads, in the key."""
    return reverse(url_name, urlconf=urlconf)


def _group(label, items: list[MenuItem]) -> list[MenuItem]:
    """A group of links, or nothing when it would be empty."""
    return [MenuItem(label=label, children=tuple(items))] if items else []


def _start_item(request, roles: dict) -> MenuItem:
    """Staff's start page: a contact's Mine områder, everyone else's overview (the coordinator's
    first, also when they cover areas: it links to their areas). The coordinator flag is read
    first, which spares the coordinator the contact permission's queries on every page."""
    if not roles["is_coordinator"] and request.user.has_perm("core.contact"):
        return _link(request, "mine", _("My areas"))
    return _link(request, "start", _("My overview"))


def _staff_items(request, roles: dict) -> list[MenuItem]:
    return [
        _start_item(request, roles),
        _link(request, "inquiries:list", _("Inquiries")),
        _link(request, "consultations:list", _("Consultations")),
        _link(request, "meetings:list", _("Meetings")),
        _link(request, "time:mine", pgettext_lazy("menu", "Time")),
        _link(request, "projects:list", _("Projects")),
        _link(request, "knowledge:list", _("Knowledge")),
        _link(request, "people:employee_list", _("Employees")),
    ]


def _coordination_items(request, roles: dict) -> list[MenuItem]:
    """The coordinator's pages; a leader sees the candidates, the data-protection officer the
    access log."""
    items = []
    if roles["is_coordinator"]:
        items += [_link(request, "coordination:overview", _("Coverage")),
                  _link(request, "rollout:overview", _("Rollout")),
                  _link(request, "handovers:list", _("Handovers"))]
    if roles["sees_capacity"]:
        items += [_link(request, "nominations:staff", pgettext_lazy("menu", "Candidates")),
                  _link(request, "reports:scheme", _("Reports"))]
    if roles["is_coordinator"]:
        items += [_link(request, "journal:list", _("Journalisation")),
                  _link(request, "coordination:import", _("Import")),
                  _link(request, "emails:undelivered", _("Undelivered e-mails")),
                  _link(request, "api_keys:list", _("API keys"))]
    if roles["reads_access_log"]:
        items.append(_link(request, "accesslog:list", _("Access log")))
    if roles["is_coordinator"]:
        items.append(_link(request, "personaldata:search", _("A person's data")))
    return items


def main_menu(request, roles: dict) -> list[MenuItem]:
    """The menu for the signed-in user's roles (`roles` as core.context_processors.site reads
    them): everyone finds the local areas and the search; staff their work; a council member
    their council's page; the coordinator, a leader and the data-protection officer a group of
    their own pages."""
    user = request.user
    items = [_link(request, "areas:directory", _("Local areas"))]
    if roles["is_staff_member"]:
        items += _staff_items(request, roles)
    elif user.is_authenticated and user.has_perm("core.council"):
        items.append(_link(request, "council:home", _("Our council")))
    items.append(_link(request, "search:search", _("Search")))
    return items + _group(_("Coordination"), _coordination_items(request, roles))
