# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The change feed in the API: which object changed and how, never what it holds."""

from django.urls import NoReverseMatch, reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from lokalkontakt.api.serializers.fields import SinceField
from lokalkontakt.core.changes import Change

# The API's own address of each kind of object: (route name, the URL argument, the field of the
# change that fills it). A kind without an endpoint (yet) has no url.
DETAIL_ROUTES = {
    "inquiry": ("api:inquiry-detail", "pk", "object_id"),
    "consultation": ("api:consultation-detail", "pk", "object_id"),
    "note": ("api:note-detail", "pk", "object_id"),
    "assignment": ("api:assignment-detail", "pk", "object_id"),
    "employee": ("api:employee-detail", "pk", "object_id"),
    "area": ("api:area-detail", "slug", "reference"),
}


class ChangeSerializer(serializers.ModelSerializer):
    """That an object changed. Fetch the object at `url` to see what it holds now."""

    kind = serializers.CharField(
        help_text="inquiry, consultation, assignment, note, area, employee")
    action = serializers.CharField(
        help_text="created, acknowledged, answered, forwarded, reassigned, closed, anonymised "
                  "(inquiries); created, answered (an area answered), closed (consultations); "
                  "started, ended (assignments); created, changed, deleted (notes); created, "
                  "changed (areas: their public facts or their council's details); created, "
                  "changed, deactivated, reactivated (employees).")
    reference = serializers.CharField(
        help_text="The object's reference where it has one (H-00042, HØ-0007; an area's slug, "
                  "and an assignment's area's slug).")
    url = serializers.SerializerMethodField(help_text="The object in the API; empty when it "
                                                      "has no endpoint.")

    class Meta:
        model = Change
        fields = ["id", "at", "kind", "object_id", "reference", "action", "url"]
        read_only_fields = fields

    @extend_schema_field(serializers.URLField(allow_null=True))
    def get_url(self, change) -> str | None:
        route = DETAIL_ROUTES.get(change.kind)
        if route is None or not getattr(change, route[2]):
            return None
        name, argument, field = route
        try:
            path = reverse(name, kwargs={argument: getattr(change, field)})
        except NoReverseMatch:
            return None
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request else path


class ChangesQuerySerializer(serializers.Serializer):
    """Where to start (query parameters); without either, from the oldest change kept."""

    after = serializers.IntegerField(required=False, min_value=0, max_value=2**63 - 1,
                                     help_text="The last change id you have seen.")
    since = SinceField(required=False,
                                      help_text="Changes at this time or later (ISO 8601).")
    page_size = serializers.IntegerField(required=False, min_value=1, max_value=500,
                                         help_text="At most this many (default 100).")


class ChangeFeedSerializer(serializers.Serializer):
    oldest_id = serializers.IntegerField(
        allow_null=True, help_text="The oldest change still kept (older ones are deleted after "
                                   "a set number of days).")
    missed = serializers.BooleanField(
        help_text="True when changes after your `after` have been deleted: synchronise again "
                  "(read the lists), then follow from the newest id.")
    last_id = serializers.IntegerField(
        allow_null=True, help_text="The id to ask `after` next time: the last one returned, or "
                                   "your `after` when there was nothing new.")
    next = serializers.URLField(allow_null=True,
                                help_text="The next page when this one was full; empty: you are "
                                          "up to date.")
    results = ChangeSerializer(many=True)
