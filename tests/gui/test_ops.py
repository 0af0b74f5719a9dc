"""The database worker: work runs off the GUI thread, callbacks run on it, failures come back."""

import threading

import pytest

from motcua_desktop.domain.errors import ValidationError
from motcua_desktop.gui.ops import Operations


def test_work_runs_on_the_worker_and_the_callback_on_the_gui_thread(qtbot):
    ops = Operations()
    gui_thread = threading.get_ident()
    seen = {}

    def work():
        seen["work"] = threading.get_ident()
        return 42

    def done(result):
        seen["done"] = threading.get_ident()
        seen["result"] = result

    with qtbot.waitSignal(ops.busy_changed, check_params_cb=lambda busy: not busy):
        ops.run(work, done)
    assert seen == {"work": seen["work"], "done": gui_thread, "result": 42}
    assert seen["work"] != gui_thread
    assert ops.pending == 0


def test_jobs_run_in_the_order_given(qtbot):
    ops = Operations()
    order = []
    for n in range(20):
        ops.run(lambda n=n: n, order.append)
    qtbot.waitUntil(lambda: len(order) == 20)
    assert order == list(range(20))


def test_a_failure_reaches_the_error_callback(qtbot):
    ops = Operations()
    errors = []

    def work():
        raise ValidationError("text.required", field="applicant_name")

    ops.run(work, lambda _r: pytest.fail("must not succeed"), errors.append)
    qtbot.waitUntil(lambda: len(errors) == 1)
    assert errors[0].code == "text.required"


def test_synchronous_mode_runs_inline():
    ops = Operations(synchronous=True)
    out = []
    ops.run(lambda: threading.get_ident(), out.append)
    assert out == [threading.get_ident()]


def test_a_callback_of_a_widget_deleted_meanwhile_is_not_called(qtbot):
    import shiboken6
    from PySide6.QtWidgets import QLabel

    ops = Operations()
    label = QLabel()
    seen = []
    ops.run(lambda: "x", label.setText)  # unguarded, this would raise "already deleted"
    ops.run(lambda: "y", seen.append)  # a plain function still runs
    shiboken6.delete(label)  # the page is gone before the worker answers
    qtbot.waitUntil(lambda: seen == ["y"])


def test_an_act_still_announces_the_change_when_its_page_was_deleted(qtbot, make_ctx):
    import shiboken6
    from PySide6.QtWidgets import QLabel

    ctx = make_ctx("tiepnhan")
    label = QLabel()
    changed = []
    ctx.data_changed.connect(lambda: changed.append(1))
    ctx.act(lambda: 7, label.setNum)  # unguarded, this would raise "already deleted"
    shiboken6.delete(label)
    qtbot.waitUntil(lambda: changed == [1])
