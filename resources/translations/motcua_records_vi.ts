<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi" sourcelanguage="en">
<context>
    <name>ActDialog</name>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Dossier {code} — {name}</source>
        <translation>Hồ sơ {code} — {name}</translation>
    </message>
    <message>
        <source>Print «{form}» after saving</source>
        <translation>In «{form}» sau khi lưu</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Đang lưu…</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Lý do:</translation>
    </message>
    <message>
        <source>Write the reason.</source>
        <translation>Hãy ghi lý do.</translation>
    </message>
</context>
<context>
    <name>AddUserDialog</name>
    <message>
        <source>Add a user</source>
        <translation>Thêm người dùng</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>e.g. tiepnhan3 (a–z, 0–9, . _ -)</source>
        <translation>ví dụ tiepnhan3 (a–z, 0–9, . _ -)</translation>
    </message>
    <message>
        <source>Username:</source>
        <translation>Tên đăng nhập:</translation>
    </message>
    <message>
        <source>Full name:</source>
        <translation>Họ và tên:</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>Vai trò:</translation>
    </message>
    <message>
        <source>Unit:</source>
        <translation>Đơn vị:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Mật khẩu:</translation>
    </message>
    <message>
        <source>Password again:</source>
        <translation>Nhập lại mật khẩu:</translation>
    </message>
    <message>
        <source>Type a username.</source>
        <translation>Hãy nhập tên đăng nhập.</translation>
    </message>
    <message>
        <source>Type the person&apos;s full name.</source>
        <translation>Hãy nhập họ và tên.</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <source>Backups</source>
        <translation>Sao lưu</translation>
    </message>
    <message>
        <source>Signed in as {name}. Only an administrator manages users.</source>
        <translation>Đang đăng nhập: {name}. Chỉ quản trị viên quản lý người dùng.</translation>
    </message>
    <message>
        <source>Un&amp;lock account</source>
        <translation>&amp;Mở khóa tài khoản</translation>
    </message>
    <message>
        <source>&amp;Lock account</source>
        <translation>&amp;Khóa tài khoản</translation>
    </message>
    <message>
        <source>{username} may sign in again.</source>
        <translation>{username} đã được mở khóa, có thể đăng nhập lại.</translation>
    </message>
    <message>
        <source>{username} is locked: they can no longer sign in. Their acts stay.</source>
        <translation>Đã khóa {username}: không đăng nhập được nữa. Các thao tác đã làm vẫn được giữ nguyên.</translation>
    </message>
    <message>
        <source>Added {name} ({username}).</source>
        <translation>Đã thêm {name} ({username}).</translation>
    </message>
    <message>
        <source>The password of {username} was changed.</source>
        <translation>Mật khẩu của {username} đã được đổi.</translation>
    </message>
    <message>
        <source>Administration</source>
        <translation>Quản trị</translation>
    </message>
    <message>
        <source>Users and roles</source>
        <translation>Người dùng và vai trò</translation>
    </message>
    <message>
        <source>Change &amp;my password…</source>
        <translation>Đổi &amp;mật khẩu của tôi…</translation>
    </message>
    <message>
        <source>&amp;Reset password…</source>
        <translation>Đặt &amp;lại mật khẩu…</translation>
    </message>
    <message>
        <source>&amp;Add user…</source>
        <translation>&amp;Thêm người dùng…</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Cấu hình</translation>
    </message>
    <message>
        <source>&amp;Undo changes</source>
        <translation>&amp;Hoàn tác</translation>
    </message>
    <message>
        <source>&amp;Save settings</source>
        <translation>&amp;Lưu cấu hình</translation>
    </message>
