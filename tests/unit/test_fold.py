"""The fold: a dossier's state from its events, whatever order they arrive in."""

from datetime import datetime, timedelta, timezone

from hypothesis import given, settings
from hypothesis import strategies as st

from motcua_desktop.domain.dossier import Status, allowed, fold
from motcua_desktop.domain.events import GENESIS_HASH, Event, EventType, seal

VN = timezone(timedelta(hours=7))
T0 = datetime(2026, 3, 2, 8, 0, tzinfo=VN)
CODE = "000.12.34.H40-260302-0001"
APPT = (T0 + timedelta(days=3)).isoformat()


class Chains:
    """Builds events on several nodes, each with its own chain."""

    def __init__(self) -> None:
        self.heads: dict[str, tuple[int, str]] = {}

    def add(
        self, node: str, minutes: int, etype: EventType, data: dict | None = None, actor: str = "u"
    ) -> Event:
        seq, prev = self.heads.get(node, (0, GENESIS_HASH))
        event = seal(node=node, seq=seq + 1, prev=prev, at=T0 + timedelta(minutes=minutes),
                     actor=actor, dossier=CODE, type=etype, data=data or {})  # fmt: skip
        self.heads[node] = (seq + 1, event.hash)
        return event


def life() -> list[Event]:
    c = Chains()
    return [
        c.add(
            "a",
            0,
            EventType.RECEIVED,
            {
                "procedure_code": "1.001193",
                "applicant": {"name": "Lê Thị Hoa"},
                "appointment": APPT,
                "channel": "direct",
            },
        ),  # fmt: skip
        c.add("a", 30, EventType.HANDED_OVER, {"to_user": "tuphap", "to_unit": "Tư pháp"}),
        c.add("b", 60, EventType.SUPPLEMENT_REQUESTED, {"items": [{"name": "CCCD"}]}),
        c.add(
            "a",
            90,
            EventType.SUPPLEMENT_RECEIVED,
            {"appointment": (T0 + timedelta(days=5)).isoformat()},
        ),
        c.add("b", 120, EventType.HANDED_OVER, {"to_user": "chutich", "to_unit": "Lãnh đạo"}),
        c.add("b", 150, EventType.RESULT_READY, {"digitised": True}),
        c.add("a", 180, EventType.RETURNED, {"method": "counter"}),
        c.add("a", 181, EventType.SATISFACTION_RECORDED, {"level": "satisfied"}),
    ]


def test_a_whole_life_folds_to_returned_with_the_restarted_appointment():
    state = fold(life())
    assert state is not None
    assert state.status is Status.RETURNED
    assert state.appointment == T0 + timedelta(
        days=5
    )  # the clock restarted on the complete dossier
    assert state.original_appointment == datetime.fromisoformat(APPT)
    assert [h.to_user for h in state.handovers] == ["tuphap", "chutich"]
    assert state.result_digitised and state.satisfaction == "satisfied"
    assert not state.needs_review


@settings(max_examples=200)
@given(st.permutations(life()))
def test_any_arrival_order_gives_the_same_state(events):
    assert fold(events) == fold(life())


@settings(max_examples=200)
@given(
    st.lists(st.sampled_from(list(EventType)), min_size=1, max_size=12),
    st.randoms(use_true_random=False),
)
def test_random_histories_are_deterministic_and_never_drop_an_event(types, rnd):
    c = Chains()
    events = [c.add(rnd.choice("abc"), i * 7, t, {"appointment": APPT} if t is EventType.RECEIVED else {})
              for i, t in enumerate(types)]  # fmt: skip
    shuffled = events[:]
    rnd.shuffle(shuffled)
    state = fold(shuffled)
    assert state == fold(events)
    assert state is not None and state.event_count == len(events)
    # Each event was either applied or flagged for review: nothing silently lost.
    flagged = {f.event_id for f in state.review}
    assert flagged <= {e.id for e in events}


def test_returned_twice_goes_to_review_and_keeps_the_first_return():
    events = life()
    c = Chains()
    c.heads["c"] = (0, GENESIS_HASH)
    second = c.add("c", 200, EventType.RETURNED, {"method": "postal"})
    state = fold([*events, second])
    assert state.status is Status.RETURNED
    assert state.returned_at == T0 + timedelta(minutes=180)
    assert [f.event_id for f in state.review] == [second.id]


def test_an_act_after_withdrawal_needs_review():
    c = Chains()
    events = [
        c.add("a", 0, EventType.RECEIVED, {"appointment": APPT}),
        c.add("a", 10, EventType.WITHDRAWN, {"reason": "Người nộp rút"}),
        c.add("b", 20, EventType.RESULT_READY, {}),
    ]
    state = fold(events)
    assert state.status is Status.WITHDRAWN and state.needs_review


def test_apology_only_once():
    c = Chains()
    new_date = (T0 + timedelta(days=8)).isoformat()
    events = [
        c.add("a", 0, EventType.RECEIVED, {"appointment": APPT}),
        c.add(
            "a",
            10,
            EventType.APOLOGY_ISSUED,
            {"new_appointment": new_date, "responsible_unit": "Địa chính"},
        ),
        c.add(
            "b",
            20,
            EventType.APOLOGY_ISSUED,
            {"new_appointment": (T0 + timedelta(days=20)).isoformat()},
        ),
    ]
    state = fold(events)
    assert state.rescheduled_to == datetime.fromisoformat(new_date)
    assert state.appointment == datetime.fromisoformat(APPT)  # the apology never moves the promise
    assert len(state.review) == 1


def test_refusal_at_the_counter_is_not_a_received_dossier():
    c = Chains()
    state = fold([c.add("a", 0, EventType.REFUSED, {"reason": "Không thuộc thẩm quyền"})])
    assert state.status is Status.REFUSED_AT_COUNTER and state.received_at is None


def test_late_is_judged_against_the_appointment_in_force():
    c = Chains()
    events = [
        c.add("a", 0, EventType.RECEIVED, {"appointment": (T0 + timedelta(hours=2)).isoformat()}),
        c.add(
            "a",
            10,
            EventType.APOLOGY_ISSUED,
            {"new_appointment": (T0 + timedelta(days=2)).isoformat()},
        ),
        c.add("a", 300, EventType.RESULT_READY, {}),
    ]
    state = fold(events)
    assert state.resolved_late is True  # rescheduled, still late
    assert not state.is_overdue(T0 + timedelta(days=30))  # resolved: no longer overdue


def test_allowed_table_matches_the_rules():
    assert allowed(None, EventType.RECEIVED)
    assert not allowed(Status.RETURNED, EventType.RETURNED)
    assert allowed(Status.RESULT_READY, EventType.HANDED_OVER)
    assert not allowed(Status.WAITING_SUPPLEMENT, EventType.RESULT_READY)
