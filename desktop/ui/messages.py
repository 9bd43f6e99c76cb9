"""The one table that words coded refusals (``desktop.core.problems.CodedError``) and
validation codes in the window's language.

A code is looked up when the message is shown, so it follows the language loaded at start-up;
an error without a code (a bug, or a message not yet coded) is shown as it is.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.core.problems import CodedError

translate = QCoreApplication.translate  # translate("messages", "…"): lupdate finds the literal


def _texts() -> dict[str, str]:
    return {
        # fields (new event, session, PIN, passphrase)
        "required": translate("messages", "必須填寫"),
        "name_required": translate("messages", "請輸入姓名"),
        "field_too_long": translate("messages", "{field}內容過長（{length} 字，上限 {limit} 字）"),
        "too_long": translate("messages", "最多 {n} 個字元"),
        "too_short": translate("messages", "至少需要 {n} 個字元"),
        "common": translate("messages", "太常見、容易被猜中，請換一句較長的話"),
        "whitespace": translate("messages", "不可包含空白"),
        "mismatch": translate("messages", "兩次輸入不一致"),
        "before_start": translate("messages", "必須晚於開始時間"),
        "too_small": translate("messages", "至少為 1"),
        "over_capacity": translate("messages", "不能大於名額"),
        "duplicate": translate("messages", "已有同名的場次"),
        # passphrase, PIN, ID numbers
        "bad_parameters": translate("messages", "PIN 設定參數不正確"),
        "wrong_pin": translate("messages", "目前的 PIN 不正確"),
        "bad_hash": translate("messages", "儲存的 PIN 無法辨識，請重新設定 PIN"),
        "wrong_passphrase": translate("messages", "主辦密語不正確"),
        "wrong_current_passphrase": translate("messages", "原密語不正確"),
        "no_passphrase": translate("messages", "這個活動尚未設定主辦密語"),
        "no_event": translate("messages", "找不到活動 #{id}"),
        "no_event_in_database": translate("messages", "資料庫中沒有活動"),
        "no_attendee": translate("messages", "找不到這位學員 #{id}"),
        "no_session": translate("messages", "找不到場次 #{id}"),
        "id_unrecognised": translate("messages", "身分證字號無法辨識"),
        "no_id_number": translate("messages", "這位學員沒有可顯示的身分證字號"),
        "no_id_key": translate("messages", "活動沒有加密身分證字號的金鑰，請先設定主辦密語"),
        # backups
        "folder_not_writable": translate("messages", "無法寫入備份資料夾：{path}（{detail}）"),
        "database_missing": translate("messages", "找不到資料庫檔案：{path}"),
        "target_is_database": translate("messages", "備份檔不可以是資料庫本身：{path}"),
        "target_is_folder": translate("messages", "備份目標是資料夾，請給檔名，例如 {example}"),
        "target_exists": translate("messages", "備份目標已存在，且不是研習報到台的備份，未覆寫：{path}"),
        "backup_damaged": translate("messages", "備份檢查失敗，資料庫可能已損毀：{detail}"),
        "backup_failed": translate("messages", "無法備份：{path}（{detail}）"),
        "backup_missing": translate("messages", "找不到備份檔：{path}"),
        "backup_unreadable": translate("messages", "無法讀取備份檔，未還原（{detail}）"),
        "backup_file_damaged": translate("messages", "備份檔已損毀，未還原：{path}（{detail}）"),
        "not_ours": translate("messages", "這不是研習報到台的資料庫：{path}"),
        "backup_is_database": translate("messages", "備份檔就是目前的資料庫"),
        "restore_failed": translate("messages", "無法還原（{detail}）"),
        # check-in log
        "registration_other_session": translate("messages", "這份報名不屬於本場次"),
        "not_found": translate("messages", "找不到報到紀錄 #{id}"),
        "not_voidable": translate("messages", "紀錄 #{id} 是一筆作廢紀錄，不能再作廢"),
        "already_voided": translate("messages", "紀錄 #{id} 已經作廢過了"),
        "reason_required": translate("messages", "請輸入原因"),
        # agenda timer
        "wrong_state": translate("messages", "目前的計時狀態無法執行這個動作"),
        "unknown_block": translate("messages", "議程中沒有這個段落"),
        "empty_agenda": translate("messages", "議程是空的，沒有可開始的段落"),
        "finished": translate("messages", "今天的議程已經結束"),
        "no_previous": translate("messages", "沒有上一個段落可回到"),
        "no_tables": translate("messages", "這個場次沒有桌次，無法排小組報告順序"),
        "bad_slot": translate("messages", "每桌報告時間必須大於 0"),
        "no_queue": translate("messages", "目前沒有進行中的小組報告"),
        "queue_start": translate("messages", "已經是第一桌"),
        "unknown_table": translate("messages", "報告順序中沒有第 {n} 桌"),
        "already_reported": translate("messages", "已報告或正在報告的桌次不能移動"),
    }


def code_text(code: str, **params: object) -> str | None:
    """The sentence for ``code`` in the window's language, or None for an unknown code."""
    text = _texts().get(code)
    return None if text is None else text.format(**params)


def error_text(exc: BaseException) -> str:
    """What to show for a refusal: its code worded in the window's language."""
    if isinstance(exc, CodedError):
        text = code_text(exc.code, **exc.params)
        if text is not None:
            return text
    return str(exc)
