"""A TCP proxy between nodes and hub that drops, delays and duplicates HTTP requests on purpose."""

from __future__ import annotations

import random
import socket
import threading
import time
from collections import Counter

HEAD_END = b"\r\n\r\n"


class Closed(Exception):
    """The peer closed the connection before a whole message arrived."""


def _read_message(sock: socket.socket, buffer: bytearray) -> bytes:
    """One HTTP/1.1 message (head and Content-Length body) from the socket; leftovers stay."""
    while HEAD_END not in buffer:
        chunk = sock.recv(65536)
        if not chunk:
            raise Closed
        buffer.extend(chunk)
    head_len = buffer.index(HEAD_END) + len(HEAD_END)
    length = 0
    for line in bytes(buffer[:head_len]).split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    while len(buffer) < head_len + length:
        chunk = sock.recv(65536)
        if not chunk:
            raise Closed
        buffer.extend(chunk)
    message = bytes(buffer[: head_len + length])
    del buffer[: head_len + length]
    return message


class FaultProxy:
    """Forwards each request on a fresh upstream connection, misbehaving at the given rates.

    Faults: ``cut_request`` (half the request reaches the hub, then both sides are cut),
    ``lose_reply`` (the hub answers, the node never hears it), ``duplicate`` (the request reaches
    the hub twice, in either order) and ``delay``. ``faulty = False`` makes it a plain proxy.
    """

    def __init__(
        self,
        upstream_port: int,
        *,
        seed: int = 7,
        cut_request: float = 0.06,
        lose_reply: float = 0.06,
        duplicate: float = 0.08,
        delay: float = 0.15,
        max_delay: float = 0.15,
    ) -> None:
        self.upstream_port = upstream_port
        self.rates = (cut_request, lose_reply, duplicate, delay)
        self.max_delay = max_delay
        self.faulty = True
        self.down = False  # the network is out: every connection is cut at once
        self.counts: Counter[str] = Counter()
        self._rng = random.Random(seed)
        self._lock = threading.Lock()
        self._listener = socket.create_server(("127.0.0.1", 0), backlog=512)
        self.port = int(self._listener.getsockname()[1])
        self._closed = False
        threading.Thread(target=self._accept, name="fault-proxy", daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def close(self) -> None:
        self._closed = True
        self._listener.close()

    def _accept(self) -> None:
        while not self._closed:
            try:
                conn, _ = self._listener.accept()
            except OSError:
                return
            if self.down:
                conn.close()
                continue
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _choose(self) -> tuple[str, float]:
        with self._lock:
            if not self.faulty:
                return "pass", 0.0
            roll = self._rng.random()
            pause = self._rng.uniform(0, self.max_delay)
            first = self._rng.random() < 0.5
        cut, lose, dup, delay = self.rates
        for name, rate in (("cut_request", cut), ("lose_reply", lose)):
            if roll < rate:
                return name, 0.0
            roll -= rate
        if roll < dup:
            return ("duplicate_first" if first else "duplicate_after"), 0.0
        roll -= dup
        return ("delay", pause) if roll < delay else ("pass", 0.0)

    def _upstream(self, request: bytes) -> bytes:
        with socket.create_connection(("127.0.0.1", self.upstream_port), timeout=60) as up:
            up.sendall(request)
            return _read_message(up, bytearray())

    def _serve(self, conn: socket.socket) -> None:
        buffer = bytearray()
        try:
            with conn:
                while True:
                    request = _read_message(conn, buffer)
                    if self.down:
                        return
                    fault, pause = self._choose()
                    self.counts[fault] += 1
                    if fault == "cut_request":
                        with socket.create_connection(("127.0.0.1", self.upstream_port)) as up:
                            up.sendall(request[: max(1, len(request) // 2)])
                        return
                    if pause:
                        time.sleep(pause)
                    if fault == "duplicate_first":
                        self._upstream(request)
                    response = self._upstream(request)
                    if fault == "duplicate_after":
                        self._upstream(request)
                    if fault == "lose_reply":
                        return
                    conn.sendall(response)
        except (Closed, OSError, ValueError):
            return  # the hub restarting, or the node gone: the node sees a cut connection
