"""Who may open what: every URL pattern in the resolver against every role.

Each URL name has a rule in EXPECTED. A URL that appears in the resolver without a rule fails
`test_every_url_pattern_has_a_rule`, so a new view cannot ship without deciding who may see it.
Everything that is not in PUBLIC must send anonymous visitors to a login page.

Roles (all signed in with force_login, except the login-throttling tests, which post the real
form because django-axes needs the request):
- anonymous;
- outsider: a signed-in user whose employee record is no longer active;
- colleague: an employee without assignments;
- contact: an employee with an active assignment;
- coordinator: the `coordinator` fixture (member of the coordinator group);
- council: a member of Glud's local council, signed in (as after the one-time link).
None of them is `is_staff`, so the Django admin refuses them all; `test_admin_opens_for_superusers`
checks that the admin's pages do open for a superuser.
"""

import datetime
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse
from django.utils import timezone, translation

from lokalkontakt.areas.models import (
    AreaEvent,
    Assignment,
    Council,
    LocalArea,
)
from lokalkontakt.candidates.models import CandidateRequest, Nomination
from lokalkontakt.consultations.models import Consultation, ConsultationEvent, ConsultationTask
from lokalkontakt.consultations.services import consultation_create
from lokalkontakt.core.models import FocusArea, OutgoingEmail
from lokalkontakt.councils.models import CouncilLoginToken, CouncilMember
from lokalkontakt.councils.services import council_member_reinvite
from lokalkontakt.handovers.models import Handover
from lokalkontakt.handovers.services import handover_start
from lokalkontakt.inquiries.models import Inquiry, InquiryEvent
from lokalkontakt.inquiries.services.replies import inquiry_reply
from lokalkontakt.inquiries.services.submit import inquiry_submit
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
from lokalkontakt.projects.models import Project
from lokalkontakt.projects.services import milestone_add, project_save
from lokalkontakt.rollout.models import RolloutMilestone
from lokalkontakt.timesheets.models import TimeEntry
from lokalkontakt.timesheets.services import time_entry_create
from tests.areas.factories import AssignmentFactory, CouncilFactory, LocalAreaFactory
from tests.councils.factories import CouncilMemberFactory
from tests.people.factories import CoreAreaFactory, EmployeeFactory, UserFactory

ADMIN_NAMESPACE = admin.site.name

# Reachable without login. Only these are marked with lokalkontakt.core.http.public (or are the
# Django admin's own login page, which the admin keeps public itself).
PUBLIC = {
    "home", "healthz", "set_language", "login", "areas:directory", "areas:detail",
    "admin:login", "inquiries:new", "inquiries:submitted", "inquiries:track",
    "inquiries:track_file",
    "council:login", "council:confirm", "knowledge:detail", "knowledge:attachment",
    "search:search", "meetings:feed",
}

# URL name -> the least a user must be to open it:
#   "public"      anyone;
#   "signed_in"   any signed-in user (logging out);
#   "staff"       an active employee or a coordinator (core.view_internal);
#   "coordinator" the coordinator (core.coordinate);
#   "council"     a council member (core.council);
#   "a|b"         anyone who is a or b (e.g. "staff|council").
#   "admin"       Django's is_staff flag: the admin site, which sends everyone else to its login.
# Every name of the admin namespace not listed here falls under ADMIN_GROUP.
ADMIN_GROUP = f"{ADMIN_NAMESPACE}:*"
EXPECTED = {
    "home": "public",
    "healthz": "public",
    "set_language": "public",
    "login": "public",
    "logout": "signed_in",
    "mine": "staff",
    "areas:directory": "public",
    "areas:detail": "public",
    "coordination:overview": "coordinator",
    "coordination:import": "coordinator",
    "coordination:import_template": "coordinator",
    "coordination:area_create": "coordinator",
    "coordination:area_edit": "coordinator",
    "coordination:assign": "coordinator",
    "coordination:participation": "coordinator",
    "coordination:end_assignment": "coordinator",
    "coordination:handover": "coordinator",
    "people:employee_list": "staff",
    "people:employee_create": "coordinator",
    "people:employee_detail": "staff",
    "people:employee_edit": "coordinator",
    "people:core_area_list": "staff",
    "people:core_area_create": "coordinator",
    "people:core_area_edit": "coordinator",
    "inquiries:new": "public",
    "inquiries:submitted": "public",
    "inquiries:track": "public",
    "inquiries:list": "staff",
    "inquiries:detail": "staff",
    "inquiries:acknowledge": "staff",
    "inquiries:reply": "staff",
    "inquiries:comment": "staff",
    "inquiries:close": "staff",
    "inquiries:forward": "staff",
    "inquiries:tag": "staff",
    "inquiries:forward_core_area": "staff",
    "inquiries:file": "staff",
    "inquiries:track_file": "public",
    "inquiries:council_list": "council",
    "inquiries:council_detail": "council",
    "inquiries:council_file": "council",
    "council:members": "staff",
    "council:member_reinvite": "staff",
    "council:member_deactivate": "staff",
    "council:home": "council",
    "council:login": "public",
    "council:confirm": "public",
    "consultations:list": "staff",
    "consultations:tasks": "staff",
    "consultations:new": "staff",
    "consultations:detail": "staff",
    "consultations:export": "staff",
    "consultations:print": "staff",
    "consultations:close": "staff",
    "consultations:task": "staff|council",
    "consultations:attachment": "staff|council",
    "knowledge:list": "staff|council",
    "knowledge:new": "staff",
    "knowledge:detail": "public",
    "knowledge:edit": "staff",
    "knowledge:version": "staff",
    "knowledge:delete": "staff",
    "knowledge:attachment": "public",
    "knowledge:follows": "staff",
    "search:search": "public",
    "search:who_knows": "staff",
    "meetings:list": "staff",
    "meetings:series_new": "coordinator",
    "meetings:detail": "staff",
    "meetings:ics": "staff",
    "meetings:edit": "coordinator",
    "meetings:cancel": "coordinator",
    "meetings:invite_new": "coordinator",
    "meetings:respond": "staff",
    "meetings:arrange": "coordinator",
    "meetings:publish_agenda": "coordinator",
    "meetings:publish_minutes": "coordinator",
    "meetings:propose": "staff",
    "meetings:attendance": "coordinator",
    "meetings:action_new": "coordinator",
    "meetings:item_edit": "staff",
    "meetings:minutes": "coordinator",
    "meetings:actions": "staff",
    "meetings:action": "staff",
    "meetings:bulletins": "staff",
    "meetings:bulletin_new": "coordinator",
    "meetings:bulletin": "staff",
    "meetings:local_new": "staff",
    "meetings:local_edit": "staff",
    "meetings:local_delete": "staff",
    "meetings:calendar": "staff",
    "meetings:feed": "public",
    "projects:list": "staff",
    "projects:new": "coordinator",
    "projects:detail": "staff",
    "projects:edit": "staff",
    "projects:milestone_new": "staff",
    "projects:milestone_done": "staff",
    "time:mine": "staff",
    "time:new": "staff",
    "time:edit": "staff",
    "time:delete": "staff",
    "time:overview": "staff",
    "time:export": "staff",
    "rollout:overview": "staff",
    "rollout:areas": "staff",
    "rollout:areas_export": "staff",
    "rollout:invitations": "coordinator",
    "rollout:milestone_new": "coordinator",
    "rollout:standard_plan": "coordinator",
    "rollout:milestone_edit": "coordinator",
    "rollout:milestone_status": "coordinator",
    "rollout:milestone_delete": "coordinator",
    "handovers:list": "coordinator",
    "handovers:new": "coordinator",
    "handovers:detail": "staff",
    "handovers:note": "staff",
    "handovers:confirm": "staff",
    "handovers:reschedule": "coordinator",
    "handovers:cancel": "coordinator",
    "areas:briefing": "staff",
    "areas:briefing_pdf": "staff",
    "onboarding:progress": "coordinator",
    "onboarding:steps": "coordinator",
    "onboarding:step_new": "coordinator",
    "onboarding:step_edit": "coordinator",
    "onboarding:task_done": "staff",
    "nominations:staff": "staff",
    "nominations:new": "staff",
    "nominations:withdraw": "staff",
    "nominations:list": "coordinator",
    "nominations:decide": "coordinator",
    "nominations:requests": "coordinator",
    "nominations:request_new": "coordinator",
    "nominations:suggestions": "coordinator",
    "admin:login": "public",
    ADMIN_GROUP: "admin",
}

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

