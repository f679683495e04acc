# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The default checklist template, loaded by its data migration (areas.0006) into today's models."""

from importlib import import_module

from django.apps import apps

DEFAULT_TEMPLATE = import_module("lokalkontakt.areas.migrations.0006_onboarding_steps")


class TodaysApps:
    """The migration names the models by the app they had then (areas); they are onboarding's."""

    @staticmethod
    def get_model(app_label, model_name):
        return apps.get_model("onboarding", model_name)


def load_default_template() -> None:
    DEFAULT_TEMPLATE.load(TodaysApps, None)
