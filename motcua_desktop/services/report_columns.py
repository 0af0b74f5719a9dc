"""The columns of the printed and spreadsheet report (Thông tư 01/2020/TT-VPCP layout), in Vietnamese."""

from __future__ import annotations

from dataclasses import dataclass

TITLE = "BÁO CÁO TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH"
BY_LABELS = {"field": "Lĩnh vực", "procedure": "Thủ tục hành chính", "unit": "Đơn vị giải quyết"}
TOTAL_LABEL = "Tổng cộng"


@dataclass(frozen=True)
class Column:
    key: str  # a key of a report row in the JSON output
    group: str  # the spanning header above it ("" for a column on its own)
    label: str
    rate: bool = False  # a percentage (None when there is nothing to divide by)


COLUMNS: tuple[Column, ...] = (
    Column("received", "Số hồ sơ nhận giải quyết", "Tổng số"),
    Column("carried", "Số hồ sơ nhận giải quyết", "Kỳ trước chuyển qua"),
    Column("new_online", "Số hồ sơ nhận giải quyết", "Mới: trực tuyến"),
    Column("new_direct", "Số hồ sơ nhận giải quyết", "Mới: trực tiếp"),
    Column("new_postal", "Số hồ sơ nhận giải quyết", "Mới: bưu chính"),
    Column("resolved", "Số hồ sơ đã giải quyết", "Tổng số"),
    Column("early", "Số hồ sơ đã giải quyết", "Trước hạn"),
    Column("on_time", "Số hồ sơ đã giải quyết", "Đúng hạn"),
    Column("late", "Số hồ sơ đã giải quyết", "Quá hạn"),
    Column("pending", "Số hồ sơ đang giải quyết", "Tổng số"),
    Column("within", "Số hồ sơ đang giải quyết", "Trong hạn"),
    Column("overdue", "Số hồ sơ đang giải quyết", "Quá hạn"),
    Column("waiting", "Số hồ sơ đang giải quyết", "Trong đó chờ bổ sung"),
    Column("withdrawn", "Rút, dừng", "Rút hồ sơ"),
    Column("stopped", "Rút, dừng", "Dừng giải quyết"),
    Column("on_time_rate", "Tỷ lệ (%)", "Đúng hạn", rate=True),
    Column("late_rate", "Tỷ lệ (%)", "Trễ hạn", rate=True),
)

# (key, label) of the indicators under the table, for the whole report
INDICATORS: tuple[tuple[str, str], ...] = (
    ("very_satisfied", "Rất hài lòng"),
    ("satisfied", "Hài lòng"),
    ("unsatisfied", "Không hài lòng"),
    ("satisfaction_unknown", "Chưa đánh giá"),
    ("intake_digitised_rate", "Tỷ lệ hồ sơ số hóa thành phần khi tiếp nhận (%)"),
    ("components_digitised_rate", "Tỷ lệ thành phần hồ sơ được số hóa (%)"),
    ("results_digitised_rate", "Tỷ lệ kết quả giải quyết được số hóa (%)"),
    ("online_payment_rate", "Tỷ lệ thanh toán trực tuyến (%)"),
)

LATE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("code", "Mã hồ sơ"),
    ("procedure_name", "Thủ tục"),
    ("applicant", "Người nộp"),
    ("appointment", "Hẹn trả"),
    ("resolved_at", "Ngày có kết quả"),
    ("days_over", "Số ngày quá hạn"),
    ("responsible_unit", "Bước chậm: đơn vị"),
    ("apology_issued", "Văn bản xin lỗi"),
)
LATE_TITLE = "DANH SÁCH HỒ SƠ QUÁ HẠN"
NOT_RECORDED = "chưa ghi nhận"


def percent(value: float | None) -> str:
    """``4,37`` — the Vietnamese decimal comma; a dash when there is nothing to divide by."""
    if value is None:
        return "-"
    return f"{value:.2f}".replace(".", ",")


def groups() -> list[tuple[str, int, int]]:
    """(group label, first column index, last column index) of the spanning headers."""
    out: list[tuple[str, int, int]] = []
    for index, column in enumerate(COLUMNS):
        if out and out[-1][0] == column.group:
            out[-1] = (column.group, out[-1][1], index)
        else:
            out.append((column.group, index, index))
    return out
