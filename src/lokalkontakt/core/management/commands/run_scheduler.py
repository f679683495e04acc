# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The jobs process of production (scripts/start-jobs): the periodic jobs every app registered
(`run_jobs`), one round every `--every`, for as long as it runs, so that a container needs no
cron. A job that fails is logged and the others still run; the next round tries it again (jobs
are idempotent). SIGTERM or SIGINT ends it after the job at hand."""

import logging
import re
import signal
import threading
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import close_old_connections

from lokalkontakt.core.registry import jobs

logger = logging.getLogger("lokalkontakt.scheduler")
_UNITS = {"s": 1, "m": 60, "h": 3600}


def seconds(text: str) -> float:
    """"15m" → 900; "30s", "1h", or a plain number of seconds."""
    found = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smh]?)\s*", text)
    if not found or float(found[1]) <= 0:
        raise CommandError(f"--every: {text!r} is not a duration such as 15m, 30s or 1h.")
    return float(found[1]) * _UNITS[found[2] or "s"]


class Command(BaseCommand):
    help = "Run the periodic jobs (run_jobs) on a schedule until stopped (SIGTERM)."

    def add_arguments(self, parser):
        parser.add_argument("--every", default="15m", help="time between rounds: 15m, 30s, 1h")
        parser.add_argument("--rounds", type=int, default=0,
                            help="stop after this many rounds (0: run until stopped)")

    def handle(self, *args, every, rounds, **options):
        interval = seconds(every)
        self.stopping = threading.Event()
        previous = {signum: signal.signal(signum, lambda *_: self.stopping.set())
                    for signum in (signal.SIGTERM, signal.SIGINT)}
        logger.info("Scheduler started: the periodic jobs every %s s.", interval)
        try:
            self.run_rounds(interval, rounds)
        finally:
            for signum, handler in previous.items():
                signal.signal(signum, handler)
        logger.info("Scheduler stopped.")

    def run_rounds(self, interval: float, rounds: int) -> None:
        done = 0
        while not self.stopping.is_set():
            started = time.monotonic()
            failed = self.run_round()
            done += 1
            logger.info("Periodic jobs ran in %.1f s, %d failed.", time.monotonic() - started, failed)
            if rounds and done >= rounds:
                return
            self.stopping.wait(max(0.0, interval - (time.monotonic() - started)))

    def run_round(self) -> int:
        """Each job once; the number that failed."""
        failed = 0
        for name, job in jobs.items():
            if self.stopping.is_set():
                break
            close_old_connections()  # a database that went away is reconnected
            try:
                line = job()
                if line:  # a job with nothing configured (the OS2mo sync) says nothing
                    logger.info("%s", line)
            except Exception:
                failed += 1
                logger.exception("Periodic job %r failed; the next round tries it again.", name)
        close_old_connections()
        return failed