# Views that answer a GET with something else than 200 for a role that may open them.
# set_language changes the language only on POST; a GET just sends the visitor back (to "/").
GET_STATUS = {
    **{("home", role): 302 for role in STAFF_ROLES},  # staff land on "Mine områder"
    **{("set_language", role): 302 for role in ROLES},
    **{("logout", role): 405 for role in ROLES if role != "anonymous"},  # POST only
    # The world's inquiry is in Glud, routed to the contact (Glud's primary contact). The colleague
    # has no assignments and does not handle it, so it is not visible to them: the detail page
    # answers 404 (as for a missing inquiry). The actions are POST only, and require_POST
    # answers before the inquiry is looked up, so a GET is 405 for every staff role.
    ("inquiries:detail", "colleague"): 404,
    **{(f"inquiries:{name}", role): 405 for name in INQUIRY_ACTIONS for role in STAFF_ROLES},
    ("inquiries:file", "colleague"): 404,
    # Council members land on their council's page.
    ("home", "council"): 302,
    # Only the coordinator and the area's contact or deputy manage its council members; to other
    # staff the members page is missing (councils.permissions.access_managed_area).
    ("council:members", "colleague"): 404,
    **{(f"council:member_{name}", role): 405
       for name in ["reinvite", "deactivate"] for role in STAFF_ROLES},
    # The status page with every area's response is for the requester and the coordinator.
    **{(f"consultations:{name}", role): 404
       for name in CONSULTATION_PAGES for role in ["colleague", "contact"]},
    **{("consultations:close", role): 405 for role in STAFF_ROLES},
    # The Glud task and the consultation's file: Glud's contact, its council and the coordinator.
    ("consultations:task", "colleague"): 404,
    ("consultations:attachment", "colleague"): 404,
    # The world's note is the contact's, about Glud, shared with Glud's council: the public (and a
    # former employee) cannot read it or its file; the colleague may read it but not edit it.
    **{(f"knowledge:{name}", role): 404
       for name in ["detail", "attachment"] for role in ["anonymous", "outsider"]},
    ("knowledge:edit", "colleague"): 403,
    **{("knowledge:delete", role): 405 for role in STAFF_ROLES},
    # Meetings: the coordinator's buttons and deleting a local meeting are POST only.
    **{(f"meetings:{name}", "coordinator"): 405
       for name in ["invite_new", "publish_agenda", "publish_minutes"]},
    **{(f"meetings:{name}", role): 405 for name in ["local_delete", "respond"]
       for role in STAFF_ROLES},
    # Time: the entry is the contact's; others find no such entry. The overview and its export are
    # for the coordinator and core-area leaders (none of the roles here leads one).
    ("time:edit", "colleague"): 404,
    **{("time:delete", role): 405 for role in STAFF_ROLES},
    **{(f"time:{name}", role): 403 for name in ["overview", "export"]
       for role in ["colleague", "contact"]},
    # The project is led by the contact; another employee may read it but not change it (403,
    # not 404: an object a user may see but not act on).
    ("projects:edit", "colleague"): 403,
    # Rollout: recording invitations and a step's status are the coordinator's buttons (POST only).
    ("rollout:invitations", "coordinator"): 405,
    ("rollout:milestone_status", "coordinator"): 405,
    **{(f"projects:{name}", role): 405 for name in ["milestone_new", "milestone_done"]
       for role in STAFF_ROLES},
    # The item was proposed by the contact; another employee may read it (staff read every
    # agenda), so editing it is 403, not 404.
    ("meetings:item_edit", "colleague"): 403,
    # The bulletin went to the contacts; the colleague covers no area, so it is not theirs.
    ("meetings:bulletin", "colleague"): 404,
    # Local meetings are recorded by an area's contact (or the coordinator); the contact recorded
    # the world's, in Glud. Staff see it on Glud's page, so changing it is 403, not 404.
    ("meetings:local_new", "colleague"): 403,
    ("meetings:local_edit", "colleague"): 403,
    # Ticking a step of one's onboarding checklist is a button (POST only).
    **{("onboarding:task_done", role): 405 for role in STAFF_ROLES},
    # The world's handover gives the contact's Kontaktby to an employee without a login: the
    # colleague finds no such handover; confirming is a button (POST only).
    **{(f"handovers:{name}", "colleague"): 404 for name in ["detail", "note"]},
    **{("handovers:confirm", role): 405 for role in STAFF_ROLES},
    # A leader's staff and nominating are for core-area leaders and the coordinator (none of the
    # roles here leads a core area; tests/candidates/test_nomination_views.py has the leaders).
    # Withdrawing is a button (POST only).
    **{(f"nominations:{name}", role): 403 for name in ["staff", "new"]
       for role in ["colleague", "contact"]},
    **{("nominations:withdraw", role): 405 for role in STAFF_ROLES},
}

