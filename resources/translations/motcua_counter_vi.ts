<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi" sourcelanguage="en">
<context>
    <name>Actions</name>
    <message>
        <source>Today</source>
        <translation>Hôm nay</translation>
    </message>
    <message>
        <source>Intake</source>
        <translation>Tiếp nhận</translation>
    </message>
    <message>
        <source>Dossiers</source>
        <translation>Hồ sơ</translation>
    </message>
    <message>
        <source>Return results</source>
        <translation>Trả kết quả</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Báo cáo</translation>
    </message>
    <message>
        <source>Catalog</source>
        <translation>Danh mục</translation>
    </message>
    <message>
        <source>Administration</source>
        <translation>Quản trị</translation>
    </message>
    <message>
        <source>Find a dossier</source>
        <translation>Tìm hồ sơ</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Làm mới</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Đăng xuất</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Thoát</translation>
    </message>
</context>
<context>
    <name>ComponentModel</name>
    <message>
        <source>Received</source>
        <translation>Đã nhận</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Thành phần hồ sơ</translation>
    </message>
    <message>
        <source>Originals</source>
        <translation>Bản chính</translation>
    </message>
    <message>
        <source>Copies</source>
        <translation>Bản sao</translation>
    </message>
    <message>
        <source>Digitised</source>
        <translation>Đã số hóa</translation>
    </message>
    <message>
        <source>(shown) {name}</source>
        <translation>(xuất trình) {name}</translation>
    </message>
</context>
<context>
    <name>IntakeFields</name>
    <message>
        <source>Type the birth date as day/month/year, e.g. 02/03/1985.</source>
        <translation>Nhập ngày sinh theo dạng ngày/tháng/năm, ví dụ 02/03/1985.</translation>
    </message>
