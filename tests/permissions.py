# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The permission matrix's machinery (tests/test_permissions.py explains the roles).

Each app's tests/<app>/test_permissions.py states RULES and GET_STATUS for its own URL names and
checks them with `check_get_by_role`; `merged` joins what the apps state, and tests/test_permissions.py
checks that every URL pattern in the resolver has a rule. Here: the resolver's routes, the world (one
object of every kind) and its users and clients, real arguments for every URL, the checks, and the
helpers they share. tests/conftest.py registers this module's fixtures (pytest_plugins).
"""

import copy
import datetime
import functools
import importlib
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client, override_settings
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse
from django.utils import timezone

from lokalkontakt.areas.models import AreaEvent, Assignment, Council, LocalArea
from lokalkontakt.candidates.models import CandidateRequest, Nomination
from lokalkontakt.consultations.models import Consultation, ConsultationEvent, ConsultationTask
from lokalkontakt.consultations.services import consultation_create
from lokalkontakt.core.exports.models import PreparedExport
from lokalkontakt.core.models import OutgoingEmail
from lokalkontakt.councils.models import CouncilLoginToken, CouncilMember
from lokalkontakt.councils.services import council_member_reinvite
from lokalkontakt.guides.models import Guide
from lokalkontakt.guides.services import guide_save
from lokalkontakt.handovers.models import Handover
from lokalkontakt.handovers.services import handover_start
from lokalkontakt.inquiries.models import Inquiry
from lokalkontakt.inquiries.services.replies import inquiry_reply
from lokalkontakt.inquiries.services.submit import inquiry_submit
from lokalkontakt.journal.models import KleNumber
from lokalkontakt.knowledge.models import Note
from lokalkontakt.knowledge.services import note_create
from lokalkontakt.meetings.ical import feed_token
from lokalkontakt.meetings.models import (
    ActionItem,
    AgendaItem,
    Attendance,
    Bulletin,
    LocalMeeting,
    Meeting,
    MeetingSeries,
)
from lokalkontakt.meetings.services.actions import action_create
from lokalkontakt.meetings.services.agenda import item_propose
from lokalkontakt.meetings.services.bulletins import bulletin_send
from lokalkontakt.meetings.services.calendar_feeds import calendar_feed_get_or_reset
from lokalkontakt.meetings.services.local_meetings import local_meeting_create
from lokalkontakt.onboarding.models import OnboardingStep, OnboardingTask
from lokalkontakt.onboarding.services import onboarding_start, onboarding_step_save
from lokalkontakt.people.models import CoreArea, Employee
from lokalkontakt.people.tokens import Purpose, link_token
from lokalkontakt.projects.models import Project
from lokalkontakt.projects.services import milestone_add, project_save
from lokalkontakt.reports.models import ReportSubscription
from lokalkontakt.rollout.models import RolloutMilestone
from lokalkontakt.timesheets.models import TimeEntry
from lokalkontakt.timesheets.services import time_entry_create
from tests.api.samples import api_sample
from tests.areas.factories import AssignmentFactory, CouncilFactory, LocalAreaFactory
from tests.councils.factories import CouncilMemberFactory
from tests.people.factories import (
    CoreAreaFactory,
    EmployeeFactory,
    UserFactory,
    make_colleague,
    make_contact_user,
    make_coordinator,
)

ADMIN_NAMESPACE = admin.site.name

# RULES in tests/<app>/test_permissions.py: URL name -> the least a user must be to open it:
#   "public"      anyone;
#   "signed_in"   any signed-in user (logging out);
#   "staff"       an active employee or a coordinator (core.view_internal);
#   "coordinator" the coordinator (core.coordinate);
#   "council"     a council member (core.council);
#   "a|b"         anyone who is a or b (e.g. "staff|council").
#   "admin"       Django's is_staff flag: the admin site, which sends everyone else to its login.
# Every name of the admin namespace not listed in a RULES falls under ADMIN_GROUP.
ADMIN_GROUP = f"{ADMIN_NAMESPACE}:*"

ROLES = ["anonymous", "outsider", "colleague", "contact", "coordinator", "council"]
ROLE_LEVELS = {
    "anonymous": {"public"},
    "outsider": {"public", "signed_in"},
    "colleague": {"public", "signed_in", "staff"},
    "contact": {"public", "signed_in", "staff"},
    "coordinator": {"public", "signed_in", "staff", "coordinator"},
    "council": {"public", "signed_in", "council"},
}
STAFF_ROLES = {role for role, levels in ROLE_LEVELS.items() if "staff" in levels}
INQUIRY_ACTIONS = ["acknowledge", "reply", "comment", "close", "forward", "tag",
                   "forward_core_area"]  # staff, POST only
# The consultation in the world was requested by the coordinator, for Glud (the contact's area).
CONSULTATION_PAGES = ["detail", "export", "print"]  # the requester and the coordinator only


# --- walking the resolver ---------------------------------------------------------------------


@dataclass(frozen=True)
class Route:
    key: str  # "namespace:name", or "namespace:<unnamed route>" for a pattern without a name
    name: str | None
    namespace: str | None
    route: str  # the pattern's text from the root, e.g. "omraader/<slug:slug>/"
    pattern: URLPattern

    @property
    def kwarg_names(self) -> list[str]:
        return list(self.pattern.pattern.regex.groupindex)

    @property
    def positional(self) -> int:
        regex = self.pattern.pattern.regex
        return regex.groups - len(regex.groupindex)

    @property
    def is_admin(self) -> bool:
        return (self.namespace or "").split(":")[0] == ADMIN_NAMESPACE

    @property
    def app(self) -> str:
        """The app whose view answers: lokalkontakt.<app>, or core for Django's own views."""
        module = self.pattern.callback.__module__.split(".")
        return module[1] if module[0] == "lokalkontakt" else "core"

    def __str__(self):
        return self.key