# Where anonymous visitors are sent instead of the staff login.
LOGIN_PAGE = {"council:home": "council:login"}



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


def all_routes() -> list[Route]:
    return list(_walk(get_resolver().url_patterns))


ROUTES = all_routes()


def rule_for(route: Route) -> str | None:
    if route.key in EXPECTED:
        return EXPECTED[route.key]
    if route.is_admin:
        return EXPECTED.get(ADMIN_GROUP)
    return None


# --- test data --------------------------------------------------------------------------------


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


@pytest.fixture
def outsider(db):
    """Signed in, but the employee record has been made inactive (a former employee)."""
    user = UserFactory(username="tidligere")
    EmployeeFactory(user=user, name="Tove Tidligere", is_active=False)
    return user


@pytest.fixture
def contact(contact_user):
    """An employee with an active assignment."""
    AssignmentFactory(employee=contact_user.employee, area=LocalAreaFactory(name="Kontaktby"))
    return contact_user


PDF = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n"


def pdf(name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF, "application/pdf")


@pytest.fixture
def world(outsider, colleague, contact, coordinator, settings, tmp_path):
    area = LocalAreaFactory(name="Glud")
    settings.MEDIA_ROOT = tmp_path
    council_member = CouncilMemberFactory(council=CouncilFactory(area=area), name="Rita Rådsmedlem")
    assignment = AssignmentFactory(area=area, employee=contact.employee)
    core_area = CoreAreaFactory(name="Teknik og Miljø")
    clients = {"anonymous": Client()}
    for role, user in [("outsider", outsider), ("colleague", colleague), ("contact", contact),
                       ("coordinator", coordinator), ("council", council_member.user)]:
        clients[role] = Client()
        clients[role].force_login(user)
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
    meetings = _meetings_world(area=area, contact=contact, coordinator=coordinator)
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
                 **_onboarding(assignment=assignment, coordinator=coordinator))


def _onboarding(*, assignment, coordinator) -> dict:
    """A step of the checklist template, and the contact's checklist for Glud made from it."""
    step = onboarding_step_save(actor=coordinator, title="Mød lokalrådet", position=1)
    [task] = [task for task in onboarding_start(assignment=assignment) if task.step_id == step.pk]
    return {"onboarding_step": step, "onboarding_task": task}


def _nomination(world: World) -> Nomination:
    """The colleague's open nomination, made by the colleague as if a leader (created once)."""
    employee = world.employee
    nomination, _created = Nomination.objects.get_or_create(
        employee=employee, status=Nomination.Status.PROPOSED,
        defaults={"core_area": employee.core_area, "nominated_by": employee.user})
    return nomination


def _candidate_request_data(world: World) -> dict:
    """A request for candidates for an area without a contact to the colleague, made a leader of
    the world's core area (both once, before the snapshot)."""
    world.core_area.leaders.add(world.employee)
    area = LocalAreaFactory(name="Uden kontakt")
    return {"areas": [area.pk], "leaders": [world.employee.pk], "message": "Kender I nogen?",
            "reply_by": ""}


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


def _meetings_world(*, area, contact, coordinator) -> dict:
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


def _admin_model(route: Route):
    for model in admin.site._registry:
        if route.route.startswith(f"admin/{model._meta.app_label}/{model._meta.model_name}/"):
            return model
    return None


def _admin_object_pk(model) -> str:
    obj = model._default_manager.order_by("pk").first()
    return str(obj.pk) if obj is not None else "0"


