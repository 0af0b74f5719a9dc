"""Running the hub: ``motcua hub serve`` (uvicorn, HTTPS when given a certificate) or in a thread."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import uvicorn
from fastapi import FastAPI
from sqlalchemy import Engine

from .app import Clock, _utc_now, create_app
from .apply import Limits
from .store import default_url, make_engine, migrate

DB_ENV = "MOTCUA_HUB_DB"


def serve(
    url: str | None,
    *,
    host: str = "127.0.0.1",
    port: int = 8600,
    certfile: Path | None = None,
    keyfile: Path | None = None,
    log_level: str = "info",
    workers: int = 1,
) -> None:
    """Migrate the database and serve until interrupted (``workers`` processes share the port)."""
    engine = make_engine(url)
    migrate(engine)
    engine.dispose()
    os.environ[DB_ENV] = url or default_url()
    uvicorn.run(
        "motcua_desktop.hub.server:app_from_env",
        factory=True,
        workers=workers,
        host=host,
        port=port,
        ssl_certfile=str(certfile) if certfile else None,
        ssl_keyfile=str(keyfile) if keyfile else None,
        log_level=log_level,
        proxy_headers=False,
    )


def app_from_env() -> FastAPI:
    """The application of one serving process, on the database named in ``MOTCUA_HUB_DB``."""
    return create_app(make_engine(os.environ[DB_ENV]))


class HubServer:
    """A hub served by uvicorn in a background thread (tests, benchmarks, demos)."""

    def __init__(
        self,
        engine: Engine,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        limits: Limits | None = None,
        clock: Clock = _utc_now,
        certfile: Path | None = None,
        keyfile: Path | None = None,
    ) -> None:
        self.engine = engine
        self.host = host
        self._port = port
        config = uvicorn.Config(
            create_app(engine, limits=limits, clock=clock),
            host=host,
            port=port,
            log_level="warning",
            lifespan="off",
            ssl_certfile=str(certfile) if certfile else None,
            ssl_keyfile=str(keyfile) if keyfile else None,
            timeout_keep_alive=30,
            backlog=4096,
        )
        self.scheme = "https" if certfile else "http"
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, name="hub", daemon=True)

    @property
    def port(self) -> int:
        if self._port == 0 and self.server.servers:
            sockets = self.server.servers[0].sockets
            self._port = int(sockets[0].getsockname()[1])
        return self._port

    @property
    def url(self) -> str:
        return f"{self.scheme}://{self.host}:{self.port}"

    def start(self, timeout: float = 20.0) -> HubServer:
        self.thread.start()
        deadline = time.monotonic() + timeout
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the hub did not start")
            time.sleep(0.01)
        return self

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=20)

    def __enter__(self) -> HubServer:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()


def open_hub(url: str | None) -> Engine:
    engine = make_engine(url)
    migrate(engine)
    return engine
