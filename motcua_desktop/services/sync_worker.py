"""The background sync worker: a plain thread that syncs by itself, with backoff and jitter."""

from __future__ import annotations

import logging
import random
import threading
from collections.abc import Callable

from ..storage import eventstore
from .sync import SyncReport, sync_once
from .sync_client import HubClient, SyncError
from .workspace import Workspace

log = logging.getLogger("motcua.sync")


def backoff_delay(failures: int, *, base: float, cap: float, rng: random.Random) -> float:
    """Exponential backoff with full jitter: uniform in [base, min(cap, base * 2^failures)]."""
    ceiling = min(cap, base * (2 ** min(failures, 30)))
    return rng.uniform(base, max(base, ceiling))


class SyncWorker:
    """Pushes then pulls on its own thread; never touches Qt.

    Every ``poll`` seconds it counts the events waiting and syncs at once when there are any (an
    act reaches the hub within about a second); otherwise it syncs every ``interval`` seconds to pull
    siblings' events. After a failure it waits with backoff and jitter (at most ``max_delay``),
    so it notices by itself when the network returns. ``wake()`` asks for a sync now.
    """

    def __init__(
        self,
        workspace: Workspace,
        *,
        interval: float = 30.0,
        poll: float = 1.0,
        base_delay: float = 1.0,
        max_delay: float = 60.0,
        client_factory: Callable[[str], HubClient] | None = None,
        rng: random.Random | None = None,
        on_cycle: Callable[[SyncReport | None, SyncError | None], None] | None = None,
    ) -> None:
        self.ws = workspace
        self.interval = interval
        self.poll = poll
        self.base_delay = base_delay
        self.max_delay = max_delay
        self._factory = client_factory or (lambda url: HubClient(url, timeout=15.0))
        self._rng = rng or random.Random()
        self._on_cycle = on_cycle
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None
        self.failures = 0
        self.cycles = 0
        self._unenrolled = False  # no hub for this PC yet: try only when woken or every interval

    def start(self) -> None:
        if self._thread is not None:
            return
        self._thread = threading.Thread(target=self._run, name="motcua-sync", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 30.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def wake(self) -> None:
        """Sync as soon as possible (e.g. right after an act was committed)."""
        self._wake.set()

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def _waiting(self) -> int:
        with self.ws.db.reading() as session:
            return eventstore.waiting_count(session, str(self.ws.setting("node_id")))

    def _run(self) -> None:
        client: HubClient | None = None
        url = ""
        since_full = self.interval  # sync fully at start
        try:
            while not self._stop.is_set():
                due = since_full >= self.interval or self._wake.is_set()
                self._wake.clear()
                if not due and not self._unenrolled:
                    try:
                        due = self._waiting() > 0
                    except Exception:  # a busy or closing database: try again next poll
                        log.exception("sync worker could not count the events waiting")
                if not due:
                    self._wake.wait(self.poll)
                    since_full += self.poll
                    continue
                delay = self.poll
                try:
                    wanted = str(self.ws.setting("hub_url", "") or "")
                    if client is None or wanted != url:
                        if client is not None:
                            client.close()
                        url, client = wanted, self._factory(wanted)
                    report = sync_once(self.ws, client=client)
                    self.failures = 0
                    self._unenrolled = False
                    since_full = 0.0
                    self._notify(report, None)
                except SyncError as error:
                    if error.code == "sync.not_enrolled":  # a PC working alone: nothing to do
                        self._unenrolled = True
                        since_full = 0.0
                        self._notify(None, error)
                        self.cycles += 1
                        self._wake.wait(self.interval)
                        since_full += self.interval
                        continue
                    self.failures += 1
                    delay = backoff_delay(
                        self.failures, base=self.base_delay, cap=self.max_delay, rng=self._rng
                    )
                    log.info("sync failed (%s); next try in %.1f s", error.code, delay)
                    self._notify(None, error)
                except Exception:  # never let the thread die: record, back off, try again
                    self.failures += 1
                    delay = self.max_delay
                    log.exception("sync worker: unexpected error")
                self.cycles += 1
                self._wake.wait(delay)
                since_full += delay
        finally:
            if client is not None:
                client.close()

    def _notify(self, report: SyncReport | None, error: SyncError | None) -> None:
        if self._on_cycle is not None:
            self._on_cycle(report, error)
