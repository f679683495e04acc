# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Where features meet without importing each other. Each app registers what it adds to a shared
page or command in its `AppConfig.ready`; the page or command iterates the registry. So a lower
layer (core, areas) never imports a feature, and features need not import each other.

- `jobs`: the periodic jobs `run_jobs` runs, each returning its line of the report;
- `assignment_started`: what happens when an employee becomes an area's contact or deputy
  (onboarding gives them the checklist), called inside the assignment's transaction;
- `assignments_changed`: what follows when an employee's assignments change (one started or
  ended, an import's too), called as `changed(employee=…, actor=…)` inside the assignment's
  transaction (meetings: the coming coordination meetings' participants follow);
- `employee_deactivated`: what follows when an employee is deactivated (by the coordinator or
  the OS2mo sync), called as `deactivated(employee=…, actor=…)` inside the deactivation's
  transaction; each returns a sentence for the coordinator, or "" (meetings: taken off the
  coming coordination meetings);
- `mine_workload`, `mine_panels`, `area_panels`: parts of "Mine områder" (the lines of "Waiting
  for you" and the sections under it) and of the area page, each a template and a function giving
  its context (`panels_for`);
- `coordinator_blocks`, `colleague_blocks`: the blocks of the coordinator's and a colleague's
  start page (workspace), each a `Panel` whose template renders one row and whose context,
  called as `context(request, employee=…)`, gives a `StartBlock` (`start_block` builds one);
- `briefing_sections`: the sections of an area's briefing pack (introduktionspakke; the page and
  its PDF), each a `Panel` whose context is called as `context(user, area=...)` with the reader;
  its template is rendered with `pdf` true in the PDF, where nothing is a link;
- `council_panels`: parts of the local council's home page (its area's inquiries, consultations),
  each a `Panel` whose context is called as `context(request, area=...)`;
