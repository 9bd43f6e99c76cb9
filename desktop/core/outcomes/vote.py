"""What the room's participatory-budgeting vote answers: a ballot counted or refused
(``desktop.core.vote.check_ballot``, ``desktop.services.vote_ballots``: the refusal codes are
the CLI's and the API's ``result``, a contract), the organiser's ballot building, opening,
closing and export refused (``desktop.services.vote``: ``VoteSetupError``), and why a table's
proposal is left off the ballot (``desktop.core.vote.SourceProposal.left_out_because``)."""

from __future__ import annotations

from desktop.core.problems import QT_TRANSLATE_NOOP, Domain

WORDS = Domain("vote")

# A ballot (phone page, API, paper ballot typed at the desk): counted or refused.
COUNTED = WORDS("counted", QT_TRANSLATE_NOOP("messages", "已收到您的選票（再投一次會取代這一張）"))
REPLACED = WORDS("replaced", QT_TRANSLATE_NOOP("messages", "已更新您的選票（取代先前那一張）"))
NOT_CHECKED_IN = WORDS(
    "not_checked_in", QT_TRANSLATE_NOOP("messages", "您尚未報到，不能投票；請先到報到台報到。")
)
OVER_BUDGET = WORDS(
    "over_budget",
    QT_TRANSLATE_NOOP(
        "messages",
        "所選提案合計 NT$ {total:,}，超過預算 NT$ {budget:,}；請拿掉一些提案再送出。",
    ),
)
TOO_MANY = WORDS(
    "too_many", QT_TRANSLATE_NOOP("messages", "最多只能選 {most} 個提案，您選了 {chosen} 個。")
)
CLOSED = WORDS("closed", QT_TRANSLATE_NOOP("messages", "投票已經結束，選票沒有被計入。"))
UNKNOWN_PROJECT = WORDS(
    "unknown_project",
    QT_TRANSLATE_NOOP(
        "messages", "選票上有不在這次投票中的提案（編號 {ids}），請重新整理頁面後再選。"
    ),
)
EMPTY = WORDS("empty", QT_TRANSLATE_NOOP("messages", "請至少選一個提案再送出。"))
STALE = WORDS(
    "stale",
    QT_TRANSLATE_NOOP(
        "messages", "這張選票是舊的（已在別處送出或重送）；請重新整理頁面，確認後再送出。"
    ),
)
DESK_ONLY = WORDS(
    "desk_only",
    QT_TRANSLATE_NOOP(
        "messages", "報到台已收回這個名字的手機投票（或已登錄紙本票）；如有疑問請洽報到台。"
    ),
)
NO_VOTER = WORDS(
    "no_voter", QT_TRANSLATE_NOOP("messages", "這個場次沒有報名序號 {registration_id} 的人")
)

# The session asked for by id is not (or no longer) in the database.

# Building the ballot (a draft only).
NOT_DRAFT = WORDS("not_draft", QT_TRANSLATE_NOOP("messages", "投票已開始或已結束，投票單不能再改"))
NO_PROJECT = WORDS("no_project", QT_TRANSLATE_NOOP("messages", "投票單上沒有編號 {id} 的提案"))
BAD_TITLE = WORDS("bad_title", QT_TRANSLATE_NOOP("messages", "提案名稱不可空白"))
BAD_COST = WORDS("bad_cost", QT_TRANSLATE_NOOP("messages", "經費要大於 0"))
SAME_PROJECT = WORDS("same_project", QT_TRANSLATE_NOOP("messages", "請選兩個不同的提案合併"))

# Why a table's proposal is not on the ballot (besides ``BAD_COST`` and a cost that cannot be
# read, ``desktop.core.outcomes.group_reports``).
NO_TITLE = WORDS("no_title", QT_TRANSLATE_NOOP("messages", "沒有提案名稱"))
NO_COST = WORDS("no_cost", QT_TRANSLATE_NOOP("messages", "沒有填經費"))

# Opening: the rules and what there is to vote on.
BAD_BUDGET = WORDS("bad_budget", QT_TRANSLATE_NOOP("messages", "預算要大於 0"))
BAD_MAX = WORDS("bad_max", QT_TRANSLATE_NOOP("messages", "最多可選幾項只用於 approval（勾選）投票"))
MAX_TOO_SMALL = WORDS("max_too_small", QT_TRANSLATE_NOOP("messages", "最多可選的數量至少是 1"))
NO_PROJECTS = WORDS(
    "no_projects",
    QT_TRANSLATE_NOOP("messages", "投票單上沒有提案：請先在小組報告填寫提案與經費"),
)
NOTHING_FITS = WORDS(
    "nothing_fits",
    QT_TRANSLATE_NOOP(
        "messages",
        "每一個提案的經費都超過預算 NT$ {budget:,}，沒有人能投票；請提高預算或修改經費後再開始。",
    ),
)

# Opening, closing, a new round, the export: the vote is not in the state the action needs.
ALREADY_OPEN = WORDS("already_open", QT_TRANSLATE_NOOP("messages", "投票已經開始"))
ALREADY_CLOSED = WORDS(
    "already_closed",
    QT_TRANSLATE_NOOP("messages", "投票已經結束，不能再開；要重新投票請開新一輪"),
)
NOT_OPEN = WORDS("not_open", QT_TRANSLATE_NOOP("messages", "投票尚未開始或已經結束"))
NOT_CLOSED = WORDS("not_closed", QT_TRANSLATE_NOOP("messages", "投票結束後才能匯出結果"))
ROUND_RUNNING = WORDS(
    "round_running", QT_TRANSLATE_NOOP("messages", "這一輪投票還沒結束，結束後才能開新一輪")
)
ERASE_BLOCKED = WORDS(
    "erase_blocked",
    QT_TRANSLATE_NOOP(
        "messages",
        "另一個程式正在讀取資料庫（例如另一個視窗、報表或備份），現在結束投票無法從檔案中抹除"
        "誰投了哪一張；投票仍在進行中。請關閉其他程式或等它完成後，再結束一次。",
    ),
)
ERASE_UNFINISHED = WORDS(
    "erase_unfinished",
    QT_TRANSLATE_NOOP(
        "messages",
        "投票已結束並已計票，但另一個程式正在讀取資料庫，檔案中還留有誰投了哪一張的痕跡；"
        "請關閉其他程式後再按一次「結束投票」（只會完成抹除，不會改變結果）。",
    ),
)