def sample_arguments(route: Route, world: World) -> tuple[list, dict]:
    """Real values for a pattern's arguments, chosen by kwarg name (and view name for pk)."""
    kwargs = {}
    for name in route.kwarg_names:
        if name == "slug":
            kwargs[name] = world.area.slug
        elif name == "pk" and route.key in {"nominations:decide", "nominations:withdraw"}:
            kwargs[name] = _nomination(world).pk
        elif name == "pk":
            by_view = {
                "coordination:end_assignment": world.assignment.pk,
                "coordination:handover": world.assignment.pk,
                "people:employee_detail": world.employee.pk,
                "people:employee_edit": world.employee.pk,
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
                **{f"meetings:local_{name}": world.meetings["local"].pk
                   for name in ["edit", "delete"]},
            }
            if route.key not in by_view:
                pytest.fail(f"{route}: no sample pk for this view; add it to sample_arguments()")
            kwargs[name] = by_view[route.key]
        elif name == "token" and route.key in {"inquiries:track", "inquiries:track_file"}:
            kwargs[name] = world.token
        elif name == "token" and route.key == "council:confirm":
            kwargs[name] = world.council_token
        elif route.key == "meetings:feed" and name == "feed_id":
            kwargs[name] = world.meetings["feed"].pk
        elif route.key == "meetings:feed" and name == "token":
            kwargs[name] = feed_token(world.meetings["feed"])
        elif name == "attachment_pk":
            # The submitter's own file for staff and the tracking link; a staff reply's for the
            # council, who never see what the submitter attached.
            kind = "reply" if route.key == "inquiries:council_file" else "submission"
            kwargs[name] = world.files[kind].pk
        elif name == "fmt":
            kwargs[name] = "csv"
        elif name == "history_id" and route.key == "knowledge:version":
            kwargs[name] = world.note.history.order_by("history_id").first().history_id
        elif route.key == f"{ADMIN_NAMESPACE}:view_on_site" and name == "object_id":
            kwargs[name] = str(world.area.pk)
        elif route.is_admin and name in {"object_id", "id"} and _admin_model(route):
            kwargs[name] = _admin_object_pk(_admin_model(route))
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
        model = _admin_model(route)
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


# --- helpers ----------------------------------------------------------------------------------


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
              Nomination, CandidateRequest]
    return {model.__name__: list(model._default_manager.order_by("pk").values()) for model in models}


def gettext_in(language: str, text: str) -> str:
    with translation.override(language):
        return translation.gettext(text)


# --- the rules are complete and honest --------------------------------------------------------


def test_every_url_pattern_has_a_rule():
    missing = [route.key for route in ROUTES if rule_for(route) is None]
    assert not missing, (
        "URL patterns without a rule in tests/test_permissions.py EXPECTED (decide who may open "
        f"them, and give unnamed patterns a name): {missing}"
    )


def test_every_rule_belongs_to_a_url_pattern():
    keys = {route.key for route in ROUTES}
    stale = sorted(key for key in EXPECTED if key != ADMIN_GROUP and key not in keys)
    assert not stale, f"EXPECTED names URLs that no longer exist: {stale}"
    assert any(route.is_admin for route in ROUTES), "the admin's URLs were not found"


def test_public_list_is_exactly_the_public_rules():
    assert {key for key, rule in EXPECTED.items() if rule == "public"} == PUBLIC


def test_only_public_views_are_marked_login_not_required():
    """The middleware lets a view through without login only when it is marked public."""
    marked = {route.key for route in ROUTES
              if getattr(route.pattern.callback, "login_required", True) is False}
    assert marked == PUBLIC


# --- the matrix -------------------------------------------------------------------------------


def _expected_status(route: Route, rule: str, role: str) -> int:
    if rule == "admin":
        return 302
    if ROLE_LEVELS[role] & set(rule.split("|")):
        return GET_STATUS.get((route.key, role), 200)
    return 302 if role == "anonymous" else 403


@pytest.mark.parametrize("route", ROUTES, ids=str)
def test_get_by_role(route, world):
    rule = rule_for(route)
    if rule is None:
        pytest.fail(f"{route} has no rule in EXPECTED")
    url = build_url(route, world)
    problems = []
    for role in ROLES:
        response = world.clients[role].get(url)
        expected = _expected_status(route, rule, role)
        if response.status_code != expected:
            problems.append(f"{role}: GET {url} answered {response.status_code}, expected {expected}")
            continue
        if rule == "admin" and route.key == "admin:logout" and role != "anonymous":
            # Django's admin sends signed-in users from its logout to its index (refused next).
            problem = None if response["Location"] == reverse("admin:index") else (
                f"redirects to {response['Location']}, expected {reverse('admin:index')}")
        elif rule == "admin" and role == "anonymous":
            # The admin site's own views send visitors to the admin's login; the ModelAdmin views
            # are stopped earlier by LoginRequiredMiddleware, which sends them to the staff login.
            problems_by_login = [login_redirect_problem(response, login, url)
                                 for login in (reverse("admin:login"), reverse("login"))]
            problem = None if None in problems_by_login else problems_by_login[0]
        elif rule == "admin":
            problem = login_redirect_problem(response, reverse("admin:login"), url)
        elif role == "anonymous" and rule != "public":
            login = reverse(LOGIN_PAGE.get(route.key, "login"))
            problem = login_redirect_problem(response, login, url)
        else:
            problem = None
        if problem:
            problems.append(f"{role}: GET {url}: {problem}")
        if (response.status_code == 200 and not route.is_admin
                and response["Content-Type"].startswith("text/html")):
            problems += [f"{role}: GET {url}: {p}" for p in scan_html(response.content).problems]
            if "script-src" not in csp_directives(response):
                problems.append(f"{role}: GET {url}: no Content-Security-Policy script-src")
    assert not problems, "\n".join(problems)


def test_home_sends_staff_to_mine_and_shows_visitors_the_directory(world):
    response = world.clients["contact"].get(reverse("home"))
    assert response["Location"] == reverse("mine")
    response = world.clients["anonymous"].get(reverse("home"))
    assert response.status_code == 200
    assert world.area.name in response.content.decode()


