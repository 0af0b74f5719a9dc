"""The hub's HTTP API (FastAPI): enrolment, push, pull, downward data, health; versioned /v1."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from fastapi import FastAPI, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from sqlalchemy import Engine, desc, insert, select, text
from sqlalchemy.exc import DBAPIError
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..domain.codes import validate_slot, validate_unit_code
from ..domain.errors import MotcuaError
from ..domain.sync_wire import HEADER_NODE, PROTOCOL_VERSION
from . import models
from .apply import (
    Limits,
    apply_push,
    check_protocol,
    claim_counter,
    decode_json,
    node_rejections,
    parse_push,
    pull,
    skew_ms,
)
from .auth import Caller, authenticate
from .errors import HubError
from .schema import downward, refusals
from .store import DOWNWARD_KINDS, enroll

log = logging.getLogger("motcua.hub")

MAX_PULL = 5000
Clock = Callable[[], datetime]


def _utc_now() -> datetime:
    return datetime.now(UTC)


def create_app(engine: Engine, *, limits: Limits | None = None, clock: Clock = _utc_now) -> FastAPI:
    """The hub application on an engine whose schema is migrated."""
    limits = limits or Limits()
    app = FastAPI(
        title="Một Cửa hub",
        version=str(PROTOCOL_VERSION),
        description="Upward sync of counter events and downward commune data. See docs/sync.md.",
        openapi_url="/v1/openapi.json",
        docs_url="/v1/docs",
        redoc_url=None,
    )

    def record_refusal(path: str, node: str | None, error: HubError) -> None:
        detail = json.dumps(error.to_json()["error"]["detail"], ensure_ascii=False)
        try:
            with engine.begin() as conn:
                conn.execute(
                    insert(refusals).values(
                        at=clock(),
                        node=node,
                        path=path,
                        status=error.status,
                        reason=error.reason,
                        detail=detail,
                    )  # fmt: skip
                )
        except DBAPIError:  # the refusal is logged anyway; the audit row is best effort
            log.exception("could not record a refusal")

    @app.exception_handler(HubError)
    async def _on_hub_error(request: Request, error: HubError) -> JSONResponse:
        node = request.headers.get(HEADER_NODE)
        log.warning(
            "refused %s %s from %s: %s %s %s", request.method, request.url.path, node,
            error.status, error.reason, error.params,
        )  # fmt: skip
        if error.status != 503:
            await run_in_threadpool(record_refusal, request.url.path, node, error)
        return JSONResponse(error.to_json(), status_code=error.status)

    @app.exception_handler(DBAPIError)
    async def _on_db_error(request: Request, error: DBAPIError) -> JSONResponse:
        log.error("database error on %s: %s", request.url.path, error.orig)
        refusal = HubError(503, "hub.unavailable", detail=type(error.orig).__name__)
        return JSONResponse(refusal.to_json(), status_code=503, headers={"Retry-After": "5"})

    @app.exception_handler(RequestValidationError)
    async def _on_invalid(request: Request, error: RequestValidationError) -> JSONResponse:
        location = error.errors()[0].get("loc", ()) if error.errors() else ()
        refusal = HubError(422, "body.field", name=str(location[-1]) if location else "?")
        return await _on_hub_error(request, refusal)

    @app.exception_handler(StarletteHTTPException)
    async def _on_http(request: Request, error: StarletteHTTPException) -> JSONResponse:
        if error.status_code not in (404, 405):
            return JSONResponse({"detail": error.detail}, status_code=error.status_code)
        refusal = HubError(
            error.status_code, "http.route", path=request.url.path[:200], method=request.method
        )
        return JSONResponse(refusal.to_json(), status_code=error.status_code)

    async def read_body(request: Request) -> bytes:
        declared = request.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limits.max_body_bytes:
            raise HubError(413, "body.too_large", size=int(declared), max=limits.max_body_bytes)
        chunks: list[bytes] = []
        size = 0
        async for chunk in request.stream():
            size += len(chunk)
            if size > limits.max_body_bytes:
                raise HubError(413, "body.too_large", size=size, max=limits.max_body_bytes)
            chunks.append(chunk)
        return b"".join(chunks)

    async def caller(request: Request, body: bytes = b"") -> Caller:
        path = request.scope.get("raw_path", request.url.path.encode()).decode("latin-1")
        query = request.scope.get("query_string", b"").decode("latin-1")
        signed_path = f"{path}?{query}" if query else path
        headers = {k: v for k, v in request.headers.items()}
        return await run_in_threadpool(
            authenticate, engine, _Caseless(headers), request.method, signed_path, body
        )

    @app.get("/v1/health", response_model=models.Health, tags=["hub"])
    def health() -> dict[str, Any]:
        """Liveness and the database behind the hub."""
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        return {
            "status": "ok",
            "protocol": PROTOCOL_VERSION,
            "database": engine.dialect.name,
            "hub_time": clock().isoformat(),
        }

    @app.post(
        "/v1/enroll",
        response_model=models.EnrollReply,
        tags=["nodes"],
        openapi_extra=models.body_schema(models.EnrollBody),
    )
    async def enroll_node(request: Request) -> dict[str, Any]:
        """Enrol a PC with the one-time code the hub admin issued for its commune."""
        payload = decode_json(await read_body(request), limits)
        if not isinstance(payload, dict):
            raise HubError(422, "body.field", name="(object)")
        check_protocol(payload.get("protocol"))
        fields = _enroll_fields(payload)
        commune, name, key = await run_in_threadpool(lambda: enroll(engine, **fields))
        log.info("node %s enrolled for commune %s", fields["node"], commune)
        return {
            "node": fields["node"],
            "commune": commune,
            "commune_name": name,
            "key": key,
            "protocol": PROTOCOL_VERSION,
            "hub_time": clock().isoformat(),
        }

    @app.post(
        "/v1/events",
        response_model=models.PushReply,
        tags=["sync"],
        openapi_extra=models.body_schema(models.PushBody),
    )
    async def push(request: Request) -> dict[str, Any]:
        """Push a batch of the caller's events, in seq order; one transaction per batch."""
        body = await read_body(request)
        who = await caller(request, body)

        def parse_and_apply() -> dict[str, Any]:  # CPU work off the event loop
            batch = parse_push(body, limits)
            return apply_push(
                engine, batch, node=who.node, commune=who.commune, counter=who.counter,
                limits=limits, now=clock(),
            ).to_json()  # fmt: skip

        return await run_in_threadpool(parse_and_apply)

    @app.get("/v1/events", tags=["sync"], responses={200: {"model": models.PullReply}})
    async def pull_events(request: Request, after: str = "0", limit: int = 1000) -> Response:
        """Sibling nodes' events of the caller's commune after a cursor (commune position)."""
        who = await caller(request)
        if not after.isdigit() or len(after) > 18:
            raise HubError(400, "cursor.invalid", value=after[:40])
        size = max(1, min(limit, MAX_PULL))
        await run_in_threadpool(_claim, who)
        wires, cursor, more = await run_in_threadpool(
            lambda: pull(engine, node=who.node, commune=who.commune, after=int(after), limit=size)
        )
        tail = json.dumps({"next": cursor, "more": more, "hub_time": clock().isoformat()})
        body = '{"events":[' + ",".join(wires) + "]," + tail[1:]
        return Response(body.encode("utf-8"), media_type="application/json")

    @app.get("/v1/rejections", response_model=models.Rejections, tags=["sync"])
    async def rejections(request: Request) -> dict[str, Any]:
        """The caller's events the hub did not accept, with reasons (for the node's admin)."""
        who = await caller(request)
        await run_in_threadpool(_claim, who)
        items = await run_in_threadpool(node_rejections, engine, who.node)
        return {"rejected": items, "hub_time": clock().isoformat()}

    @app.get("/v1/downward/{kind}", tags=["downward"], responses={200: {"model": models.Downward}})
    async def downward_data(request: Request, kind: str, since: int = 0) -> Response:
        """The newest catalog, calendar overrides or user accounts published for the commune."""
        who = await caller(request)
        if kind not in DOWNWARD_KINDS:
            raise HubError(404, "body.field", name="kind")
        await run_in_threadpool(_claim, who)
        row = await run_in_threadpool(_latest, who.commune, kind)
        if row is None or row[0] <= since:
            version = row[0] if row else 0
            return JSONResponse({"kind": kind, "version": version, "unchanged": True})
        head = json.dumps({"kind": kind, "version": row[0], "unchanged": False})
        return Response(
            (head[:-1] + ',"payload":' + row[1] + "}").encode("utf-8"),
            media_type="application/json",
        )

    def _claim(who: Caller) -> None:
        now = clock()
        with engine.begin() as conn:  # the node's last skew is kept at every request
            claim_counter(conn, who.node, who.counter, now, skew_ms(who.sent_at, now))

    def _latest(commune: str, kind: str) -> tuple[int, str] | None:
        with engine.connect() as conn:
            row = conn.execute(
                select(downward.c.version, downward.c.payload)
                .where(downward.c.commune == commune, downward.c.kind == kind)
                .order_by(desc(downward.c.version))
                .limit(1)
            ).first()
        return (int(row[0]), str(row[1])) if row else None

    return app


def _enroll_fields(payload: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in ("code", "node", "unit_code"):
        value = payload.get(name)
        if not isinstance(value, str) or not value or len(value) > 64:
            raise HubError(422, "body.field", name=name)
        out[name] = value
    slot = payload.get("slot")
    label = payload.get("label", "")
    try:
        out["slot"] = validate_slot(slot)  # type: ignore[arg-type]
        out["unit_code"] = validate_unit_code(out["unit_code"])
    except MotcuaError as exc:
        raise HubError(422, "body.field", name=exc.field or "slot") from None
    if not isinstance(label, str) or len(label) > 200:
        raise HubError(422, "body.field", name="label")
    out["label"] = label
    return out


class _Caseless(dict[str, str]):
    """Header lookup by any case (Starlette lower-cases names; the protocol names them in Title-Case)."""

    def get(self, key: str, default: Any = None) -> Any:
        return super().get(key.lower(), default)
