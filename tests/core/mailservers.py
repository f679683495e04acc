# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""Mail servers on loopback that misbehave as real ones do, for the integration tests: one that
accepts connections and says nothing until told to, and one that leaves DATA unanswered."""

import asyncio
import contextlib
import threading

from aiosmtpd.controller import Controller

from tests.core.test_mail import Inbox, free_port


class GatedSMTP:
    """A mail server that hangs: it accepts every connection at once and answers nothing until
    `open()`; then a real SMTP server (aiosmtpd with `inbox`) answers, the waiting connections
    too. `held` is set when the first connection waits."""

    def __init__(self, inbox: Inbox):
        self.inbox, self.port, self._upstream_port = inbox, free_port(), free_port()
        self.held = threading.Event()
        self._gate = asyncio.Event()
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._controller = Controller(inbox, hostname="127.0.0.1", port=self._upstream_port)

    def __enter__(self):
        self._controller.start()
        self._thread.start()
        self._server = asyncio.run_coroutine_threadsafe(
            asyncio.start_server(self._connection, "127.0.0.1", self.port), self._loop).result(5)
        return self

    def open(self) -> None:
        self._loop.call_soon_threadsafe(self._gate.set)

    def __exit__(self, *exc):
        async def close():
            self._server.close()
            for task in asyncio.all_tasks() - {asyncio.current_task()}:
                task.cancel()

        asyncio.run_coroutine_threadsafe(close(), self._loop).result(5)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(5)
        self._controller.stop()

    async def _connection(self, reader, writer):
        self.held.set()
        try:
            await self._gate.wait()
            upstream_reader, upstream_writer = await asyncio.open_connection(
                "127.0.0.1", self._upstream_port)
            await asyncio.gather(_pipe(reader, upstream_writer), _pipe(upstream_reader, writer))
        finally:
            writer.close()


async def _pipe(reader, writer):
    """Copy until the other side closes, then close this side."""
    try:
        while data := await reader.read(65536):
            writer.write(data)
            await writer.drain()
    except ConnectionError:
        pass
    finally:
        with contextlib.suppress(ConnectionError):
            writer.close()


class HoldingInbox(Inbox):
    """Leaves the first message's DATA unanswered (the client is waiting for the 250 when it is
    killed; aiosmtpd then drops the unfinished message); receives every later one. `holding` is
    set when the first DATA has arrived."""

    def __init__(self):
        super().__init__()
        self.holding = threading.Event()

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook name
        if not self.holding.is_set():
            self.holding.set()
            await asyncio.Event().wait()  # cancelled when the connection is lost
        return await super().handle_DATA(server, session, envelope)