def test_import_template_xlsx_is_for_the_coordinator(world):
    url = reverse("coordination:import_template", kwargs={"fmt": "xlsx"})
    assert world.clients["coordinator"].get(url).status_code == 200
    assert world.clients["colleague"].get(url).status_code == 403


def _superuser_admin_status(route: Route, request) -> int:
    """What the admin answers a superuser, from the ModelAdmin's own permissions."""
    fixed = {"admin:login": 302, "admin:logout": 405, "admin:autocomplete": 403,
             "admin:view_on_site": 302}
    if route.key in fixed:
        return fixed[route.key]
    if not route.name:  # "<object_id>/" redirects to ".../change/"; the catch-all finds nothing
        return 404 if "(?P<url>" in route.route else 302
    model = _admin_model(route)
    if model is None:
        return 200
    model_admin = admin.site._registry[model]
    action = route.name.rsplit("_", 1)[-1]
    if action == "add" and not model_admin.has_add_permission(request):
        return 403
    if action == "delete" and not model_admin.has_delete_permission(request):
        return 403
    if action in {"change", "delete", "history"} and _admin_object_pk(model) == "0":
        return 302  # no such object: back to the admin's index with a message
    return 200


def test_admin_opens_for_superusers(db, admin_client, admin_user, rf):
    """The admin's pages work for an is_staff superuser: the group is refused only to others."""
    world = World(area=LocalAreaFactory(name="Admin-by"), assignment=None, employee=None,
                  core_area=None, clients={})
    AssignmentFactory(area=world.area)
    CouncilMemberFactory(council=CouncilFactory(area=world.area))
    Project.objects.create(title="Projekt").areas.add(world.area)
    AreaEvent.objects.create(area=world.area, kind=AreaEvent.Kind.CREATED)
    Note.objects.create(area=world.area, title="Viden", text="Tekst", kind=Note.Kind.EVENTS,
                        author=EmployeeFactory())
    contact = UserFactory(username="admin-kontakt")
    AssignmentFactory(area=world.area, role="deputy", employee=EmployeeFactory(user=contact))
    _meetings_world(area=world.area, contact=contact, coordinator=admin_user)
    request = rf.get("/")
    request.user = admin_user
    problems = []
    for route in ROUTES:
        if not route.is_admin:
            continue
        url = build_url(route, world)
        response = admin_client.get(url)
        want = _superuser_admin_status(route, request)
        if response.status_code != want:
            problems.append(f"GET {url} ({route}) answered {response.status_code}, expected {want}")
    assert not problems, "\n".join(problems)


# --- POST-only views --------------------------------------------------------------------------


def test_set_language_changes_the_language_only_on_post(world):
    client = world.clients["anonymous"]
    directory = reverse("areas:directory")

    response = client.get(reverse("set_language"), {"language": "en", "next": directory})
    assert response.status_code == 302
    assert "django_language" not in response.cookies

    response = client.post(reverse("set_language"), {"language": "en", "next": directory})
    assert response.status_code == 302
    assert response["Location"] == directory
    assert response.cookies["django_language"].value == "en"
    assert '<html lang="en">' in client.get(directory).content.decode()

    response = client.post(reverse("set_language"), {"language": "da", "next": directory})
    assert response.cookies["django_language"].value == "da"
    assert '<html lang="da">' in client.get(directory).content.decode()


def test_set_language_refuses_a_foreign_next_url(world):
    response = world.clients["anonymous"].post(
        reverse("set_language"), {"language": "en", "next": "https://evil.example/"})
    assert response.status_code == 302
    assert response["Location"] == "/"


def test_logout_takes_post_and_ends_the_session(world):
    client = world.clients["contact"]
    assert client.get(reverse("logout")).status_code == 405
    assert client.get(reverse("mine")).status_code == 200

    response = client.post(reverse("logout"))

    assert response.status_code == 302
    assert response["Location"] == reverse("areas:directory")
    assert client.get(reverse("mine")).status_code == 302


def test_anonymous_logout_post_goes_to_login(world):
    response = world.clients["anonymous"].post(reverse("logout"))
    assert login_redirect_problem(response, reverse("login"), reverse("logout")) is None


# --- coordinator actions refuse everyone else -------------------------------------------------


def _today() -> str:
    return timezone.localdate().isoformat()


def _area_form(name: str) -> dict:
    return {"name": name, "towns": name, "postcodes": "7130", "parish": f"{name} Sogn",
            "population": "", "population_year": "", "latitude": "", "longitude": "",
            "council_name": "", "council_email": "", "council_website": "", "council_chair_name": "",
            "council_chair_email": "", "council_chair_phone": ""}


def _empty_rollout_plan(world) -> tuple[dict, dict]:
    """The standard plan is only for an empty plan: the world's step goes first (before the
    snapshot is taken, so the coordinator's request is what changes the plan)."""
    RolloutMilestone.objects.all().delete()
    return {}, {"start": "2026-09"}


