# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Admin pages that show personal data write to the access log (how: administration)."""

from lokalkontakt.core.accesslog.record import How, record


class AccessLoggedAdmin:
    """A ModelAdmin mixin: the object of a change (and history) page is logged, and the rows of
    the list when `access_log_list` says its columns show personal data."""

    access_log_list = True

    def get_object(self, request, object_id, from_field=None):
        obj = super().get_object(request, object_id, from_field)
        record(request, [obj], how=How.ADMIN)
        return obj

    def get_changelist_instance(self, request):
        changelist = super().get_changelist_instance(request)
        if self.access_log_list:
            # The page's rows; the queryset keeps them for the template.
            record(request, changelist.result_list, how=How.ADMIN)
        return changelist

    def history_view(self, request, object_id, extra_context=None):
        record(request, [self.model._default_manager.filter(pk=object_id).first()], how=How.ADMIN)
        return super().history_view(request, object_id, extra_context)
