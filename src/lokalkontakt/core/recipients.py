# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Who an action's e-mail reaches, and the message that says so truthfully.

A service that e-mails people sends each one through `email_person`, which records on a `Reach`
whether the person got the e-mail or why not (no e-mail address, no longer active, no login) and
who got it instead: the stand-in the caller names (an area's deputy) when they can receive it,
else the coordinator (core.roles.coordinator_emails). The stand-in's copy begins with a paragraph
saying whom it was meant for and why they get it. The view builds its message from the Reach
(`reach_notice`), so it tells what was queued, not what was meant; `no_email_warning` lets a form
warn the coordinator before the action.

A person is anything with `name`, `email` and `is_active` (an Employee, a council member).
"""

import dataclasses
from collections import defaultdict

from django.contrib import messages
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from lokalkontakt.core.mail import email_queue_template
from lokalkontakt.core.roles import coordinator_emails
from lokalkontakt.core.text import danish_sort_key

NO_ADDRESS, INACTIVE, NO_LOGIN = "no_address", "inactive", "no_login"
REASONS = {NO_ADDRESS: gettext_lazy("no e-mail address"),
           INACTIVE: gettext_lazy("no longer active"),
           NO_LOGIN: gettext_lazy("no login to open the link")}
# Missed.instead for the coordinator; otherwise the stand-in's name, or "" when nobody could be told.
COORDINATOR = "\x00coordinator"
# Missed.instead when nobody else is meant to get it (the coordinator did the action themselves).
NOBODY = "\x00nobody"
# More names than this are counted, not listed ("E-mail sent to 38 people.").
NAMES_SHOWN = 10


@dataclasses.dataclass(frozen=True)
class Missed:
    name: str
    reason: str
    instead: str = ""


@dataclasses.dataclass
class Reach:
    """The people an action's e-mail reached (`sent`, names) and those it did not (`missed`)."""

    sent: list[str] = dataclasses.field(default_factory=list)
    missed: list[Missed] = dataclasses.field(default_factory=list)

    def __add__(self, other: "Reach") -> "Reach":
        return Reach(sent=self.sent + other.sent, missed=self.missed + other.missed)


class Notice(str):
    """A message with the level it is shown at: a warning when someone got no e-mail."""

    level = messages.SUCCESS


def no_email_reason(person, *, needs_login: bool = False) -> str:
    """Why the person gets no e-mail (NO_ADDRESS, INACTIVE, NO_LOGIN when the e-mail asks them to
    act on a page and they have no login); "" when they get it."""
    if not getattr(person, "is_active", True):
        return INACTIVE
    if not getattr(person, "email", ""):
        return NO_ADDRESS
    if needs_login and getattr(person, "user_id", None) is None:
        return NO_LOGIN
    return ""


def _stand_in(person, stand_in, needs_login: bool) -> tuple[list[str], str]:
    """(addresses, Missed.instead): the stand-in when they can receive it, else the coordinator."""
    if (stand_in is not None and getattr(stand_in, "pk", None) != getattr(person, "pk", None)
            and not no_email_reason(stand_in, needs_login=needs_login)):
        return [stand_in.email], stand_in.name
    to = coordinator_emails()
    return to, COORDINATOR if to else ""


def email_person(template: str, *, person, context: dict, reach: Reach, stand_in=None,
                 needs_login: bool = False, attachments=(), reply_to: str = "",
                 fallback: bool = True) -> None:
    """Queue the e-mail to the person, or, when they cannot get it, to their stand-in (else the
    coordinator) with a first paragraph saying whom it was meant for and why; record which on
    `reach`. `fallback=False`: nobody else gets it (the coordinator did the action)."""
    reason = no_email_reason(person, needs_login=needs_login)
    if not reason:
        email_queue_template(template, to=[person.email], context=context,
                             attachments=attachments, reply_to=reply_to)
        reach.sent.append(person.name)
        return
    if not fallback:
        reach.missed.append(Missed(person.name, reason, NOBODY))
        return
    to, instead = _stand_in(person, stand_in, needs_login)
    email_queue_template(template, to=to, context=context, attachments=attachments,
                         reply_to=reply_to,
                         preface=lambda: _meant_for(person.name, reason, instead))
    reach.missed.append(Missed(person.name, reason, instead))


def email_people(template: str, *, people, context: dict, reach: Reach, stand_in=None,
                  needs_login: bool = False, fallback: bool = True) -> None:
    """The same e-mail to each of `people` who can receive it (once per address), and one copy
    to the stand-in (else the coordinator) for all who cannot, naming them and why; recorded on
    `reach`. For a message to many (a bulletin, an agenda): the coordinator gets one copy, not
    one for each person without an address. Those no longer active are named, but nobody gets
    their copy: they have left, and nothing waits for them. `fallback=False`: nobody gets the
    copies (the coordinator did the action and knows)."""
    people = list({person.pk: person for person in people}.values())
    addresses, missed = set(), []
    for person in people:
        reason = no_email_reason(person, needs_login=needs_login)
        if reason == INACTIVE:
            reach.missed.append(Missed(person.name, reason))
        elif reason:
            missed.append((person, reason))
        if reason:
            continue
        if person.email.lower() not in addresses:
            addresses.add(person.email.lower())
            email_queue_template(template, to=[person.email], context=context)
        reach.sent.append(person.name)
    if missed and not fallback:
        reach.missed.extend(Missed(person.name, reason, NOBODY) for person, reason in missed)
        return
    if not missed:
        return
    to, instead = _stand_in(None, stand_in, needs_login)
    email_queue_template(template, to=to, context=context,
                         preface=lambda: stand_in_preface(missed, instead))
    reach.missed.extend(Missed(person.name, reason, instead) for person, reason in missed)


def stand_in_preface(missed, instead: str) -> str:
    """The first paragraph of a stand-in's copy: `missed` is [(person, reason)], `instead`
    COORDINATOR or the deputy's name. Call it in the site's language (email_queue_template's
    `preface`)."""
    if len(missed) == 1:
        return _meant_for(missed[0][0].name, missed[0][1], instead)
    names = "; ".join(f"{person.name} ({REASONS[reason]})" for person, reason in missed)
    return _("This e-mail was meant for people who cannot receive it: %(names)s.") % {
        "names": names} + " " + _as_whom(instead)


def _as_whom(instead: str) -> str:
    if instead == COORDINATOR:
        return _("You get it as the coordinator, so that it is not lost.")
    return _("You get it as the deputy, so that it is not lost.")


def _meant_for(name: str, reason: str, instead: str) -> str:
    text = _("This e-mail was meant for %(name)s, who cannot receive it (%(reason)s).") % {
        "name": name, "reason": REASONS[reason]}
    return text + " " + _as_whom(instead)



def names_text(names) -> str:
    """Names in Danish alphabetical order without repeats, as a sentence lists them ("A, B and
    C"); more than NAMES_SHOWN are counted instead."""
    names = sorted(set(names), key=danish_sort_key)
    if len(names) > NAMES_SHOWN:
        return ngettext("%(count)d person", "%(count)d people", len(names)) % {"count": len(names)}
    if len(names) < 2:
        return "".join(names)
    return _("%(names)s and %(last)s") % {"names": ", ".join(names[:-1]), "last": names[-1]}


def _instead_text(reason: str, instead: str) -> str:
    if instead == NOBODY or (reason == INACTIVE and not instead):
        return ""
    if instead == COORDINATOR:
        return _("The coordinator got it instead.")
    if instead:
        return _("%(name)s got it instead, as deputy.") % {"name": instead}
    return _("Nobody else could be told: no coordinator has an e-mail address.")


def reach_text(reach: Reach) -> str:
    """Who got the e-mail and who did not, why, and who got it instead: "E-mail sent to Anne
    Jensen and Bo Holm. No e-mail to Carl Nielsen: no e-mail address. The coordinator got it
    instead." Empty when the action e-mailed nobody."""
    parts = []
    if reach.sent:
        parts.append(_("E-mail sent to %(names)s.") % {"names": names_text(reach.sent)})
    groups = defaultdict(list)
    for missed in reach.missed:
        groups[(missed.reason, missed.instead)].append(missed.name)
    for (reason, instead), names in groups.items():
        parts.append(_("No e-mail to %(names)s: %(reason)s.") % {
            "names": names_text(names), "reason": REASONS[reason]})
        parts.append(_instead_text(reason, instead))
    return " ".join(part for part in parts if part)


def reach_notice(lead: str, reach: Reach) -> Notice:
    """The message after an action: what was done, then `reach_text`; shown as a warning when
    someone got no e-mail."""
    notice = Notice(" ".join(part for part in [str(lead), reach_text(reach)] if part))
    notice.level = messages.WARNING if reach.missed else messages.SUCCESS
    return notice


def _warning_text(reason: str, names: list[str], more: int = 0) -> str:
    """Why these people get no e-mail: one name, or several in one sentence; `more` people
    besides them are counted ("A, B and 5 others")."""
    if more:
        return {
            NO_ADDRESS: ngettext("%(names)s and %(count)d other have no e-mail address and get "
                                 "no e-mail.",
                                 "%(names)s and %(count)d others have no e-mail address and get "
                                 "no e-mail.", more),
            INACTIVE: ngettext("%(names)s and %(count)d other are no longer active and get no "
                               "e-mail.",
                               "%(names)s and %(count)d others are no longer active and get no "
                               "e-mail.", more),
            NO_LOGIN: ngettext("%(names)s and %(count)d other have no login and cannot open the "
                               "page the e-mail links to.",
                               "%(names)s and %(count)d others have no login and cannot open the "
                               "page the e-mail links to.", more),
        }[reason] % {"names": ", ".join(sorted(names, key=danish_sort_key)), "count": more}
    if len(set(names)) == 1:
        return {
            NO_ADDRESS: _("%(name)s has no e-mail address and gets no e-mail."),
            INACTIVE: _("%(name)s is no longer active and gets no e-mail."),
            NO_LOGIN: _("%(name)s has no login and cannot open the page the e-mail links to."),
        }[reason] % {"name": names[0]}
    return {
        NO_ADDRESS: _("%(names)s have no e-mail address and get no e-mail."),
        INACTIVE: _("%(names)s are no longer active and get no e-mail."),
        NO_LOGIN: _("%(names)s have no login and cannot open the page the e-mail links to."),
    }[reason] % {"names": names_text(names)}


def _instead_warning(person, stand_in, needs_login: bool) -> str:
    # Without asking the database whether a coordinator has an address: a page's query count
    # must not grow with the people it warns about.
    if (stand_in is not None and getattr(stand_in, "pk", None) != getattr(person, "pk", None)
            and not no_email_reason(stand_in, needs_login=needs_login)):
        return _("%(name)s gets it instead, as deputy.") % {"name": stand_in.name}
    return _("The coordinator gets it instead.")


def no_email_warning(person, *, stand_in=None, needs_login: bool = False) -> str:
    """Before the action: "Carl Nielsen has no e-mail address and gets no e-mail. The
    coordinator gets it instead."; "" when the person can get it."""
    reason = no_email_reason(person, needs_login=needs_login)
    if not reason:
        return ""
    return f"{_warning_text(reason, [person.name])} {_instead_warning(person, stand_in, needs_login)}"


def no_email_warnings(people, *, stand_in=None, needs_login: bool = False,
                      totals: dict[str, int] | None = None) -> list[str]:
    """The warnings before an action that reaches `people` (for
    templates/includes/no_email_warnings.html): one sentence per reason and stand-in, naming
    everyone it is about ("Anne Hansen and Bo Holm have no e-mail address and get no e-mail. The
    coordinator gets it instead."), not one per person. When `people` are the first of many,
    `totals` gives how many there are in all for a reason, and the rest are counted ("… and 5
    others have no e-mail address …")."""
    groups = defaultdict(list)
    for person in people:
        if reason := no_email_reason(person, needs_login=needs_login):
            groups[(reason, _instead_warning(person, stand_in, needs_login))].append(person.name)
    totals = totals or {}
    return [f"{_warning_text(reason, names, max(totals.get(reason, 0) - len(names), 0))} {instead}"
            for (reason, instead), names in groups.items()]


def reason_label(person, *, needs_login: bool = False) -> str:
    """" – no e-mail address" after a name in a list to choose from; "" when they get e-mail."""
    reason = no_email_reason(person, needs_login=needs_login)
    return f" – {REASONS[reason]}" if reason else ""
