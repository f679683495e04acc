from django.db import models
from django.utils.translation import gettext_lazy as _

from lokalkontakt.core.text import danish_sort_key


class Project(models.Model):
    """A development project (udviklingsprojekt) in one or more local areas, with its lead."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        PAUSED = "paused", _("Paused")
        DONE = "done", _("Completed")

    title = models.CharField(_("title"), max_length=200)
    sort_title = models.CharField(max_length=400, editable=False, db_index=True)
    description = models.TextField(_("description"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.ACTIVE
    )
    lead = models.ForeignKey(
        "people.Employee", on_delete=models.PROTECT, null=True, blank=True,
        related_name="led_projects", verbose_name=_("lead"),
    )
    areas = models.ManyToManyField(
        "areas.LocalArea", related_name="projects", verbose_name=_("local areas")
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["sort_title", "pk"]
        verbose_name = _("development project")
        verbose_name_plural = _("development projects")

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.sort_title = danish_sort_key(self.title)
        super().save(*args, **kwargs)
