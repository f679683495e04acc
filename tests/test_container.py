# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The container image and compose file are well formed and fit the start scripts (no container
runtime runs here: CI checks the files, and tests/core/test_production_start.py runs the same
start scripts outside a container). The lock files pin every dependency pyproject.toml names."""

import os
import re
import tomllib
from pathlib import Path

import yaml
from dockerfile_parse import DockerfileParser

from lokalkontakt.core.checks import REQUIRED

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = {"web": "/app/scripts/start-web", "worker": "/app/scripts/start-worker",
           "jobs": "/app/scripts/start-jobs"}


def name(requirement: str) -> str:
    return re.split(r"[<>=!~\[; ]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def pinned(lock: str) -> dict[str, str]:
    pins = {}
    for line in (ROOT / "requirements" / lock).read_text().splitlines():
        if match := re.fullmatch(r"([A-Za-z0-9_.-]+)==(\S+)", line.strip()):
            pins[match[1].lower().replace("_", "-").replace(".", "-")] = match[2]
    return pins


def test_the_lock_files_pin_every_dependency():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    production, dev = pinned("production.lock"), pinned("dev.lock")
    for requirement in project["dependencies"]:
        assert name(requirement).replace(".", "-") in production, requirement
    for requirement in project["dependencies"] + project["optional-dependencies"]["dev"]:
        assert name(requirement).replace(".", "-") in dev, requirement
    assert {package: production[package] for package in production} == {
        package: dev[package] for package in production}, "production and dev pin different versions"


def test_make_install_and_the_image_install_from_the_lock_files():
    makefile = (ROOT / "Makefile").read_text()
    assert "pip install -q -r requirements/dev.lock" in makefile
    assert "pip install -q --no-deps -e ." in makefile
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "pip install -r requirements/production.lock" in dockerfile
    assert "pip install --no-deps ." in dockerfile


def test_the_dockerfile_builds_in_two_stages_and_runs_a_start_script_as_a_user():
    parser = DockerfileParser(path=str(ROOT / "Dockerfile"))
    instructions = parser.structure
    froms = [i["value"] for i in instructions if i["instruction"] == "FROM"]
    assert len(froms) == 2 and froms[0].endswith(" AS build")
    final = instructions[max(n for n, i in enumerate(instructions) if i["instruction"] == "FROM"):]
    users = [i["value"] for i in final if i["instruction"] == "USER"]
    assert users and users[-1] not in {"root", "0"}
    entrypoint = [i["value"] for i in final if i["instruction"] == "ENTRYPOINT"][-1]
    assert entrypoint == '["/app/scripts/start-web"]'
    for instruction in instructions:
        if instruction["instruction"] == "COPY" and "--from" not in instruction["value"]:
            for source in instruction["value"].split()[:-1]:
                assert (ROOT / source).exists(), f"COPY {source}: no such file"
    for script in SCRIPTS.values():
        path = ROOT / script.removeprefix("/app/")
        assert path.is_file() and os.access(path, os.X_OK), script
    assert "collectstatic" in parser.content and "HEALTHCHECK" in parser.content


def test_compose_runs_postgresql_web_worker_and_jobs_with_the_production_settings():
    compose = yaml.safe_load((ROOT / "compose.yaml").read_text())
    services = compose["services"]
    assert set(services) == {"db", "web", "worker", "jobs"}
    assert services["db"]["image"].startswith("postgres:")
    for service, script in SCRIPTS.items():
        app = services[service]
        assert app["entrypoint"] == [script]
        assert app["depends_on"]["db"]["condition"] == "service_healthy"
        environment = app["environment"]
        assert environment["LOKALKONTAKT_DEV"] == "0"
        missing = [variable for variable in [*REQUIRED, "SECRET_KEY"] if variable not in environment]
        assert not missing, f"{service} lacks {missing}"
        assert environment["DATABASE_URL"].startswith("postgres://")
    assert "8000:8000" in services["web"]["ports"][0]