</context>
<context>
    <name>ApologyDialog</name>
    <message>
        <source>Apology and new appointment</source>
        <translation>Xin lỗi và hẹn lại ngày trả kết quả</translation>
    </message>
    <message>
        <source>Why the dossier is late</source>
        <translation>Lý do hồ sơ bị chậm</translation>
    </message>
    <message>
        <source> working days</source>
        <translation> ngày làm việc</translation>
    </message>
    <message>
        <source>Responsible unit:</source>
        <translation>Đơn vị chịu trách nhiệm:</translation>
    </message>
    <message>
        <source>Extra time:</source>
        <translation>Gia hạn thêm:</translation>
    </message>
    <message>
        <source>New appointment:</source>
        <translation>Hẹn trả mới:</translation>
    </message>
    <message>
        <source>Write the unit responsible for the delay.</source>
        <translation>Hãy ghi đơn vị để hồ sơ bị chậm.</translation>
    </message>
</context>
<context>
    <name>CalendarTab</name>
    <message>
        <source>{days_off} days off and {saturdays} working Saturdays in {year}.</source>
        <translation>Năm {year} có {days_off} ngày nghỉ và {saturdays} ngày thứ Bảy làm việc.</translation>
    </message>
    <message>
        <source>Saved. New deadlines use this calendar.</source>
        <translation>Đã lưu. Các hạn giải quyết tính từ nay theo lịch này.</translation>
    </message>
</context>
<context>
    <name>CatalogPage</name>
    <message>
        <source>Importing {name}…</source>
        <translation>Đang nhập {name}…</translation>
    </message>
    <message>
        <source>Saved procedure {code}.</source>
        <translation>Đã lưu thủ tục {code}.</translation>
    </message>
    <message>
        <source>Import a catalog</source>
        <translation>Nhập danh mục thủ tục</translation>
    </message>
    <message>
        <source>Catalog files ({patterns})</source>
        <translation>Tệp danh mục ({patterns})</translation>
    </message>
    <message>
        <source>Export the catalog</source>
        <translation>Xuất danh mục thủ tục</translation>
    </message>
    <message>
        <source>Imported: {added} new procedures, {updated} updated.</source>
        <translation>Đã nhập: {added} thủ tục mới, {updated} thủ tục cập nhật.</translation>
    </message>
    <message>
        <source>{count} rows with errors were skipped.</source>
        <translation>Bỏ qua {count} dòng lỗi.</translation>
    </message>
    <message>
        <source>Exported {count} procedures to {path}.</source>
        <translation>Đã xuất {count} thủ tục ra tệp {path}.</translation>
    </message>
    <message>
        <source>Catalog</source>
        <translation>Danh mục</translation>
    </message>
    <message>
        <source>Procedures</source>
        <translation>Thủ tục</translation>
    </message>
    <message>
        <source>Search code or name, with or without diacritics</source>
        <translation>Tìm theo mã hoặc tên thủ tục, gõ có dấu hoặc không dấu</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Sửa…</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Nhập từ tệp…</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>&amp;Xuất ra tệp…</translation>
    </message>
    <message>
        <source>Rows the import could not read</source>
        <translation>Các dòng không nhập được</translation>
    </message>
    <message>
        <source>Import the valid rows, skip the others</source>
        <translation>Nhập các dòng hợp lệ, bỏ qua dòng lỗi</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Working calendar</source>
        <translation>Lịch làm việc</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>&amp;Năm:</translation>
    </message>
    <message>
        <source>Change one day</source>
        <translation>Điều chỉnh một ngày</translation>
    </message>
    <message>
        <source>Note: the notice that announced it</source>
        <translation>Ghi chú: văn bản thông báo</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Thêm</translation>
    </message>
    <message>
        <source>&amp;Remove selected</source>
        <translation>&amp;Bỏ ngày đã chọn</translation>
    </message>
