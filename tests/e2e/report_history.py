"""A worked history for the report tests: nine dossiers around March 2025, hand-checked.

Monthly periods: «tháng 3» = 15/02/2025–14/03/2025, «tháng 4» = 15/03/2025–14/04/2025.
Procedures: 1.004873 (Hộ tịch, 3 working days), 2.000908 (Chứng thực, 1 working day).
A period in working days starts the day after intake and ends at 17:00.

  H  received 06/01 09:00, appointment 09/01 17:00; stopped 20/03 11:00 (leader).
  E  received 11/02 09:00; withdrawn 20/02 10:00.
  D  received 27/02 09:00, appointment 04/03 17:00; supplements requested 03/03 09:10 (clock
     still running: before the appointment); complete supplement 18/03 09:00 restarts the clock:
     new appointment 21/03 17:00; result 20/03 10:00.
  A  received 03/03 09:00, appointment 06/03 17:00; → tư pháp 03/03 10:00; result 05/03 10:00;
     returned 05/03 15:00, «rất hài lòng».
  D2 received 03/03 09:05, appointment 06/03 17:00; → tư pháp 03/03 10:05; supplements requested
     07/03 09:00 (the appointment had already passed); complete 20/03 09:00: new appointment
     25/03 17:00; still open.
  F  refused at the counter 05/03 10:30: never received.
  B  received online 10/03 09:00, appointment 13/03 17:00; result 13/03 16:00; returned 16:30,
     «hài lòng».
  C  received by post 10/03 09:30, appointment 13/03 17:00; → tư pháp 10/03 10:00 with its step
     due in 1 working day (11/03 17:00); → lãnh đạo 12/03 09:00; apology 12/03 10:00 with a new
     date 17/03 17:00; result 17/03 10:00 — late: the apology does not move the appointment.
  G  received 13/03 09:00 (Chứng thực), appointment 14/03 17:00; the result is recorded on the
     second PC, offline, at 14/03 16:00, and reaches this PC only on 20/03 12:00.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from motcua_desktop.services import events_io
from motcua_desktop.services.intake import ApplicantInput, IntakeRequest

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
MARRIAGE = "1.004873"  # Hộ tịch, 3 working days
COPY = "2.000908"  # Chứng thực, 1 working day


def at(day: int, month: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2025, month, day, hour, minute, tzinfo=TZ)


def request(name: str, procedure: str = MARRIAGE, channel: str = "direct") -> IntakeRequest:
    return IntakeRequest(procedure, ApplicantInput(name=name, phone="0912345678"), channel=channel)


@dataclass
class History:
    codes: dict[str, str]
    sync: object  # call it to bring the second PC's offline act to this PC


def build(node, sibling) -> History:
    """Play the history on ``node``; G's result waits on ``sibling`` until ``History.sync()``."""
    s, c = node.service, node.clock
    codes: dict[str, str] = {}

    def receive(key: str, when: datetime, **kw: str) -> str:
        c.set(when)
        codes[key] = s.receive(node.clerk, request(f"Người nộp {key}", **kw)).code
        return codes[key]

    def act(when: datetime, fn, *args, **kw):
        c.set(when)
        return fn(*args, **kw)

    receive("H", at(6, 1, 9))
    receive("E", at(11, 2, 9))
    act(at(20, 2, 10), s.withdraw, node.clerk, codes["E"], reason="Người nộp xin rút")
    receive("D", at(27, 2, 9))
    receive("A", at(3, 3, 9))
    receive("D2", at(3, 3, 9, 5))
    items = [{"name": "Bản sao giấy khai sinh", "kind": "Bản sao", "reason": "Thiếu"}]
    act(at(3, 3, 9, 10), s.request_supplement, node.officer, codes["D"], items, reason="Thiếu")
    act(at(3, 3, 10), s.hand_over, node.clerk, codes["A"], "tuphap")
    act(at(3, 3, 10, 5), s.hand_over, node.clerk, codes["D2"], "tuphap")
    act(at(5, 3, 10), s.record_result, node.officer, codes["A"])
    act(at(5, 3, 15), s.return_result, node.clerk, codes["A"], satisfaction="very_satisfied")
    c.set(at(5, 3, 10, 30))
    codes["F"] = s.refuse_at_counter(
        node.clerk, request("Người nộp F"), "Không thuộc thẩm quyền"
    ).code
    act(at(7, 3, 9), s.request_supplement, node.officer, codes["D2"], items, reason="Thiếu")
    receive("B", at(10, 3, 9), channel="online")
    receive("C", at(10, 3, 9, 30), channel="postal")
    act(at(10, 3, 10), s.hand_over, node.clerk, codes["C"], "tuphap", step_days=1)
    act(at(12, 3, 9), s.hand_over, node.officer, codes["C"], "chutich")
    act(at(12, 3, 10), s.issue_apology, node.clerk, codes["C"], reason="Chờ xác minh", extra_days=2)
    receive("G", at(13, 3, 9), procedure=COPY)
    act(at(13, 3, 16), s.record_result, node.officer, codes["B"])
    act(at(13, 3, 16, 30), s.return_result, node.clerk, codes["B"], satisfaction="satisfied")

    # The second PC copies everything so far, then records G's result while offline.
    events_io.import_events(sibling.ws, sibling.admin, _export(node))
    sibling.clock.set(at(14, 3, 16))
    sibling.service.record_result(sibling.officer, codes["G"])

    act(at(17, 3, 10), s.record_result, node.leader, codes["C"])
    act(at(18, 3, 9), s.receive_supplement, node.clerk, codes["D"])
    act(at(20, 3, 9), s.receive_supplement, node.clerk, codes["D2"])
    act(at(20, 3, 10), s.record_result, node.officer, codes["D"])
    act(at(20, 3, 11), s.stop, node.leader, codes["H"], reason="Quá hạn bổ sung")
    c.set(at(20, 3, 11, 30))

    def sync() -> None:
        c.set(at(20, 3, 12))
        events_io.import_events(node.ws, node.admin, _export(sibling))

    return History(codes, sync)


def _export(node) -> list[str]:
    import io

    out = io.StringIO()
    events_io.export_events(node.ws, out)
    return out.getvalue().splitlines(keepends=True)
