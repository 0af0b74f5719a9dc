"""Hôm nay: counts and lists by urgency, in words, icons and colour; rows open the dossier."""

from __future__ import annotations

from datetime import datetime, time, timedelta

import pytest
from PySide6.QtCore import Qt

from motcua_desktop.domain.dossier import Status
from motcua_desktop.gui.today_model import TodayTableModel
from motcua_desktop.gui.today_page import TodayPage
from motcua_desktop.services.today import Bucket, today_summary

pytestmark = pytest.mark.usefixtures("vietnamese")


def test_the_buckets_hold_what_their_names_promise(workspace):
    summary = today_summary(workspace)
    now, tz = summary.now, workspace.tz
    tomorrow = datetime.combine(now.date() + timedelta(days=1), time.min, tz)
    for row in summary.get(Bucket.OVERDUE).rows:
        assert row.status is Status.PROCESSING and row.appointment < now
    for row in summary.get(Bucket.DUE_TODAY).rows:
        assert row.status is Status.PROCESSING and now <= row.appointment < tomorrow
    for row in summary.get(Bucket.DUE_SOON).rows:
        assert row.status is Status.PROCESSING and tomorrow <= row.appointment < summary.soon_until
    assert all(
        r.status is Status.WAITING_SUPPLEMENT for r in summary.get(Bucket.WAITING_SUPPLEMENT).rows
    )
    assert all(r.status is Status.RESULT_READY for r in summary.get(Bucket.RESULT_READY).rows)
    assert all(r.needs_review for r in summary.get(Bucket.NEEDS_REVIEW).rows)
    assert summary.get(Bucket.OVERDUE).count > 0 and summary.get(Bucket.NEEDS_REVIEW).count == 1
    # Thursday 05/03/2026: the second working day after it is Monday 09/03 (weekend skipped).
    assert summary.soon_until == datetime(2026, 3, 10, 0, 0, tzinfo=tz)


def test_counts_beyond_the_list_limit_are_still_counted(workspace):
    full = today_summary(workspace)
    cut = today_summary(workspace, limit=2)
    for bucket in Bucket:
        assert cut.get(bucket).count == full.get(bucket).count
        assert len(cut.get(bucket).rows) == min(2, full.get(bucket).count)


@pytest.fixture
def page(qtbot, make_ctx):
    page = TodayPage(make_ctx("tiepnhan"))
    qtbot.addWidget(page)
    page.resize(1180, 700)
    page.show()
    qtbot.waitUntil(lambda: page.summary is not None)
    return page


def test_each_card_says_its_count_in_words_with_an_icon(page, workspace):
    summary = today_summary(workspace)
    expected = {
        Bucket.OVERDUE: "Quá hạn", Bucket.DUE_TODAY: "Đến hạn hôm nay",
        Bucket.DUE_SOON: "Đến hạn trong 2 ngày làm việc", Bucket.WAITING_SUPPLEMENT: "Chờ bổ sung",
        Bucket.RESULT_READY: "Có kết quả, chờ trả", Bucket.NEEDS_REVIEW: "Cần xem xét",
    }  # fmt: skip
    for bucket, words in expected.items():
        card = page.cards[bucket]
        assert card.text() == f"{summary.get(bucket).count}\n{words}"
        assert not card.icon().isNull()


def test_a_card_shows_its_list_and_enter_opens_the_dossier(page, qtbot, workspace):
    qtbot.mouseClick(page.cards[Bucket.RESULT_READY], Qt.MouseButton.LeftButton)
    ready = today_summary(workspace).get(Bucket.RESULT_READY)
    assert page.list_title.text().startswith(f"Có kết quả, chờ trả: {ready.count} hồ sơ")
    assert page.model.rowCount() == len(ready.rows)
    first = page.model.index(0, 0)
    assert page.model.data(first, Qt.ItemDataRole.DecorationRole) is not None
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Down)
    row = page.table.currentIndex().row()
    assert row in (0, 1)
    with qtbot.waitSignal(page._ctx.dossier_requested) as opened:
        qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert opened.args == [ready.rows[row].code]


def test_overdue_rows_say_how_late_in_words(page):
    assert page.selected is Bucket.OVERDUE
    assert page.model.index(0, 4).data().startswith("Trễ hạn ")


def test_the_page_refreshes_when_anything_changes(page, qtbot, workspace):
    ctx = page._ctx
    ready = today_summary(workspace).get(Bucket.RESULT_READY)
    code = ready.rows[0].code
    ctx.act(lambda: ctx.dossiers.return_result(ctx.user, code, satisfaction="satisfied"))
    qtbot.waitUntil(
        lambda: page.cards[Bucket.RESULT_READY].text().startswith(f"{ready.count - 1}\n"),
        timeout=10_000,
    )


def test_the_today_model_is_a_valid_model(page, qtmodeltester):
    qtmodeltester.check(page.model)
    qtmodeltester.check(TodayTableModel())


def test_a_hidden_page_reloads_when_it_is_shown_again(page, qtbot, workspace):
    ctx = page._ctx
    ready = today_summary(workspace).get(Bucket.RESULT_READY)
    page.hide()
    with qtbot.waitSignal(ctx.data_changed, timeout=10_000):
        code = ready.rows[0].code
        ctx.act(lambda: ctx.dossiers.return_result(ctx.user, code, satisfaction="satisfied"))
    assert page.cards[Bucket.RESULT_READY].text().startswith(f"{ready.count}\n")  # not yet
    page.show()
    qtbot.waitUntil(
        lambda: page.cards[Bucket.RESULT_READY].text().startswith(f"{ready.count - 1}\n"),
        timeout=10_000,
    )
