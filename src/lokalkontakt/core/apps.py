# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "lokalkontakt.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self):
        # Registers the role predicates and permissions (django-rules) in every process, and the
        # deploy checks (the demo's logins, production's settings and static files) and the
        # session clocks started at sign-in.
        from lokalkontakt.core import auth, checks, roles, sessions  # noqa: F401
        from lokalkontakt.core.jobs import report as mail_report
        from lokalkontakt.core.registry import jobs
        from lokalkontakt.core.retention import report as retention_report
        from lokalkontakt.core.search.index import report as search_report

        # Old e-mail texts and login records (after the apps' anonymisation, before the mail).
        jobs.register("retention", retention_report, order=75)
        # E-mails and task results a stopped worker left behind, after the jobs that queue mail.
        jobs.register("mail", mail_report, order=80)
        from lokalkontakt.core.files_kept import report as files_kept_report

        # Files kept for a preview that nobody came back for.
        jobs.register("files_kept", files_kept_report, order=78)
        from lokalkontakt.core.accesslog.jobs import report as access_log_report
        from lokalkontakt.core.models import AccessLogEntry
        from lokalkontakt.core.personal_data import EMAILS
        from lokalkontakt.core.registry import personal_data

        jobs.register("access_log", access_log_report, order=85)
        from lokalkontakt.core.accesslog.exports import log_export, log_filename
        from lokalkontakt.core.exports.registry import Export, exports

        exports.register("core.access_log", Export(
            write=log_export, filename=log_filename, how=AccessLogEntry.How.ACCESS_LOG,
            allowed=lambda user: user.has_perm("core.read_access_log")))
        from lokalkontakt.core.changes import report as changes_report

        # The change feed's old rows (sends no e-mail: before the mail line).
        jobs.register("changes", changes_report, order=76)
        from lokalkontakt.core.exports.services import report as exports_report

        # Prepared exports past their time (they may hold personal data).
        jobs.register("exports", exports_report, order=77)
        personal_data.register("core.outgoingemail", EMAILS, order=40)
        from django.db.models.signals import post_migrate

        from lokalkontakt.core import tablewrites

        # The triggers that record which tables were written (the kept pages' versions), made
        # again after every migrate; their old rows pruned.
        post_migrate.connect(_install_tablewrites, sender=self)
        jobs.register("tablewrites", tablewrites.report, order=79)
        # The search index catches up last, after the jobs that change what it holds.
        jobs.register("search", search_report, order=90)
        from lokalkontakt.core.suggest.learning import report as suggest_report

        # The focus-area suggestions learn again from every tagged text, once a day.
        jobs.register("focus_terms", suggest_report, order=70)  # sends no e-mail: before the mail line
        from lokalkontakt.core.registry import demo_loaders
        from lokalkontakt.core.suggest.learning import demo_rebuild

        # Last in load_demo: the suggestions learn from everything the demo tagged.
        demo_loaders.register("focus_terms", demo_rebuild, order=1000)


def _install_tablewrites(sender, using="default", **kwargs):
    from lokalkontakt.core import tablewrites

    tablewrites.install(using)
