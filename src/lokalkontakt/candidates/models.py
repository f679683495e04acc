# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class CandidateRequest(models.Model):
    """The coordinator's e-mail asking the core-area leaders for candidates for uncovered areas."""

    areas = models.ManyToManyField("areas.LocalArea", related_name="candidate_requests",
                                   verbose_name=_("local areas"))
    leaders = models.ManyToManyField("people.Employee", related_name="candidate_requests",
                                     verbose_name=_("leaders asked"))
    message = models.TextField(_("message"), blank=True, max_length=5000)
    reply_by = models.DateField(_("answer by"), null=True, blank=True)
    sent_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                blank=True, related_name="+", verbose_name=_("sent by"))
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True, db_index=True)

    class Meta:
        db_table = "people_candidaterequest"  # from before the split (issue 14)
        ordering = ["-sent_at", "-pk"]
        verbose_name = _("request for candidates")
        verbose_name_plural = _("requests for candidates")

    def __str__(self):
        return f"{self.sent_at:%Y-%m-%d}"


class Nomination(models.Model):
    """A leader proposes one of their staff as a contact, optionally for named areas."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Not chosen")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    employee = models.ForeignKey("people.Employee", on_delete=models.PROTECT, related_name="nominations",
                                 verbose_name=_("candidate"))
    core_area = models.ForeignKey("people.CoreArea", on_delete=models.PROTECT, related_name="nominations",
                                  verbose_name=_("core area"))
    areas = models.ManyToManyField("areas.LocalArea", blank=True, related_name="nominations",
                                   verbose_name=_("local areas"))
    request = models.ForeignKey(CandidateRequest, on_delete=models.SET_NULL, null=True,
                                blank=True, related_name="nominations",
                                verbose_name=_("request for candidates"))
    note = models.TextField(_("note"), blank=True, max_length=2000)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices,
                              default=Status.PROPOSED)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decision_note = models.CharField(_("note on the decision"), max_length=500, blank=True)
    nominated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                     null=True, blank=True, related_name="+",
                                     verbose_name=_("nominated by"))
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["created_at", "updated_at"],
                               table_name="people_historicalnomination")

    class Meta:
        db_table = "people_nomination"  # from before the split (issue 14)
        ordering = ["-created_at", "-pk"]
        verbose_name = _("nomination")
        verbose_name_plural = _("nominations")
        constraints = [
            models.UniqueConstraint(
                fields=["employee"], condition=models.Q(status="proposed"),
                name="one_open_nomination_per_employee",
                violation_error_message=_("This employee is already nominated.")),
        ]

    def __str__(self):
        return f"{self.employee} ({self.get_status_display()})"