</context>
<context>
    <name>IntakePage</name>
    <message>
        <source>The draft could not be kept on disk: {reason}</source>
        <translation>Không lưu được bản nháp xuống đĩa: {reason}</translation>
    </message>
    <message>
        <source>A dossier was being entered when the program stopped ({at}, applicant «{name}»). Restore it?</source>
        <translation>Có một hồ sơ đang nhập dở khi chương trình dừng ({at}, người nộp «{name}»). Khôi phục lại?</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Khôi phục</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Bỏ bản nháp</translation>
    </message>
    <message>
        <source>Choose the procedure first.</source>
        <translation>Hãy chọn thủ tục trước.</translation>
    </message>
    <message>
        <source>Correct the fields marked ✖ before saving.</source>
        <translation>Hãy sửa các ô có dấu ✖ trước khi lưu.</translation>
    </message>
    <message>
        <source>Check the warnings (⚠) with the applicant, then tick the box to go on.</source>
        <translation>Hãy kiểm tra các cảnh báo (⚠) với người nộp, rồi đánh dấu ô xác nhận để tiếp tục.</translation>
    </message>
    <message>
        <source>Tick at least one document received.</source>
        <translation>Hãy đánh dấu ít nhất một thành phần hồ sơ đã nhận.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Đang lưu…</translation>
    </message>
    <message>
        <source>Dossier {code} saved; preparing the receipt…</source>
        <translation>Đã lưu hồ sơ {code}; đang chuẩn bị giấy tiếp nhận…</translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation>&amp;Thử lại</translation>
    </message>
    <message>
        <source>Save &amp;without printing</source>
        <translation>Lưu &amp;không in</translation>
    </message>
    <message>
        <source>Not saved: {reason} Everything you typed is still here.</source>
        <translation>Chưa lưu được: {reason} Mọi thông tin đã nhập vẫn còn nguyên.</translation>
    </message>
    <message>
        <source>Dossier {code} is saved, but its receipt was not printed: {reason}</source>
        <translation>Đã lưu hồ sơ {code} nhưng chưa in được giấy tiếp nhận: {reason}</translation>
    </message>
    <message>
        <source>&amp;Print again</source>
        <translation>&amp;In lại</translation>
    </message>
    <message>
        <source>Continue &amp;without printing</source>
        <translation>Tiếp tục &amp;không in</translation>
    </message>
    <message>
        <source>Dossier {code} received; its receipt is open for printing.</source>
        <translation>Đã tiếp nhận hồ sơ {code}; giấy tiếp nhận đang mở để in.</translation>
    </message>
    <message>
        <source>Dossier {code} received; receipt printed.</source>
        <translation>Đã tiếp nhận hồ sơ {code}; đã in giấy tiếp nhận.</translation>
    </message>
    <message>
        <source>Dossier {code} received.</source>
        <translation>Đã tiếp nhận hồ sơ {code}.</translation>
    </message>
    <message>
        <source>&amp;Open dossier</source>
        <translation>&amp;Mở hồ sơ</translation>
    </message>
    <message>
        <source>Type a procedure code or name, with or without diacritics</source>
        <translation>Gõ mã hoặc tên thủ tục, có dấu hoặc không dấu</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>Thủ tục</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>Người nộp hồ sơ</translation>
    </message>
    <message>
        <source>12 digits (CCCD) or 9 (old CMND)</source>
        <translation>12 chữ số (CCCD) hoặc 9 chữ số (CMND cũ)</translation>
    </message>
    <message>
        <source>dd/mm/yyyy</source>
        <translation>ngày/tháng/năm</translation>
    </message>
    <message>
        <source>(not stated)</source>
        <translation>(không khai)</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Nam</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Nữ</translation>
    </message>
    <message>
        <source>Sex:</source>
        <translation>Giới tính:</translation>
    </message>
    <message>
        <source>Full &amp;name:</source>
        <translation>&amp;Họ và tên:</translation>
    </message>
    <message>
        <source>&amp;ID number:</source>
        <translation>Số định &amp;danh:</translation>
    </message>
    <message>
        <source>&amp;Birth date:</source>
        <translation>Ngày &amp;sinh:</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>Đị&amp;a chỉ:</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>Điện th&amp;oại:</translation>
    </message>
    <message>
        <source>E-&amp;mail:</source>
        <translation>&amp;Email:</translation>
    </message>
    <message>
        <source>I have checked the warnings above with the applicant</source>
        <translation>Đã kiểm tra các cảnh báo trên với người nộp</translation>
    </message>
    <message>
        <source>Documents received</source>
        <translation>Thành phần hồ sơ đã nhận</translation>
    </message>
    <message>
        <source>Channel, fee and result</source>
        <translation>Kênh tiếp nhận, lệ phí, nhận kết quả</translation>
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
        <source>not recorded</source>
        <translation>chưa ghi</translation>
    </message>
    <message>
        <source>Result:</source>
        <translation>Nhận kết quả:</translation>
    </message>
    <message>
        <source>&amp;Paid:</source>
        <translation>&amp;Nộp phí:</translation>
    </message>
    <message>
        <source>Sets:</source>
        <translation>Số bộ:</translation>
    </message>
    <message>
        <source>&amp;Channel:</source>
        <translation>&amp;Kênh:</translation>
    </message>
    <message>
        <source>&amp;Fee:</source>
        <translation>&amp;Lệ phí:</translation>
    </message>
    <message>
        <source>N&amp;ote:</source>
        <translation>&amp;Ghi chú:</translation>
    </message>
    <message>
        <source>Clear form</source>
        <translation>Xóa trắng</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>Lưu (Ctrl+S)</translation>
    </message>
    <message>
        <source>Save and print receipt (Ctrl+Enter)</source>
        <translation>Lưu và in giấy hẹn (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>No procedure chosen yet.</source>
        <translation>Chưa chọn thủ tục.</translation>
    </message>
    <message>
        <source>{code} · {name} ({time})</source>
        <translation>{code} · {name} ({time})</translation>
    </message>
    <message>
        <source>no processing time in the catalog</source>
        <translation>danh mục chưa có thời hạn giải quyết</translation>
    </message>
    <message>
        <source>Appointment: choose a procedure first.</source>
        <translation>Hẹn trả kết quả: hãy chọn thủ tục trước.</translation>
    </message>
    <message>
        <source>Appointment if received now: {when}</source>
        <translation>Hẹn trả kết quả nếu nhận lúc này: {when}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>One-stop counter — {commune}</source>
        <translation>Một Cửa — {commune}</translation>
    </message>
    <message>
        <source>Your role cannot open this screen.</source>
        <translation>Vai trò của bạn không được mở màn hình này.</translation>
    </message>
    <message>
        <source>Dossier</source>
        <translation>Hồ sơ</translation>
    </message>
    <message>
        <source>It could not start ({kind}: {detail}).</source>
        <translation>Màn hình không khởi động được ({kind}: {detail}).</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>The database is busy (another program is writing to it). Nothing was saved; try again in a moment.</source>
        <translation>Cơ sở dữ liệu đang bận (có chương trình khác đang ghi). Chưa có gì được lưu; hãy thử lại sau giây lát.</translation>
    </message>
    <message>
        <source>The disk is full. Nothing was saved; free some space, then try again.</source>
        <translation>Ổ đĩa đã đầy. Chưa có gì được lưu; hãy giải phóng dung lượng rồi thử lại.</translation>
    </message>
    <message>
        <source>The data folder cannot be written to. Nothing was saved.</source>
        <translation>Không ghi được vào thư mục dữ liệu. Chưa có gì được lưu.</translation>
    </message>
    <message>
        <source>The database could not be used ({reason}). Nothing was saved.</source>
        <translation>Không dùng được cơ sở dữ liệu ({reason}). Chưa có gì được lưu.</translation>
    </message>
    <message>
        <source>The disk is full. Free some space, then try again.</source>
        <translation>Ổ đĩa đã đầy. Hãy giải phóng dung lượng rồi thử lại.</translation>
    </message>
    <message>
        <source>A file could not be written: {reason}</source>
        <translation>Không ghi được tệp: {reason}</translation>
    </message>
    <message>
        <source>Unexpected error ({kind}). Try again, or tell the administrator.</source>
        <translation>Lỗi không lường trước ({kind}). Hãy thử lại hoặc báo cho quản trị viên.</translation>
    </message>
</context>
<context>
    <name>PrintPreviewDialog</name>
    <message>
        <source>Xem trước khi in – {title}</source>
        <translation>Xem trước khi in – {title}</translation>
    </message>
    <message>
        <source>Xem trước khi in</source>
        <translation>Xem trước khi in</translation>
    </message>
    <message>
        <source>In…</source>
        <translation>In…</translation>
    </message>
    <message>
        <source>Chọn máy in, khoảng trang rồi in (Ctrl+P)</source>
        <translation>Chọn máy in, khoảng trang rồi in (Ctrl+P)</translation>
    </message>
    <message>
        <source>Đóng</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>In giấy tờ</source>
        <translation>In giấy tờ</translation>
    </message>
    <message>
        <source>Đã gửi {pages} trang tới máy in.</source>
        <translation>Đã gửi {pages} trang tới máy in.</translation>
    </message>
    <message>
        <source>Không mở được tệp «{path}»: {reason}</source>
        <translation>Không mở được tệp «{path}»: {reason}</translation>
    </message>
    <message>
        <source>Không đọc được giấy tờ này: tệp PDF bị hỏng hoặc không đúng định dạng. Hãy đóng cửa sổ và tạo lại giấy tờ từ hồ sơ.</source>
        <translation>Không đọc được giấy tờ này: tệp PDF bị hỏng hoặc không đúng định dạng. Hãy đóng cửa sổ và tạo lại giấy tờ từ hồ sơ.</translation>
    </message>
    <message>
        <source>Không có trang</source>
        <translation>Không có trang</translation>
    </message>
    <message>
        <source>Trang {current}/{total}</source>
        <translation>Trang {current}/{total}</translation>
    </message>
</context>
<context>
    <name>ReceiptPrinter</name>
    <message>
        <source>Receipt {code}</source>
        <translation>Giấy tiếp nhận {code}</translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <source>Find or scan: dossier code, ID number, phone or name (Ctrl+F)</source>
        <translation>Tìm hoặc quét: mã hồ sơ, số định danh, điện thoại hoặc họ tên (Ctrl+F)</translation>
    </message>
    <message>
        <source>No dossier matches «{text}».</source>
        <translation>Không có hồ sơ nào khớp «{text}».</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <source>System default printer</source>
        <translation>Máy in mặc định của hệ thống</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>Thư mục sao lưu</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Hai lần nhập mật khẩu không giống nhau.</translation>
    </message>
    <message>
        <source>Set up this counter PC</source>
        <translation>Cài đặt máy tính quầy</translation>
    </message>
    <message>
        <source>This PC has no data yet. Enter the commune&apos;s details, or start with the demo commune to try the app.</source>
        <translation>Máy này chưa có dữ liệu. Hãy nhập thông tin của xã, hoặc dùng xã mẫu để dùng thử.</translation>
    </message>
    <message>
        <source>Commune</source>
        <translation>Xã/phường</translation>
    </message>
    <message>
        <source>Commune &amp;name:</source>
        <translation>&amp;Tên xã/phường:</translation>
    </message>
    <message>
        <source>&amp;Unit code:</source>
        <translation>&amp;Mã đơn vị:</translation>
    </message>
    <message>
        <source>e.g. 000.00.20.H12</source>
        <translation>ví dụ 000.00.20.H12</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>Đị&amp;a chỉ:</translation>
    </message>
    <message>
        <source>&amp;Parent agency:</source>
        <translation>&amp;Cơ quan chủ quản:</translation>
    </message>
    <message>
        <source>&amp;Chairman (signer):</source>
        <translation>C&amp;hủ tịch UBND (người ký):</translation>
    </message>
    <message>
        <source>Printer, hub and backups</source>
        <translation>Máy in, máy chủ tổng hợp, sao lưu</translation>
    </message>
    <message>
        <source>P&amp;rinter:</source>
        <translation>Máy &amp;in:</translation>
    </message>
    <message>
        <source>Print receipts directly, without preview</source>
        <translation>In giấy tiếp nhận thẳng, không xem trước</translation>
    </message>
    <message>
        <source>&amp;Hub address:</source>
        <translation>Địa chỉ máy &amp;chủ tổng hợp:</translation>
    </message>
    <message>
        <source>https://… (leave empty to work offline only)</source>
        <translation>https://… (để trống nếu chỉ làm việc không kết nối)</translation>
    </message>
    <message>
        <source>&amp;Backup folder:</source>
        <translation>Thư mục &amp;sao lưu:</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <source>Administrator account (admin)</source>
        <translation>Tài khoản quản trị (admin)</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Mật &amp;khẩu:</translation>
    </message>
    <message>
        <source>Re&amp;peat password:</source>
        <translation>Nhập &amp;lại mật khẩu:</translation>
    </message>
    <message>
        <source>Use the &amp;demo commune</source>
        <translation>Dùng &amp;xã mẫu</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Thoát</translation>
    </message>
    <message>
        <source>&amp;Set up</source>
        <translation>&amp;Cài đặt</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Demo commune: every user&apos;s password is «{password}».</source>
        <translation>Xã mẫu: mật khẩu của mọi người dùng là «{password}».</translation>
    </message>
    <message>
        <source>{name} · {role}</source>
        <translation>{name} · {role}</translation>
    </message>
    <message>
        <source>Choose or type your user name.</source>
        <translation>Hãy chọn hoặc gõ tên đăng nhập.</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Đăng nhập</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Người dùng:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Mật khẩu:</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Thoát</translation>
    </message>
</context>
<context>
    <name>SyncStatusBar</name>
    <message>
        <source>Checking connection…</source>
        <translation>Đang kiểm tra kết nối…</translation>
    </message>
    <message>
        <source>Offline mode (no hub configured)</source>
        <translation>Làm việc không kết nối (chưa cấu hình máy chủ tổng hợp)</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Đã kết nối</translation>
    </message>
    <message>
        <source>Offline: the counter keeps working, events wait to be sent</source>
        <translation>Mất kết nối: quầy vẫn làm việc bình thường, dữ liệu chờ gửi</translation>
    </message>
    <message>
        <source>Nothing waiting to sync</source>
        <translation>Không còn dữ liệu chờ đồng bộ</translation>
    </message>
    <message>
        <source>{count} events waiting to sync</source>
        <translation>{count} sự kiện chờ đồng bộ</translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation>Chưa đồng bộ lần nào</translation>
    </message>
    <message>
        <source>Last sync: {time}</source>
        <translation>Đồng bộ lần cuối: {time}</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <source>Overdue</source>
        <translation>Quá hạn</translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>Đến hạn hôm nay</translation>
    </message>
    <message>
        <source>Due within 2 working days</source>
        <translation>Đến hạn trong 2 ngày làm việc</translation>
    </message>
    <message>
        <source>Waiting for supplements</source>
        <translation>Chờ bổ sung</translation>
    </message>
    <message>
        <source>Results to return</source>
        <translation>Có kết quả, chờ trả</translation>
    </message>
    <message>
        <source>Needs review</source>
        <translation>Cần xem xét</translation>
    </message>
    <message>
        <source>Today&apos;s work</source>
        <translation>Việc hôm nay</translation>
    </message>
    <message>
        <source>As of {time}</source>
        <translation>Cập nhật lúc {time}</translation>
    </message>
    <message>
        <source>Could not load today&apos;s lists: {reason}</source>
        <translation>Không tải được danh sách hôm nay: {reason}</translation>
    </message>
    <message>
        <source>{title}: {count} dossiers</source>
        <translation>{title}: {count} hồ sơ</translation>
    </message>
    <message>
        <source>{title}: {count} dossiers (the first {shown} shown)</source>
        <translation>{title}: {count} hồ sơ (hiện {shown} hồ sơ đầu)</translation>
    </message>
    <message>
        <source>Nothing here. Well done!</source>
        <translation>Không có hồ sơ nào. Tốt lắm!</translation>
    </message>
</context>
<context>
    <name>TodayTableModel</name>
    <message>
        <source>Dossier code</source>
        <translation>Mã hồ sơ</translation>
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
        <source>Appointment</source>
        <translation>Hẹn trả</translation>
    </message>
    <message>
        <source>Where it stands</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <source>{n} days</source>
        <translation>{n} ngày</translation>
    </message>
    <message>
        <source>{n} hours</source>
        <translation>{n} giờ</translation>
    </message>
    <message>
        <source>under an hour</source>
        <translation>dưới một giờ</translation>
    </message>
    <message>
        <source>Late by {amount}</source>
        <translation>Trễ hạn {amount}</translation>
    </message>
    <message>
        <source>Due in {amount}</source>
        <translation>Còn {amount}</translation>
    </message>
    <message>
        <source> · rescheduled to {when}</source>
        <translation> · đã hẹn lại {when}</translation>
    </message>
</context>
<context>
    <name>UnavailablePage</name>
    <message>
        <source>The screen «{title}» is not available in this version.</source>
        <translation>Màn hình «{title}» chưa có trong phiên bản này.</translation>
    </message>
    <message>
        <source>Every act remains available from the «motcua» command line.</source>
        <translation>Mọi thao tác vẫn làm được bằng dòng lệnh «motcua».</translation>
    </message>
</context>
<context>
    <name>print_pdf</name>
    <message>
        <source>máy in mặc định</source>
        <translation>máy in mặc định</translation>
    </message>
</context>
</TS>
