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
