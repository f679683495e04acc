# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The jobs process (run_scheduler): every registered job each round; a job that fails is
logged and the others still run, and the next round tries it again. (SIGTERM ending it is shown
with the real process in tests/core/test_production_start.py.)"""

import logging

import pytest
from django.core.management import CommandError, call_command

from lokalkontakt.core.management.commands.run_scheduler import seconds
from lokalkontakt.core.registry import Entry, jobs


@pytest.mark.django_db
def test_a_failing_job_is_logged_and_the_others_run_every_round(monkeypatch, caplog):
    ran = []

    def broken():
        ran.append("broken")
        raise ConnectionError("the mail server is down")

    def fine():
        ran.append("fine")
        return "Fine: 0 done."

    monkeypatch.setattr(jobs, "_entries", {"broken": Entry("broken", 10, broken),
                                          "fine": Entry("fine", 20, fine)})
    caplog.set_level(logging.INFO, logger="lokalkontakt.scheduler")

    call_command("run_scheduler", "--every", "0.01s", "--rounds", "2")

    assert ran == ["broken", "fine", "broken", "fine"]
    failures = [record for record in caplog.records if record.levelno == logging.ERROR]
    assert [record.getMessage() for record in failures] == [
        "Periodic job 'broken' failed; the next round tries it again."] * 2
    assert "ConnectionError: the mail server is down" in caplog.text
    assert caplog.messages.count("Fine: 0 done.") == 2
    assert caplog.messages[-1] == "Scheduler stopped."


@pytest.mark.parametrize(("text", "expected"), [("15m", 900), ("30s", 30), ("1h", 3600), ("2", 2)])
def test_the_interval_reads_as_minutes_seconds_or_hours(text, expected):
    assert seconds(text) == expected


def test_a_nonsense_interval_is_refused():
    with pytest.raises(CommandError, match="--every: 'often' is not a duration such as 15m"):
        seconds("often")
