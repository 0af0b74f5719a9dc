"""Hub benchmarks on PostgreSQL: apply throughput vs COPY, backlog drain, online latency, 300 nodes.

Every run creates a fresh PostgreSQL database (``MOTCUA_BENCH_PG``, default the local server's
``test`` database as admin connection) and drops it afterwards. Events are realistic: the bodies
``bench.build_db.Generator`` seals for the demo commune (about 1 kB each). HTTP benchmarks talk to
``motcua hub serve --workers 2`` in its own process, as deployed.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import psycopg
from sqlalchemy import Engine, select

from motcua_desktop.domain.events import GENESIS_HASH, Event, EventType, seal
from motcua_desktop.domain.sync_wire import (
    HEADER_COUNTER,
    HEADER_NODE,
    HEADER_SENT_AT,
    HEADER_SIGNATURE,
    sign,
)
from motcua_desktop.hub.apply import EVENT_COLUMNS, CheckedEvent, Limits, apply_push, parse_push
from motcua_desktop.hub.schema import events as hub_events
from motcua_desktop.hub.store import enroll, issue_enroll_code, make_engine, migrate
from motcua_desktop.services.demo import create_demo
from motcua_desktop.services.dossiers import DossierService
from motcua_desktop.services.intake import IntakeRequest
from motcua_desktop.services.sync import enroll as enroll_node
from motcua_desktop.services.sync import sync_once, sync_status
from motcua_desktop.services.sync_worker import SyncWorker
from motcua_desktop.services.users import get_user
from motcua_desktop.services.workspace import Workspace
from motcua_desktop.storage import eventstore

from .build_db import Applicants, Generator
from .common import Benchmark, Context, Row, Target, summary

REPO = Path(__file__).resolve().parents[1]
PG_ADMIN = os.environ.get("MOTCUA_BENCH_PG", "host=127.0.0.1 port=5432 user=postgres dbname=test")
BATCH = 1000
APPLY_RATIO = Target(ratio=4.0)  # at least 25% of a COPY of the same rows
APPLY_RATE = Target(max_s=0.1)  # 1,000 events in at most 0.1 s: at least 10,000 events/s
BACKLOG = Target(max_s=10.0)
ONLINE = Target(max_s=2.0)
CROWD = Target(max_s=60.0)


# ---- shared set-up -------------------------------------------------------------------------------


def _pg(dbname: str) -> str:
    parts = dict(p.split("=", 1) for p in PG_ADMIN.split())
    user = parts.get("user", "postgres")
    return (
        f"postgresql://{user}@{parts.get('host', '127.0.0.1')}:{parts.get('port', '5432')}/{dbname}"
    )


@contextmanager
def _database() -> Iterator[str]:
    """A fresh PostgreSQL database, migrated, dropped afterwards."""
    name = f"motcua_hub_bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(PG_ADMIN, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        engine = make_engine(_pg(name))
        migrate(engine)
        engine.dispose()
        yield _pg(name)
    finally:
        with psycopg.connect(PG_ADMIN, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@dataclass
class _Commune:
    """The demo commune's PC with realistic event bodies, and extra nodes' chains."""

    ws: Workspace
    unit: str
    chains: dict[str, list[Event]]


_CACHE: dict[str, _Commune] = {}


def _commune(ctx: Context, nodes: int, per_node: int) -> _Commune:
    """Realistic chains for ``nodes`` extra nodes (built once per run)."""
    key = f"{nodes}x{per_node}"
    if key in _CACHE:
        return _CACHE[key]
    folder = ctx.scratch(f"hub-{key}")
    ws, _admin = create_demo(folder / "workspace", dossiers=0)
    now = datetime.now(ws.tz)
    chains: dict[str, list[Event]] = {}
    for n in range(nodes):
        gen = Generator(ws, max(10, per_node * 2 // 7), now, seed=1000 + n)
        gen.node = str(uuid.uuid4())
        chain = [step.event for step in gen.run()][:per_node]
        chains[gen.node] = chain
    _CACHE[key] = _Commune(ws, str(ws.setting("unit_code")), chains)
    ctx.log(f"  {nodes} chains of {per_node:,} realistic events ready")
    return _CACHE[key]


def _body(unit: str, node: str, events: list[Event]) -> bytes:
    payload = {
        "protocol": 1, "commune": unit, "node": node,
        "sent_at": datetime.now(UTC).isoformat(), "events": [e.to_wire() for e in events],
    }  # fmt: skip
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _enrol(engine: Engine, unit: str, node: str, slot: int = 1) -> str:
    code, _ = issue_enroll_code(engine, unit)
    return enroll(engine, code=code, node=node, slot=slot % 10, unit_code=unit)[2]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def _hub_process(url: str, workers: int = 2) -> Iterator[str]:
    """``motcua hub serve`` in its own process(es), as deployed."""
    port = _free_port()
    cmd = [sys.executable, str(REPO / "main.py"), "hub", "serve", "--db", url,
           "--port", str(port), "--workers", str(workers)]  # fmt: skip
    process = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{base}/v1/health").status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline or process.poll() is not None:
                raise RuntimeError("the hub did not start")
            time.sleep(0.1)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)


class _Signer:
    """Signed pushes for one node, request numbers counting up."""

    def __init__(self, node: str, key: str) -> None:
        self.node, self.key, self.counter = node, key, 0

    def headers(
        self, body: bytes, path: str = "/v1/events", method: str = "POST"
    ) -> dict[str, str]:
        self.counter += 1
        sent_at = datetime.now(UTC).isoformat()
        return {
            HEADER_NODE: self.node, HEADER_COUNTER: str(self.counter), HEADER_SENT_AT: sent_at,
            HEADER_SIGNATURE: sign(self.key, method, path, self.node, self.counter, sent_at, body),
            "Content-Type": "application/json",
        }  # fmt: skip


# ---- apply vs COPY -------------------------------------------------------------------------------


def _copy_rows(conn: psycopg.Connection[Any], rows: list[tuple[Any, ...]]) -> None:
    with conn.cursor() as cur, cur.copy(
        f"COPY floor_events ({', '.join(EVENT_COLUMNS)}) FROM STDIN"
    ) as copy:  # fmt: skip
        for row in rows:
            copy.write_row(row)
    conn.commit()


def _floor_rows(unit: str, events: list[Event], first_pos: int) -> list[tuple[Any, ...]]:
    received = datetime.now(UTC).isoformat()
    checked = [CheckedEvent.from_wire(e.to_wire()) for e in events]
    return [
        (e.id, unit, first_pos + i, e.node, e.seq, e.at.isoformat(), e.dossier, e.type.value,
         e.hash, e.wire_text(), received)
        for i, e in enumerate(checked)
    ]  # fmt: skip


def _load() -> list[float]:
    """The machine's load average (1, 5, 15 min): these numbers are only as quiet as the box."""
    return [round(x, 2) for x in os.getloadavg()]


