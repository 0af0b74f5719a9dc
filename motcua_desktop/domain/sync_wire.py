"""The sync protocol shared by node and hub: version, request signatures and refusal reasons."""

from __future__ import annotations

import hashlib
import hmac
import secrets

from .errors import register_messages

PROTOCOL_VERSION = 1
SUPPORTED_PROTOCOLS = (1,)

HEADER_PROTOCOL = "X-Motcua-Protocol"
HEADER_NODE = "X-Motcua-Node"
HEADER_COUNTER = "X-Motcua-Counter"
HEADER_SENT_AT = "X-Motcua-Sent-At"
HEADER_SIGNATURE = "X-Motcua-Signature"

# Reason codes are machine-readable and stable; each has a Vietnamese message for the admin.
REASONS: dict[str, str] = {
    "auth.missing": "Yêu cầu thiếu chữ ký của máy trạm.",
    "auth.unknown_node": "Máy trạm {node} chưa được đăng ký với máy chủ tổng hợp.",
    "auth.signature": "Chữ ký của yêu cầu không đúng (khóa sai hoặc nội dung bị sửa).",
    "auth.replayed": "Yêu cầu số {counter} đã được gửi trước đó (gửi lại bị từ chối).",
    "auth.disabled": "Máy trạm {node} đã bị khóa trên máy chủ tổng hợp.",
    "enroll.code": "Mã đăng ký không đúng, đã dùng hoặc đã hết hạn.",
    "enroll.unit": "Mã đơn vị của máy ({unit}) khác mã của xã trên máy chủ ({expected}).",
    "enroll.exists": "Máy trạm {node} đã được đăng ký.",
    "protocol.version": "Phiên bản giao thức {value} không được hỗ trợ (hỗ trợ {supported}).",
    "body.encoding": "Nội dung yêu cầu không phải văn bản UTF-8.",
    "body.json": "Nội dung yêu cầu không phải JSON hợp lệ (dòng {line}, cột {column}).",
    "body.field": "Trường «{name}» thiếu hoặc sai kiểu.",
    "body.too_large": "Yêu cầu quá lớn ({size} byte, tối đa {max}).",
    "batch.too_many": "Lô có {count} sự kiện, tối đa {max}.",
    "batch.order": "Các sự kiện trong lô phải theo thứ tự số hiệu tăng dần, không trùng.",
    "commune.mismatch": "Lô gửi cho xã {commune} nhưng máy trạm thuộc xã {expected}.",
    "event.invalid": "Sự kiện thứ {index} không hợp lệ: {detail}",
    "event.node": "Sự kiện {id} ghi máy {node}, không phải máy đang gửi (giả mạo?).",
    "event.conflict": "Sự kiện số {seq} của máy đã có trên máy chủ với nội dung khác (lịch sử bị sửa?).",
    "event.id_taken": "Mã sự kiện {id} đã được dùng cho một sự kiện khác.",
    "chain.gap": "Máy chủ cần sự kiện số {expected_seq} trước sự kiện số {seq}.",
    "chain.broken": "Chuỗi băm bị đứt ở sự kiện số {seq}.",
    "event.future": "Sự kiện {id} ghi thời điểm {at}, sau giờ máy chủ quá {tolerance} (đồng hồ máy sai?).",
    "event.past": "Sự kiện {id} ghi thời điểm {at}, quá xa trong quá khứ (đồng hồ máy sai?).",
    "cursor.invalid": "Con trỏ «{value}» không hợp lệ.",
    "hub.unavailable": "Máy chủ tổng hợp tạm thời không phục vụ được: {detail}",
    "http.route": "Không có địa chỉ {path} với phương thức {method} (giao thức /v1).",
}
register_messages({f"sync.{code}": text for code, text in REASONS.items()})


def body_digest(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


def signing_string(
    method: str, path: str, node: str, counter: int, sent_at: str, body: bytes
) -> bytes:
    """What a request signature covers: the call, who sends it, its number, time and body."""
    parts = (method.upper(), path, node, str(counter), sent_at, body_digest(body))
    return "\n".join(parts).encode("utf-8")


def sign(
    key: str, method: str, path: str, node: str, counter: int, sent_at: str, body: bytes
) -> str:
    """HMAC-SHA256 of the signing string with the node's key (hex)."""
    message = signing_string(method, path, node, counter, sent_at, body)
    return hmac.new(key.encode("ascii"), message, hashlib.sha256).hexdigest()


def signature_ok(expected: str, given: str) -> bool:
    return hmac.compare_digest(expected.encode("ascii"), given.encode("ascii", "replace"))


def new_secret() -> str:
    """A node key or a one-time enrolment code (URL-safe text)."""
    return secrets.token_urlsafe(32)


def code_digest(code: str) -> str:
    """Enrolment codes are stored only as their digest."""
    return hashlib.sha256(code.strip().encode("utf-8")).hexdigest()
