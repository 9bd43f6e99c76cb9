"""Editing a session's agenda: a block the editor cannot save (``desktop.services.agenda``'s
``AgendaInputError``, field by field), an announcement's agenda CSV that cannot be read
(``desktop.core.agenda_csv``'s ``AgendaCsvError``), what the editor says about the plan's
times (``desktop.services.agenda.issue_outcome``) and the ``agenda`` command's own refusals
(``desktop.cli.agenda``). Running the day on the timer: ``agenda_timer``."""

from __future__ import annotations

from desktop.core.problems import QT_TRANSLATE_NOOP, Domain

WORDS = Domain("agenda")

NO_BLOCK = WORDS("no_block", QT_TRANSLATE_NOOP("messages", "找不到議程段落 #{id}"))

# A block's fields (``validate_block``): each names its field first.
BLOCK_TITLE_REQUIRED = WORDS(
    "block_title_required", QT_TRANSLATE_NOOP("messages", "標題：不可空白")
)
BLOCK_TITLE_TOO_LONG = WORDS(
    "block_title_too_long", QT_TRANSLATE_NOOP("messages", "標題：最多 {n} 字")
)
BLOCK_UNKNOWN_KIND = WORDS(
    "block_unknown_kind", QT_TRANSLATE_NOOP("messages", "類型：「{kind}」不是已知的議程類型")
)
BLOCK_ENDS_BEFORE_START = WORDS(
    "block_ends_before_start",
    QT_TRANSLATE_NOOP("messages", "時間：結束 {end} 必須晚於開始 {start}"),
)
BLOCK_SPEAKER_TOO_LONG = WORDS(
    "block_speaker_too_long", QT_TRANSLATE_NOOP("messages", "主講人：最多 {n} 字")
)
# A problem of an imported block: ``block`` is its place in the file (from 1), ``problem``
# the field's refusal (``AgendaInputError`` carries ``block`` as data and words this).
IN_BLOCK = WORDS("in_block", QT_TRANSLATE_NOOP("messages", "第 {block} 段 {problem}"))
BLOCK_RUNNING = WORDS(
    "block_running", QT_TRANSLATE_NOOP("messages", "正在進行的段落不能刪除；請先進入下一段")
)
AGENDA_NOT_EMPTY = WORDS(
    "agenda_not_empty", QT_TRANSLATE_NOOP("messages", "{session}已有 {n} 段議程；先清除再匯入")
)

# An agenda CSV (``desktop.core.agenda_csv``): ``file``, and ``row`` where one is to blame.
AGENDA_NOT_TEXT = WORDS(
    "agenda_not_text", QT_TRANSLATE_NOOP("messages", "不是 UTF-8 或 Big5 編碼的文字檔")
)
AGENDA_FILE_EMPTY = WORDS("file_empty", QT_TRANSLATE_NOOP("messages", "{file}：議程檔是空的"))
AGENDA_MISSING_COLUMNS = WORDS(
    "agenda_missing_columns",
    QT_TRANSLATE_NOOP("messages", "{file} 第 1 列：缺少欄位 {missing}（需要 {needed}）"),
)
AGENDA_NO_TIME = WORDS(
    "agenda_no_time", QT_TRANSLATE_NOOP("messages", "{file} 第 {row} 列「起迄時間」：空白")
)
AGENDA_BAD_SPAN = WORDS(
    "agenda_bad_span",
    QT_TRANSLATE_NOOP(
        "messages",
        "{file} 第 {row} 列「起迄時間」：「{value}」不是「HH:MM-HH:MM」且結束晚於開始",
    ),
)
AGENDA_NO_TITLE = WORDS(
    "agenda_no_title", QT_TRANSLATE_NOOP("messages", "{file} 第 {row} 列「活動議程」：空白")
)
AGENDA_NO_ROWS = WORDS("agenda_no_rows", QT_TRANSLATE_NOOP("messages", "{file}：沒有任何議程列"))

# What the editor says about the plan's times (``desktop.core.agenda_plan.IssueKind``):
# ``this`` is the later block's title, ``other`` the earlier one's, ``span`` 09:00–09:30.
PLAN_OVERLAP = WORDS(
    "overlap",
    QT_TRANSLATE_NOOP("messages", "重疊 {minutes} 分鐘：「{other}」與「{this}」（{span}）"),
)
PLAN_GAP = WORDS(
    "gap",
    QT_TRANSLATE_NOOP("messages", "空檔 {minutes} 分鐘：「{other}」之後到「{this}」之前（{span}）"),
)
PLAN_EMPTY = WORDS(
    "empty",
    QT_TRANSLATE_NOOP("messages", "時間錯誤：「{this}」的結束時間不晚於開始時間（{span}）"),
)
PLAN_ORDER = WORDS(
    "order",
    QT_TRANSLATE_NOOP("messages", "順序錯誤：「{this}」排在「{other}」之後，卻比它早開始"),
)

# The ``agenda`` command (``desktop.cli.agenda``).
CSV_UNREADABLE = WORDS(
    "agenda_unreadable", QT_TRANSLATE_NOOP("messages", "無法讀取 {file}：{detail}")
)
CLEAR_FIRST = WORDS(
    "clear_first",
    QT_TRANSLATE_NOOP("messages", "{file}：{problem}（agenda remove --all 清除）"),
)
BLOCK_NOT_IN_SESSION = WORDS(
    "block_not_in_session",
    QT_TRANSLATE_NOOP(
        "messages",
        "{session}沒有 id {id} 的議程段落"
        "（workshop-desk agenda --session {session} --json 列出 id）",
    ),
)
