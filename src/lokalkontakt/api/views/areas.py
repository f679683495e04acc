# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework.decorators import action
from rest_framework.response import Response

from lokalkontakt.api.serializers.addresses import AddressQuerySerializer, AddressResultSerializer
from lokalkontakt.api.serializers.areas import AreaFilterSerializer, AreaSerializer
from lokalkontakt.api.views.base import PublicViewSet
from lokalkontakt.api.views.kept import kept_list, list_parameters
from lokalkontakt.areas import selectors
from lokalkontakt.areas.addresses.lookup import find_area

# Not shown to the public, and the outline can be large: not even read.
NOT_SHOWN = ("boundary", "sources", "participation_note", "search_text", "invited_on")
# What a row of the list shows (api.serializers.areas.AreaSerializer), read with the contacts'
# columns alone (areas.selectors.directory_rows): a page of 50 built every column of some 300
# model instances, dates parsed, for them.
LIST_ROW = ("name", "slug", "sort_name", "towns", "postcodes", "parish", "population",
            "population_year", "latitude", "longitude", "community_forming", "participation",
            "participation_date", "council__name", "council__email", "council__website")


@extend_schema_view(
    list=extend_schema(
        summary="The local areas and their contacts", tags=["Public"],
        description="Every local area as the public directory shows it, in Danish alphabetical "
                    "order (Æ, Ø, Å last; Aa as Å), filtered as the directory filters. For a "
                    "\"find your local contact\" box on another website: `?postcode=8722` or "
                    "`?q=glud`.",
        parameters=[AreaFilterSerializer],
        responses={200: AreaSerializer(many=True),
                   400: OpenApiResponse(description="A filter's value is not valid."),
                   404: OpenApiResponse(description="No such page.")}),
    retrieve=extend_schema(
        summary="One local area", tags=["Public"],
        responses={200: AreaSerializer,
                   404: OpenApiResponse(description="No local area has this slug.")}),
    lookup=extend_schema(
        summary="Find the local area of an address", tags=["Public"],
        description="The area an address lies in: by the area's outline when the national "
                    "address register (Datafordeleren) is configured and answers, else by "
                    "postcode and town. The address is not stored or logged.",
        parameters=[AddressQuerySerializer],
        responses={200: AddressResultSerializer,
                   400: OpenApiResponse(description="No address was given.")}),
)
class AreaViewSet(PublicViewSet):
    """The local areas with their towns, council and local contact: what the public directory
    shows. Public. Three queries a page, whatever the number of areas (the count, the areas
    with council and coverage, their active assignments)."""

    serializer_class = AreaSerializer
    lookup_field = "slug"

    # The docstring above is the schema's description: what follows is said here instead. A page
    # of the list is kept (api.views.kept) as the directory's content is: one query while the
    # data stay the same (their version), four when it is drawn (the version and the three).
    def list(self, request, *args, **kwargs):
        return kept_list(request, name="areas",
                         parameters=list_parameters(self, AreaFilterSerializer),
                         version=selectors.directory_version,
                         draw=lambda: super(AreaViewSet, self).list(request, *args, **kwargs))

    def get_queryset(self):
        if self.action != "list":
            return selectors.areas_with_contacts().defer(*NOT_SHOWN)
        filters = AreaFilterSerializer(data=self.request.query_params)
        filters.is_valid(raise_exception=True)
        return selectors.directory_areas(**filters.selector_arguments(),
                                         areas=selectors.directory_rows().only(*LIST_ROW))

    @action(detail=False, url_path="lookup", pagination_class=None, filter_backends=())
    def lookup(self, request):
        query = AddressQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        areas = selectors.areas_with_contacts().defer(*NOT_SHOWN)
        result = find_area(query.validated_data["address"], areas=areas)
        return Response(AddressResultSerializer(
            {"method": result.method, "service": result.service, "dar_id": result.dar_id,
             "areas": result.areas}, context=self.get_serializer_context()).data)
