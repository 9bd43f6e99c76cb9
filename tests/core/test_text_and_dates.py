import datetime as dt

from desktop.core.rocdate import roc_date, roc_date_official, roc_iso
from desktop.core.text import clean, mask_email, mask_name, mask_phone, match_key


def test_roc_dates_follow_the_seed() -> None:
    day = dt.date(2019, 3, 15)
    assert roc_date(day) == "108年3月15日"
    assert roc_date(day, weekday=True) == "108年3月15日（星期五）"
    assert roc_date_official(day) == "中華民國108年3月15日"
    assert roc_iso(day) == "108-03-15"


def test_clean_handles_full_width_and_stray_spaces() -> None:
    assert clean("　翁瑄妤　") == "翁瑄妤"
    assert clean("ＡＢＣ　１２３") == "ABC 123"
    assert clean(None) == ""


def test_match_key_treats_tai_variants_as_one() -> None:
    assert match_key("台中市豐原區公所") == match_key("臺中市 豐原區公所")
    assert match_key("台中場次（108年4月12日）") == match_key("臺中場次(108年4月12日)")


def test_masks() -> None:
    assert mask_name("王小明") == "王○明"
    assert mask_name("歐陽小明") == "歐○○明"
    assert mask_name("王明") == "王○"
    assert mask_phone("0912345678") == "*******678"
    assert mask_phone("037123456#12") == "******456#**"
    assert mask_email("user001@mail.example.gov.tw") == "u******@mail.example.gov.tw"


def test_clean_removes_control_characters_terminal_escapes_and_direction_overrides() -> None:
    from desktop.core.text import clean

    assert clean("李\x07華") == "李華"
    assert clean("\x1b[1;31m王小明\x1b[0m") == "王小明"
    assert clean("\x1b]0;title\x07陳\x9b大文") == "陳大文"
    assert clean("林\u202e美玲\u2066") == "林美玲"
    assert clean("a\tb\r\nc") == "a b c"