def bench_apply(ctx: Context) -> list[Row]:
    """Parse, verify and apply pushed batches in the hub (one transaction each) vs a bare COPY."""
    nodes, per_node = (4, 2000) if ctx.quick else (4, 5000)
    commune = _commune(ctx, nodes, per_node)
    applied: list[float] = []
    copied: list[float] = []
    limits = Limits()
    with _database() as url:
        engine = make_engine(url)
        floor = psycopg.connect(url)
        try:
            floor.execute("CREATE TABLE floor_events (LIKE events INCLUDING ALL)")
            floor.commit()
            counters = {node: 0 for node in commune.chains}
            for node in commune.chains:
                _enrol(engine, commune.unit, node)
            position = 0
            rounds = per_node // BATCH
            for r in range(rounds):
                for node, chain in commune.chains.items():
                    batch = chain[r * BATCH : (r + 1) * BATCH]
                    body = _body(commune.unit, node, batch)
                    rows = _floor_rows(commune.unit, batch, position + 1)
                    position += len(batch)
                    counters[node] += 1

                    def apply(body: bytes = body, node: str = node) -> None:
                        request = parse_push(body, limits)
                        apply_push(engine, request, node=node, commune=commune.unit,
                                   counter=counters[node], limits=limits)  # fmt: skip

                    pair = [(applied, apply), (copied, lambda rows=rows: _copy_rows(floor, rows))]
                    if (r + len(applied)) % 2:
                        pair.reverse()
                    for bucket, action in pair:
                        started = time.perf_counter()
                        action()
                        bucket.append(time.perf_counter() - started)
        finally:
            floor.close()
            engine.dispose()
    events = nodes * per_node
    apply_s, copy_s = sum(applied), sum(copied)
    per_k, floor_per_k = apply_s / events * 1000, copy_s / events * 1000
    detail = {
        "events": events, "batch": BATCH, "nodes": nodes,
        "apply_events_per_s": round(events / apply_s), "copy_rows_per_s": round(events / copy_s),
        "share_of_copy": round(copy_s / apply_s, 3), "batches": summary(applied),
        "copy_batches": summary(copied), "load_avg": _load(),
    }  # fmt: skip
    ctx.log(f"  apply {events / apply_s:,.0f} events/s, COPY {events / copy_s:,.0f} rows/s")
    return [
        Row("hub apply, per 1000 events (vs COPY)", per_k, floor_per_k, APPLY_RATIO, detail),
        Row("hub apply, per 1000 events (≥ 10k/s)", per_k, None, APPLY_RATE),
    ]


