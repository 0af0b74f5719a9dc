"""The fee's payment method recorded at intake: in the event, the fold, the read model, the report."""

from __future__ import annotations

from zoneinfo import ZoneInfo

import pytest

from motcua_desktop.domain.errors import ValidationError
from motcua_desktop.domain.report_periods import custom_period
from motcua_desktop.services.intake import ApplicantInput, IntakeRequest
from motcua_desktop.services.reports import ReportService
from motcua_desktop.storage import eventstore

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
THREE_DAYS = "1.004873"


def request(name: str, *, fee: int = 0, payment: str = "") -> IntakeRequest:
    return IntakeRequest(
        procedure_code=THREE_DAYS, applicant=ApplicantInput(name=name), fee=fee, payment=payment
    )


def _column(node, code: str) -> str:
    with node.ws.db.reading() as session:
        row = eventstore.raw(session).execute(
            "SELECT payment FROM dossiers WHERE code = ?", (code,)
        )
        return str(row.fetchone()[0])


def test_the_payment_method_is_recorded_folded_projected_and_reported(node):
    paid_online = node.service.receive(
        node.clerk, request("Lê Văn Một", fee=15_000, payment="online")
    )
    paid_direct = node.service.receive(
        node.clerk, request("Lê Văn Hai", fee=15_000, payment="direct")
    )
    free = node.service.receive(node.clerk, request("Lê Văn Ba"))

    assert paid_online.events[0].data["payment"] == "online"
    assert "payment" not in free.events[0].data  # not recorded: the event is as before
    assert (paid_online.state.payment, paid_direct.state.payment, free.state.payment) == (
        "online", "direct", "",
    )  # fmt: skip
    assert node.service.state(paid_direct.code).payment == "direct"
    assert [_column(node, r.code) for r in (paid_online, paid_direct, free)] == [
        "online", "direct", "",
    ]  # fmt: skip

    day = node.clock.advance(hours=1).astimezone(TZ).date()
    total = ReportService(node.ws).build(custom_period(day, day)).report.total
    assert (total.new, total.payments_recorded, total.payments_online) == (3, 2, 1)
    assert total.to_dict()["online_payment_rate"] == 50.0


@pytest.mark.parametrize(
    ("fee", "payment", "code"),
    [(15_000, "cash", "intake.payment"), (0, "online", "intake.payment_no_fee")],
)
def test_a_payment_method_that_cannot_be_recorded_is_refused(node, fee, payment, code):
    before = node.event_count()
    with pytest.raises(ValidationError) as refused:
        node.service.receive(node.clerk, request("Lê Văn Bốn", fee=fee, payment=payment))
    assert refused.value.code == code and refused.value.field == "payment"
    assert node.event_count() == before