</context>
<context>
    <name>DossierListPage</name>
    <message>
        <source>All</source>
        <translation>Tất cả</translation>
    </message>
    <message>
        <source>Open (processing or waiting)</source>
        <translation>Đang mở (đang giải quyết, chờ bổ sung)</translation>
    </message>
    <message>
        <source>All fields</source>
        <translation>Mọi lĩnh vực</translation>
    </message>
    <message>
        <source>All channels</source>
        <translation>Mọi kênh</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Đang xuất…</translation>
    </message>
    <message>
        <source>The end date is before the start date.</source>
        <translation>Ngày kết thúc trước ngày bắt đầu.</translation>
    </message>
    <message>
        <source>Export the list</source>
        <translation>Xuất danh sách hồ sơ</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Bảng tính Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Exporting… {rows} dossiers written</source>
        <translation>Đang xuất… đã ghi {rows} hồ sơ</translation>
    </message>
    <message>
        <source>Exported {count} dossiers to {path}.</source>
        <translation>Đã xuất {count} hồ sơ ra tệp {path}.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Đang tải…</translation>
    </message>
    <message>
        <source>{count} dossiers</source>
        <translation>{count} hồ sơ</translation>
    </message>
    <message>
        <source>Dossiers</source>
        <translation>Hồ sơ</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>&amp;Trạng thái:</translation>
    </message>
    <message>
        <source>&amp;Field:</source>
        <translation>&amp;Lĩnh vực:</translation>
    </message>
    <message>
        <source>C&amp;hannel:</source>
        <translation>&amp;Kênh:</translation>
    </message>
    <message>
        <source>Received &amp;from</source>
        <translation>Nhận &amp;từ ngày</translation>
    </message>
    <message>
        <source>&amp;to</source>
        <translation>đế&amp;n ngày</translation>
    </message>
    <message>
        <source>&amp;Late only</source>
        <translation>Chỉ hồ sơ t&amp;rễ hạn</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Bỏ lọc</translation>
    </message>
    <message>
        <source>&amp;Export to Excel…</source>
        <translation>&amp;Xuất Excel…</translation>
    </message>
</context>
<context>
    <name>DossierPage</name>
    <message>
        <source>{status} — late</source>
        <translation>{status} — trễ hạn</translation>
    </message>
    <message>
        <source>{status} — needs review</source>
        <translation>{status} — cần rà soát</translation>
    </message>
    <message>
        <source>none</source>
        <translation>không có</translation>
    </message>
    <message>
        <source>{person} ({unit})</source>
        <translation>{person} ({unit})</translation>
    </message>
    <message>
        <source>Supplements received. New appointment: {time}.</source>
        <translation>Đã nhận hồ sơ bổ sung. Hẹn trả mới: {time}.</translation>
    </message>
    <message>
        <source>Apology recorded. New appointment: {time}.</source>
        <translation>Đã ghi văn bản xin lỗi. Hẹn trả mới: {time}.</translation>
    </message>
    <message>
        <source>Saved: {status}.</source>
        <translation>Đã lưu: {status}.</translation>
    </message>
    <message>
        <source>Dossier</source>
        <translation>Hồ sơ</translation>
    </message>
    <message>
        <source>Scan or search for a dossier code to open it here.</source>
        <translation>Quét mã hoặc tìm mã hồ sơ để mở hồ sơ tại đây.</translation>
    </message>
    <message>
        <source>Print control slip</source>
        <translation>In phiếu &amp;kiểm soát</translation>
    </message>
    <message>
        <source>Print receipt</source>
        <translation>In giấy tiếp nhậ&amp;n</translation>
    </message>
    <message>
        <source>Procedure:</source>
        <translation>Thủ tục:</translation>
    </message>
    <message>
        <source>Applicant:</source>
        <translation>Người nộp:</translation>
    </message>
    <message>
        <source>Received:</source>
        <translation>Ngày nhận:</translation>
    </message>
    <message>
        <source>Appointment:</source>
        <translation>Hẹn trả:</translation>
    </message>
    <message>
        <source>New date (apology):</source>
        <translation>Hẹn lại (xin lỗi):</translation>
    </message>
    <message>
        <source>Held by:</source>
        <translation>Người đang giữ:</translation>
    </message>
    <message>
        <source>Channel:</source>
        <translation>Kênh nộp:</translation>
    </message>
    <message>
        <source>Hand over…</source>
        <translation>&amp;Chuyển hồ sơ…</translation>
    </message>
    <message>
        <source>Request supplements…</source>
        <translation>&amp;Yêu cầu bổ sung…</translation>
    </message>
    <message>
        <source>Receive supplements…</source>
        <translation>Nhận &amp;bổ sung…</translation>
    </message>
    <message>
        <source>Record result…</source>
        <translation>&amp;Ghi nhận kết quả…</translation>
    </message>
    <message>
        <source>Return result…</source>
        <translation>&amp;Trả kết quả…</translation>
    </message>
    <message>
        <source>Satisfaction…</source>
        <translation>&amp;Mức độ hài lòng…</translation>
    </message>
    <message>
        <source>Apology and new date…</source>
        <translation>&amp;Xin lỗi, hẹn lại…</translation>
    </message>
    <message>
        <source>Refuse…</source>
        <translation>Từ c&amp;hối…</translation>
    </message>
    <message>
        <source>Withdraw…</source>
        <translation>&amp;Rút hồ sơ…</translation>
    </message>
    <message>
        <source>Stop…</source>
        <translation>&amp;Dừng giải quyết…</translation>
    </message>
    <message>
        <source>Control slip — the dossier&apos;s timeline</source>
        <translation>Phiếu kiểm soát — quá trình giải quyết hồ sơ</translation>
    </message>
