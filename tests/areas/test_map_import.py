# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The coordinator imports the areas' outlines from GeoJSON: preview, confirm, and a clear
message (and nothing changed) for a file that cannot be used."""

import json
import math

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from lokalkontakt.areas import simplify
from lokalkontakt.areas.models import AreaEvent, LocalArea
from tests.areas.conftest import english_client
from tests.areas.factories import LocalAreaFactory

pytestmark = pytest.mark.django_db
URL = reverse("coordination:boundaries")


def square(lon: float = 9.7, lat: float = 55.7, size: float = 0.05) -> list:
    return [[[lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size], [lon, lat]]]


def collection(*features) -> dict:
    return {"type": "FeatureCollection", "features": list(features)}


def feature(properties: dict, coordinates=None, kind: str = "Polygon") -> dict:
    return {"type": "Feature", "properties": properties,
            "geometry": {"type": kind, "coordinates": coordinates or square()}}


def upload(client, data, name: str = "sogne.geojson"):
    content = data if isinstance(data, bytes) else json.dumps(data).encode()
    return client.post(URL, {"file": SimpleUploadedFile(name, content, "application/geo+json")})


@pytest.fixture
def client(coordinator):
    return english_client(coordinator)


@pytest.fixture
def areas():
    return [LocalAreaFactory(name="Glud", parish="Glud"), LocalAreaFactory(name="Åle-Hjortsvang"),
            LocalAreaFactory(name="Korning", parish="Korning Sogn")]


def test_the_preview_shows_matched_and_unmatched_features_and_changes_nothing(client, areas):
    response = upload(client, collection(
        feature({"navn": "GLUD", "sognekode": "7654"}),
        feature({"navn": "Aale Hjortsvang"}, square(9.8)),
        feature({"navn": "Snaptun"})))

    html = response.content.decode()
    assert response.status_code == 200
    assert "<strong>2</strong> areas matched" in html
    assert "<li>Glud ← GLUD</li>" in html and "<li>Åle-Hjortsvang ← Aale Hjortsvang</li>" in html
    assert "<li>Snaptun</li>" in html  # not matched
    assert "<li>Korning</li>" in html  # still without an outline
    assert LocalArea.objects.filter(boundary__isnull=False).count() == 0


def test_the_name_property_is_guessed_and_can_be_chosen(client, areas):
    response = upload(client, collection(feature({"kode": "7654", "sogn": "Korning Sogn"})))

    html = response.content.decode()
    assert '<option value="sogn" selected>sogn</option>' in html
    assert '<option value="kode">kode</option>' in html
    assert "<li>Korning ← Korning Sogn</li>" in html


def test_confirming_saves_the_outlines_with_an_event(client, areas, coordinator):
    preview = upload(client, collection(feature({"navn": "Glud"}),
                                        feature({"navn": "Glud"}, square(9.9))))
    kept = preview.context["preview_form"].initial["kept"]

    response = client.post(URL, {"kept": kept, "name_property": "navn", "action": "confirm"})

    assert response.status_code == 302
    glud = LocalArea.objects.get(name="Glud")
    assert glud.boundary["type"] == "MultiPolygon" and len(glud.boundary["coordinates"]) == 2
    event = glud.events.get(kind=AreaEvent.Kind.UPDATED)
    assert event.actor == coordinator and event.data == {"fields": ["boundary"],
                                                          "source": "sogne.geojson"}
    assert glud.history.count() == 2  # created, then the outline
    assert LocalArea.objects.get(name="Korning").boundary is None


def test_a_file_no_longer_kept_asks_for_it_again(client, areas):
    response = client.post(URL, {"kept": "forged", "name_property": "navn", "action": "confirm"})

    assert response.status_code == 400
    assert "The uploaded file is no longer kept; choose it again." in response.content.decode()


@pytest.mark.parametrize(("content", "message"), [
    (b"<kml></kml>", "The file is not GeoJSON: it could not be read as JSON (UTF-8)."),
    (b'{"type": "Feature"}', "The file is not a GeoJSON FeatureCollection (its type is “Feature”)."),
    (b'{"type": "FeatureCollection", "features": []}', "The file has no features."),
    (json.dumps(collection(feature({"navn": "Glud"}), feature({"navn": "By"}, [9.7, 55.7], "Point"))
                ).encode(),
     "Feature 2 is a Point; only outlines (Polygon or MultiPolygon) can be imported."),
    (json.dumps(collection(feature({"navn": "Glud"}, [[[560000, 6180000], [561000, 6180000],
                                                       [561000, 6181000], [560000, 6180000]]]))
                ).encode(),
     "They are probably UTM zone 32 (EPSG:25832)"),
    (json.dumps(collection(feature({"navn": "Glud"}, [[[55.7, 9.7], [55.8, 9.7], [55.8, 9.8],
                                                       [55.7, 9.7]]]))).encode(),
     "The coordinates seem to be latitude before longitude"),
])
def test_a_file_that_cannot_be_used_says_why_and_changes_nothing(client, areas, content, message):
    response = upload(client, content)

    html = response.content.decode()
    assert response.status_code == 400
    assert "Nothing was imported." in html
    assert message in html.replace("&quot;", '"').replace("&#x27;", "'")
    assert LocalArea.objects.filter(boundary__isnull=False).count() == 0


def test_a_file_over_5_mb_is_refused(client, areas):
    response = upload(client, b" " * (5 * 1024 * 1024 + 1))

    assert response.status_code == 400
    assert "The file is larger than 5 MB." in response.content.decode()


def test_outlines_are_simplified_to_a_bounded_size():
    circle = [[9.7 + 0.05 * math.cos(a), 55.7 + 0.03 * math.sin(a)]
              for a in (i * 2 * math.pi / 20_000 for i in range(20_000))]
    polygons = simplify.simplify([[circle + circle[:1]]])

    points = sum(len(ring) for polygon in polygons for ring in polygon)
    assert 20 < points <= simplify.MAX_POINTS
    assert all(len(str(x).split(".")[1]) <= 4 for x, _y in polygons[0][0])


def test_a_tiny_island_is_left_out_of_the_outline():
    polygons = simplify.simplify([square(), square(10.0, 55.9, size=0.00001)])

    assert len(polygons) == 1


def test_an_outline_of_many_islets_keeps_the_largest_within_the_bound_and_ends():
    # 110 islets: four points a ring at the least is 440, over MAX_POINTS however far the
    # tolerance goes; the largest islets are kept instead (this ran for ever before).
    islets = [square(9.5 + 0.02 * (n % 11), 55.6 + 0.02 * (n // 11), size=0.002 + 0.0001 * n)
              for n in range(110)]

    polygons = simplify.simplify(islets)

    assert 0 < sum(len(ring) for polygon in polygons for ring in polygon) <= simplify.MAX_POINTS
    kept = [round((ring[0][1] - 55.6) / 0.02) * 11 + round((ring[0][0] - 9.5) / 0.02)
            for (ring,) in polygons]
    assert sorted(kept) == list(range(110 - len(kept), 110))  # the largest (n grows with the size)


def test_a_crs_without_a_name_object_is_refused_with_a_message_not_an_error(client, areas):
    data = collection(feature({"navn": "Glud"}))
    data["crs"] = {"type": "name", "properties": "EPSG:25832"}

    response = upload(client, data)

    assert response.status_code in (200, 400)
    assert LocalArea.objects.filter(boundary__isnull=False).count() == 0
