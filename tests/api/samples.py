# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Sample URL arguments for the API's routes and its key pages in the permission matrix
(tests/permissions.py): {(route key, argument name): world -> value}."""

from tests.api.factories import make_key


def _key(world):
    """A key made for the test (the world's class rolls it back)."""
    return make_key(name="ESDH", actor=world.users["coordinator"])[0].pk


SAMPLES = {
    ("api:focus-area-detail", "slug"): lambda world: "smidige-processer",
    ("api:area-detail", "slug"): lambda world: world.area.slug,
    ("api:inquiry-detail", "pk"): lambda world: world.inquiry.reference,
    ("api:consultation-detail", "pk"): lambda world: world.consultation.pk,
    ("api:note-detail", "pk"): lambda world: world.note.pk,
    ("api:employee-detail", "pk"): lambda world: world.employee.pk,
    ("api:core-area-detail", "pk"): lambda world: world.core_area.pk,
    ("api_keys:revoke", "pk"): _key,
    **{(f"api:journal-case-{name}", "kind"): lambda world: "inquiry"
       for name in ["package", "journalised"]},
    **{(f"api:journal-case-{name}", "id"): lambda world: world.inquiry.pk
       for name in ["package", "journalised"]},
}


def api_sample(key: str, name: str, world):
    try:
        return SAMPLES[key, name](world)
    except KeyError:
        raise AssertionError(f"{key}: add a sample for {name!r} to tests/api/samples.py") from None
