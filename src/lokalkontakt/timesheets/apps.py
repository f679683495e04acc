# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
from django.apps import AppConfig
from django.utils.translation import pgettext_lazy


class TimesheetsConfig(AppConfig):
    name = "lokalkontakt.timesheets"
    label = "timesheets"
    verbose_name = pgettext_lazy("menu", "Time")

    def ready(self):
        from lokalkontakt.core.registry import Panel, mine_panels
        from lokalkontakt.timesheets import panels

        mine_panels.register("time", Panel("timesheets/_mine_time.html", panels.mine_time), order=30)
        from lokalkontakt.core.exports.registry import Export, exports
        from lokalkontakt.timesheets.exports import (
            overview_export,
            overview_filename,
            overview_still_visible,
        )

        exports.register("timesheets.overview", Export(
            write=overview_export, filename=overview_filename,
            still_visible=overview_still_visible,
            allowed=lambda user: user.has_perm("core.see_capacity")))
