from desktop.core.search import parse_query, phone_digits, search_key


def test_search_is_variant_insensitive_and_phone_matches_last_digits() -> None:
    key = search_key("陳大華", "臺北市政府民政局", "Hua@Mail.Example.gov.tw")
    phone = phone_digits("0912-345-678")
    assert parse_query("台北 陳").matches(key, phone)
    assert parse_query("ＨＵＡ").matches(key, phone)
    assert parse_query("5678").matches(key, phone)
    assert not parse_query("1234").matches(key, phone)  # not the last digits
    assert not parse_query("台中").matches(key, phone)
    assert parse_query("  ").empty and parse_query("").matches(key, phone)
