# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The exports the worker can build, registered by their apps in `AppConfig.ready` under a
dotted name ("inquiries.list"), so core imports no app."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, NamedTuple

from lokalkontakt.core.registry import Registry
from lokalkontakt.core.xlsx import CONTENT_TYPE as XLSX


class Written(NamedTuple):
    """What a writer may return instead of the bare references: the personal data written (as
    (model label, id) pairs, logged at each download) and `shown`, a JSON record of which rows
    the file shows (say, their ids), kept with a prepared export for its `still_visible`."""

    references: list
    shown: Any = None


def written(result) -> Written:
    """A writer's result as Written (a bare list of references shows nothing to check)."""
    return result if isinstance(result, Written) else Written(list(result or []), None)


@dataclass(frozen=True)
class Export:
    """`write(workbook, *, user, params)` fills a write-only workbook (core.xlsx) with what
    `user` may see for `params` (the filter's values as JSON, validated again as the export's
    form does; an invalid filter raises, so the export fails rather than widens) and returns the
    personal data it wrote as (model label, id) pairs (logged with `how` at each download; empty
    when it holds none), or a Written that also says what it `shown`. `filename(params)` names
    the file.

    Who may download a prepared file is checked again at each download, as of then:
    `allowed(user)`, the role, and `still_visible(user, shown)`, whether the user may still see
    every row the file shows (False: the file is deleted and the download answers 404). An
    export whose rows depend on more than the role (an inquiry's contact, a leader's core areas)
    must record `shown` and give `still_visible`; one that only the role decides (the access
    log, the rollout's table) needs neither.

    An export of another `content_type` than a spreadsheet (the journal's ZIP of a period's
    cases) is always built by the worker: its `write(handle, *, user, params)` writes the file
    into an open binary file. `one_at_a_time`: while one of the user's is queued, asking for
    another of the same export is refused (one that makes the worker busy for a minute)."""

    write: Callable
    filename: Callable[[dict], str]
    allowed: Callable = lambda user: True
    how: str = "export"
    still_visible: Callable = lambda user, shown: True
    content_type: str = XLSX
    one_at_a_time: bool = False

    @property
    def is_workbook(self) -> bool:
        """Whether `write` fills a write-only workbook (else it writes a binary file)."""
        return self.content_type == XLSX


exports = Registry("exports")
