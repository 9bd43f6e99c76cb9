"""Running the day on the countdown: a timer action that does not apply now
(``desktop.core.agenda``'s ``AgendaError``), the report-back queue of a 小組報告 block
(``desktop.core.agenda_queue``, also ``AgendaError``), and the run's settings and replanning
(``desktop.services.agenda_run``, raised as the editor's ``AgendaInputError``)."""

from __future__ import annotations

from desktop.core.problems import QT_TRANSLATE_NOOP, Domain

WORDS = Domain("agenda_timer")

# The run state (``state`` and ``needs`` of wrong_state are data: the status names).
WRONG_STATE = WORDS("wrong_state", QT_TRANSLATE_NOOP("messages", "目前的計時狀態無法執行這個動作"))
UNKNOWN_BLOCK = WORDS("unknown_block", QT_TRANSLATE_NOOP("messages", "議程中沒有這個段落"))
EMPTY_AGENDA = WORDS("empty_agenda", QT_TRANSLATE_NOOP("messages", "議程是空的，沒有可開始的段落"))
FINISHED = WORDS("finished", QT_TRANSLATE_NOOP("messages", "今天的議程已經結束"))
NO_PREVIOUS = WORDS("no_previous", QT_TRANSLATE_NOOP("messages", "沒有上一個段落可回到"))

# The report-back queue.
NO_TABLES = WORDS(
    "no_tables", QT_TRANSLATE_NOOP("messages", "這個場次沒有桌次，無法排小組報告順序")
)
BAD_SLOT = WORDS("bad_slot", QT_TRANSLATE_NOOP("messages", "每桌報告時間必須大於 0"))
NO_QUEUE = WORDS("no_queue", QT_TRANSLATE_NOOP("messages", "目前沒有進行中的小組報告"))
QUEUE_START = WORDS("queue_start", QT_TRANSLATE_NOOP("messages", "已經是第一桌"))
UNKNOWN_TABLE = WORDS("unknown_table", QT_TRANSLATE_NOOP("messages", "報告順序中沒有第 {n} 桌"))
ALREADY_REPORTED = WORDS(
    "already_reported", QT_TRANSLATE_NOOP("messages", "已報告或正在報告的桌次不能移動")
)

# The run's settings and moving the rest of the day.
BAD_WARNING_TIMES = WORDS(
    "bad_warning_times",
    QT_TRANSLATE_NOOP("messages", "提醒時間：黃燈必須不少於紅燈，且都不可為負"),
)
UNKNOWN_REPLAN_MODE = WORDS(
    "unknown_replan_mode",
    QT_TRANSLATE_NOOP("messages", "調整方式「{mode}」不明：請用 shift 或 absorb"),
)
NOTHING_TO_REPLAN = WORDS(
    "nothing_to_replan", QT_TRANSLATE_NOOP("messages", "後面沒有段落可以調整")
)
