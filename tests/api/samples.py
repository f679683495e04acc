# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Sample URL arguments for the API's routes in the permission matrix (tests/permissions.py):
{(route key, argument name): world -> value}."""

SAMPLES = {
    ("api:focus-area-detail", "slug"): lambda world: "smidige-processer",
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