</context>
<context>
    <name>DossierTableModel</name>
    <message>
        <source>Code</source>
        <translation>Mã hồ sơ</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>Người nộp</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>Thủ tục</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Lĩnh vực</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kênh</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Ngày nhận</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>Hẹn trả</translation>
    </message>
    <message>
        <source>Held by</source>
        <translation>Người giữ</translation>
    </message>
    <message>
        <source>{status}, late</source>
        <translation>{status}, trễ hạn</translation>
    </message>
</context>
<context>
    <name>HandOverDialog</name>
    <message>
        <source>Hand over the dossier</source>
        <translation>Chuyển hồ sơ</translation>
    </message>
    <message>
        <source>— choose who receives it —</source>
        <translation>— chọn người nhận —</translation>
    </message>
    <message>
        <source>{name} — {unit}</source>
        <translation>{name} — {unit}</translation>
    </message>
    <message>
        <source>no step deadline</source>
        <translation>không đặt hạn bước</translation>
    </message>
    <message>
        <source> working days</source>
        <translation> ngày làm việc</translation>
    </message>
    <message>
        <source>Note for the receiver (optional)</source>
        <translation>Ghi chú cho người nhận (không bắt buộc)</translation>
    </message>
    <message>
        <source>Hand over to:</source>
        <translation>Chuyển cho:</translation>
    </message>
    <message>
        <source>Time for this step:</source>
        <translation>Thời hạn bước này:</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Ghi chú:</translation>
    </message>
    <message>
        <source>Choose who receives the dossier.</source>
        <translation>Hãy chọn người nhận hồ sơ.</translation>
    </message>
</context>
<context>
    <name>OverrideTableModel</name>
    <message>
        <source>Day off</source>
        <translation>Ngày nghỉ</translation>
    </message>
    <message>
        <source>Working day</source>
        <translation>Ngày làm việc (làm bù)</translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>Thứ Hai</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>Thứ Ba</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>Thứ Tư</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>Thứ Năm</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>Thứ Sáu</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>Thứ Bảy</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>Chủ nhật</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Weekday</source>
        <translation>Thứ</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Điều chỉnh</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>New password for {user}</source>
        <translation>Mật khẩu mới cho {user}</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>New password:</source>
        <translation>Mật khẩu mới:</translation>
    </message>
    <message>
        <source>Password again:</source>
        <translation>Nhập lại mật khẩu:</translation>
    </message>
</context>
<context>
    <name>PasswordRules</name>
    <message>
        <source>The password needs at least {n} characters.</source>
        <translation>Mật khẩu cần ít nhất {n} ký tự.</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Hai mật khẩu không giống nhau.</translation>
    </message>
