# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lokalkontakt.core.files import upload_to


class FocusArea(models.Model):
    """One of the cross-cutting political focus areas (fokusområder) that work is tagged with."""

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    name = models.CharField(_("name"), max_length=300, unique=True)
    description = models.TextField(_("description"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["number"]
        verbose_name = _("focus area")
        verbose_name_plural = _("focus areas")

    def __str__(self):
        return self.name


class OutgoingEmail(models.Model):
    """An e-mail the system sends: queued in the request's transaction, delivered by the worker.

    The row is the record of what was sent to whom; delivery is retried with backoff while the
    mail server is unreachable, so nothing is lost when it is down. States (core.mail):
    queued → sending (claimed by a worker, committed before the SMTP conversation) → sent, or
    back to queued for a retry, or failed after the last attempt. A message left in sending by a
    worker that died is queued again by the periodic job (core.jobs); a failed one waits for the
    coordinator's "Send again".
    """

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    to = models.JSONField(_("recipients"))
    subject = models.CharField(_("subject"), max_length=250)
    body = models.TextField(_("text"))
    reply_to = models.EmailField(_("reply to"), blank=True)
    # Attachments made by the system: [{"filename", "content", "mimetype"}] for text (an
    # invitation's .ics), "content_base64" instead of "content" for bytes (a report's PDF).
    attachments = models.JSONField(_("attachments"), default=list, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices,
                              default=Status.QUEUED)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # When a worker last claimed it (status sending): how the periodic job tells a dead send.
    claimed_at = models.DateTimeField(_("claimed"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    # Who put a failed e-mail back in the queue, and when (the coordinator's "Send again").
    resent_at = models.DateTimeField(_("sent again"), null=True, blank=True)
    resent_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                  blank=True, related_name="+", verbose_name=_("sent again by"))

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")
        indexes = [models.Index(fields=["status", "created_at"], name="outgoing_email_status_idx")]

    def __str__(self):
        return self.subject


class Attachment(models.Model):
    """An uploaded file (see core.files): what every app's attachment model has in common."""

    file = models.FileField(_("file"), upload_to=upload_to, max_length=300)
    name = models.CharField(_("file name"), max_length=200)
    size = models.PositiveIntegerField(_("size"))
    content_type = models.CharField(_("content type"), max_length=150, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.name

    @classmethod
    def from_upload(cls, upload, **fields):
        """An unsaved instance for a checked upload (core.files.check_uploads). The content type
        follows the checked extension; the client's claim is ignored."""
        from lokalkontakt.core.files import clean_name, content_type_for

        name = clean_name(upload.name)
        return cls(file=upload, name=name, size=upload.size, content_type=content_type_for(name),
                   **fields)


class SearchEntry(models.Model):
    """One indexed thing (an area, note, inquiry or consultation) in the search (core.search):
    what the search filters on. The text itself is in the backend's index, written with the entry
    in the same transaction: PostgreSQL's `vector` column, SQLite's `search_fts` table (both made
    by migration 0006, outside the model, as neither is portable). The plain text the snippets
    are cut from is beside it (SearchText)."""

    class Audience(models.TextChoices):
        PUBLIC = "public", _("Public")
        COUNCIL = "council", _("Staff and the area's council")
        STAFF = "staff", _("Staff")

    kind = models.CharField(_("kind"), max_length=20)
    object_id = models.PositiveBigIntegerField(_("object id"))
    audience = models.CharField(_("audience"), max_length=10, choices=Audience.choices,
                                default=Audience.STAFF)
    areas = models.ManyToManyField("areas.LocalArea", blank=True, related_name="+",
                                   verbose_name=_("local areas"))
    focus_areas = models.ManyToManyField(FocusArea, blank=True, related_name="+",
                                         verbose_name=_("focus areas"))
    created_at = models.DateTimeField(_("created"))
    indexed_at = models.DateTimeField(_("indexed"), auto_now=True)

    class Meta:
        ordering = ["-pk"]
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        constraints = [models.UniqueConstraint(fields=["kind", "object_id"],
                                               name="search_entry_unique_object")]

    def __str__(self):
        return f"{self.kind} {self.object_id}"


class SearchText(models.Model):
    """A search entry's plain text, on one line, written at index time: the page's snippets are
    cut from it, so no Markdown is converted per query. A table of its own keeps the entries'
    rows narrow for the candidate query, which reads many and never this."""

    entry = models.OneToOneField(SearchEntry, on_delete=models.CASCADE, primary_key=True,
                                 related_name="stored", verbose_name=_("search entry"))
    text = models.TextField(_("text"), blank=True)

    class Meta:
        ordering = ["-entry"]
        verbose_name = _("search text")
        verbose_name_plural = _("search texts")

    def __str__(self):
        return self.text[:50]


class SearchEntryPerson(models.Model):
    """Someone an indexed thing tells about: its author, handler, requester or the area's contact
    ("who knows something about ...")."""

    class Role(models.TextChoices):
        AUTHOR = "author", _("wrote")
        HANDLER = "handler", _("handles")
        REQUESTER = "requester", _("asked")
        CONTACT = "contact", _("covers")

    entry = models.ForeignKey(SearchEntry, on_delete=models.CASCADE, related_name="people",
                              verbose_name=_("search entry"))
    employee = models.ForeignKey("people.Employee", on_delete=models.CASCADE, related_name="+",
                                 verbose_name=_("employee"))
    role = models.CharField(_("role"), max_length=10, choices=Role.choices)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("person of a search entry")
        verbose_name_plural = _("people of search entries")
        indexes = [models.Index(fields=["entry", "employee"])]

    def __str__(self):
        return f"{self.employee_id} {self.role} {self.entry_id}"


class AccessLogQuerySet(models.QuerySet):
    """The log is append-only for the application: rows are added (core.accesslog.record) and
    deleted only when their retention ends (`expire`), never changed."""

    def update(self, **kwargs):
        raise TypeError("The access log is append-only.")

    def delete(self):
        raise TypeError("The access log is append-only; entries expire (AccessLogEntry.objects.expire).")

    def expire(self, *, before) -> int:
        """Delete the entries older than `before` (the retention job); how many were deleted."""
        deleted, _ = models.QuerySet.delete(self.filter(at__lt=before))
        return deleted


class AccessLogEntry(models.Model):
    """One showing of a person's data (adgangslog): who saw it, when, how and from where, and what
    it was (an object of a model registered in `core.registry.personal_data`, which knows whose
    data it holds). The entry copies no personal data of the person concerned: it names the
    object, and the person is looked up when the log is read, so data anonymised or erased is
    gone from the log too."""

    class How(models.TextChoices):
        PAGE = "page", _("Page")
        DOWNLOAD = "download", _("File")
        EXPORT = "export", _("Export")
        SEARCH = "search", _("Search result")
        ADMIN = "admin", _("Administration")
        API = "api", _("API")
        ACCESS_LOG = "accesslog", _("Access log")
        ERASURE = "erasure", _("Erasure")

    at = models.DateTimeField(_("when"), default=timezone.now)
    # Who: the account's id and username as they were (kept if the account is deleted); no user
    # is someone holding a private link (the submitter following their inquiry).
    user_id = models.PositiveBigIntegerField(_("user id"), null=True, blank=True)
    username = models.CharField(_("username"), max_length=150, blank=True)
    how = models.CharField(_("how"), max_length=10, choices=How.choices)
    path = models.CharField(_("page"), max_length=300)
    address = models.CharField(_("from address"), max_length=45, blank=True)
    object_type = models.CharField(_("type"), max_length=100)
    object_id = models.PositiveBigIntegerField(_("object id"))

    objects = AccessLogQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("access log entry")
        verbose_name_plural = _("access log entries")
        indexes = [models.Index(fields=["object_type", "object_id", "at"], name="accesslog_object_idx"),
                   models.Index(fields=["user_id", "how", "at"], name="accesslog_user_idx"),
                   models.Index(fields=["username", "at"], name="accesslog_username_idx"),
                   models.Index(fields=["at"], name="accesslog_at_idx")]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.username or '-'} {self.object_type} {self.object_id}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise TypeError("The access log is append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise TypeError("The access log is append-only.")


class FocusTerm(models.Model):
    """How often a word stem occurred in texts that staff tagged with a focus area: what the
    focus-area suggestions (core.suggest) learn from. Stems only, never whole texts, and no
    digits, e-mail addresses or names (core.suggest.tokens leaves them out)."""

    stem = models.CharField(_("stem"), max_length=60)
    focus_area = models.ForeignKey(FocusArea, on_delete=models.CASCADE, related_name="terms",
                                   verbose_name=_("focus area"))
    count = models.PositiveIntegerField(_("count"), default=0)

    class Meta:
        ordering = ["stem", "focus_area"]
        constraints = [models.UniqueConstraint(fields=["stem", "focus_area"],
                                               name="core_focusterm_unique")]
        verbose_name = _("focus-area term")
        verbose_name_plural = _("focus-area terms")

    def __str__(self):
        return f"{self.stem} ({self.focus_area_id}): {self.count}"


class FocusTermTotal(models.Model):
    """The totals of a focus area's terms (the sum of its FocusTerm counts, and the number of
    tagged texts they came from), so a suggestion reads them without summing the table.
    `rebuilt_at` is when the periodic job last counted everything again."""

    focus_area = models.OneToOneField(FocusArea, on_delete=models.CASCADE,
                                      related_name="term_total", verbose_name=_("focus area"))
    terms = models.PositiveIntegerField(_("terms"), default=0)
    texts = models.PositiveIntegerField(_("texts"), default=0)
    rebuilt_at = models.DateTimeField(_("rebuilt"), null=True, blank=True)

    class Meta:
        ordering = ["focus_area"]
        verbose_name = _("focus-area term total")
        verbose_name_plural = _("focus-area term totals")

    def __str__(self):
        return f"{self.focus_area_id}: {self.terms} terms in {self.texts} texts"


# The change feed's models live in their own module (core.changes).
from lokalkontakt.core.changes.models import Change, ChangeSequence  # noqa: E402, F401
from lokalkontakt.core.exports.models import PreparedExport  # noqa: E402, F401
from lokalkontakt.core.tablewrites.models import TableWrite  # noqa: E402, F401
