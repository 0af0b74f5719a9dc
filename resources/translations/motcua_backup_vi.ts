<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi" sourcelanguage="en">
<context>
    <name>BackupPanel</name>
    <message>
        <source>Unexpected error: {error}</source>
        <translation>Lỗi không mong đợi: {error}</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Sao lưu ngay</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>Kiểm tra</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>Khôi phục…</translation>
    </message>
    <message>
        <source>Choose folder…</source>
        <translation>Chọn thư mục…</translation>
    </message>
    <message>
        <source>Backup folder: {folder}</source>
        <translation>Thư mục sao lưu: {folder}</translation>
    </message>
    <message>
        <source>Backing up and verifying…</source>
        <translation>Đang sao lưu và kiểm tra…</translation>
    </message>
    <message>
        <source>Backed up and verified in {seconds} s ({size}): {path}</source>
        <translation>Đã sao lưu và kiểm tra trong {seconds} giây ({size}): {path}</translation>
    </message>
    <message>
        <source>Verifying…</source>
        <translation>Đang kiểm tra…</translation>
    </message>
    <message>
        <source>Another backup is in progress; try again once it ends.</source>
        <translation>Đang có một lần sao lưu khác; hãy thử lại khi lần đó xong.</translation>
    </message>
    <message>
        <source>The backup is whole: {path}</source>
        <translation>Bản sao lưu nguyên vẹn: {path}</translation>
    </message>
    <message>
        <source>Backup folder (for example on a USB disk)</source>
        <translation>Thư mục sao lưu (ví dụ trên ổ USB)</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>Khôi phục bản sao lưu</translation>
    </message>
    <message>
        <source>Replace the data of this PC with the backup of {when}? Acts recorded after it will no longer be in the database; the current database is kept aside first.</source>
        <translation>Thay dữ liệu của máy này bằng bản sao lưu lúc {when}? Các thao tác ghi sau thời điểm đó sẽ không còn trong cơ sở dữ liệu; cơ sở dữ liệu hiện tại được giữ lại riêng trước khi thay.</translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation>Đang khôi phục…</translation>
    </message>
    <message>
        <source>Restored {dossiers} dossiers from {path}.</source>
        <translation>Đã khôi phục {dossiers} hồ sơ từ {path}.</translation>
    </message>
    <message>
        <source>The previous database is kept at {path}.</source>
        <translation>Cơ sở dữ liệu trước đó được giữ tại {path}.</translation>
    </message>
</context>
<context>
    <name>BackupScheduler</name>
    <message>
        <source>The automatic backup failed: {error}</source>
        <translation>Sao lưu tự động không thành công: {error}</translation>
    </message>
</context>
<context>
    <name>BackupTableModel</name>
    <message>
        <source>On request</source>
        <translation>Theo yêu cầu</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>Hằng ngày</translation>
    </message>
    <message>
        <source>On exit</source>
        <translation>Khi thoát</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Thời điểm</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Dossiers</source>
        <translation>Hồ sơ</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Sự kiện</translation>
    </message>
    <message>
        <source>PDFs</source>
        <translation>Tệp PDF</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Dung lượng</translation>
    </message>
    <message>
        <source>{size} KB</source>
        <translation>{size} KB</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>The computer refused the operation</source>
        <translation>Máy tính không thực hiện được thao tác</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>Lỗi không mong đợi</translation>
    </message>
    <message>
        <source>The program met an unexpected error. Work already saved is safe: every act is written to the database before it is confirmed on screen.</source>
        <translation>Phần mềm gặp lỗi không mong đợi. Dữ liệu đã lưu vẫn an toàn: mỗi thao tác được ghi vào cơ sở dữ liệu trước khi báo xong trên màn hình.</translation>
    </message>
    <message>
        <source>The details were written to the log file:
{path}
Please send this file to whoever maintains the software.</source>
        <translation>Chi tiết lỗi đã được ghi vào tệp nhật ký:
{path}
Hãy gửi tệp này cho người bảo trì phần mềm.</translation>
    </message>
</context>
</TS>
