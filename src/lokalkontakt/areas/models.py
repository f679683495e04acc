# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from lokalkontakt.areas.addresses.geometry import bounding_box
from lokalkontakt.core.text import danish_sort_key, search_fold

postcodes_validator = RegexValidator(
    r"^\d{4}( \d{4})*$", _("Postcodes are four digits, separated by spaces (e.g. 7130 8722).")
)


class Participation(models.TextChoices):
    """The council's answer to the offer of a contact; joining is voluntary."""

    UNKNOWN = "unknown", _("Not answered")
    INTERESTED = "interested", _("Interested")
    DECLINED = "declined", _("Declined")


class Coverage(models.TextChoices):
    """Derived from assignments, never stored."""

    COVERED = "covered", _("Covered")
    UNCOVERED = "uncovered", _("Without contact")
    HANDOVER = "handover", _("Handover due")


class AssignmentRole(models.TextChoices):
    PRIMARY = "primary", _("Contact")
    DEPUTY = "deputy", _("Deputy")


class LocalArea(models.Model):
    """A rural local area (lokalområde), usually with a local council."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    slug = models.SlugField(_("slug"), max_length=140, unique=True)
    sort_name = models.CharField(max_length=240, editable=False, db_index=True)
    # Case-folded name, towns, postcodes and parish: SQLite's LIKE folds only ASCII, not Æ Ø Å.
    search_text = models.TextField(editable=False, default="")
    towns = models.CharField(_("towns"), max_length=300, blank=True)
    postcodes = models.CharField(
        _("postcodes"), max_length=120, blank=True, validators=[postcodes_validator]
    )
    parish = models.CharField(_("parish"), max_length=200, blank=True)
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)
    population_year = models.PositiveSmallIntegerField(
        _("population year"), null=True, blank=True,
        validators=[MinValueValidator(1900), MaxValueValidator(2100)],
    )
    latitude = models.DecimalField(
        _("latitude"), max_digits=8, decimal_places=5, null=True, blank=True,
        validators=[MinValueValidator(54), MaxValueValidator(58)],
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=8, decimal_places=5, null=True, blank=True,
        validators=[MinValueValidator(7), MaxValueValidator(16)],
    )
    # The area's outline (GeoJSON MultiPolygon, WGS84 lon/lat), simplified on import
    # (areas.boundaries) so that a map of every area stays small.
    boundary = models.JSONField(
        _("boundary"), null=True, blank=True,
        help_text=_("The area's outline, imported from a GeoJSON file (e.g. the parishes from DAGI)."),
    )
    # The outline's bounding box, kept by save(): finding the area of an address asks the
    # database for the few outlines whose box holds the point (areas.addresses.lookup).
    boundary_west = models.FloatField(null=True, blank=True, editable=False)
    boundary_south = models.FloatField(null=True, blank=True, editable=False)
    boundary_east = models.FloatField(null=True, blank=True, editable=False)
    boundary_north = models.FloatField(null=True, blank=True, editable=False)
    community_forming = models.BooleanField(
        _("community under construction"), default=False,
        help_text=_("The local community is still forming (fællesskab under opbygning)."),
    )
    invited_on = models.DateField(
        _("invited"), null=True, blank=True,
        help_text=_("When the council was offered a contact (the rollout's invitation)."))
    participation = models.CharField(
        _("council's answer"), max_length=20, choices=Participation.choices,
        default=Participation.UNKNOWN,
    )
    participation_date = models.DateField(_("answer date"), null=True, blank=True)
    participation_note = models.TextField(_("note on the answer"), blank=True)
    sources = models.TextField(_("sources"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["sort_name"]
        verbose_name = _("local area")
        verbose_name_plural = _("local areas")
        # The box's columns in an index: the look-up reads the index, not the outlines' rows.
        indexes = [models.Index(fields=["boundary_west", "boundary_east", "boundary_south",
                                        "boundary_north"], name="area_boundary_box"),
                   # The coverage map's version reads the latest change (selectors.map_version).
                   models.Index(fields=["updated_at"], name="area_updated_at")]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.sort_name = danish_sort_key(self.name)
        self.search_text = self.build_search_text()
        (self.boundary_west, self.boundary_south, self.boundary_east,
         self.boundary_north) = bounding_box(self.boundary) or (None,) * 4
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("areas:detail", kwargs={"slug": self.slug})

    def build_search_text(self) -> str:
        return search_fold(" ".join([self.name, self.towns, self.postcodes, self.parish]))

    @property
    def postcode_list(self) -> list[str]:
        return self.postcodes.split()

    def _active_in_role(self, role):
        assignments = getattr(self, "active_assignments", None)
        if assignments is None:
            assignments = self.assignments.filter(ends_on__isnull=True).select_related("employee")
        return next((a for a in assignments if a.role == role), None)

    @property
    def primary_assignment(self):
        return self._active_in_role(AssignmentRole.PRIMARY)

    @property
    def deputy_assignment(self):
        return self._active_in_role(AssignmentRole.DEPUTY)

    @property
    def town_list(self) -> list[str]:
        return [town.strip() for town in self.towns.split(";") if town.strip()]


class Council(models.Model):
    """The local council (lokalråd) of an area. Chair details are internal."""

    area = models.OneToOneField(
        LocalArea, on_delete=models.CASCADE, related_name="council", verbose_name=_("local area")
    )
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("website"), blank=True)
    chair_name = models.CharField(_("chair"), max_length=150, blank=True)
    chair_email = models.EmailField(_("chair's e-mail"), blank=True)
    chair_phone = models.CharField(_("chair's phone"), max_length=30, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["area__sort_name"]
        verbose_name = _("local council")
        verbose_name_plural = _("local councils")
        # The public directory's version reads the latest change (selectors.directory_version).
        indexes = [models.Index(fields=["updated_at"], name="council_updated_at")]

    def __str__(self):
        return self.name


class Assignment(models.Model):
    """An employee's tie to a local area for a period. Assignments end; they are never deleted.

    At most one active (not ended) primary and one active deputy per area.
    """

    area = models.ForeignKey(
        LocalArea, on_delete=models.PROTECT, related_name="assignments", verbose_name=_("local area")
    )
    employee = models.ForeignKey(
        "people.Employee", on_delete=models.PROTECT, related_name="assignments",
        verbose_name=_("employee"),
    )
    role = models.CharField(_("role"), max_length=10, choices=AssignmentRole.choices)
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("until"), null=True, blank=True)
    handover_due = models.BooleanField(_("handover due"), default=False)
    note = models.TextField(_("note"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-starts_on", "-pk"]
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        constraints = [
            models.UniqueConstraint(
                fields=["area", "role"], condition=Q(ends_on__isnull=True),
                name="one_active_assignment_per_role",
                violation_error_message=_("The area already has an active assignment in this role."),
            ),
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
                name="assignment_ends_after_start",
                violation_error_message=_("An assignment cannot end before it starts."),
            ),
        ]
        indexes = [models.Index(fields=["employee", "ends_on"]),
                   # The coverage map's version reads the latest change (selectors.map_version).
                   models.Index(fields=["updated_at"], name="assignment_updated_at"),
                   # Who covers what now, read from the index alone: the coverage overview's
                   # contacts per core area (selectors.active_contact_counts) and the candidate
                   # suggestions' pass over the current contacts (role and handover too).
                   models.Index(fields=["employee", "area", "role", "handover_due"],
                                condition=Q(ends_on__isnull=True),
                                name="assignment_current_by_employee"),
                   # The few current contacts marked "handover due", without a pass over every
                   # assignment: the coordinator's overview and the handovers list
                   # (handovers.selectors areas_due_without_handover, due_rows).
                   models.Index(fields=["area"], name="assignment_handover_due",
                                condition=Q(ends_on__isnull=True, handover_due=True,
                                            role=AssignmentRole.PRIMARY))]

    def __str__(self):
        return f"{self.employee} – {self.area} ({self.get_role_display()})"

    @property
    def is_active(self) -> bool:
        return self.ends_on is None


class AreaEvent(models.Model):
    """A dated, attributed entry on an area's history: who did what, and when.

    The facts are stored in `data`; the sentence is built when shown, in the reader's language.
    """

    class Kind(models.TextChoices):
        CREATED = "created", _("Area created")
        UPDATED = "updated", _("Area updated")
        ASSIGNED = "assigned", _("Contact assigned")
        ENDED = "ended", _("Assignment ended")
        HANDOVER_DUE = "handover_due", _("Handover marked due")
        HANDOVER_CLEARED = "handover_cleared", _("Handover no longer due")
        PARTICIPATION = "participation", _("Council's answer recorded")
        INVITED = "invited", _("Council invited")
        HANDOVER_PLANNED = "handover_planned", _("Handover planned")
        HANDOVER_CANCELLED = "handover_cancelled", _("Handover cancelled")
        HANDOVER_COMPLETED = "handover_completed", _("Handover completed")
        IMPORTED = "imported", _("Imported")
        CONFLICT = "conflict", _("Source conflict")
        CONFLICT_SETTLED = "conflict_settled", _("Source conflict settled")
        MEMBER_INVITED = "member_invited", _("Council member invited")
        MEMBER_REINVITED = "member_reinvited", _("Council member invited again")
        MEMBER_DEACTIVATED = "member_deactivated", _("Council member deactivated")
        MEMBER_REACTIVATED = "member_reactivated", _("Council member reactivated")
        MEMBER_FIRST_LOGIN = "member_first_login", _("Council member logged in for the first time")

    area = models.ForeignKey(
        LocalArea, on_delete=models.CASCADE, related_name="events", verbose_name=_("local area")
    )
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    data = models.JSONField(_("data"), default=dict, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", verbose_name=_("by"),
    )
    at = models.DateTimeField(_("time"), auto_now_add=True, db_index=True)
    # The event this one answers: a settlement names the conflict it settles.
    refers_to = models.ForeignKey("self", on_delete=models.CASCADE, null=True, blank=True,
                                  related_name="follow_ups", verbose_name=_("refers to"))

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("area event")
        verbose_name_plural = _("area events")
        # The coverage overview counts and lists the conflicts among every event (issue 20).
        indexes = [models.Index(fields=["kind", "area"], name="areaevent_kind_area_idx")]

    def __str__(self):
        return f"{self.area}: {self.get_kind_display()}"

    @property
    def text(self) -> str:
        from lokalkontakt.areas.events import event_text

        return event_text(self)
