"""The node's HTTP client of the hub (httpx): signed requests, refusals turned into SyncError."""

from __future__ import annotations

import functools
import json
import ssl
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..domain.errors import MotcuaError, register_messages
from ..domain.sync_wire import (
    HEADER_COUNTER,
    HEADER_NODE,
    HEADER_PROTOCOL,
    HEADER_SENT_AT,
    HEADER_SIGNATURE,
    PROTOCOL_VERSION,
    sign,
)

if TYPE_CHECKING:
    import httpx  # loaded by the first HubClient: the counter app starts without it

register_messages(
    {
        "sync.offline": "Không kết nối được máy chủ tổng hợp ({detail}); dữ liệu vẫn lưu trên máy "
        "và sẽ tự gửi khi có mạng.",
        "sync.hub_error": "Máy chủ tổng hợp đang lỗi (HTTP {status}); sẽ thử lại sau.",
        "sync.refused": "Máy chủ tổng hợp từ chối ({reason}): {message}",
        "sync.not_enrolled": "Máy này chưa đăng ký với máy chủ tổng hợp. Hãy chạy «motcua sync "
        "enroll --hub ĐỊA_CHỈ --code MÃ» với mã do quản trị máy chủ cấp.",
        "sync.bad_reply": "Máy chủ tổng hợp trả lời không đúng giao thức ({detail}).",
    }
)


class SyncError(MotcuaError):
    """A sync that could not complete; ``retry`` says whether trying again later may help."""

    def __init__(self, code: str, /, *, retry: bool, **params: Any) -> None:
        self.retry = retry
        super().__init__(code, **params)


class SyncRefused(SyncError):
    """The hub refused a request with a reason (4xx); nothing of it was applied."""

    def __init__(self, status: int, reason: str, message: str, detail: dict[str, Any]) -> None:
        self.status = status
        self.reason = reason
        self.detail = detail
        super().__init__("sync.refused", retry=False, reason=reason, message=message, status=status)


@functools.lru_cache(maxsize=8)
def _tls(verify: bool | str) -> ssl.SSLContext | bool:
    """One TLS context per trust setting (building one reads the system CA store: ~0.1 s).

    ``True`` trusts the system's CAs; a path trusts that CA file (a province's own CA).
    """
    if verify is False:
        return False
    return ssl.create_default_context(cafile=verify if isinstance(verify, str) else None)


@dataclass(frozen=True)
class Credentials:
    node: str
    key: str


def _decode(response: httpx.Response) -> Any:
    try:
        return response.json()
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise SyncError("sync.bad_reply", retry=True, detail="JSON") from None


def _check(response: httpx.Response) -> Any:
    if response.status_code >= 500 or response.status_code == 429:
        raise SyncError("sync.hub_error", retry=True, status=response.status_code)
    if response.status_code >= 400:
        payload = _decode(response)
        error = payload.get("error") if isinstance(payload, dict) else None
        if not isinstance(error, dict):
            raise SyncError("sync.hub_error", retry=True, status=response.status_code)
        raise SyncRefused(
            response.status_code,
            str(error.get("reason", "")),
            str(error.get("message", "")),
            dict(error.get("detail") or {}),
        )
    return _decode(response)


class HubClient:
    """Talks to one hub. Every call raises SyncError (offline, hub error, refusal) on failure.

    The HTTP client (httpx, and the TLS context) is made by the first request: a PC that is not
    enrolled with any hub never loads them.
    """

    def __init__(
        self,
        base_url: str,
        *,
        timeout: float = 30.0,
        verify: bool | str = True,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self._timeout = timeout
        self._verify = verify
        self._transport = transport
        self._client: httpx.Client | None = None

    @property
    def _http(self) -> httpx.Client:
        if self._client is None:
            import httpx

            self._client = httpx.Client(
                base_url=self.base_url,
                timeout=httpx.Timeout(self._timeout, connect=min(self._timeout, 10.0)),
                verify=_tls(self._verify),
                transport=self._transport,
                headers={HEADER_PROTOCOL: str(PROTOCOL_VERSION)},
            )
        return self._client

    def close(self) -> None:
        if self._client is not None:
            self._client.close()

    def __enter__(self) -> HubClient:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def _send(self, request: httpx.Request) -> Any:
        import httpx

        try:
            response = self._http.send(request)
        except httpx.TransportError as exc:
            raise SyncError("sync.offline", retry=True, detail=type(exc).__name__) from None
        return _check(response)

    def signed(
        self,
        method: str,
        path: str,
        creds: Credentials,
        counter: int,
        sent_at: str,
        *,
        body: bytes = b"",
        params: dict[str, Any] | None = None,
    ) -> Any:
        request = self._http.build_request(
            method,
            path,
            params=params,
            content=body if method == "POST" else None,
            headers={"Content-Type": "application/json"} if method == "POST" else None,
        )
        signed_path = request.url.raw_path.decode("ascii")
        request.headers[HEADER_NODE] = creds.node
        request.headers[HEADER_COUNTER] = str(counter)
        request.headers[HEADER_SENT_AT] = sent_at
        request.headers[HEADER_SIGNATURE] = sign(
            creds.key, method, signed_path, creds.node, counter, sent_at, body
        )
        return self._send(request)

    def health(self) -> Any:
        return self._send(self._http.build_request("GET", "/v1/health"))

    def enroll(self, *, code: str, node: str, slot: int, unit_code: str, label: str) -> Any:
        body = {
            "protocol": PROTOCOL_VERSION,
            "code": code,
            "node": node,
            "slot": slot,
            "unit_code": unit_code,
            "label": label,
        }
        return self._send(self._http.build_request("POST", "/v1/enroll", json=body))
