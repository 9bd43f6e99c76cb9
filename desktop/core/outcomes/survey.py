"""What the course questionnaire (課後問卷) answers: a template or a response refused
(``desktop.core.survey``: ``bad_template`` and ``bad_answer`` each carry their reason as a
second problem, so the code stays the documented one and the window words the reason too),
and the organiser's and the attendees' actions refused in the wrong state
(``desktop.services.survey``). Raised as ``SurveyError``."""

from __future__ import annotations

from desktop.core.problems import QT_TRANSLATE_NOOP, Domain

WORDS = Domain("survey")

# A template (``survey template --file``, the window's editor) or one response (the phone
# page, the API, a paper form typed at the desk) refused: ``bad_template`` or ``bad_answer``
# with ``params.item`` (the item's number in a template, its id in a response), then a second
# problem saying what is wrong.
BAD_TEMPLATE = WORDS("bad_template", QT_TRANSLATE_NOOP("messages", "問卷範本不正確"))
TEMPLATE_NOT_A_LIST = WORDS(
    "template_not_a_list", QT_TRANSLATE_NOOP("messages", "要是題目的清單（至少一題）")
)
TEMPLATE_TOO_MANY = WORDS("template_too_many", QT_TRANSLATE_NOOP("messages", "最多 {limit} 題"))
TEMPLATE_NOT_AN_ITEM = WORDS(
    "template_not_an_item",
    QT_TRANSLATE_NOOP("messages", '第 {item} 題要是有 "id"、"text"、"kind" 的物件'),
)
TEMPLATE_ID_LENGTH = WORDS(
    "template_id_length",
    QT_TRANSLATE_NOOP("messages", '第 {item} 題的 "id" 要是 1 到 {limit} 個字元'),
)
TEMPLATE_ID_CHARACTERS = WORDS(
    "template_id_characters",
    QT_TRANSLATE_NOOP("messages", '第 {item} 題的 "id" {id} 只能用小寫英文字母、數字、_ 和 -'),
)
TEMPLATE_ID_TWICE = WORDS(
    "template_id_twice", QT_TRANSLATE_NOOP("messages", '第 {item} 題的 "id" {id} 重複')
)
TEMPLATE_NO_TEXT = WORDS(
    "template_no_text", QT_TRANSLATE_NOOP("messages", '第 {item} 題的 "text" 不能空白')
)
TEMPLATE_TEXT_TOO_LONG = WORDS(
    "template_text_too_long",
    QT_TRANSLATE_NOOP("messages", '第 {item} 題的 "text" 最多 {limit} 字'),
)
TEMPLATE_BAD_KIND = WORDS(
    "template_bad_kind",
    QT_TRANSLATE_NOOP(
        "messages", '第 {item} 題的 "kind" 要是 "scale"（五點量表）或 "text"（開放題）'
    ),
)
BAD_ANSWER = WORDS("bad_answer", QT_TRANSLATE_NOOP("messages", "問卷的回答不正確"))
ANSWERS_NOT_AN_OBJECT = WORDS(
    "answers_not_an_object",
    QT_TRANSLATE_NOOP("messages", "作答要是 JSON 物件：每個題目 id 對應分數或文字"),
)
ANSWER_NO_SUCH_ITEM = WORDS(
    "answer_no_such_item", QT_TRANSLATE_NOOP("messages", "問卷沒有「{item}」這一題")
)
ANSWER_NOT_A_SCORE = WORDS(
    "answer_not_a_score", QT_TRANSLATE_NOOP("messages", "「{text}」要是 1 到 5（5 = 非常滿意）")
)
ANSWER_NOT_TEXT = WORDS("answer_not_text", QT_TRANSLATE_NOOP("messages", "「{text}」要填文字"))
ANSWER_TOO_LONG = WORDS(
    "answer_too_long", QT_TRANSLATE_NOOP("messages", "「{text}」最多 {limit} 字")
)
NO_ANSWERS = WORDS("no_answers", QT_TRANSLATE_NOOP("messages", "還沒有回答任何一題"))

# The session asked for by id is not (or no longer) in the database.

# The questionnaire is not in the state the action needs.
NOT_DRAFT = WORDS(
    "survey_not_draft", QT_TRANSLATE_NOOP("messages", "問卷已開放或已結束，題目不能再改")
)
ALREADY_OPEN = WORDS("survey_already_open", QT_TRANSLATE_NOOP("messages", "問卷已經開放作答"))
CLOSED = WORDS("survey_closed", QT_TRANSLATE_NOOP("messages", "問卷已經結束，不能再開放"))
NOT_OPEN = WORDS("survey_not_open", QT_TRANSLATE_NOOP("messages", "問卷尚未開放或已經結束"))
NOT_CLOSED = WORDS("survey_not_closed", QT_TRANSLATE_NOOP("messages", "問卷結束後才能看結果或匯出"))
NO_PERSON = WORDS("survey_no_person", QT_TRANSLATE_NOOP("messages", "本場次沒有報名編號 {id}"))
NOT_CHECKED_IN = WORDS("not_checked_in", QT_TRANSLATE_NOOP("messages", "報到後才能填寫問卷"))
ERASE_BLOCKED = WORDS(
    "survey_erase_blocked",
    QT_TRANSLATE_NOOP(
        "messages",
        "另一個程式正在讀取資料庫，問卷暫不能結束（作答者的連結無法確實清除），請稍後再試",
    ),
)
ERASE_UNFINISHED = WORDS(
    "survey_erase_unfinished",
    QT_TRANSLATE_NOOP(
        "messages", "問卷已結束，但資料庫檔案尚未完全清除作答者的連結，請再按一次結束問卷"
    ),
)

# The questionnaire form sent from a page whose token has expired (it is shown again, filled).
FORM_EXPIRED = WORDS("csrf", QT_TRANSLATE_NOOP("messages", "這個頁面已過期，請再填一次。"))