# name -> (kwargs, form data, files) from the world
POST_ACTIONS = {
    "coordination:assign": lambda w: ({"slug": w.area.slug}, {
        "employee": w.employee.pk, "role": "deputy", "starts_on": _today(), "note": ""}),
    "coordination:end_assignment": lambda w: ({"pk": w.assignment.pk}, {"ends_on": _today()}),
    "coordination:handover": lambda w: ({"pk": w.assignment.pk}, {"due": "1"}),
    "coordination:participation": lambda w: ({"slug": w.area.slug}, {
        "answer": "declined", "answered_on": _today(), "note": "Nej tak"}),
    "coordination:area_edit": lambda w: ({"slug": w.area.slug}, {
        **_area_form("Glud Nord"), "council_name": "Glud Nord Lokalråd"}),
    "coordination:area_create": lambda w: ({}, _area_form("Helt Nyt Område")),
    "coordination:import": lambda w: ({}, {"file": SimpleUploadedFile(
        "omraader.csv", b"omraade;postnumre\nImporteret By;7130\n", "text/csv")}),
    "people:employee_create": lambda w: ({}, {"name": "Nina Ny", "is_active": "on"}),
    "people:employee_edit": lambda w: ({"pk": w.employee.pk}, {
        "name": "Kalle Omdøbt", "is_active": "on"}),
    "people:core_area_create": lambda w: ({}, {"name": "Nyt kerneområde"}),
    "people:core_area_edit": lambda w: ({"pk": w.core_area.pk}, {"name": "Omdøbt kerneområde"}),
    "meetings:series_new": lambda w: ({}, {
        "title": "Koordinerende møde", "interval_months": "2", "ordinal": "1", "weekday": "1",
        "start_time": "14:00", "end_time": "16:00",
        "first_month": (timezone.localdate() + datetime.timedelta(days=40)).strftime("%Y-%m"),
        "location": "Rådhuset", "online_url": ""}),
    "meetings:edit": lambda w: ({"pk": w.meetings["coming"].pk}, {
        "title": "Flyttet møde", "date": (timezone.localdate() + datetime.timedelta(days=31))
        .isoformat(), "start_time": "10:00", "end_time": "12:00", "location": "Juelsminde",
        "online_url": "", "proposal_deadline": _today()}),
    "meetings:cancel": lambda w: ({"pk": w.meetings["coming"].pk}, {"reason": "Sygdom"}),
    "meetings:invite_new": lambda w: ({"pk": w.meetings["coming"].pk}, {}),
    "meetings:arrange": lambda w: ({"pk": w.meetings["coming"].pk}, {
        f"position_{w.meetings['item'].pk}": "1", f"status_{w.meetings['item'].pk}": "accepted"}),
    "meetings:publish_agenda": lambda w: ({"pk": w.meetings["coming"].pk}, {}),
    "meetings:publish_minutes": lambda w: ({"pk": w.meetings["held"].pk}, {}),
    "meetings:attendance": lambda w: ({"pk": w.meetings["coming"].pk}, {
        **{f"attendance_{a.pk}": "excused" for a in w.meetings["coming"].attendances.all()}}),
    "meetings:action_new": lambda w: ({"pk": w.meetings["coming"].pk}, {
        "title": "Ny opfølgning", "owner": w.employee.pk, "due_on": _today(), "description": ""}),
    "meetings:minutes": lambda w: ({"pk": w.meetings["discussed"].pk}, {
        "decisions": "Vi gør det", "experiences": "", "challenges": ""}),
    "meetings:bulletin_new": lambda w: ({}, {"title": "Orientering", "text": "Hej"}),
    "projects:new": lambda w: ({}, {"title": "Nyt projekt", "status": "active",
                                    "areas": [w.area.pk]}),
    "rollout:invitations": lambda w: ({}, {"areas": [w.area.pk], "invited_on": _today()}),
    "rollout:milestone_new": lambda w: ({}, {
        "title": "Kontakt til lederne", "planned_from": "2020-02", "planned_to": "2020-02",
        "status": "planned"}),
    "rollout:standard_plan": _empty_rollout_plan,
    "rollout:milestone_edit": lambda w: ({"pk": w.rollout_milestone.pk}, {
        "title": "Møde for alle lokalråd 19. november", "planned_from": "2019-11",
        "planned_to": "2019-11", "status": "in_progress"}),
    "rollout:milestone_status": lambda w: ({"pk": w.rollout_milestone.pk}, {"status": "done"}),
    "rollout:milestone_delete": lambda w: ({"pk": w.rollout_milestone.pk}, {}),
    "handovers:new": lambda w: ({"slug": w.area.slug}, {
        "to_employee": w.employee.pk, "switch_on": _today()}),
    "handovers:reschedule": lambda w: ({"pk": w.handover.pk}, {
        "switch_on": (timezone.localdate() + datetime.timedelta(days=30)).isoformat()}),
    "handovers:cancel": lambda w: ({"pk": w.handover.pk}, {"cancel_reason": "Ændrede planer"}),
    "onboarding:step_new": lambda w: ({}, {"title": "Nyt trin", "position": "5",
                                           "is_active": "on"}),
    "onboarding:step_edit": lambda w: ({"pk": w.onboarding_step.pk}, {
        "title": "Mød lokalrådets formand", "position": "1", "is_active": "on"}),
    "nominations:decide": lambda w: ({"pk": _nomination(w).pk}, {
        "decision": "decline", "note": "Ikke denne gang"}),
    "nominations:request_new": lambda w: ({}, _candidate_request_data(w)),
}
GET_ONLY = {"coordination:overview", "coordination:import_template", "handovers:list",
            "onboarding:progress", "onboarding:steps", "nominations:list", "nominations:requests",
            "nominations:suggestions"}



def test_every_coordinator_action_is_in_the_post_checks():
    coordinator_urls = {key for key, rule in EXPECTED.items() if rule == "coordinator"}
    assert set(POST_ACTIONS) == coordinator_urls - GET_ONLY


@pytest.mark.parametrize("name", sorted(POST_ACTIONS))
def test_coordinator_actions_refuse_everyone_else(name, world):
    kwargs, _data = POST_ACTIONS[name](world)
    url = reverse(name, kwargs=kwargs or None)
    before = snapshot()
    for role in ["outsider", "colleague", "contact", "council"]:
        _kwargs, data = POST_ACTIONS[name](world)
        response = world.clients[role].post(url, data)
        assert response.status_code == 403, f"{role}: POST {url} answered {response.status_code}"
        assert snapshot() == before, f"{role}: POST {url} changed data"
    _kwargs, data = POST_ACTIONS[name](world)
    response = world.clients["anonymous"].post(url, data)
    assert login_redirect_problem(response, reverse("login"), url) is None
    assert snapshot() == before, f"anonymous: POST {url} changed data"

    # The same request by the coordinator is valid and does change something.
    _kwargs, data = POST_ACTIONS[name](world)
    response = world.clients["coordinator"].post(url, data)
    assert response.status_code == 302, re.sub(r"\s+", " ", response.content.decode())[-6000:]
    assert snapshot() != before