</context>
<context>
    <name>ProcedureDialog</name>
    <message>
        <source>Procedure {code}</source>
        <translation>Thủ tục {code}</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>Chưa có</translation>
    </message>
    <message>
        <source>Working days</source>
        <translation>Ngày làm việc</translation>
    </message>
    <message>
        <source>Working hours</source>
        <translation>Giờ làm việc</translation>
    </message>
    <message>
        <source>Same day</source>
        <translation>Trong ngày</translation>
    </message>
    <message>
        <source>in đồng; empty when not stated</source>
        <translation>tính bằng đồng; để trống nếu không quy định</translation>
    </message>
    <message>
        <source>One per line: name | originals | copies | nộp or xuất trình</source>
        <translation>Mỗi dòng một thành phần: tên | số bản chính | số bản sao | nộp hoặc xuất trình</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>cut-off</source>
        <translation>giờ chốt</translation>
    </message>
    <message>
        <source>Code:</source>
        <translation>Mã:</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Tên:</translation>
    </message>
    <message>
        <source>Field:</source>
        <translation>Lĩnh vực:</translation>
    </message>
    <message>
        <source>Level:</source>
        <translation>Cấp thực hiện:</translation>
    </message>
    <message>
        <source>Processing time:</source>
        <translation>Thời hạn giải quyết:</translation>
    </message>
    <message>
        <source>Fee:</source>
        <translation>Lệ phí:</translation>
    </message>
    <message>
        <source>Fee amount:</source>
        <translation>Số tiền lệ phí:</translation>
    </message>
    <message>
        <source>Unit in charge:</source>
        <translation>Bộ phận phụ trách:</translation>
    </message>
    <message>
        <source>Components:</source>
        <translation>Thành phần hồ sơ:</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Ghi chú:</translation>
    </message>
</context>
<context>
    <name>ProcedureTableModel</name>
    <message>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>Tên thủ tục</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Lĩnh vực</translation>
    </message>
    <message>
        <source>Processing time</source>
        <translation>Thời hạn giải quyết</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>Lệ phí</translation>
    </message>
    <message>
        <source>Unit in charge</source>
        <translation>Bộ phận phụ trách</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>chưa có</translation>
    </message>
</context>
<context>
    <name>ReceiveSupplementDialog</name>
    <message>
        <source>Receive supplements</source>
        <translation>Nhận hồ sơ bổ sung</translation>
    </message>
    <message>
        <source>New appointment: {time}</source>
        <translation>Hẹn trả mới: {time}</translation>
    </message>
    <message>
        <source>What was received (optional)</source>
        <translation>Đã nhận những gì (không bắt buộc)</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Ghi chú:</translation>
    </message>
</context>
<context>
    <name>RecordResultDialog</name>
    <message>
        <source>Record the result</source>
        <translation>Ghi nhận kết quả giải quyết</translation>
    </message>
    <message>
        <source>The result was digitised (scanned and signed)</source>
        <translation>Kết quả đã được số hóa (quét và ký số)</translation>
    </message>
    <message>
        <source>Decision number, remarks (optional)</source>
        <translation>Số quyết định, ghi chú (không bắt buộc)</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Ghi chú:</translation>
    </message>
</context>
<context>
    <name>RecordsCommon</name>
    <message>
        <source>… and {n} more errors.</source>
        <translation>… và {n} lỗi khác.</translation>
    </message>
    <message>
        <source>Could not finish</source>
        <translation>Chưa thực hiện được</translation>
    </message>
    <message>
        <source>Receipt and appointment slip</source>
        <translation>Giấy tiếp nhận hồ sơ và hẹn trả kết quả</translation>
    </message>
    <message>
        <source>Request for supplements</source>
        <translation>Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ</translation>
    </message>
    <message>
        <source>Refusal slip</source>
        <translation>Phiếu từ chối giải quyết hồ sơ</translation>
    </message>
    <message>
        <source>Apology and new appointment</source>
        <translation>Xin lỗi và hẹn lại ngày trả kết quả</translation>
    </message>
    <message>
        <source>Proposal to stop processing</source>
        <translation>Phiếu đề nghị dừng giải quyết hồ sơ</translation>
    </message>
    <message>
        <source>Control slip</source>
        <translation>Phiếu kiểm soát quá trình giải quyết hồ sơ</translation>
    </message>
