"""Outcomes (``desktop.core.outcomes``) and refusals (``desktop.core.problems.CodedError``) in
the window's language.

An outcome is translated when it is shown, so it follows the language loaded at start-up; an
error that is not a ``CodedError`` (a bug) is shown as it is.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication

from desktop.core.importing import FIELD_LABELS
from desktop.core.problems import OUTCOME_CONTEXT, CodedError, Outcome

translate = QCoreApplication.translate  # translate("messages", "…"): lupdate finds the literal


def _texts() -> dict[str, str]:
    return {
        # fields (new event, session, PIN, passphrase)
        # passphrase, PIN, ID numbers
        "bad_parameters": translate("messages", "PIN 設定參數不正確"),
        "wrong_pin": translate("messages", "目前的 PIN 不正確"),
        "bad_hash": translate("messages", "儲存的 PIN 無法辨識，請重新設定 PIN"),
        "wrong_current_passphrase": translate("messages", "原密語不正確"),
        "no_passphrase": translate("messages", "這個活動尚未設定主辦密語"),
        "no_event": translate("messages", "找不到活動 #{id}"),
        "no_event_in_database": translate("messages", "資料庫中沒有活動"),
        "no_attendee": translate("messages", "找不到這位學員 #{id}"),
        "no_id_number": translate("messages", "這位學員沒有可顯示的身分證字號"),
        # backups
        # every exported file (desktop.core.atomicfile, desktop.services.exports)
        # agenda timer
        # the database file and its folder
        # registrations and the roster
        # import files
        "bad_xlsx": translate("messages", "{file}：不是可讀的 XLSX 活頁簿"),
        # an agenda CSV (desktop.core.agenda_csv)
        # the venue server (desktop.server.runner)
        "image_too_large": translate("messages", "{path} 有 {mb} MB，超過 5 MB；請縮小圖檔"),
        "image_format": translate("messages", "{path} 是 {kind} 圖檔，請用 PNG 或 JPEG"),
        "image_size": translate(
            "messages", "{path} 為 {width}×{height} 像素，每邊須在 {low}–{high} 像素之間"
        ),
        "bad_certificate_text": translate(
            "messages", "證書文字無法使用：未知欄位或括號不成對；可用 {fields}"
        ),
        "bad_fallback_font": translate("messages", "備用字型無法使用：{detail}"),
        "certificates_no_agenda": translate(
            "messages",
            "{session}沒有人可發研習證明書：場次沒有計入時數的議程（在「議程」加入）；未產生任何檔案",
        ),
        "certificates_nobody_present": translate(
            "messages", "{session}沒有人可發研習證明書：還沒有人簽到；未產生任何檔案"
        ),
        "certificates_no_hours": translate(
            "messages", "{session}沒有人可發研習證明書：出席 {n} 人都沒有核給時數；未產生任何檔案"
        ),
        # import rows
        # hours, certificates, course fields, documents
        "policy_bad_step": translate("messages", "時數單位須為 0.5 或 1 小時（輸入 {value}）"),
        "policy_bad_missing_sign_out": translate(
            "messages", "未簽退的處理方式須為 {choices}（輸入 {value}）"
        ),
        "policy_negative": translate("messages", "時數規則 {key} 不可為負數"),
        "policy_unknown": translate("messages", "未知的時數規則設定：{keys}"),
        "policy_unreadable": translate("messages", "時數規則 {key} 無法讀取：{value}"),
        "no_registration": translate("messages", "找不到報名紀錄 #{id}"),
        "hours_out_of_range": translate(
            "messages", "時數須在 0 到課程時數 {limit} 小時之間（輸入 {hours}）"
        ),
        "hours_not_step": translate("messages", "時數須為 {step} 小時的倍數（輸入 {hours}）"),
        "setting_file_missing": translate("messages", "找不到檔案：{path}"),
        "not_an_image": translate("messages", "{path} 不是可讀取的圖片檔（PNG/JPEG）"),
        "bad_serial_pattern": translate("messages", "字號格式無法使用：{pattern}"),
        "serial_without_seq": translate("messages", "字號格式須含 {{seq}}：{pattern}"),
        "serial_taken": translate("messages", "字號重複：{serial}（請調整字號格式）"),
        "not_settable": translate("messages", "無法設定的欄位：{fields}"),
        "course_name_required": translate("messages", "課程名稱不可空白"),
        "unknown_setting": translate("messages", "未知的證書設定：{fields}"),
        "bad_city_code": translate("messages", "上課縣市代碼須為兩位數字（如 10 臺北市）：{value}"),
        "course_hours_too_long": translate(
            "messages", "課程時數 {hours} 小時超過場次時間 {longest} 小時（{span}）"
        ),
        # course fields the portal file needs
        "unknown_layout": translate("messages", "時數檔格式須為 full 或 opened（輸入 {value}）"),
        "missing_course_name": translate("messages", "課程名稱 未設定"),
        "missing_course_code": translate("messages", "課程代碼 未設定"),
        "missing_category_code": translate("messages", "課程類別代碼 未設定"),
        "missing_city_code": translate("messages", "上課縣市 未設定"),
        "missing_term": translate("messages", "期別 未設定"),
        "not_big5_course_name": translate("messages", "課程名稱 含 Big5 以外的字：{chars}"),
        "not_big5_course_code": translate("messages", "課程代碼 含 Big5 以外的字：{chars}"),
        "not_big5_category_code": translate("messages", "課程類別代碼 含 Big5 以外的字：{chars}"),
        "not_big5_term": translate("messages", "期別 含 Big5 以外的字：{chars}"),
        # people the portal file cannot take
        "id_missing": translate("messages", "未提供身分證字號"),
        "id_invalid": translate("messages", "身分證字號檢查碼或格式不符"),
        "not_big5": translate("messages", "含 Big5 以外的字「{chars}」，請於入口網站手動輸入"),
        "id_duplicate": translate("messages", "身分證字號與第 {row} 列 {name} 相同，只寫入一次"),
        # agenda editor
        # tables and seating
        "no_table": translate("messages", "找不到桌次 #{id}"),
        # sessions, the command line
        # the PB vote (the organiser's actions, then the phone page's refusals)
        # check-in outcomes (desktop.core.checkin.Code; the same sentences as its MESSAGES);
        # not_checked_in also answers a survey or vote by someone not checked in
        # the course questionnaire
    }


def field_label(field: str) -> str:
    """The window's name for an import field (``desktop.core.importing.FIELD_LABELS``)."""
    return translate("vocabulary", FIELD_LABELS[field])


