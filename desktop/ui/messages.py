"""Outcomes (``desktop.core.outcomes``) and refusals (``desktop.core.problems.CodedError``) in
the window's language.

An outcome is translated when it is shown, so it follows the language loaded at start-up; an
error that is not a ``CodedError`` (a bug) is shown as it is.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication

from desktop.core import hours
from desktop.core.problems import OUTCOME_CONTEXT, CodedError, Outcome
from desktop.core.vocabulary import CONTEXT as VOCABULARY

translate = QCoreApplication.translate  # translate("messages", "…"): lupdate finds the literal


def _texts() -> dict[str, str]:
    return {
        # fields (new event, session)
        "required": translate("messages", "必須填寫"),
        "name_required": translate("messages", "請輸入姓名"),
        "field_too_long": translate("messages", "{field}內容過長（{length} 字，上限 {limit} 字）"),
        "too_long": translate("messages", "最多 {n} 個字元"),
        "too_short": translate("messages", "至少需要 {n} 個字元"),
        "common": translate("messages", "太常見、容易被猜中，請換一句較長的話"),
        "mismatch": translate("messages", "兩次輸入不一致"),
        "before_start": translate("messages", "必須晚於開始時間"),
        "too_small": translate("messages", "至少為 1"),
        "over_capacity": translate("messages", "不能大於名額"),
        "duplicate": translate("messages", "已有同名的場次"),
        # sessions (the services not converted yet)
        "no_session": translate("messages", "找不到場次 #{id}"),
        # backups
        "folder_not_writable": translate("messages", "無法寫入備份資料夾：{path}（{detail}）"),
        "database_missing": translate("messages", "找不到資料庫檔案：{path}"),
        "target_is_database": translate("messages", "備份檔不可以是資料庫本身：{path}"),
        "target_is_folder": translate("messages", "備份目標是資料夾，請給檔名，例如 {example}"),
        "target_exists": translate(
            "messages", "備份目標已存在，且不是研習報到台的備份，未覆寫：{path}"
        ),
        # every exported file (desktop.core.atomicfile, desktop.services.exports)
        "output_is_folder": translate("messages", "輸出目標是資料夾，請給檔名：{path}"),
        "database_on_network_drive": translate(
            "messages",
            "資料庫檔案在網路磁碟上，無法安全使用：{path}；"
            "請把它複製到這台電腦的磁碟（例如「文件」資料夾）再開啟（備份可以存到網路磁碟）",
        ),
        "file_open_in_pdf_reader": translate(
            "messages",
            "「{name}」正在 PDF 閱讀器（例如 Acrobat）中開啟，無法覆寫；請先關閉它，或換一個檔名",
        ),
        "file_open_in_excel": translate(
            "messages", "「{name}」正在 Excel 中開啟，無法覆寫；請先關閉它，或換一個檔名"
        ),
        "file_open_elsewhere": translate(
            "messages", "「{name}」正在其他程式中開啟或是唯讀檔，無法覆寫；請先關閉它，或換一個檔名"
        ),
        "target_not_ours": translate(
            "messages", "{path} 已存在且不是{kind}檔，未覆寫；請換一個檔名"
        ),
        "bad_extension": translate("messages", "{name}: 副檔名要是 {choices}"),
        "bad_format": translate("messages", "格式須為 pdf 或 csv（輸入 {value}）"),
        "tables_not_set": translate("messages", "{session} 尚未設定桌次"),
        "backup_damaged": translate("messages", "備份檢查失敗，資料庫可能已損毀：{detail}"),
        "backup_failed": translate("messages", "無法備份：{path}（{detail}）"),
        "backup_missing": translate("messages", "找不到備份檔：{path}"),
        "backup_unreadable": translate("messages", "無法讀取備份檔，未還原（{detail}）"),
        "backup_file_damaged": translate("messages", "備份檔已損毀，未還原：{path}（{detail}）"),
        "not_ours": translate("messages", "這不是研習報到台的資料庫：{path}"),
        "backup_is_database": translate("messages", "備份檔就是目前的資料庫"),
        "restore_failed": translate(
            "messages", "無法用 {backup} 還原 {path}（{detail}）；目前的資料未變更"
        ),
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
        # the database file and its folder
        "migration_failed": translate("messages", "資料庫升級失敗，原檔未變更（{detail}）"),
        "migration_failed_backup": translate(
            "messages", "資料庫升級失敗，原檔未變更（{detail}）；升級前備份：{backup}"
        ),
        "database_damaged": translate(
            "messages", "這個檔案不是可用的資料庫，或已損毀：{path}（{detail}）；找不到可用的備份"
        ),
        "database_damaged_backup": translate(
            "messages",
            "這個檔案不是可用的資料庫，或已損毀：{path}（{detail}）；最新的完好備份：{backup}",
        ),
        "database_in_use": translate(
            "messages", "這個資料庫已在另一個視窗開啟，請切換到那個視窗，或先關閉它：{path}"
        ),
        "unsupported_database": translate(
            "messages",
            "不支援的資料庫網址：{url}（{detail}）；請給 SQLite 檔案路徑或 PostgreSQL 網址",
        ),
        "os_error": translate("messages", "無法使用檔案：{path}（{detail}）"),
        "database_read_only": translate(
            "messages", "資料庫檔案或所在資料夾是唯讀的，無法寫入：{path}"
        ),
        "database_locked": translate("messages", "資料庫檔案被另一個程式鎖住：{path}"),
        "not_a_database": translate("messages", "這個檔案不是可用的資料庫，或已損毀：{path}"),
        "cannot_open_database": translate("messages", "無法開啟資料庫：{path}（{detail}）"),
        # registrations and the roster
        "no_event_create_first": translate("messages", "資料庫中沒有活動，請先建立活動"),
        "several_events": translate("messages", "資料庫中有多個活動，請指定場次"),
        "passphrase_required": translate("messages", "請輸入主辦單位密語"),
        "admit_reason_required": translate("messages", "請填寫錄取理由"),
        "already_cancelled": translate("messages", "此報名已取消"),
        "already_in_session": translate("messages", "已在此場次"),
        "session_of_other_event": translate("messages", "不同活動的場次"),
        "already_registered_there": translate("messages", "{name} 已報名{session}"),
        "not_editable": translate("messages", "不能編輯的欄位：{fields}"),
        "bad_lunch": translate("messages", "用餐只能是 葷、素 或空白"),
        "unconfirmed_changes": translate("messages", "{n} 人的錄取狀態會改變，尚未確認，未寫入"),
        # import files
        "file_not_found": translate("messages", "{file}：找不到檔案"),
        "file_empty": translate("messages", "{file}：檔案是空的"),
        "too_large": translate("messages", "{file}：檔案太大（{size} MB，上限 {limit} MB）"),
        "old_or_encrypted": translate(
            "messages",
            "{file}：這是舊版 .xls 或設有密碼的 Excel 檔，請移除密碼並另存為 .xlsx 或 CSV",
        ),
        "not_ooxml": translate("messages", "{file}：不是有效的 Excel (.xlsx) 檔，或檔案已損毀"),
        "zip_bomb": translate("messages", "{file}：解壓縮後異常膨脹，疑似惡意檔案"),
        "encrypted": translate("messages", "{file}：檔案已加密，請移除密碼後再匯入"),
        "binary": translate("messages", "{file}：不是文字檔（CSV）或 Excel 檔，內容是二進位資料"),
        "encoding": translate(
            "messages", "{file} 第 {line} 行：無法辨識的文字編碼，請另存為「CSV UTF-8」"
        ),
        "cell_too_long": translate(
            "messages", "{file} 第 {row} 列「{column}」欄：內容過長（{length} 字，上限 {limit} 字）"
        ),
        "is_folder": translate("messages", "{file}：這是資料夾，不是檔案"),
        "unsupported_type": translate("messages", "{file}：不支援的檔案類型，請使用 CSV 或 XLSX"),
        "garbled": translate("messages", "{file}：內容無法辨識為 CSV 文字"),
        "bad_csv": translate("messages", "{file}：第 {row} 列 CSV 格式錯誤（{detail}）"),
        "bad_xlsx": translate("messages", "{file}：不是可讀的 XLSX 活頁簿"),
        "no_data": translate("messages", "{file}：沒有任何資料"),
        "no_name_column": translate(
            "messages", "{file}：找不到「姓名」欄，無法匯入；標題列：{headers}"
        ),
        "no_session_column": translate(
            "messages", "{file}：檔案沒有「報名場次」欄，請選擇場次（可選：{names}）"
        ),
        "damaged_part": translate("messages", "{file}：{part} 已損毀"),
        "too_many_cells": translate("messages", "{file}：{part} 超過 {limit} 個儲存格"),
        "too_many_strings": translate("messages", "{file}：{part} 超過 {limit} 個共用字串"),
        "too_many_elements": translate("messages", "{file}：{part} 超過 {limit} 個 XML 元素"),
        "too_many_rows": translate("messages", "{file}：超過 {limit} 列，不是報名資料"),
        "too_many_columns": translate(
            "messages", "{file}：第 {row} 列超過 {limit} 欄，不是報名資料"
        ),
        "too_many_data_rows": translate(
            "messages", "{file}：共 {count} 列資料，超過上限 {limit} 列"
        ),
        "no_worksheet": translate("messages", "{file}：活頁簿裡沒有工作表"),
        "xlsx_missing_part": translate(
            "messages", "{file}：XLSX 內容損毀：缺少檔案內的部分 {detail}"
        ),
        "xlsx_bad_xml": translate("messages", "{file}：XLSX 內容損毀：XML 格式錯誤 {detail}"),
        "xlsx_bad_shared_string": translate(
            "messages", "{file}：XLSX 內容損毀：儲存格指向不存在的共用字串"
        ),
        "xlsx_bad_cell": translate("messages", "{file}：XLSX 內容損毀：儲存格的值無法讀取"),
        "xlsx_damaged_zip": translate("messages", "{file}：XLSX 內容損毀：壓縮內容損毀"),
        "xlsx_unreadable": translate("messages", "{file}：XLSX 內容損毀，無法讀取（{detail}）"),
        "header_only": translate("messages", "{file}：只有標題列，沒有任何報名資料"),
        "row_id_unrecognised": translate("messages", "無法辨識身分證字號，此欄不匯入"),
        "row_id_unrecognised_wants_hours": translate(
            "messages", "無法辨識身分證字號，此欄不匯入：需要時數但尚不符資格"
        ),
        # an agenda CSV (desktop.core.agenda_csv)
        "agenda_not_text": translate("messages", "不是 UTF-8 或 Big5 編碼的文字檔"),
        "agenda_missing_columns": translate(
            "messages", "{file} 第 1 列：缺少欄位 {missing}（需要 {needed}）"
        ),
        "agenda_no_time": translate("messages", "{file} 第 {row} 列「起迄時間」：空白"),
        "agenda_bad_span": translate(
            "messages",
            "{file} 第 {row} 列「起迄時間」：「{value}」不是「HH:MM-HH:MM」且結束晚於開始",
        ),
        "agenda_no_title": translate("messages", "{file} 第 {row} 列「活動議程」：空白"),
        "agenda_no_rows": translate("messages", "{file}：沒有任何議程列"),
        # the venue server (desktop.server.runner)
        "port_in_use": translate("messages", "連接埠 {port} 已被其他程式使用，請換一個"),
        "address_unusable": translate("messages", "無法使用位址 {host}:{port}：{detail}"),
        "server_not_started": translate("messages", "現場連線無法在 {host}:{port} 啟動 {detail}"),
        "agenda_not_empty": translate("messages", "{session}已有 {n} 段議程；先清除再匯入"),
        # import rows
        "row_cell_too_long": translate(
            "messages", "內容過長（{length} 字，上限 {limit} 字），此列不匯入"
        ),
        "row_no_name": translate("messages", "沒有姓名，此列不匯入"),
        "row_bad_timestamp": translate("messages", "時間戳記「{value}」無法辨識，排在最後"),
        "row_no_timestamp": translate("messages", "沒有時間戳記，排在最後"),
        "row_bad_email": translate("messages", "電子郵件「{value}」格式不正確"),
        "row_bad_wants_hours": translate("messages", "無法判讀「{value}」，視為不需要時數"),
        "row_id_missing_wants_hours": translate("messages", "未填身分證字號：需要時數但尚不符資格"),
        "row_id_bad_format_wants_hours": translate(
            "messages", "身分證字號格式不正確：需要時數但尚不符資格"
        ),
        "row_id_bad_checksum_wants_hours": translate(
            "messages", "身分證字號檢查碼不正確：需要時數但尚不符資格"
        ),
        "row_id_bad_format": translate("messages", "身分證字號格式不正確"),
        "row_id_bad_checksum": translate("messages", "身分證字號檢查碼不正確"),
        "row_bad_lunch": translate("messages", "無法判讀用餐「{value}」，視為不用餐"),
        "row_unknown_session": translate(
            "messages", "報名場次「{value}」對不上任何場次，此列不匯入"
        ),
        "row_no_session": translate("messages", "沒有填報名場次，此列不匯入"),
        "row_two_sessions": translate(
            "messages", "同一人（第 {row} 列）已報名{first}，又報名{second}：兩場都保留，請確認"
        ),
        "row_kept_in_session": translate(
            "messages",
            "此列改報{session}，但此人在{kept}已報到或已確定名額：仍留在{kept}，"
            "要改場次請在名單用「改場次…」",
        ),
        # documents
        "unknown_document": translate("messages", "文件種類須為 {choices}（輸入 {value}）"),
        "unknown_order": translate("messages", "排序須為 {choices}（輸入 {value}）"),
        # agenda editor
        "no_block": translate("messages", "找不到議程段落 #{id}"),
        "block_title_required": translate("messages", "標題：不可空白"),
        "block_title_too_long": translate("messages", "標題：最多 {n} 字"),
        "block_unknown_kind": translate("messages", "類型：「{kind}」不是已知的議程類型"),
        "block_ends_before_start": translate("messages", "時間：結束 {end} 必須晚於開始 {start}"),
        "block_speaker_too_long": translate("messages", "主講人：最多 {n} 字"),
        "block_running": translate("messages", "正在進行的段落不能刪除；請先進入下一段"),
        "bad_warning_times": translate("messages", "提醒時間：黃燈必須不少於紅燈，且都不可為負"),
        "unknown_replan_mode": translate("messages", "調整方式「{mode}」不明"),
        "nothing_to_replan": translate("messages", "後面沒有段落可以調整"),
        # tables and seating
        "seating_no_tables": translate(
            "messages", "此場次尚未設定桌次，請先套用範本（例如 6 桌、每桌 7 人）"
        ),
        "leader_sits_at_table": translate("messages", "{name} 是第 {n} 桌桌長，須坐在該桌"),
        "table_of_other_session": translate("messages", "這一桌不屬於此人報名的場次"),
        "table_full": translate("messages", "第 {n} 桌已滿（{size}/{capacity} 人）"),
        "not_seated": translate("messages", "此人尚未分桌，無法釘選"),
        "bad_table_count": translate("messages", "桌數須介於 1 到 2000（收到 {count}）"),
        "bad_table_capacity": translate("messages", "每桌人數須介於 1 到 100（收到 {capacity}）"),
        "table_has_report": translate("messages", "第 {n} 桌已有小組討論紀錄，不能移除"),
        "no_table": translate("messages", "找不到桌次 #{id}"),
        "leader_not_in_session": translate("messages", "桌長須為此場次的報名者"),
        "already_leads": translate("messages", "{name} 已是第 {n} 桌桌長"),
        # group reports: the estimated cost, the report, its photo
        "cost_no_amount": translate(
            "messages", "經費「{raw}」沒有金額：請寫成 300000、300,000、NT$300000 或 約 30 萬"
        ),
        "cost_negative": translate("messages", "經費「{raw}」是負數：經費不可為負"),
        "cost_range": translate(
            "messages", "經費「{raw}」是一個範圍：請填一個估計金額（例如取上限）"
        ),
        "cost_unreadable": translate(
            "messages", "經費「{raw}」看不懂：請寫成 300000、300,000、NT$300000 或 約 30 萬"
        ),
        "cost_too_large": translate("messages", "經費「{raw}」超過新臺幣 10 兆元，請確認位數"),
        "no_table_number": translate("messages", "這個場次沒有第 {n} 桌"),
        "no_revision": translate("messages", "找不到這個版本 #{id}"),
        "report_field_too_long": translate(
            "messages", "「{label}」最多 {limit} 字（送出的有 {length} 字）"
        ),
        "report_too_many": translate("messages", "一份報告最多 {limit} 項（送出的有 {count} 項）"),
        "report_storage_minute": translate(
            "messages", "一分鐘內儲存的內容已達上限（{limit_mb} MB），請稍候一分鐘再儲存"
        ),
        "report_storage_total": translate(
            "messages", "存入的版本紀錄已達上限（{limit_mb} MB），無法再儲存"
        ),
        "photo_too_large": translate(
            "messages",
            "照片「{name}」有 {mb} MB，超過上限 {limit} MB；"
            "請先縮小（例如用手機的「中」尺寸）再附加",
        ),
        "photo_not_an_image": translate(
            "messages", "「{name}」不是圖片檔（可用 JPEG、PNG、GIF、BMP、WebP）"
        ),
        "photo_damaged": translate(
            "messages", "「{name}」的圖片不完整或已損壞，無法讀取；請重新拍攝或重新複製檔案"
        ),
        "photo_format": translate(
            "messages", "「{name}」是 {kind} 圖檔，請改存成 JPEG 或 PNG 再附加"
        ),
        "photo_unreadable": translate("messages", "無法讀取「{path}」：{detail}"),
        "photo_too_many_pixels": translate(
            "messages",
            "照片「{name}」超過上限 {limit_mp} 百萬像素；"
            "請用手機相機的一般尺寸重新拍攝或縮小後再附加",
        ),
        "photo_busy": translate(
            "messages", "現在有太多照片正在處理，「{name}」尚未收下；請稍候再送一次"
        ),
        "revision_unknown": translate(
            "messages",
            "第 {table} 桌的報告沒有第 {revision} 版（目前是第 {current} 版）；請重新整理頁面",
        ),
        # the venue server's JSON bodies (desktop/server/bodies.py)
        "body_not_json": translate("messages", "內容不是 JSON"),
        "body_invalid": translate("messages", "「{where}」的型別或大小不對"),
        "body_missing": translate("messages", "少了「{where}」"),
        "body_unknown_key": translate("messages", "不認得「{where}」"),
        "no_one_admitted": translate("messages", "本場次沒有已錄取或現場報名的人"),
        # sessions, the command line
        "unexpected": translate("messages", "未預期的錯誤，詳細記錄於：{log}"),
        "no_sessions": translate("messages", "資料庫中沒有任何場次"),
        "session_required": translate("messages", "請指定場次（可選：{choices}）"),
        "session_not_found": translate("messages", "找不到場次「{name}」（可選：{choices}）"),
        "session_ambiguous": translate("messages", "場次「{name}」不只一個符合（{choices}）"),
        # the PB vote (the organiser's actions, then the phone page's refusals)
        "not_draft": translate("messages", "投票已開始或已結束，投票單不能再改"),
        "already_open": translate("messages", "投票已經開始"),
        "closed": translate("messages", "投票已經結束，不能再開"),
        "not_open": translate("messages", "投票尚未開始或已經結束"),
        "not_closed": translate("messages", "投票結束後才能匯出結果"),
        "bad_title": translate("messages", "提案名稱不可空白"),
        "bad_cost": translate("messages", "經費要大於 0"),
        "same_project": translate("messages", "請選兩個不同的提案合併"),
        "bad_budget": translate("messages", "預算要大於 0"),
        "no_projects": translate("messages", "投票單上沒有提案：請先在小組報告填寫提案與經費"),
        "bad_max": translate("messages", "最多可選幾項只用於 approval（勾選）投票"),
        "max_too_small": translate("messages", "最多可選的數量至少是 1"),
        "desk_only": translate(
            "messages", "報到台已收回這個名字的手機投票（或已登錄紙本票）；如有疑問請洽報到台。"
        ),
        "erase_blocked": translate(
            "messages",
            "另一個程式正在讀取資料庫（例如另一個視窗、報表或備份），現在結束投票無法從檔案中抹除"
            "誰投了哪一張；投票仍在進行中。請關閉其他程式或等它完成後，再結束一次。",
        ),
        "erase_unfinished": translate(
            "messages",
            "投票已結束並已計票，但另一個程式正在讀取資料庫，檔案中還留有誰投了哪一張的痕跡；"
            "請關閉其他程式後再按一次「結束投票」（只會完成抹除，不會改變結果）。",
        ),
        "round_running": translate("messages", "這一輪投票還沒結束，結束後才能開新一輪"),
        "nothing_fits": translate(
            "messages",
            "每一個提案的經費都超過預算 NT$ {budget:,}，沒有人能投票；"
            "請提高預算或修改經費後再開始。",
        ),
        "no_voter": translate("messages", "這個場次沒有報名序號 {registration_id} 的人"),
        # check-in outcomes (desktop.core.checkin.Code; the same sentences as its MESSAGES);
        # not_checked_in also answers a survey or vote by someone not checked in
        # room codes (the desk's show/replace, the room page's sign-in)
        "wrong_code": translate("messages", "房間碼不對，請對照入場證或名牌再輸入一次"),
        "room_code_attempts": translate(
            "messages", "輸入錯誤太多次，請 {retry_after} 秒後再試，或到報到台查詢房間碼"
        ),
        "room_busy": translate("messages", "登入的人很多，請 {retry_after} 秒後再試一次"),
        "no_such_person": translate("messages", "本場次找不到「{person}」"),
        "ambiguous_person": translate(
            "messages", "本場次有多位「{person}」（報名編號 {ids}），請用報名編號指定"
        ),
        "no_seat": translate("messages", "{name} 不是錄取或現場報名者，沒有房間碼"),
        # handouts
        "handout_kind": translate("messages", "{file}：講義只收 PDF、PPTX、DOCX 或 ZIP 檔"),
        "handout_content": translate("messages", "{file}：內容與副檔名不符"),
        "handout_empty": translate("messages", "{file}：檔案是空的"),
        "handout_too_large": translate("messages", "{file}：{mb} MB，每個講義檔最多 {limit_mb} MB"),
        "handout_session_full": translate(
            "messages", "{file}：本場次講義將達 {mb} MB，上限 {limit_mb} MB"
        ),
        "handout_unreadable": translate("messages", "無法讀取「{file}」"),
        "no_such_handout": translate("messages", "本場次沒有編號 {id} 的講義"),
        # the course questionnaire
        "bad_template": translate("messages", "問卷範本第 {item} 題不正確"),
        "bad_answer": translate("messages", "「{item}」這一題的回答不正確"),
        "no_answers": translate("messages", "還沒有回答任何一題"),
        "survey_not_draft": translate("messages", "問卷已開放或已結束，題目不能再改"),
        "survey_already_open": translate("messages", "問卷已經開放作答"),
        "survey_closed": translate("messages", "問卷已經結束，不能再開放"),
        "survey_not_open": translate("messages", "問卷尚未開放或已經結束"),
        "survey_not_closed": translate("messages", "問卷結束後才能看結果或匯出"),
        "survey_no_person": translate("messages", "本場次沒有報名編號 {id}"),
        "survey_erase_blocked": translate(
            "messages",
            "另一個程式正在讀取資料庫，問卷暫不能結束（作答者的連結無法確實清除），請稍後再試",
        ),
        "survey_erase_unfinished": translate(
            "messages", "問卷已結束，但資料庫檔案尚未完全清除作答者的連結，請再按一次結束問卷"
        ),
        "nothing_to_export": translate("messages", "沒有已結束的問卷可以匯出"),
    }


def field_label(field: str) -> str:
    """The window's name for an import field (``desktop.core.importing.FIELD_LABELS``)."""
    return {
        "timestamp": translate("fields", "時間戳記"),
        "name": translate("fields", "姓名"),
        "agency": translate("fields", "服務機關"),
        "unit": translate("fields", "單位"),
        "title": translate("fields", "職稱"),
        "email": translate("fields", "電子郵件"),
        "phone": translate("fields", "聯絡電話"),
        "id_number": translate("fields", "身分證字號"),
        "session": translate("fields", "報名場次"),
        "lunch": translate("fields", "用餐"),
        "wants_hours": translate("fields", "終身學習時數"),
        "remark": translate("fields", "備註"),
    }[field]


def reasons_text(reasons: Sequence[str]) -> str:
    """A person's hours reasons (``desktop.core.hours.Reason`` codes) in the window's words:
    the same entries the PDFs print (``hours.REASON_LABELS``), translated."""
    return translate("messages", "、").join(
        translate(VOCABULARY, hours.REASON_LABELS.get(r, r)) for r in reasons
    )


def rule_text(rule: str, schedule: str) -> str:
    """Which rule decided a person's hours (``desktop.core.hours.Rule``), and on which
    schedule, in the window's words: the review list's 依據 column."""
    text = translate(VOCABULARY, hours.RULE_LABELS.get(rule, rule))
    if hours.rule_shows_schedule(rule, schedule):
        return translate("messages", "{rule}（{schedule}）").format(
            rule=text, schedule=translate(VOCABULARY, hours.SCHEDULE_LABELS[schedule])
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
