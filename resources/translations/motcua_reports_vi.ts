<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi" sourcelanguage="en">
<context>
    <name>LateListModel</name>
    <message>
        <source>Dossier code</source>
        <translation>Mã hồ sơ</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>Thủ tục</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>Người nộp</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>Hẹn trả</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Ngày có kết quả</translation>
    </message>
    <message>
        <source>Days over</source>
        <translation>Số ngày quá hạn</translation>
    </message>
    <message>
        <source>Step that overran</source>
        <translation>Bước chậm: đơn vị</translation>
    </message>
    <message>
        <source>Apology</source>
        <translation>Văn bản xin lỗi</translation>
    </message>
    <message>
        <source>Step {step}: {unit}</source>
        <translation>Bước {step}: {unit}</translation>
    </message>
    <message>
        <source>Not issued</source>
        <translation>Chưa</translation>
    </message>
    <message>
        <source>Issued {date}</source>
        <translation>Đã phát hành {date}</translation>
    </message>
</context>
<context>
    <name>ReportTableModel</name>
    <message>
        <source>Received</source>
        <translation>Tiếp nhận</translation>
    </message>
    <message>
        <source>Carried over</source>
        <translation>Kỳ trước chuyển qua</translation>
    </message>
    <message>
        <source>New online</source>
        <translation>Mới: trực tuyến</translation>
    </message>
    <message>
        <source>New at the counter</source>
        <translation>Mới: trực tiếp</translation>
    </message>
    <message>
        <source>New by post</source>
        <translation>Mới: bưu chính</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Đã giải quyết</translation>
    </message>
    <message>
        <source>Early</source>
        <translation>Trước hạn</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>Đúng hạn</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>Quá hạn</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Đang giải quyết</translation>
    </message>
    <message>
        <source>Within time</source>
        <translation>Trong hạn</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Quá hạn (đang giải quyết)</translation>
    </message>
    <message>
        <source>Waiting for supplements</source>
        <translation>Chờ bổ sung</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Rút hồ sơ</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Dừng giải quyết</translation>
    </message>
    <message>
        <source>On-time rate (%)</source>
        <translation>Tỷ lệ đúng hạn (%)</translation>
    </message>
    <message>
        <source>Late rate (%)</source>
        <translation>Tỷ lệ trễ hạn (%)</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Lĩnh vực</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>Thủ tục hành chính</translation>
    </message>
    <message>
        <source>Unit in charge</source>
        <translation>Đơn vị giải quyết</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Tổng cộng</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Month</source>
        <translation>Tháng</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>Quý</translation>
    </message>
    <message>
        <source>6 months</source>
        <translation>6 tháng</translation>
    </message>
    <message>
        <source>9 months</source>
        <translation>9 tháng</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <source>From … to …</source>
        <translation>Từ ngày … đến ngày …</translation>
    </message>
    <message>
        <source>By field</source>
        <translation>Theo lĩnh vực</translation>
    </message>
    <message>
        <source>By procedure</source>
        <translation>Theo thủ tục</translation>
    </message>
    <message>
        <source>By unit</source>
        <translation>Theo đơn vị</translation>
    </message>
    <message>
        <source>Periodic reports</source>
        <translation>Báo cáo định kỳ</translation>
    </message>
    <message>
        <source>Year </source>
        <translation>Năm </translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>&amp;Xem</translation>
    </message>
    <message>
        <source>Export &amp;PDF…</source>
        <translation>Xuất &amp;PDF…</translation>
    </message>
    <message>
        <source>Export &amp;Excel…</source>
        <translation>Xuất &amp;Excel…</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Báo cáo</translation>
    </message>
    <message>
        <source>On-time rate by month</source>
        <translation>Tỷ lệ đúng hạn theo tháng</translation>
    </message>
    <message>
        <source>Late list</source>
        <translation>Hồ sơ quá hạn</translation>
    </message>
    <message>
        <source>Month </source>
        <translation>Tháng </translation>
    </message>
    <message>
        <source>Quarter </source>
        <translation>Quý </translation>
    </message>
    <message>
        <source>{period}. Figures up to {as_of}. Late or overdue dossiers: {late}.</source>
        <translation>{period}. Số liệu đến {as_of}. Hồ sơ trễ hạn, quá hạn: {late}.</translation>
    </message>
    <message>
        <source>Satisfaction: very satisfied {a}, satisfied {b}, dissatisfied {c}.</source>
        <translation>Mức độ hài lòng: rất hài lòng {a}, hài lòng {b}, không hài lòng {c}.</translation>
    </message>
    <message>
        <source>On-time rate (%)</source>
        <translation>Tỷ lệ đúng hạn (%)</translation>
    </message>
    <message>
        <source>Month of the reporting year</source>
        <translation>Tháng của năm báo cáo</translation>
    </message>
    <message>
        <source>Save the report as PDF</source>
        <translation>Lưu báo cáo dạng PDF</translation>
    </message>
    <message>
        <source>Save the report as Excel</source>
        <translation>Lưu báo cáo dạng Excel</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>Đã lưu {path}</translation>
    </message>
</context>
</TS>
