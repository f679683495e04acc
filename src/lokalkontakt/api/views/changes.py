# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
import datetime

from django.conf import settings
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.response import Response
from rest_framework.utils.urls import replace_query_param

from lokalkontakt.api.scopes import Scope
from lokalkontakt.api.serializers.changes import (
    ChangeFeedSerializer,
    ChangesQuerySerializer,
)
from lokalkontakt.api.views.base import KeyedApiView
from lokalkontakt.core.changes import Change, oldest_kept_id, pruned_through

PAGE_SIZE = 100


def _missed(after, since) -> bool:
    """Whether changes the caller asked for were already deleted as too old: below the last id
    deleted, or (asked by time alone) older than the feed keeps changes once it has deleted any."""
    if after is not None:
        return after < pruned_through()
    if since is not None:
        kept_from = timezone.now() - datetime.timedelta(days=settings.CHANGE_FEED_DAYS)
        return since < kept_from and pruned_through() > 0
    return False


class ChangeFeedView(KeyedApiView):
    """The change feed (changes:read): what changed, in the order it was committed, so another
    system can stay in step without reading every list again. Remember the last id you have
    seen and ask for those `after` it; each change appears once. No personal data: fetch the
    object at its `url` (that read is logged)."""

    required_scopes = {"GET": Scope.CHANGES_READ}

    @extend_schema(summary="What changed", tags=["Changes"], parameters=[ChangesQuerySerializer],
                   responses={200: ChangeFeedSerializer, 400: OpenApiResponse(
                       OpenApiTypes.OBJECT, description="{parameter: [messages]}")})
    def get(self, request):
        query = ChangesQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        after, since = query.validated_data.get("after"), query.validated_data.get("since")
        size = query.validated_data.get("page_size", PAGE_SIZE)
        changes = Change.objects.order_by("id")
        if after is not None:
            changes = changes.filter(id__gt=after)
        if since is not None:
            changes = changes.filter(at__gte=since)
        page = list(changes[:size])
        last_id = page[-1].id if page else after
        next_url = (replace_query_param(request.build_absolute_uri(), "after", last_id)
                    if len(page) == size else None)
        return Response(ChangeFeedSerializer({
            "oldest_id": oldest_kept_id(), "last_id": last_id, "next": next_url,
            "missed": _missed(after, since),
            "results": page}, context={"request": request}).data)
