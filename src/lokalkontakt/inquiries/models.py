# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lokalkontakt.core.models import Attachment


class Inquiry(models.Model):
    """An inquiry (henvendelse) from a citizen, association, business or council.

    The submitter follows it by a private link. Its token is derived from `tracking_salt` and
    SECRET_KEY (see inquiries.tracking); only the salt and a hash of the token are stored.
    """

    class Status(models.TextChoices):
        RECEIVED = "received", _("Received")
        ACKNOWLEDGED = "acknowledged", _("Acknowledged")
        ANSWERED = "answered", _("Answered")
        CLOSED = "closed", _("Closed")

    class SubmitterKind(models.TextChoices):
        CITIZEN = "citizen", _("Citizen")
        ASSOCIATION = "association", _("Association")
        BUSINESS = "business", _("Business")
        COUNCIL = "council", _("Local council")

    class Channel(models.TextChoices):
        """How the inquiry reached the municipality: the public form, or staff registered it."""

        WEB_FORM = "web_form", _("Web form")
        PHONE = "phone", _("Phone")
        EMAIL = "email", _("E-mail")
        LETTER = "letter", _("Letter")
        MEETING = "meeting", _("Meeting")
        IN_PERSON = "in_person", _("In person")

    area = models.ForeignKey(
        "areas.LocalArea", on_delete=models.PROTECT, null=True, blank=True,
        related_name="inquiries", verbose_name=_("local area"),
    )
    subject = models.CharField(_("subject"), max_length=200)
    text = models.TextField(_("text"), max_length=10000)
    submitter_kind = models.CharField(_("who is writing"), max_length=20,
                                      choices=SubmitterKind.choices)
    submitter_name = models.CharField(_("name"), max_length=150)
    submitter_email = models.EmailField(_("e-mail"), blank=True)
    submitter_phone = models.CharField(_("phone"), max_length=30, blank=True)
    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices,
                               default=Channel.WEB_FORM)
    # The day the inquiry reached the municipality (a phone call registered later): the
    # deadlines count from it.
    received_on = models.DateField(_("date received"), default=timezone.localdate)
    # The submitter's choice on the form; the local council's own inquiries are always shared.
    shared_with_council = models.BooleanField(
        _("shared with the local council"), default=False,
        help_text=_("The area's local council may read the subject, the text and the public "
                    "steps; never the submitter's name, contact details or files."),
    )
    # Sent by another system through the API (its key's system name), with that system's own id
    # for it: a retried call finds the inquiry it already made instead of making a second one.
    api_system = models.CharField(_("received through the API from"), max_length=100, blank=True,
                                  editable=False)
    external_reference = models.CharField(_("the other system's reference"), max_length=100,
                                          blank=True, editable=False)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    # Blank for inquiries received before the link could be derived again (tracking.py).
    tracking_salt = models.CharField(max_length=32, blank=True, editable=False)
    client_hash = models.CharField(max_length=64, editable=False, db_index=True)
    assignee = models.ForeignKey(
        "people.Employee", on_delete=models.PROTECT, null=True, blank=True,
        related_name="inquiries", verbose_name=_("handled by"),
    )
    participants = models.ManyToManyField(
        "people.Employee", blank=True, related_name="forwarded_inquiries",
        verbose_name=_("forwarded to"),
        help_text=_("Colleagues the inquiry was forwarded to; they can read and reply."),
    )
    core_areas = models.ManyToManyField(
        "people.CoreArea", blank=True, related_name="forwarded_inquiries",
        verbose_name=_("forwarded to core areas"),
        help_text=_("Core areas the inquiry was forwarded to; their employees can read and reply."),
    )
    focus_areas = models.ManyToManyField("core.FocusArea", blank=True, related_name="inquiries",
                                         verbose_name=_("focus areas"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices,
                              default=Status.RECEIVED)
    acknowledge_due = models.DateField(_("acknowledge by"))
    answer_due = models.DateField(_("answer by"))
    acknowledged_at = models.DateTimeField(_("acknowledged"), null=True, blank=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    outcome = models.TextField(_("outcome"), blank=True)
    # Set by the periodic job so that running it twice sends nothing twice.
    acknowledge_reminded_at = models.DateTimeField(null=True, blank=True, editable=False)
    answer_reminded_at = models.DateTimeField(null=True, blank=True, editable=False)
    escalated_at = models.DateTimeField(_("escalated"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True)
    created_at = models.DateTimeField(_("received"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("inquiry")
        verbose_name_plural = _("inquiries")
        # The lists sort by answer date (bench/: without these, 100,000 inquiries cost 50-190 ms
        # a page); the partial index serves the default list of open inquiries.
        indexes = [
            models.Index(fields=["status", "answer_due"]),
            models.Index(fields=["answer_due", "id"], name="inquiry_due_idx"),
            models.Index(fields=["answer_due", "id"], condition=~models.Q(status="closed"),
                         name="inquiry_open_due_idx"),
            models.Index(fields=["area", "answer_due", "id"], name="inquiry_area_due_idx"),
            models.Index(fields=["assignee", "answer_due", "id"], name="inquiry_assignee_due_idx"),
            # The inquiries waiting for the coordinator: counted and ordered from the index alone
            # (issue 20: the count 30 ms -> 0.5 ms at 100,000 inquiries).
            models.Index(fields=["status", "assignee", "answer_due"], name="inquiry_status_assignee_idx"),
            # The reports count the inquiries received in a period (bench/: 2.5x faster at
            # 100,000 inquiries over three years).
            models.Index(fields=["received_on"], name="inquiry_received_idx"),
            # The API's list: the newest received first (bench/).
            models.Index(fields=["-received_on", "-id"], name="inquiry_received_desc_idx"),
            # The latest change, for the versions of what is kept until an inquiry changes: the
            # reports (reports.scheme.kept: 33 ms -> 1 ms at 100,000 inquiries) and the
            # coordinator's start blocks (workspace.kept).
            models.Index(fields=["updated_at"], name="inquiry_updated_idx"),
            # The scheme's report counts the inquiries received in two periods by channel, who
            # wrote, area, and by their deadlines and replies, from this index alone (no row
            # read; reports.scheme.inquiries and inquiry_counts).
            models.Index(fields=["received_on", "channel", "submitter_kind", "area",
                                 "acknowledge_due", "answer_due", "acknowledged_at",
                                 "answered_at", "closed_at"], name="inquiry_report_idx"),
            # What was open at a period's end: those not closed, and those closed since, from
            # the index alone (reports.scheme.inquiries.open_at).
            models.Index(fields=["closed_at", "received_on", "answered_at", "answer_due"],
                         name="inquiry_open_at_idx"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["api_system", "external_reference"],
                                    condition=~models.Q(external_reference=""),
                                    name="inquiry_one_per_external_reference"),
        ]

    def __str__(self):
        return f"{self.reference}: {self.subject}"

    def get_absolute_url(self):
        return reverse("inquiries:detail", kwargs={"pk": self.pk})

    @property
    def reference(self) -> str:
        return f"H-{self.pk:05d}"

    @property
    def is_open(self) -> bool:
        return self.status != self.Status.CLOSED

    @property
    def registered_by(self):
        """The member of staff who registered the inquiry (the actor of its first step), or None
        when the submitter sent it. Reads the prefetched events where the page has them."""
        for event in self.events.all():
            if event.kind == InquiryEvent.Kind.SUBMITTED:
                return event.actor
        return None


class InquiryEvent(models.Model):
    """A step on an inquiry's timeline. Public events are shown to the submitter."""

    class Kind(models.TextChoices):
        SUBMITTED = "submitted", _("Received")
        ROUTED = "routed", _("Routed")
        FORWARDED = "forwarded", _("Forwarded")
        FORWARDED_CORE_AREA = "forwarded_core_area", _("Forwarded to a core area")
        REASSIGNED = "reassigned", _("Reassigned")
        TAGGED = "tagged", _("Focus areas changed")
        ACKNOWLEDGED = "acknowledged", _("Acknowledged")
        REPLY = "reply", _("Reply")
        COMMENT = "comment", _("Internal comment")
        FOLLOW_UP = "follow_up", _("Message from the submitter")
        CLOSED = "closed", _("Closed")
        ESCALATED = "escalated", _("Escalated to the coordinator")
        ANONYMISED = "anonymised", _("Personal data deleted")
        OUTCOME_EMAILED = "outcome_emailed", _("Outcome sent by e-mail")
        JOURNALISED = "journalised", _("Journalised")

    inquiry = models.ForeignKey(Inquiry, on_delete=models.CASCADE, related_name="events",
                                verbose_name=_("inquiry"))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    public = models.BooleanField(_("public"), default=False)
    text = models.TextField(_("text"), blank=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                              blank=True, related_name="+", verbose_name=_("by"))
    at = models.DateTimeField(_("time"), auto_now_add=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("inquiry event")
        verbose_name_plural = _("inquiry events")

    def __str__(self):
        return f"{self.inquiry.reference}: {self.get_kind_display()}"


class InquiryAttachment(Attachment):
    """A file that came with an inquiry. Without an event it belongs to the submission itself
    (the submitter sees it); otherwise it is public or internal as its event is."""

    inquiry = models.ForeignKey(Inquiry, on_delete=models.CASCADE, related_name="attachments",
                                verbose_name=_("inquiry"))
    event = models.ForeignKey(InquiryEvent, on_delete=models.CASCADE, null=True, blank=True,
                              related_name="attachments", verbose_name=_("step"))

    class Meta(Attachment.Meta):
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    @property
    def public(self) -> bool:
        return self.event_id is None or self.event.public