</context>
<context>
    <name>RefuseDialog</name>
    <message>
        <source>Refuse the dossier</source>
        <translation>Từ chối hồ sơ</translation>
    </message>
    <message>
        <source>The legal ground for refusing</source>
        <translation>Căn cứ pháp lý của việc từ chối</translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <source>Return the result</source>
        <translation>Trả kết quả</translation>
    </message>
    <message>
        <source>At the counter</source>
        <translation>Tại quầy</translation>
    </message>
    <message>
        <source>By post</source>
        <translation>Qua bưu chính</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Trực tuyến</translation>
    </message>
    <message>
        <source>— not asked —</source>
        <translation>— chưa hỏi —</translation>
    </message>
    <message>
        <source>Handed to:</source>
        <translation>Người nhận kết quả:</translation>
    </message>
    <message>
        <source>How:</source>
        <translation>Hình thức trả:</translation>
    </message>
    <message>
        <source>Satisfaction:</source>
        <translation>Mức độ hài lòng:</translation>
    </message>
    <message>
        <source>Write who receives the result.</source>
        <translation>Hãy ghi người nhận kết quả.</translation>
    </message>
</context>
<context>
    <name>ReturnPage</name>
    <message>
        <source>{count} results waiting</source>
        <translation>{count} kết quả chờ trả</translation>
    </message>
    <message>
        <source>Return results</source>
        <translation>Trả kết quả</translation>
    </message>
    <message>
        <source>Results ready to hand back, the longest waiting first. Choose one, then «Return result…».</source>
        <translation>Các kết quả chờ trả, hồ sơ chờ lâu nhất ở trên cùng. Chọn một hồ sơ rồi bấm «Trả kết quả…».</translation>
    </message>
    <message>
        <source>&amp;Open dossier</source>
        <translation>&amp;Mở hồ sơ</translation>
    </message>
    <message>
        <source>&amp;Return result…</source>
        <translation>&amp;Trả kết quả…</translation>
    </message>
</context>
<context>
    <name>SatisfactionDialog</name>
    <message>
        <source>Applicant&apos;s satisfaction</source>
        <translation>Mức độ hài lòng của người nộp</translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation>— chọn —</translation>
    </message>
    <message>
        <source>Satisfaction:</source>
        <translation>Mức độ hài lòng:</translation>
    </message>
    <message>
        <source>Choose how satisfied the applicant is.</source>
        <translation>Hãy chọn mức độ hài lòng của người nộp.</translation>
    </message>
</context>
<context>
    <name>SettingsForm</name>
    <message>
        <source>This value is not valid.</source>
        <translation>Giá trị này không hợp lệ.</translation>
    </message>
    <message>
        <source>Saved {count} settings.</source>
        <translation>Đã lưu {count} mục cấu hình.</translation>
    </message>
</context>
<context>
    <name>StopDialog</name>
    <message>
        <source>Stop processing the dossier</source>
        <translation>Dừng giải quyết hồ sơ</translation>
    </message>
    <message>
        <source>Why processing stops</source>
        <translation>Lý do dừng giải quyết</translation>
    </message>
