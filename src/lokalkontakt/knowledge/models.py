from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from lokalkontakt.core.models import Attachment


class Note(models.Model):
    """What the organisation knows about a local area (viden), or about the whole scheme when the
    area is empty. Written in Markdown, shown sanitised (knowledge.markdown); `version` guards
    against two people overwriting each other's edits (services.note_update)."""

    class Kind(models.TextChoices):
        LOCAL_CONDITIONS = "local_conditions", _("Local conditions")
        ASSOCIATIONS = "associations", _("Associations and facilities")
        KEY_PEOPLE = "key_people", _("Key people")
        PLANS = "plans", _("Plans and projects")
        EVENTS = "events", _("Events")
        EXPERIENCE = "experience", _("Experience")

    class Visibility(models.TextChoices):
        STAFF = "staff", _("Staff")
        COUNCIL = "council", _("Staff and the area's council")
        PUBLIC = "public", _("Public")

    area = models.ForeignKey("areas.LocalArea", on_delete=models.PROTECT, null=True, blank=True,
                             related_name="notes", verbose_name=_("local area"),
                             help_text=_("Empty: a general note for the whole scheme."))
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("text"), max_length=50000,
                            help_text=_("Markdown: **bold**, *italic*, lists, links and headings."))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    focus_areas = models.ManyToManyField("core.FocusArea", blank=True, related_name="notes",
                                         verbose_name=_("focus areas"))
    visibility = models.CharField(_("visibility"), max_length=10, choices=Visibility.choices,
                                  default=Visibility.STAFF)
    author = models.ForeignKey("people.Employee", on_delete=models.PROTECT,
                               related_name="notes", verbose_name=_("author"))
    version = models.PositiveIntegerField(_("version"), default=1)
    created_at = models.DateTimeField(_("created"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords(excluded_fields=["created_at"])

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("note")
        verbose_name_plural = _("notes")
        indexes = [models.Index(fields=["area", "visibility", "-created_at"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("knowledge:detail", kwargs={"pk": self.pk})


class NoteAttachment(Attachment):
    """A file of a note; downloaded only through knowledge:attachment, behind the note's
    visibility."""

    note = models.ForeignKey(Note, on_delete=models.CASCADE, related_name="attachments",
                             verbose_name=_("note"))

    class Meta(Attachment.Meta):
        verbose_name = _("note attachment")
        verbose_name_plural = _("note attachments")

    def get_absolute_url(self):
        return reverse("knowledge:attachment", kwargs={"pk": self.pk})