# ---- over HTTP: sustained pushes, a node's backlog, online latency, 300 nodes ------------------


def bench_http(ctx: Context) -> list[Row]:
    """Four nodes pushing their chains at once through ``motcua hub serve`` (2 processes)."""
    nodes, per_node = (4, 2000) if ctx.quick else (4, 5000)
    commune = _commune(ctx, nodes, per_node)
    with _database() as url:
        engine = make_engine(url)
        signers = {n: _Signer(n, _enrol(engine, commune.unit, n)) for n in commune.chains}
        engine.dispose()
        bodies = {
            node: [_body(commune.unit, node, chain[i : i + BATCH])
                   for i in range(0, len(chain), BATCH)]
            for node, chain in commune.chains.items()
        }  # fmt: skip
        errors: list[str] = []
        with _hub_process(url) as base:

            def push(node: str) -> None:
                with httpx.Client(base_url=base, timeout=120) as client:
                    for body in bodies[node]:
                        reply = client.post("/v1/events", content=body,
                                            headers=signers[node].headers(body))  # fmt: skip
                        if reply.status_code != 200:
                            errors.append(reply.text[:200])

            threads = [threading.Thread(target=push, args=(n,)) for n in bodies]
            started = time.perf_counter()
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            elapsed = time.perf_counter() - started
    events = nodes * per_node
    detail = {"events": events, "nodes": nodes, "batch": BATCH, "hub_workers": 2,
              "events_per_s": round(events / elapsed), "errors": errors[:5], "load_avg": _load()}  # fmt: skip
    ctx.log(f"  HTTP sustained {events / elapsed:,.0f} events/s, {len(errors)} errors")
    per_k = elapsed / events * 1000 if not errors else float("inf")
    return [Row("hub push over HTTP, per 1000 events", per_k, None, APPLY_RATE, detail)]