</context>
<context>
    <name>SupplementRequestDialog</name>
    <message>
        <source>Request supplements</source>
        <translation>Yêu cầu bổ sung hồ sơ</translation>
    </message>
    <message>
        <source>Other documents to add, one per line</source>
        <translation>Giấy tờ khác cần bổ sung, mỗi dòng một loại</translation>
    </message>
    <message>
        <source>Why the dossier is incomplete (printed on the request)</source>
        <translation>Lý do hồ sơ chưa đầy đủ (in trên phiếu yêu cầu)</translation>
    </message>
    <message>
        <source>Who the applicant can ask (optional)</source>
        <translation>Người dân liên hệ ai khi cần (không bắt buộc)</translation>
    </message>
    <message>
        <source>Documents to supplement:</source>
        <translation>Thành phần cần bổ sung:</translation>
    </message>
    <message>
        <source>Other documents:</source>
        <translation>Giấy tờ khác:</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Lý do:</translation>
    </message>
    <message>
        <source>Contact:</source>
        <translation>Liên hệ:</translation>
    </message>
    <message>
        <source>Tick or type every document the applicant must add (all at once).</source>
        <translation>Hãy đánh dấu hoặc ghi mọi giấy tờ người dân phải bổ sung (một lần đầy đủ).</translation>
    </message>
    <message>
        <source>Write the reason the dossier is incomplete.</source>
        <translation>Hãy ghi lý do hồ sơ chưa đầy đủ.</translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <source>Received</source>
        <translation>Tiếp nhận</translation>
    </message>
    <message>
        <source>Handed over</source>
        <translation>Chuyển hồ sơ</translation>
    </message>
    <message>
        <source>Supplements requested</source>
        <translation>Yêu cầu bổ sung</translation>
    </message>
    <message>
        <source>Supplements received</source>
        <translation>Nhận bổ sung</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Từ chối</translation>
    </message>
    <message>
        <source>Result ready</source>
        <translation>Có kết quả</translation>
    </message>
    <message>
        <source>Result returned</source>
        <translation>Trả kết quả</translation>
    </message>
    <message>
        <source>Apology, new appointment</source>
        <translation>Xin lỗi, hẹn lại</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Rút hồ sơ</translation>
    </message>
    <message>
        <source>Processing stopped</source>
        <translation>Dừng giải quyết</translation>
    </message>
    <message>
        <source>Satisfaction recorded</source>
        <translation>Ghi nhận mức độ hài lòng</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Thời gian</translation>
    </message>
    <message>
        <source>Act</source>
        <translation>Thao tác</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Người thực hiện</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <source>at the counter</source>
        <translation>tại quầy</translation>
    </message>
    <message>
        <source>by post</source>
        <translation>qua bưu chính</translation>
    </message>
    <message>
        <source>online</source>
        <translation>trực tuyến</translation>
    </message>
    <message>
        <source>{procedure}; appointment {time}</source>
        <translation>{procedure}; hẹn trả {time}</translation>
    </message>
    <message>
        <source>To {person} ({unit})</source>
        <translation>Cho {person} ({unit})</translation>
    </message>
    <message>
        <source>; step due {time}</source>
        <translation>; hạn bước {time}</translation>
    </message>
    <message>
        <source>{items}. Reason: {reason}</source>
        <translation>{items}. Lý do: {reason}</translation>
    </message>
    <message>
        <source>New appointment {time}</source>
        <translation>Hẹn trả mới {time}</translation>
    </message>
    <message>
        <source>Digitised</source>
        <translation>Đã số hóa</translation>
    </message>
    <message>
        <source>Not digitised</source>
        <translation>Chưa số hóa</translation>
    </message>
    <message>
        <source>To {person}, {method}</source>
        <translation>Cho {person}, {method}</translation>
    </message>
    <message>
        <source>New appointment {time}; unit {unit}. Reason: {reason}</source>
        <translation>Hẹn trả mới {time}; đơn vị {unit}. Lý do: {reason}</translation>
    </message>
    <message>
        <source>{act} (needs review)</source>
        <translation>{act} (cần rà soát)</translation>
    </message>
</context>
<context>
    <name>UserTableModel</name>
    <message>
        <source>Username</source>
        <translation>Tên đăng nhập</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Vai trò</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Tài khoản</translation>
    </message>
    <message>
        <source>active</source>
        <translation>đang dùng</translation>
    </message>
    <message>
        <source>locked</source>
        <translation>đã khóa</translation>
    </message>
</context>
<context>
    <name>WithdrawDialog</name>
    <message>
        <source>The applicant withdraws the dossier</source>
        <translation>Người nộp rút hồ sơ</translation>
    </message>
    <message>
        <source>As the applicant&apos;s written request says</source>
        <translation>Theo đơn đề nghị rút hồ sơ của người nộp</translation>
    </message>
</context>
</TS>