def _walk(patterns, namespace=None, prefix=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            inner = namespace
            if entry.namespace:
                inner = f"{namespace}:{entry.namespace}" if namespace else entry.namespace
            yield from _walk(entry.url_patterns, inner, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            route = prefix + str(entry.pattern)
            if entry.name:
                key = f"{namespace}:{entry.name}" if namespace else entry.name
            else:
                key = f"{namespace or ''}:<unnamed {route}>"
            yield Route(key, entry.name, namespace, route, entry)


@functools.cache
def all_routes() -> tuple[Route, ...]:
    return tuple(_walk(get_resolver().url_patterns))


def rule_for(route: Route, rules: dict) -> str | None:
    if route.key in rules:
        return rules[route.key]
    if route.is_admin:
        return rules.get(ADMIN_GROUP)
    return None


def routes_ruled_by(rules: dict) -> list[Route]:
    """The routes a module's RULES decide: its URL names (and the admin's, for ADMIN_GROUP)."""
    return [route for route in all_routes() if rule_for(route, rules) is not None]


# --- every app's rules ------------------------------------------------------------------------


def app_modules() -> list:
    """Every tests/<app>/test_permissions.py that states RULES (every folder of tests/ is a package,
    so each is importable as tests.<app>.test_permissions)."""
    modules = [importlib.import_module(f"tests.{path.parent.name}.test_permissions")
               for path in sorted(Path(__file__).parent.glob("*/test_permissions.py"))]
    return [module for module in modules if hasattr(module, "RULES")]


def module_path(module) -> str:
    return f"tests/{module.__name__.split('.')[1]}/test_permissions.py"


def merged(attribute: str) -> dict:
    """One dict of what every app states as `attribute` (RULES, GET_STATUS, POST_ACTIONS, ...); a
    key two apps state fails the test, naming both."""
    result, owner = {}, {}
    for module in app_modules():
        for key, value in getattr(module, attribute, {}).items():
            if key in result:
                pytest.fail(f"{attribute}: {key!r} is stated by both {owner[key]} and "
                            f"{module_path(module)}; a URL belongs to one app")
            result[key] = value
            owner[key] = module_path(module)
    return result


# --- the world: one object of every kind ------------------------------------------------------


@dataclass
class World:
    area: LocalArea
    assignment: Assignment
    employee: Employee
    core_area: CoreArea
    clients: dict
    inquiry: Inquiry | None = None
    token: str = ""
    answered: Inquiry | None = None
    council_member: CouncilMember | None = None
    council_token: str = ""
    consultation: Consultation | None = None
    files: dict | None = None
    note: Note | None = None
    meetings: dict | None = None
    time_entry: TimeEntry | None = None
    project: Project | None = None
    rollout_milestone: RolloutMilestone | None = None
    handover: Handover | None = None
    onboarding_step: OnboardingStep | None = None
    onboarding_task: OnboardingTask | None = None
    users: dict = field(default_factory=dict)  # role -> user, the clients' (anonymous has none)
    media_root: Path | None = None  # where the world's files are stored


def make_outsider():
    """Signed in, but the employee record has been made inactive (a former employee)."""
    user = UserFactory(username="tidligere")
    EmployeeFactory(user=user, name="Tove Tidligere", is_active=False)
    return user


def make_contact(user):
    """The user made an employee with an active assignment (in Kontaktby)."""
    AssignmentFactory(employee=user.employee, area=LocalAreaFactory(name="Kontaktby"))
    return user


@pytest.fixture
def outsider(db):
    """Signed in, but the employee record has been made inactive (a former employee)."""
    return make_outsider()


@pytest.fixture
def contact(contact_user):
    """An employee with an active assignment."""
    return make_contact(contact_user)


@pytest.fixture
def world(outsider, colleague, contact, coordinator, settings, tmp_path):
    """The world for one test: the POST checks, which change it."""
    settings.MEDIA_ROOT = tmp_path
    users = {"outsider": outsider, "colleague": colleague, "contact": contact,
             "coordinator": coordinator}
    return build_world(users=users, media_root=tmp_path)


@pytest.fixture(scope="class")
def _world_of_the_class(django_db_setup, django_db_blocker, suite_settings, tmp_path_factory):
    """The world and its signed-in clients, built once for a class of GET checks in a transaction
    that is rolled back after the class. Each test's own transaction (the db fixture) is a
    savepoint inside it, so what a request changes is gone before the next test, as with a world
    of its own. Made in the tests' settings (tests/conftest.py), which function-scoped fixtures
    cannot give a class."""
    media_root = tmp_path_factory.mktemp("world")
    with (django_db_blocker.unblock(),
          override_settings(**suite_settings, MEDIA_ROOT=media_root),
          transaction.atomic()):
        try:
            # The order of the fixtures in `world`; get_or_create for the coordinator group, which a
            # transactional test before this class may have flushed.
            users = {"outsider": make_outsider(), "colleague": make_colleague(),
                     "contact": make_contact(make_contact_user()),
                     "coordinator": make_coordinator()}
            world = build_world(users=users, media_root=media_root)
            yield world, {role: copy.deepcopy(client.cookies) for role, client in world.clients.items()}
        finally:
            transaction.set_rollback(True)


@pytest.fixture
def world_to_get(_world_of_the_class, db):
    """The class's world, its clients with the cookies they had when signed in (a session's rows
    are the class's, and a test's changes to them are rolled back with the test). Only for GETs:
    they change no Python object of the world that a later test would see."""
    world, cookies = _world_of_the_class
    for role, client in world.clients.items():
        client.cookies = copy.deepcopy(cookies[role])
    return world


def role_clients(users: dict) -> dict:
    """A client for every role, signed in with force_login but the anonymous one."""
    clients = {"anonymous": Client()}
    for role, user in users.items():
        clients[role] = Client()
        clients[role].force_login(user)
    return clients


PDF = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n"


def pdf(name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF, "application/pdf")


def build_world(*, users: dict, media_root: Path) -> World:
    """Glud with the contact as primary contact and a council member; an inquiry, a consultation,
    a note, meetings, a time entry, a project, a rollout step, a handover and an onboarding
    checklist. `users` are the outsider, colleague, contact and coordinator; the council member's
    user joins them."""
    contact, coordinator, colleague = users["contact"], users["coordinator"], users["colleague"]
    area = LocalAreaFactory(name="Glud")
    council_member = CouncilMemberFactory(council=CouncilFactory(area=area), name="Rita Rådsmedlem")
    assignment = AssignmentFactory(area=area, employee=contact.employee)
    core_area = CoreAreaFactory(name="Teknik og Miljø")
    users = {**users, "council": council_member.user}
    clients = role_clients(users)
    # Routed to the contact (Glud's primary contact); the colleague may not see it.
    inquiry, token = inquiry_submit(
        area=area, submitter_kind=Inquiry.SubmitterKind.CITIZEN, subject="Vejbump på Skolevej",
        text="Kan vi få et vejbump?", submitter_name="Bo Borger",
        submitter_email="bo@example.dk", submitter_phone="+45 20 00 00 00", client="192.0.2.1",
        files=[pdf("foto.pdf")])
    # A second inquiry, answered with a file: what the council may download.
    answered, _token = inquiry_submit(
        area=area, submitter_kind=Inquiry.SubmitterKind.COUNCIL, subject="Stien til stranden",
        text="Hvornår bliver stien lavet?", submitter_name="Rita Rådsmedlem",
        submitter_email="rita@example.dk", client="192.0.2.2")
    reply = inquiry_reply(inquiry=answered, text="Til foråret.", actor=contact,
                          files=[pdf("plan.pdf")])
    council_member_reinvite(member=council_member, actor=coordinator)
    council_token = re.search(r"/lokalraad/log-ind/([\w-]+)/",
                              OutgoingEmail.objects.order_by("pk").last().body).group(1)
    consultation = consultation_create(
        title="Ny skolestruktur", description="Hvad mener området?", areas=[area],
        deadline=timezone.localdate() + datetime.timedelta(days=14), actor=coordinator,
        attachments=[pdf("forslag.pdf")])
    note = note_create(actor=contact, area=area, title="Foreningerne i Glud", text="**Mange**",
                       kind=Note.Kind.ASSOCIATIONS, visibility=Note.Visibility.COUNCIL,
                       attachments=[pdf("foreninger.pdf")])
    meetings = meetings_world(area=area, contact=contact, coordinator=coordinator)
    files = {"submission": inquiry.attachments.get(event__isnull=True),
             "reply": reply.attachments.get(),
             "consultation": consultation.attachments.get(),
             "note": note.attachments.get()}
    return World(area=area, assignment=assignment, employee=colleague.employee,
                 core_area=core_area, clients=clients, inquiry=inquiry, token=token,
                 answered=answered, council_member=council_member, council_token=council_token,
                 consultation=consultation, files=files, note=note, meetings=meetings,
                 time_entry=time_entry_create(actor=contact, area=area, day=timezone.localdate(),
                                              minutes=45, kind=TimeEntry.Kind.COUNCIL),
                 project=_project(area=area, lead=contact, coordinator=coordinator),
                 rollout_milestone=RolloutMilestone.objects.create(
                     title="Møde for alle lokalråd", planned_from=datetime.date(2019, 11, 1),
                     planned_to=datetime.date(2019, 11, 30)),
                 handover=_handover(contact=contact, coordinator=coordinator),
                 **_onboarding(assignment=assignment, coordinator=coordinator),
                 users=users, media_root=media_root)


def _onboarding(*, assignment, coordinator) -> dict:
    """A step of the checklist template, and the contact's checklist for Glud made from it."""
    step = onboarding_step_save(actor=coordinator, title="Mød lokalrådet", position=1)
    [task] = [task for task in onboarding_start(assignment=assignment) if task.step_id == step.pk]
    return {"onboarding_step": step, "onboarding_task": task}


def nomination(world: World) -> Nomination:
    """The colleague's open nomination, made by the colleague as if a leader (created once)."""
    employee = world.employee
    nomination, _created = Nomination.objects.get_or_create(
        employee=employee, status=Nomination.Status.PROPOSED,
        defaults={"core_area": employee.core_area, "nominated_by": employee.user})
    return nomination


def _project(*, area, lead, coordinator) -> Project:
    """A development project in Glud led by the contact, with a milestone."""
    project = project_save(actor=coordinator, title="Landsbyfornyelse i Glud", status="active",
                           areas=[area], lead=lead.employee)
    milestone_add(project=project, actor=coordinator, title="Borgermøde")
    return project


def _handover(*, contact, coordinator) -> Handover:
    """The contact's Kontaktby, planned to go to a new employee in two weeks."""
    return handover_start(area=LocalArea.objects.get(name="Kontaktby"),
                          to_employee=EmployeeFactory(name="Nanna Ny"), actor=coordinator,
                          switch_on=timezone.localdate() + datetime.timedelta(days=14))


def meetings_world(*, area, contact, coordinator) -> dict:
    """A coming meeting with the contact's proposed item, a held one with minutes and an action
    item for the contact, a bulletin to the contacts, the contact's local meeting in Glud and
    their calendar feed."""
    start = timezone.now().replace(microsecond=0)
    coming = Meeting.objects.create(
        title="Koordinerende møde", starts_at=start + datetime.timedelta(days=30),
        ends_at=start + datetime.timedelta(days=30, hours=2),
        proposal_deadline=timezone.localdate() + datetime.timedelta(days=20))
    held = Meeting.objects.create(
        title="Koordinerende møde", starts_at=start - datetime.timedelta(days=30),
        ends_at=start - datetime.timedelta(days=30, hours=-2),
        proposal_deadline=timezone.localdate() - datetime.timedelta(days=40))
    # The contact is invited; the coordinator is not yet (the coordinator's "invite new" adds them).
    Attendance.objects.create(meeting=coming, employee=contact.employee)
    item = item_propose(meeting=coming, actor=contact, title="Trafik i Glud", area=area)
    discussed = AgendaItem.objects.create(meeting=held, title="Erfaringer", position=1,
                                          status=AgendaItem.Status.ACCEPTED,
                                          experiences="Borgermøder virker.")
    action = action_create(meeting=held, actor=coordinator, title="Ring til vejafdelingen",
                           owner=contact.employee, due_on=timezone.localdate(),
                           agenda_item=discussed)
    bulletin = bulletin_send(actor=coordinator, title="Nyt fra koordinatoren", text="Hej alle")
    local = local_meeting_create(actor=contact, area=area, kind=LocalMeeting.Kind.COUNCIL,
                                 held_on=timezone.localdate(), note="Godt møde")
    feed = calendar_feed_get_or_reset(user=contact)
    return {"coming": coming, "held": held, "item": item, "discussed": discussed,
            "action": action, "bulletin": bulletin, "local": local, "feed": feed}


# --- real arguments for every URL -------------------------------------------------------------


def guide_version(world: World, *, audience: str) -> int:
    """A saved version of the audience's guide (saved once by the coordinator)."""
    record = Guide.history.filter(audience=audience).order_by("history_id").first()
    if record is None:
        guide_save(actor=world.users["coordinator"], audience=audience, title="Vejledning",
                   body="Om **Lokalkontakten**.", note="Første udgave")
        record = Guide.history.filter(audience=audience).order_by("history_id").first()
    return record.history_id


def admin_model(route: Route):
    for model in admin.site._registry:
        if route.route.startswith(f"admin/{model._meta.app_label}/{model._meta.model_name}/"):
            return model
    return None


def admin_object_pk(model) -> str:
    obj = model._default_manager.order_by("pk").first()
    return str(obj.pk) if obj is not None else "0"


def failed_email(world: World) -> OutgoingEmail:
    """A receipt that failed its last attempt (created once)."""
    email, _created = OutgoingEmail.objects.get_or_create(
        subject="Kvittering for din henvendelse", status=OutgoingEmail.Status.FAILED,
        defaults={"to": ["bo@example.dk"], "body": "Tak", "attempts": 10,
                  "last_error": "SMTPRecipientsRefused: bo@example.dk"})
    return email


def report_subscription(world: World) -> ReportSubscription:
    """The committee secretary's monthly report (created once)."""
    subscription, _created = ReportSubscription.objects.get_or_create(
        kind="scheme", frequency=ReportSubscription.Frequency.MONTHLY,
        defaults={"recipients": ["sekretaer@example.dk"]})
    return subscription


def prepared_export(world: World) -> PreparedExport:
    """The coordinator's ready export of the inquiry list (made once)."""
    export = PreparedExport.objects.filter(requested_by=world.users["coordinator"]).first()
    if export is None:
        export = PreparedExport(requested_by=world.users["coordinator"], name="inquiries.list",
                                status=PreparedExport.Status.READY, file_name="henvendelser.xlsx")
        export.file.save("henvendelser.xlsx", ContentFile(b"PK\x05\x06" + bytes(18)))
    return export


def source_conflict(world: World) -> AreaEvent:
    """An open conflict in a source about the world's area (recorded once)."""
    from lokalkontakt.areas.services.conflicts import conflict_record

    return conflict_record(area=world.area, code="listed_with_and_without_contact",
                           source="Bilag 1", entry=f"{world.area.name} – udviklingsprojekt/Nogen")


def _sample_pk(route: Route, world: World):
    """The world's object that a view's `pk` names."""
    if route.key == "coordination:conflict_settle":
        return source_conflict(world).pk
    if route.key in {"exports:status", "exports:download"}:
        return prepared_export(world).pk
    if route.key in {"nominations:decide", "nominations:withdraw"}:
        return nomination(world).pk
    by_view = {
        "coordination:end_assignment": world.assignment.pk,
        "coordination:handover": world.assignment.pk,
        "emails:resend": failed_email(world).pk,
        "people:employee_detail": world.employee.pk,
        "people:employee_edit": world.employee.pk,
        "people:employee_login_create": world.employee.pk,
        "people:employee_login_send": world.employee.pk,
        "people:core_area_edit": world.core_area.pk,
        **{f"inquiries:{name}": world.inquiry.pk
           for name in ["detail", "file", *INQUIRY_ACTIONS]},
        "inquiries:council_detail": world.answered.pk,
        "inquiries:council_file": world.answered.pk,
        "council:member_reinvite": world.council_member.pk,
        "council:member_deactivate": world.council_member.pk,
        **{f"consultations:{name}": world.consultation.pk
           for name in [*CONSULTATION_PAGES, "close"]},
        "consultations:task": world.consultation.tasks.get().pk,
        "consultations:attachment": world.files["consultation"].pk,
        **{f"knowledge:{name}": world.note.pk
           for name in ["detail", "edit", "delete", "version"]},
        "knowledge:attachment": world.files["note"].pk,
        **{f"meetings:{name}": world.meetings["coming"].pk
           for name in ["detail", "ics", "edit", "cancel", "invite_new", "respond", "arrange",
                        "publish_agenda", "propose", "attendance", "action_new"]},
        "meetings:publish_minutes": world.meetings["held"].pk,
        "meetings:item_edit": world.meetings["item"].pk,
        "meetings:minutes": world.meetings["discussed"].pk,
        "meetings:action": world.meetings["action"].pk,
        **{f"time:{name}": world.time_entry.pk for name in ["edit", "delete"]},
        **{f"projects:{name}": world.project.pk
           for name in ["detail", "edit", "milestone_new"]},
        "projects:milestone_done": world.project.milestones.get().pk,
        **{f"rollout:milestone_{name}": world.rollout_milestone.pk
           for name in ["edit", "status", "delete"]},
        **{f"handovers:{name}": world.handover.pk
           for name in ["detail", "note", "confirm", "reschedule", "cancel"]},
        "onboarding:step_edit": world.onboarding_step.pk,
        "onboarding:task_done": world.onboarding_task.pk,
        "meetings:bulletin": world.meetings["bulletin"].pk,
        **{f"reports:subscription_{name}": report_subscription(world).pk
           for name in ["edit", "active"]},
        **{f"meetings:local_{name}": world.meetings["local"].pk
           for name in ["edit", "delete"]},
        **{f"journal:inquiry_{name}": world.inquiry.pk for name in ["package", "journalise"]},
        **{f"journal:consultation_{name}": world.consultation.pk
           for name in ["package", "journalise"]},
    }
    if route.key not in by_view:
        pytest.fail(f"{route}: no sample pk for this view; add it to sample_arguments()")
    return by_view[route.key]


def sample_arguments(route: Route, world: World) -> tuple[list, dict]:
    """Real values for a pattern's arguments, chosen by kwarg name (and view name for pk)."""
    kwargs = {}
    for name in route.kwarg_names:
        if route.key.startswith(("api:", "api_keys:")):
            kwargs[name] = api_sample(route.key, name, world)
        elif name == "slug":
            kwargs[name] = world.area.slug
        elif name == "pk":
            kwargs[name] = _sample_pk(route, world)
        elif name == "token" and route.key in {"inquiries:track", "inquiries:track_file"}:
            kwargs[name] = world.token
        elif name == "token" and route.key == "council:confirm":
            kwargs[name] = world.council_token
        elif name == "token" and route.key == "account:password_set":
            kwargs[name] = link_token(world.users["colleague"], Purpose.RESET)
        elif route.key == "meetings:feed" and name == "feed_id":
            kwargs[name] = world.meetings["feed"].pk
        elif route.key == "meetings:feed" and name == "token":
            kwargs[name] = feed_token(world.meetings["feed"])
        elif name == "attachment_pk":
            # The submitter's own file for staff and the tracking link; a staff reply's for the
            # council, who never see what the submitter attached.
            kind = "reply" if route.key == "inquiries:council_file" else "submission"
            kwargs[name] = world.files[kind].pk
        elif name == "focus_area" and route.key == "reports:focus":
            kwargs[name] = "smidige-processer"  # core's data migration loads the 15
        elif name == "fmt":
            kwargs[name] = "csv"
        elif name == "name" and route.key == "coordination:overview_list":
            kwargs[name] = "uden-kontakt"
        elif name == "history_id" and route.key == "knowledge:version":
            kwargs[name] = world.note.history.order_by("history_id").first().history_id
        elif name == "history_id" and route.key.startswith("guides:"):
            kwargs[name] = guide_version(world, audience=route.name.split("_")[0])
        elif route.key == f"{ADMIN_NAMESPACE}:view_on_site" and name == "object_id":
            kwargs[name] = str(world.area.pk)
        elif route.is_admin and name in {"object_id", "id"} and admin_model(route):
            kwargs[name] = admin_object_pk(admin_model(route))
        elif route.is_admin and name == "app_label":
            kwargs[name] = "areas"
        elif route.is_admin and name == "content_type_id":
            kwargs[name] = str(ContentType.objects.get_for_model(LocalArea).pk)
        elif route.is_admin and name == "url":
            kwargs[name] = "ingen-side/"
        else:
            pytest.fail(f"{route}: no sample value for the argument {name!r}")
    args = []
    if route.positional:
        # simple_history's admin view of one historical record: (object id, history id).
        model = admin_model(route)
        if route.positional != 2 or model is None or not hasattr(model, "history"):
            pytest.fail(f"{route}: no sample values for {route.positional} positional arguments")
        record = model.history.order_by("history_id").first()
        args = [str(record.id), str(record.history_id)] if record else ["0", "0"]
    return args, kwargs


def _fill(route_text: str, args: list, kwargs: dict) -> str:
    """A URL for a pattern without a name (reverse() cannot build it)."""
    text = re.sub(r"\(\?P<(\w+)>[^)]*\)", lambda m: str(kwargs[m.group(1)]), route_text)
    text = re.sub(r"<(?:\w+:)?(\w+)>", lambda m: str(kwargs[m.group(1)]), text)
    positional = iter(args)
    text = re.sub(r"\([^)]*\)", lambda m: str(next(positional)), text)
    return "/" + text.replace("^", "").replace("$", "")


def build_url(route: Route, world: World) -> str:
    args, kwargs = sample_arguments(route, world)
    if route.name:
        name = f"{route.namespace}:{route.name}" if route.namespace else route.name
        url = reverse(name, args=args or None, kwargs=kwargs or None)
    else:
        url = _fill(route.route, args, kwargs)
    assert resolve(urlsplit(url).path).func is route.pattern.callback, f"{url} is not {route}"
    return url


# --- pages and answers ------------------------------------------------------------------------


class _PageScan(HTMLParser):
    """Script tags without src, inline event handlers and inline styles: all refused by the CSP."""

    def __init__(self):
        super().__init__()
        self.problems = []
        self.script_nonces = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "script":
            self.script_nonces.append(attributes.get("nonce"))
            if not attributes.get("src"):
                self.problems.append(f"inline <script> at line {self.getpos()[0]}")
        if tag == "style":
            self.problems.append(f"<style> element at line {self.getpos()[0]}")
        for name, _value in attrs:
            if name.startswith("on"):
                self.problems.append(f"inline handler {name}= on <{tag}> at line {self.getpos()[0]}")
            if name == "style":
                self.problems.append(f"style= attribute on <{tag}> at line {self.getpos()[0]}")


def scan_html(content: bytes) -> _PageScan:
    scan = _PageScan()
    scan.feed(content.decode())
    return scan


def csp_directives(response) -> dict[str, list[str]]:
    header = response.headers.get("Content-Security-Policy", "")
    directives = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            directives[words[0]] = words[1:]
    return directives


def login_redirect_problem(response, login_url: str, target: str) -> str | None:
    if response.status_code != 302:
        return f"status {response.status_code}, expected 302 to {login_url}"
    location = urlsplit(response["Location"])
    if location.path != login_url:
        return f"redirects to {response['Location']}, expected {login_url}"
    if parse_qs(location.query).get("next") != [target]:
        return f"redirects to {response['Location']} without next={target}"
    return None


def snapshot() -> dict:
    """Everything a coordinator action could change."""
    models = [LocalArea, Council, Assignment, AreaEvent, Employee, CoreArea, Project,
              get_user_model(), Group, Meeting, MeetingSeries, Attendance, AgendaItem, ActionItem,
              Bulletin, OutgoingEmail, RolloutMilestone, Handover, OnboardingStep, OnboardingTask,
              Nomination, CandidateRequest, ReportSubscription, Guide, KleNumber]
    return {model.__name__: list(model._default_manager.order_by("pk").values()) for model in models}


def council_and_consultation_snapshot() -> dict:
    models = [CouncilMember, CouncilLoginToken, AreaEvent, Consultation, ConsultationTask,
              ConsultationEvent, OutgoingEmail, Note, Note.history.model]
    return {model.__name__: list(model._default_manager.order_by("pk").values()) for model in models}


def today() -> str:
    return timezone.localdate().isoformat()


# --- the checks -------------------------------------------------------------------------------


def _expected_status(route: Route, rule: str, role: str, get_status: dict) -> int:
    if rule == "admin":
        return 302
    if rule == "api_key":
        # The API takes no session: without a key every role is asked for one.
        return get_status.get((route.key, role), 401)
    if ROLE_LEVELS[role] & set(rule.split("|")):
        return get_status.get((route.key, role), 200)
    return 302 if role == "anonymous" else 403


def _redirect_problem(route: Route, rule: str, role: str, response, url: str,
                      login_page: dict) -> str | None:
    """Where a role that is sent away is sent: to the right login page, with next=url."""
    if rule == "admin" and route.key == "admin:logout" and role != "anonymous":
        # Django's admin sends signed-in users from its logout to its index (refused next).
        return None if response["Location"] == reverse("admin:index") else (
            f"redirects to {response['Location']}, expected {reverse('admin:index')}")
    if rule == "admin" and role == "anonymous":
        # The admin site's own views send visitors to the admin's login; the ModelAdmin views
        # are stopped earlier by LoginRequiredMiddleware, which sends them to the staff login.
        problems_by_login = [login_redirect_problem(response, login, url)
                             for login in (reverse("admin:login"), reverse("login"))]
        return None if None in problems_by_login else problems_by_login[0]
    if rule == "admin":
        return login_redirect_problem(response, reverse("admin:login"), url)
    if rule == "api_key":
        return None
    if role == "anonymous" and rule != "public":
        login = reverse(login_page.get(route.key, "login"))
        return login_redirect_problem(response, login, url)
    return None


def check_get_by_role(route: Route, world: World, rules: dict, get_status: dict,
                      login_page: dict | None = None) -> None:
    """A GET of the route by every role answers what its rule and get_status say; anonymous
    visitors are sent to the login page (login_page: URL name -> another login page's name);
    every HTML page has a CSP script-src and no inline script, handler or style."""
    rule = rule_for(route, rules)
    if rule is None:
        pytest.fail(f"{route} has no rule in RULES")
    problems = []
    with override_settings(MEDIA_ROOT=world.media_root):
        url = build_url(route, world)
        for role in ROLES:
            response = world.clients[role].get(url)
            expected = _expected_status(route, rule, role, get_status)
            if response.status_code != expected:
                problems.append(f"{role}: GET {url} answered {response.status_code}, expected {expected}")
                continue
            problem = _redirect_problem(route, rule, role, response, url, login_page or {})
            if problem:
                problems.append(f"{role}: GET {url}: {problem}")
            if (response.status_code == 200 and not route.is_admin
                    and response["Content-Type"].startswith("text/html")):
                problems += [f"{role}: GET {url}: {p}" for p in scan_html(response.content).problems]
                if "script-src" not in csp_directives(response):
                    problems.append(f"{role}: GET {url}: no Content-Security-Policy script-src")
    assert not problems, "\n".join(problems)


def check_coordinator_action(name: str, action, world: World) -> None:
    """A coordinator's POST (action: world -> (kwargs, form data)) is refused to every other role
    and changes nothing; the coordinator's same request goes through and changes something."""
    kwargs, _data = action(world)
    url = reverse(name, kwargs=kwargs or None)
    before = snapshot()
    for role in ["outsider", "colleague", "contact", "council"]:
        _kwargs, data = action(world)
        response = world.clients[role].post(url, data)
        assert response.status_code == 403, f"{role}: POST {url} answered {response.status_code}"
        assert snapshot() == before, f"{role}: POST {url} changed data"
    _kwargs, data = action(world)
    response = world.clients["anonymous"].post(url, data)
    assert login_redirect_problem(response, reverse("login"), url) is None
    assert snapshot() == before, f"anonymous: POST {url} changed data"

    # The same request by the coordinator is valid and does change something.
    _kwargs, data = action(world)
    response = world.clients["coordinator"].post(url, data)
    assert response.status_code == 302, re.sub(r"\s+", " ", response.content.decode())[-6000:]
    assert snapshot() != before


def check_refused_post(name: str, spec: tuple, world: World) -> None:
    """spec: (world -> kwargs, form data, the role whose request goes through, {refused role:
    status}). The refused roles and anonymous visitors change nothing; the allowed role does."""
    kwargs, data, allowed, refused = spec
    url = reverse(name, kwargs=kwargs(world) or None)
    before = council_and_consultation_snapshot()
    for role, status in refused.items():
        response = world.clients[role].post(url, data)
        assert response.status_code == status, f"{role}: POST {url} answered {response.status_code}"
        assert council_and_consultation_snapshot() == before, f"{role}: POST {url} changed data"
    response = world.clients["anonymous"].post(url, data)
    assert response.status_code == 302 and "/log-ind/" in response["Location"]
    assert council_and_consultation_snapshot() == before, f"anonymous: POST {url} changed data"

    response = world.clients[allowed].post(url, data)
    assert response.status_code == 302, re.sub(r"\s+", " ", response.content.decode())[-3000:]
    assert council_and_consultation_snapshot() != before


def check_post_to_an_unseen_object(name: str, kwargs, world: World) -> None:
    """The colleague's POST to the world's object (kwargs: world -> kwargs), which they may not
    see, answers 404 and changes nothing."""
    url = reverse(name, kwargs=kwargs(world))
    before = snapshot()
    response = world.clients["colleague"].post(url)
    assert response.status_code == 404, f"colleague: POST {url} answered {response.status_code}"
    assert snapshot() == before