def _node_with_backlog(ctx: Context, count: int) -> Workspace:
    folder = ctx.scratch("hub-node")
    ws, _admin = create_demo(folder / "workspace", dossiers=0)
    gen = Generator(ws, count * 2 // 7 + 10, datetime.now(ws.tz), seed=77)
    now = ws.clock()
    written = 0
    with ws.db.writing_raw() as conn:
        for step in gen.run():
            eventstore.append(conn, step.event, stored_at=now)
            written += 1
            if written == count:
                break
    return ws


def bench_node(ctx: Context) -> list[Row]:
    """A node's backlog drained with ``sync_once``, then acts reaching the hub through the worker."""
    backlog = 5000 if ctx.quick else 20_000
    acts = 15 if ctx.quick else 40
    ws = _node_with_backlog(ctx, backlog)
    rows: list[Row] = []
    try:
        with _database() as url:
            engine = make_engine(url)
            code, _ = issue_enroll_code(engine, str(ws.setting("unit_code")))
            with _hub_process(url) as base:
                enroll_node(ws, None, hub_url=base, code=code)
                assert sync_status(ws).waiting == backlog
                started = time.perf_counter()
                report = sync_once(ws)
                drained = time.perf_counter() - started
                assert sync_status(ws).waiting == 0 and report.pushed == backlog
                ctx.log(f"  backlog of {backlog:,} drained in {drained:.2f} s")
                rows.append(Row(f"node backlog of {backlog:,} drained", drained, None, BACKLOG,
                                {"events": backlog, "events_per_s": round(backlog / drained), "load_avg": _load()}))  # fmt: skip
                rows.extend(_online(ctx, ws, engine, acts))
            engine.dispose()
    finally:
        ws.close()
        shutil.rmtree(ws.data_dir.parent, ignore_errors=True)
    return rows


def _online(ctx: Context, ws: Workspace, engine: Engine, acts: int) -> list[Row]:
    """Acts at the counter while the worker runs: time until each is stored at the hub."""
    service = DossierService(ws)
    clerk = get_user(ws, "tiepnhan")
    rng = random.Random(5)
    applicants = Applicants(rng)
    procedure = next(p.code for p in _procedures(ws))
    worker = SyncWorker(ws)  # the defaults the app runs with
    worker.start()
    latencies: list[float] = []
    try:
        time.sleep(1.5)  # the worker's first full cycle
        for _ in range(acts):
            time.sleep(rng.uniform(0.2, 1.2))
            request = IntakeRequest(procedure_code=procedure, applicant=applicants(),
                                    confirm_warnings=True)  # fmt: skip
            event = service.receive(clerk, request).events[0]
            committed = time.perf_counter()
            while True:
                with engine.connect() as conn:
                    if conn.execute(
                        select(hub_events.c.id).where(hub_events.c.id == event.id)
                    ).first():
                        break
                if time.perf_counter() - committed > 30:
                    raise RuntimeError("an act never reached the hub")
                time.sleep(0.02)
            latencies.append(time.perf_counter() - committed)
    finally:
        worker.stop()
    stats = summary(latencies)
    ctx.log(
        f"  online act at the hub: median {stats['median_s']:.2f} s, p95 {stats['p95_s']:.2f} s"
    )
    return [Row(f"online act visible at the hub (p95 of {acts})", stats["p95_s"], None, ONLINE,
                {"latency": stats, "worker_poll_s": worker.poll, "load_avg": _load()})]  # fmt: skip


def _procedures(ws: Workspace) -> list[Any]:
    from motcua_desktop.services.catalog import list_procedures

    return [p for p in list_procedures(ws) if p.processing_time is not None]


def bench_crowd(ctx: Context) -> list[Row]:
    """300 nodes push at the same moment; every one must be acknowledged."""
    count, per = (100, 20) if ctx.quick else (300, 20)
    unit = "000.00.99.H99"
    errors: list[str] = []
    with _database() as url:
        engine = make_engine(url)
        signers = [_Signer(n, _enrol(engine, unit, n, i)) for i, n in
                   enumerate(str(uuid.uuid4()) for _ in range(count))]  # fmt: skip
        engine.dispose()
        bodies = [_body(unit, s.node, _small_chain(s.node, unit, per)) for s in signers]
        with _hub_process(url) as base:
            gate = threading.Barrier(count + 1)
            times: list[float] = []

            def push(i: int) -> None:
                with httpx.Client(base_url=base, timeout=120) as client:
                    gate.wait()
                    started = time.perf_counter()
                    try:
                        reply = client.post("/v1/events", content=bodies[i],
                                            headers=signers[i].headers(bodies[i]))  # fmt: skip
                        if reply.status_code != 200 or reply.json()["acknowledged_seq"] != per:
                            errors.append(f"{reply.status_code} {reply.text[:120]}")
                    except httpx.HTTPError as exc:
                        errors.append(type(exc).__name__)
                    times.append(time.perf_counter() - started)

            threads = [threading.Thread(target=push, args=(i,)) for i in range(count)]
            for thread in threads:
                thread.start()
            gate.wait()
            started = time.perf_counter()
            for thread in threads:
                thread.join()
            wall = time.perf_counter() - started
    ctx.log(f"  {count} nodes at once: {wall:.2f} s, {len(errors)} errors")
    detail = {"nodes": count, "events_each": per, "errors": len(errors),
              "first_errors": errors[:5], "request": summary(times), "load_avg": _load()}  # fmt: skip
    return [Row(f"{count} nodes pushing at once (0 errors)", wall if not errors else float("inf"),
                None, CROWD, detail)]  # fmt: skip


def _small_chain(node: str, unit: str, count: int) -> list[Event]:
    prev, out = GENESIS_HASH, []
    at = datetime.now(UTC) - timedelta(hours=1)
    for seq in range(1, count + 1):
        event = seal(node=node, seq=seq, prev=prev, at=at + timedelta(seconds=seq),
                     actor="tiepnhan", dossier=f"{unit}-250124-1{seq:03d}",
                     type=EventType.HANDED_OVER, data={"to_user": "tuphap", "note": "Chuyển"})  # fmt: skip
        out.append(event)
        prev = event.hash
    return out


BENCHMARKS = (
    Benchmark(
        "hub_apply", "hub parse+verify+apply of pushed batches vs PostgreSQL COPY", bench_apply
    ),
    Benchmark("hub_http", "4 nodes pushing through motcua hub serve (2 processes)", bench_http),
    Benchmark(
        "hub_node", "a node's 20k backlog drained; online act latency via the worker", bench_node
    ),
    Benchmark("hub_crowd", "300 nodes pushing at the same moment", bench_crowd),
)
