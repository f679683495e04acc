# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The candidates for an area and their score, in SQL, so that the database ranks them all and
only the best few are loaded (issue 20: a large municipality has a thousand candidates).

Each part is the expression of scoring's rule, computed in the same floating-point operations in
the same order (the same libm functions: SQLite's and PostgreSQL's call the C library as Python
does), so the score equals scoring.score_of's and the order is the same: rounded to six
decimals, best first, then Danish name order (sort_name) and pk. The balance part depends only on
the core area: it is computed by scoring.balance_of for each core area and given as constants.

The query is written as SQL (rankingsql) rather than built from ORM expressions: building and
compiling the expression tree cost more than running it (about 9 ms a request, issue 20). Each
part reads its table once per candidate (one subquery); the query returns the ids of the best,
the count and what it read of them (the minutes, the nomination part: Facts), and only those are
loaded with the other facts their reasons need (suggestions.facts).

Where the time went at 3,000 areas (SQLite, issue 20): about a third in the pass over the current
assignments (read from their covering partial index, the distance's trigonometry per row: on
SQLite Python functions Django registers, so the asin and square root are taken once per
candidate, of the least h), a third in the minutes per candidate (about two dozen entries each
from the covering index; summing the whole months from timesheets' monthly totals instead was
no faster: the cost is the subquery per candidate, not the rows) and the rest the filter and
the sort. Measured again (in process, 3,000 areas, 1,207 candidates): totals by employee and
week would hold 31,002 rows for 62,764 entries (two entries a week each), and the window's
whole weeks plus its two part weeks from the entries took 5.2 ms against 3.8 for the entries
alone; one grouped query summing the window for every employee took 6.7 ms. The minutes stay
a subquery per candidate.

Measured again (sugg4, 3,000 areas, 889 candidates of 1,207 contacts, CPU in process): of some
8-9 ms, the pass over the current assignments about 4.5 (1.5 of it the distance's trigonometry,
1 the join to the areas), the minutes 3-3.5, scoring and sorting 0.3. Reading the contacts from
that pass (by the employee's key) instead of scanning every employee against an automatic index
saved some 7 %. Not faster, so not kept: minutes from EmployeeMonth's whole months plus the two
part months from the entries, as three subqueries (4.4 ms against 3.6) or as grouped CTEs
joined (13 ms); reading the minutes only for the candidates whose score could still reach the
best 20 (a bound from the whole months' totals): 270 of 889 remained, and the bound's own
subquery cost what the pruning saved (9.8 ms against 8.2); a covering index of the areas'
coordinates: no change."""

import datetime
from dataclasses import dataclass

from django.db import connection

from lokalkontakt.areas.models import Assignment, LocalArea
from lokalkontakt.candidates.models import Nomination
from lokalkontakt.candidates.suggestions.rankingsql import ranking_sql
from lokalkontakt.candidates.suggestions.scoring import Setting
from lokalkontakt.people.models import Employee
from lokalkontakt.timesheets.models import TimeEntry


def read_models() -> dict:
    """The models whose tables the ranking query reads, by the names rankingsql gives them (the
    kept ranking's version reads them: suggestions.kept)."""
    return {"employee": Employee, "assignment": Assignment, "area": LocalArea,
            "nomination": Nomination, "named": Nomination.areas.through, "entry": TimeEntry}


def _tables() -> dict:
    quote = connection.ops.quote_name
    return {key: quote(model._meta.db_table) for key, model in read_models().items()}


@dataclass(frozen=True)
class Facts:
    """What the ranking knows of a candidate: the minutes in the weeks (None without any entry)
    and the nomination part (scoring's: 0 without an open nomination that counts)."""

    minutes: int | None
    part: float


class ScoredCandidates:
    """The candidates for an area and their score; `ranked(limit)` gives the best's ids."""

    def __init__(self, area, setting: Setting, *, start: datetime.date, today: datetime.date):
        self.area, self.setting = area, setting
        self.start, self.today = start, today

    def ranked(self, limit: int | None) -> tuple[list[int], int, dict]:
        """The ids of the best `limit` candidates (all with None), best first as scoring.rank
        orders them, how many candidates there are in all, and the facts of each of the best
        from the ranking: {id: Facts}."""
        sql, params = ranking_sql(self.area.pk, self.setting, tables=_tables(), start=self.start,
                                  today=self.today, limit=limit)
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        return ([row[0] for row in rows], rows[0][1] if rows else 0,
                {pk: Facts(minutes=minutes, part=part or 0.0)
                 for pk, _total, minutes, part in rows})
