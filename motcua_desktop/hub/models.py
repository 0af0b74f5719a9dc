"""Pydantic shapes of the hub's requests and replies, for the published OpenAPI document.

Bodies are parsed by hand (``apply.parse_push``) so every refusal carries the protocol's own
reason code; these models describe the same shapes for clients and for /v1/docs.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field


class Health(BaseModel):
    status: str
    protocol: int
    database: str
    hub_time: str


class EnrollBody(BaseModel):
    protocol: int = Field(description="protocol version, 1")
    code: str = Field(description="the one-time code from `motcua hub enroll-code`")
    node: str = Field(description="the node's id (its UUID)")
    slot: int = Field(ge=0, le=9, description="the node slot of the PC in its commune")
    unit_code: str = Field(description="the commune's unit code as set on the PC")
    label: str = ""


class EnrollReply(BaseModel):
    node: str
    commune: str
    commune_name: str
    key: str = Field(description="the node's secret signing key; shown once")
    protocol: int
    hub_time: str


class PushBody(BaseModel):
    protocol: int
    commune: str
    node: str
    sent_at: str = Field(description="the node's clock when sending, ISO 8601 with offset")
    events: list[dict[str, Any]] = Field(
        description="events in wire format v1 (docs/events.schema.json), increasing seq"
    )


class Rejected(BaseModel):
    id: str
    seq: int
    reason: str
    message: str


class PushReply(BaseModel):
    acknowledged_seq: int = Field(description="every event of the node up to this seq is held")
    accepted: int
    duplicates: int
    rejected: list[Rejected]
    hub_time: str


class PullReply(BaseModel):
    events: list[dict[str, Any]]
    next: int = Field(description="the cursor for the next pull")
    more: bool
    hub_time: str


class RejectedItem(Rejected):
    received_at: str


class Rejections(BaseModel):
    rejected: list[RejectedItem]
    hub_time: str


class Downward(BaseModel):
    kind: str
    version: int
    unchanged: bool
    payload: Any = None


class Refusal(BaseModel):
    reason: str
    message: str
    detail: dict[str, Any]


def body_schema(model: type[BaseModel]) -> dict[str, Any]:
    """An ``openapi_extra`` entry documenting a body the endpoint reads itself."""
    return {
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": model.model_json_schema()}},
        }
    }
