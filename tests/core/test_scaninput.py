from desktop.core.scaninput import ConsistentReads, ScanDetector, scan_report


def test_fast_burst_is_a_scan_and_slow_typing_is_not() -> None:
    d = ScanDetector()
    for i, ch in enumerate("WS1:ABCDEFGH"):
        d.key(ch, 10 + i * 0.01)
    assert d.is_scan() and d.text == "WS1:ABCDEFGH"
    assert not d.is_scan(at=10 + 11 * 0.01 + 0.5)  # terminator long after: typed by hand
    d = ScanDetector()
    for i, ch in enumerate("0912345678"):
        d.key(ch, i * 0.2)
    assert not d.is_scan() and d.text == "8"


def test_consistent_reads_need_two_frames_and_do_not_repeat() -> None:
    r = ConsistentReads(required=2, forget_after=3)
    assert r.feed(["A"]) is None
    assert r.feed(["A"]) == "A"
    assert [r.feed(["A"]) for _ in range(5)] == [None] * 5
    assert r.feed(["A", "B"]) is None and r.feed([]) is None
    assert r.feed(["B"]) is None and r.feed(["B"]) == "B"
    for _ in range(3):
        r.feed([])
    assert r.feed(["A"]) is None and r.feed(["A"]) == "A"


def test_scan_report() -> None:
    rep = scan_report("WS1:TEST0001", [i * 0.005 for i in range(12)], "enter", "WS1:TEST0001")
    assert rep.matches and rep.looks_like_scanner and rep.mean_gap_ms == 5.0
    assert rep.chars_per_second == 200.0


def test_split_codes_separates_glued_passes_only() -> None:
    from desktop.core.scaninput import split_codes

    assert split_codes("WS1:AAAA.BBBBws1:cccc.dddd") == ["WS1:AAAA.BBBB", "ws1:cccc.dddd"]
    assert split_codes("WS1:AAAA.BBBB") == ["WS1:AAAA.BBBB"]
    assert split_codes("9789573317241") == ["9789573317241"]
    assert split_codes("XWS1:AAWS1:BB") == ["XWS1:AAWS1:BB"]  # not a pass at the start: as is


def test_a_pass_composed_fast_is_a_scan_and_a_name_or_a_slow_composition_is_not() -> None:
    from desktop.core.scaninput import ComposedScan

    token = "WS1:ABCDEFGH.IJKLMNOP"
    c = ComposedScan()
    for n in range(1, len(token) + 1):
        c.feed("", token[:n], 10 + n * 0.005)
    assert c.is_scan and not c.complete("")
    c.feed(token, "", 10.11)
    assert c.complete(token) and c.text == token
    name = ComposedScan()
    for n, preedit in enumerate(("ㄔ", "ㄔㄣ", "ㄔㄣˊ")):
        name.feed("", preedit, n * 0.004)
    name.feed("陳", "", 0.02)
    assert not name.is_scan and not name.complete("陳")
    slow = ComposedScan()
    for n in range(1, len(token) + 1):
        slow.feed("", token[:n], n * 0.3)  # typed by hand through the input method
    slow.feed(token, "", 20.0)
    assert not slow.is_scan
    # A finished composition, a pause, then a scan: a new burst.
    assert slow.feed("W", "", 40.0) and slow.fast
    assert not ComposedScan(committed="A123456789").is_scan  # letters and digits, not a pass