def test_csrf_is_enforced(world, coordinator):
    client = Client(enforce_csrf_checks=True)
    client.force_login(coordinator)
    url = reverse("coordination:assign", kwargs={"slug": world.area.slug})
    data = {"employee": world.employee.pk, "role": "deputy", "starts_on": _today()}
    before = snapshot()

    response = client.post(url, data)

    assert response.status_code == 403
    assert snapshot() == before
    # With the form's token the same request goes through.
    page = client.get(url).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    response = client.post(url, {**data, "csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert world.area.assignments.filter(role="deputy", ends_on__isnull=True).exists()


# --- inquiry actions: staff who may not see the inquiry get 404 -------------------------------


def inquiry_snapshot() -> dict:
    snapshot = {model.__name__: list(model._default_manager.order_by("pk").values())
                for model in [Inquiry, InquiryEvent, OutgoingEmail]}
    snapshot["links"] = [list(Inquiry.participants.through.objects.order_by("pk").values()),
                         list(Inquiry.focus_areas.through.objects.order_by("pk").values())]
    return snapshot


INQUIRY_POSTS = {
    "acknowledge": {},
    "reply": {"reply-text": "Svar fra en uvedkommende"},
    "comment": {"comment-text": "Kommentar fra en uvedkommende"},
    "close": {"outcome": "Lukket af en uvedkommende"},
    "forward": {"forward-action": "forward"},  # + the colleague as "forward-employee", per world
    "tag": {"focus_areas": ["1"]},
    "forward_core_area": {},  # + the world's core area as "corearea-core_area"
}


def test_every_inquiry_action_is_in_the_post_checks():
    assert set(INQUIRY_POSTS) == set(INQUIRY_ACTIONS)


@pytest.mark.parametrize("name", INQUIRY_ACTIONS)
def test_inquiry_actions_refuse_those_who_may_not_see_the_inquiry(name, world):
    url = reverse(f"inquiries:{name}", kwargs={"pk": world.inquiry.pk})
    data = dict(INQUIRY_POSTS[name])
    if name == "forward":
        data["forward-employee"] = str(world.employee.pk)
    if name == "tag":
        data["focus_areas"] = [str(FocusArea.objects.order_by("number").first().pk)]
    if name == "forward_core_area":
        data["corearea-core_area"] = str(world.core_area.pk)
    before = inquiry_snapshot()

    # The colleague is staff but neither handles the inquiry nor covers Glud.
    response = world.clients["colleague"].post(url, data)
    assert response.status_code == 404, f"colleague: POST {url} answered {response.status_code}"
    assert inquiry_snapshot() == before, f"colleague: POST {url} changed data"

    for role in ["outsider", "council"]:
        response = world.clients[role].post(url, data)
        assert response.status_code == 403, f"{role}: POST {url} answered {response.status_code}"
        assert inquiry_snapshot() == before, f"{role}: POST {url} changed data"

    response = world.clients["anonymous"].post(url, data)
    assert login_redirect_problem(response, reverse("login"), url) is None
    assert inquiry_snapshot() == before, f"anonymous: POST {url} changed data"

    # The contact handles it: the same request goes through and changes the inquiry.
    response = world.clients["contact"].post(url, data)
    assert response.status_code == 302
    assert response["Location"] == world.inquiry.get_absolute_url()
    assert inquiry_snapshot() != before


def test_the_coordinator_may_act_on_every_inquiry(world):
    url = reverse("inquiries:close", kwargs={"pk": world.inquiry.pk})
    response = world.clients["coordinator"].post(url, {"outcome": "Videresendt til Vej og Park"})
    assert response.status_code == 302
    world.inquiry.refresh_from_db()
    assert world.inquiry.status == Inquiry.Status.CLOSED


# --- Content-Security-Policy and no inline scripts --------------------------------------------


def test_content_security_policy_has_a_nonce_and_no_unsafe_inline(world):
    response = world.clients["anonymous"].get(reverse("areas:directory"))
    header = response.headers.get("Content-Security-Policy")
    assert header, "no Content-Security-Policy header"
    assert "unsafe-inline" not in header
    assert "unsafe-eval" not in header
    script_src = csp_directives(response)["script-src"]
    nonces = [word for word in script_src if re.fullmatch(r"'nonce-[A-Za-z0-9+/=_-]{16,}'", word)]
    assert len(nonces) == 1, script_src
    nonce = nonces[0][len("'nonce-"):-1]
    scan = scan_html(response.content)
    assert scan.script_nonces and set(scan.script_nonces) == {nonce}
    assert csp_directives(response)["object-src"] == ["'none'"]
    assert csp_directives(response)["frame-ancestors"] == ["'none'"]

    again = world.clients["anonymous"].get(reverse("areas:directory"))
    assert csp_directives(again)["script-src"] != script_src, "the nonce must change per response"


@pytest.mark.parametrize("page", ["directory", "area", "login", "overview"])
def test_pages_have_no_inline_scripts(page, world):
    url, role = {
        "directory": (reverse("areas:directory"), "anonymous"),
        "area": (world.area.get_absolute_url(), "coordinator"),
        "login": (reverse("login"), "anonymous"),
        "overview": (reverse("coordination:overview"), "coordinator"),
    }[page]
    response = world.clients[role].get(url)
    assert response.status_code == 200
    scan = scan_html(response.content)
    assert scan.script_nonces, "the page loads no scripts at all"
    assert not scan.problems, scan.problems


# --- login throttling (real form posts: django-axes needs the request) ------------------------


def test_sixth_login_after_five_failures_is_locked_out_even_with_the_right_password(contact, settings):
    assert settings.AXES_FAILURE_LIMIT == 5
    client = Client()
    for _attempt in range(5):
        client.post(reverse("login"), {"username": contact.username, "password": "forkert"})

    response = client.post(reverse("login"),
                           {"username": contact.username, "password": "hemmeligt-kodeord-42"})

    assert gettext_in("da", "Too many failed logins") in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert client.get(reverse("mine")).status_code == 302


def test_failed_logins_below_the_limit_do_not_lock_out(contact):
    client = Client()
    for _attempt in range(4):
        response = client.post(reverse("login"), {"username": contact.username, "password": "forkert"})
        assert response.status_code == 200
    response = client.post(reverse("login"),
                           {"username": contact.username, "password": "hemmeligt-kodeord-42"},
                           follow=True)
    assert response.redirect_chain[-1][0] == reverse("mine")


def test_contact_login_lands_on_mine_omraader(contact):
    client = Client()

    response = client.post(reverse("login"),
                           {"username": contact.username, "password": "hemmeligt-kodeord-42"},
                           follow=True)

    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == reverse("mine")
    assert response.resolver_match.view_name == "mine"
    assert "Kontaktby" in response.content.decode()


def test_login_ignores_a_foreign_next_url(contact):
    response = Client().post(
        reverse("login") + "?next=https://evil.example/",
        {"username": contact.username, "password": "hemmeligt-kodeord-42"})
    assert response.status_code == 302
    assert not response["Location"].startswith("https://evil.example")



# --- council, consultation and note actions: refused to those without the right, nothing changed -


def council_and_consultation_snapshot() -> dict:
    models = [CouncilMember, CouncilLoginToken, AreaEvent, Consultation, ConsultationTask,
              ConsultationEvent, OutgoingEmail, Note, Note.history.model]
    return {model.__name__: list(model._default_manager.order_by("pk").values()) for model in models}


def _in_two_weeks() -> str:
    return (timezone.localdate() + datetime.timedelta(days=14)).isoformat()


# name -> (kwargs, form data, the role whose request goes through, {refused role: status})
NEW_POSTS = {
    "council:members": (
        lambda w: {"slug": w.area.slug}, {"name": "Niels Ny", "email": "niels@example.dk"},
        "contact", {"colleague": 404, "council": 403, "outsider": 403}),
    "council:member_reinvite": (
        lambda w: {"slug": w.area.slug, "pk": w.council_member.pk}, {},
        "coordinator", {"colleague": 404, "council": 403, "outsider": 403}),
    "council:member_deactivate": (
        lambda w: {"slug": w.area.slug, "pk": w.council_member.pk}, {},
        "contact", {"colleague": 404, "council": 403, "outsider": 403}),
    "consultations:new": (
        lambda w: {}, {"title": "Trafikplan", "description": "Hvad mener I?",
                       "deadline": _in_two_weeks(), "all_areas": "on"},
        "colleague", {"council": 403, "outsider": 403}),
    "consultations:close": (
        lambda w: {"pk": w.consultation.pk}, {},
        "coordinator", {"colleague": 404, "contact": 404, "council": 403, "outsider": 403}),
    "consultations:task": (
        lambda w: {"pk": w.consultation.tasks.get().pk}, {"kind": "no_comments"},
        "council", {"colleague": 404, "outsider": 403}),
    # The world's note is the contact's, about Glud: the colleague may read it, not change it.
    "knowledge:new": (
        lambda w: {}, {"title": "Hallen", "text": "Kan lejes.", "kind": "associations",
                       "visibility": "staff"},
        "colleague", {"council": 403, "outsider": 403}),
    "knowledge:edit": (
        lambda w: {"pk": w.note.pk}, {"title": "Rettet", "text": "Ny tekst", "kind": "events",
                                      "visibility": "staff", "version": 1},
        "contact", {"colleague": 403, "council": 403, "outsider": 403}),
    "knowledge:delete": (
        lambda w: {"pk": w.note.pk}, {},
        "contact", {"colleague": 403, "council": 403, "outsider": 403}),
}


def test_every_new_post_action_is_checked():
    posting = {"council:members", "consultations:new", "consultations:task",
               "knowledge:new", "knowledge:edit"}
    post_only = {key for key, rule in EXPECTED.items() if key.startswith(("council:member_",
                                                                         "consultations:close",
                                                                         "knowledge:delete"))}
    assert set(NEW_POSTS) == posting | post_only


@pytest.mark.parametrize("name", sorted(NEW_POSTS))
def test_council_and_consultation_actions_refuse_everyone_else(name, world):
    kwargs, data, allowed, refused = NEW_POSTS[name]
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


# Time entries and nominations are fetched through their app's *_visible_to (timesheets and
# candidates permissions): a POST on one the user may not see answers 404 and changes nothing.
OTHERS_OBJECTS = {
    "time:delete": lambda w: {"pk": w.time_entry.pk},
    "nominations:withdraw": lambda w: {"pk": _nomination(w).pk},
}


@pytest.mark.parametrize("name", sorted(OTHERS_OBJECTS))
def test_posting_to_an_object_one_may_not_see_answers_404(name, world):
    url = reverse(name, kwargs=OTHERS_OBJECTS[name](world))
    before = snapshot()
    response = world.clients["colleague"].post(url)
    assert response.status_code == 404, f"colleague: POST {url} answered {response.status_code}"
    assert snapshot() == before