def reasons_text(reasons: Sequence[str]) -> str:
    """A person's hours reasons (``desktop.core.hours.Reason`` codes) in the window's words."""
    labels = {
        "absent": translate("messages", "未出席"),
        "late_arrival": translate("messages", "遲到"),
        "early_leave": translate("messages", "早退"),
        "left_during": translate("messages", "中途離席"),
        "missing_sign_out": translate("messages", "未簽退"),
        "missing_sign_in": translate("messages", "未簽到"),
        "no_id": translate("messages", "無有效身分證字號"),
        "not_requested": translate("messages", "未申請時數"),
        "adjusted": translate("messages", "已調整"),
        "no_agenda": translate("messages", "無計時數議程"),
        "not_session_day": translate("messages", "非場次日期報到（不計時數）"),
    }
    return translate("messages", "、").join(labels.get(r, r) for r in reasons)


def rule_text(rule: str, schedule: str) -> str:
    """Which rule decided a person's hours (``desktop.core.hours.Rule``), and on which
    schedule, in the window's words: the review list's 依據 column."""
    rules = {
        "full_attendance": translate("messages", "全勤：核給課程時數"),
        "attended_time": translate("messages", "依在場時間計"),
        "absent": translate("messages", "未出席"),
        "no_agenda": translate("messages", "無計時數議程"),
        "adjusted": translate("messages", "人工調整"),
    }
    schedules = {
        "announced": translate("messages", "依公告時間"),
        "actual": translate("messages", "依實際時間"),
    }
    text = rules.get(rule, rule)
    if rule in ("full_attendance", "attended_time") and schedule in schedules:
        return translate("messages", "{rule}（{schedule}）").format(
            rule=text, schedule=schedules[schedule]
        )
    return text


def word(outcome: Outcome, **params: object) -> str:
    """``outcome``'s sentence in the window's language."""
    return translate(OUTCOME_CONTEXT, outcome.text).format(**params)


def code_text(code: str, **params: object) -> str | None:
    """The sentence for ``code`` in the window's language, or None for an unknown code."""
    return code_texts()(code, **params)


def code_texts() -> Callable[..., str | None]:
    """``code_text`` for many codes in a row (a preview's thousands of rows): the table of
    sentences is looked up in the window's language once."""
    texts = _texts()

    def word(code: str, **params: object) -> str | None:
        text = texts.get(code)
        return None if text is None else text.format(**params)

    return word


def error_text(exc: BaseException) -> str:
    """What to show for a refusal: its code (or each of its problems) worded in the window's
    language."""
    if isinstance(exc, CodedError):
        texts = [
            code_text(p.code, **p.params)
            if p.outcome.domain == "legacy"
            else word(p.outcome, **p.params)
            for p in exc.problems
        ]
        if None not in texts:
            return translate("messages", "；").join(str(t) for t in texts)
    return str(exc)
