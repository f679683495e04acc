# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""An agenda item on the meeting's page, written here as one escaped piece of HTML rather than
by an include of meetings/_item.html per item (issue 20: 60 items a page, each a dozen
conditions and variable lookups, escaped and localised, were a third of the page's time). The
HTML is the template's own; the item's links and texts are worked out once for the page
(views.meeting_page._item_links, item_texts), the labels translated once here."""

from html import escape

from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _


def _text(value) -> str:
    """What {{ value }} writes of a text: escaped (None as "None", as the template does)."""
    return escape(str(value))


def item_writer(*, coordinator: bool):
    """A function writing an item's HTML (an ItemRow with its links and texts) as
    meetings/_item.html does, for a viewer who is the coordinator or not."""
    decisions, experiences = escape(_("Decisions")), escape(_("Experiences"))
    challenges, shared = escape(_("Challenges")), escape(_("Shared as a knowledge note"))
    actions_heading = escape(_("Action items"))

    def write(item) -> str:
        parts = [f"<h3>{_text(item.title)}</h3>\n<p class=\"muted\">"]
        if item.area_slug:
            parts.append(f'<a href="{_text(item.area_url)}">{_text(item.area_name)}</a> · ')
        parts.append(str(item.proposed_text))
        if item.focus_names:
            parts.append(f" · {_text(item.focus_names)}")
        parts.append("</p>\n")
        if item.text:
            parts.append(f'<p class="pre-line">{_text(item.text)}</p>')
        parts.append("\n")
        if item.has_minutes:
            parts.append('<dl class="minutes">\n  ')
            if item.decisions:
                parts.append(f'<dt>{decisions}</dt><dd class="pre-line">'
                             f"{_text(item.decisions)}</dd>")
            parts.append("\n  ")
            if item.experiences:
                note = (f' <a href="{_text(item.note_url)}">{shared}</a>' if item.note_url
                        else "")
                parts.append(f'<dt>{experiences}</dt><dd class="pre-line">'
                             f"{_text(item.experiences)}{note}</dd>")
            parts.append("\n  ")
            if item.challenges:
                parts.append(f'<dt>{challenges}</dt><dd class="pre-line">'
                             f"{_text(item.challenges)}</dd>")
            parts.append("\n</dl>")
        parts.append("\n")
        for index, action in enumerate(item.actions):
            if index == 0:
                parts.append(f"<p><strong>{actions_heading}:</strong></p><ul>")
            parts.append(f'<li><a href="{_text(action.url)}">{_text(action.title)}</a> – '
                         f"{_text(action.owner_name)}, {action.due_text} "
                         f"({_text(action.status_label)})</li>")
            if index == len(item.actions) - 1:
                parts.append("</ul>")
        parts.append("\n")
        if item.may_edit or coordinator:
            parts.append('<p class="item-links">\n  ')
            if item.may_edit:
                parts.append(f'<a href="{_text(item.edit_url)}">{item.edit_text}</a>')
            parts.append("\n  ")
            if coordinator and item.status == "accepted":
                parts.append(f' · <a href="{_text(item.minutes_url)}">{item.minutes_text}</a>'
                             f' · <a href="{_text(item.action_url)}">{item.action_text}</a>')
            parts.append("\n</p>")
        parts.append("\n")
        return mark_safe("".join(parts))  # noqa: S308 - every value is escaped

    return write