- `personal_data`: the models whose objects hold a person's data, keyed by model label
  ("inquiries.inquiry"), each a `PersonalData`: whose data an object holds (for the access log)
  and which objects hold a given person's data (the log's "who has seen X's data?"), and how
  to export and erase it (the data subject's rights, core.subjectrights);
- `demo_loaders`: what `load_demo` adds after the areas, each called as `loader(with_users=...)`
  (with_users: the demo logins were made) in order;
- `demo_area_loaders`: what `areas.demo.load_hedensted` adds to the areas it made (Bilag 1's
  development projects, the demo's notes), each called as `load(areas=…, bilag=…, with_users=…)`;
- `tagged_texts`: the texts staff tag with focus areas (inquiries, consultations, notes), each a
  function giving (text, [focus area ids]) for every tagged object, from which core.suggest
  learns (the periodic job counts them all again once a day);
- `planned_handovers`: which of the given areas already have a handover planned, each called
  as `planned(area_ids)` and returning {area id: the planned handover's URL} (one query), so the
  coordinator's overview offers to follow it instead of starting another;
- `email_secret_links`: the private links (a token in the URL) that e-mails carry, each a
  `SecretLink`; core.retention blanks them in an e-mail's stored text once it is sent.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import IntegerField, Subquery


@dataclass(frozen=True)
class Entry:
    key: str
    order: int
    value: Any


class Registry:
    """Named entries kept in a stable order (by `order`, then key). Registering a key again
    replaces it, so `ready` may run twice (as in tests) without doubling anything."""

    def __init__(self, name: str):
        self.name = name
        self._entries: dict[str, Entry] = {}

    def register(self, key: str, value, *, order: int = 100) -> None:
        self._entries[key] = Entry(key=key, order=order, value=value)

    def __iter__(self):
        return iter(value for _key, value in self.items())

    def items(self):
        """(key, value) pairs in order."""
        entries = sorted(self._entries.values(), key=lambda e: (e.order, e.key))
        return iter((e.key, e.value) for e in entries)

    def __contains__(self, key: str) -> bool:
        return key in self._entries

    def get(self, key: str, default=None):
        """The value registered as `key`, or `default`."""
        entry = self._entries.get(key)
        return entry.value if entry is not None else default


@dataclass(frozen=True)
class Panel:
    """A part of a shared page: `template` rendered with what `context(request, **page)` returns;
    a panel whose context is None is left out. `css` names a stylesheet the panel needs.
    `kept_by` (the coordinator's start blocks): what the context is drawn from, models (their
    tables' writes, core.tablewrites) or querysets (their rows' count and ids); a block that
    names them gives the same context to every coordinator and is kept until one of them
    changes or the day does (workspace.kept)."""

    template: str
    context: Callable[..., dict | None]
    css: str = ""
    kept_by: tuple = ()


@dataclass(frozen=True)
class BoundPanel:
    template: str
    context: dict
    css: str = ""
    key: str = ""


def panels_for(registry: Registry, request, **page) -> list[BoundPanel]:
    """The registry's panels for this request and page (e.g. employee=…, area=…), in order,
    without those that have nothing to show. Render each with `{% panel p %}` (core.templatetags.lk)."""
    bound = []
    for key, panel in registry.items():
        context = panel.context(request, **page)
        if context is not None:
            bound.append(BoundPanel(template=panel.template, context=context, css=panel.css, key=key))
    return bound


START_ROWS = 5


@dataclass(frozen=True)
class StartBlock:
    """A block of a start page: what it is about, how many there are, the first few of them
    (each rendered with the panel's row template), and the full list's address."""

    title: str
    count: int
    rows: list
    url: str
    link_text: str

    @property
    def more(self) -> int:
        return self.count - len(self.rows)


START_TOTAL = "start_block_total"


def start_block(queryset, *, title: str, url: str, link_text: str,
                limit: int = START_ROWS) -> dict:
    """The context of a start page's block: the queryset's count and its first `limit` rows, in
    one query whatever the number of rows: each row carries the count of them all (a subquery
    the database works out once, `SELECT COUNT(*) FROM (…)`), and no row means none."""
    total = _CountOf(queryset.order_by().values("pk"))
    rows = list(queryset.annotate(**{START_TOTAL: total})[:limit])
    count = _start_total(rows[0]) if rows else 0
    return {"block": StartBlock(title=title, count=count, rows=rows, url=url,
                                link_text=link_text)}


def _start_total(row) -> int:
    return row[START_TOTAL] if isinstance(row, dict) else getattr(row, START_TOTAL)


class _CountOf(Subquery):
    """How many rows a queryset has, as a scalar subquery that refers to nothing outside it."""

    template = "(SELECT COUNT(*) FROM (%(subquery)s) start_block_rows)"
    output_field = IntegerField()


@dataclass(frozen=True)
class ExportFile:
    """A file of a person's export (core.subjectrights): its name as stored (made safe again in
    the archive), its size and how to open it (a binary file object)."""

    name: str
    size: int
    open: Callable[[], Any]


@dataclass(frozen=True)
class ExportSection:
    """One object in a person's export: a title, its fields as (label, value) pairs in the
    order shown, and the person's files that belong to it."""

    title: str
    fields: list[tuple[str, str]]
    files: list[ExportFile] = field(default_factory=list)


@dataclass(frozen=True)
class Erasure:
    """What erasing the person's data from one object does (the plan, before) or did (the
    outcome, after): what is (was) erased, what is kept and why, or why nothing may be erased
    now (`refused`). An object with nothing left to erase has neither `erased` nor `refused`."""

    object_id: int
    title: str
    erased: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    refused: str = ""


@dataclass(frozen=True)
class PersonalData:
    """A model whose objects hold a person's data (registered in `personal_data` under the
    model's label). `describe(ids)` says, in one query, whose data each object that still exists
    holds, as the log's reader should see it, and where the object is shown:
    {id: ("Mette Borger, mette@example.dk", "/henvendelser/12/" or None)}; `find(query)` is a
    queryset of the ids (`values("pk")`) of the objects holding data of the person a name or
    e-mail address names.

    The data subject's rights (core.subjectrights): `export(ids)` gives an `ExportSection` for
    each object (art. 15); `erasure(ids)` the `Erasure` plan of each, without changing anything;
    `erase(ids, actor=…, query=…)` erases what the plan allows, inside the caller's transaction, and gives
    the outcome of each (art. 17). The app decides what the law lets it erase."""

    label: Any  # what one object is called, e.g. _("Inquiry")
    describe: Callable[[list[int]], dict[int, tuple[str, str | None]]]
    find: Callable[[str], Any]
    export: Callable[[list[int]], list[ExportSection]] | None = None
    erasure: Callable[[list[int]], list[Erasure]] | None = None
    erase: Callable[..., list[Erasure]] | None = None


@dataclass(frozen=True)
class SecretLink:
    """A private link that e-mails carry: the URL pattern `url_name` whose argument `kwarg` is
    the secret token (URL-safe characters)."""

    url_name: str
    kwarg: str = "token"


jobs = Registry("jobs")
assignment_started = Registry("assignment_started")
assignments_changed = Registry("assignments_changed")
employee_deactivated = Registry("employee_deactivated")
mine_workload = Registry("mine_workload")
mine_panels = Registry("mine_panels")
area_panels = Registry("area_panels")
demo_loaders = Registry("demo_loaders")
demo_area_loaders = Registry("demo_area_loaders")
council_panels = Registry("council_panels")
briefing_sections = Registry("briefing_sections")
coordinator_blocks = Registry("coordinator_blocks")
colleague_blocks = Registry("colleague_blocks")
personal_data = Registry("personal_data")
email_secret_links = Registry("email_secret_links")
planned_handovers = Registry("planned_handovers")
tagged_texts = Registry("tagged_texts")


def planned_handover_links(area_ids) -> dict:
    """{area id: URL} of the areas among `area_ids` whose handover is planned (planned_handovers)."""
    links: dict = {}
    for planned in planned_handovers:
        links.update(planned(list(area_ids)))
    return links
