"""Close-of-day documents: a 40-row sign-in sheet (target < 0.5 s), 1,000 certificates
(target < 10 s), 200 certificates with a seal image and the glyph check of what is drawn
(target < 2 s), and memory as the certificate count grows (tracemalloc peak, 100 vs 1,000)."""

from __future__ import annotations

import datetime as dt
import statistics
import time
import tracemalloc
from io import BytesIO

from desktop.reports.certificates import CertificateLayout, CertificateText, build_certificates
from desktop.reports.docparts import Heading
from desktop.reports.fonts import glyph_record
from desktop.reports.signin_sheet import SignInRow, build_signin_sheet

HEADING = Heading(
    "參與式預算實務應用培訓班",
    "臺北場次",
    dt.date(2019, 3, 15),
    dt.time(9),
    dt.time(15, 30),
    "國家發展委員會濟南辦公區707會議室",
    "國家發展委員會",
)
NAMES = ["林堃霖", "陳喆瑋", "高峯銘", "温綉雲", "王怡君", "張雅婷", "李志明", "黃淑芬"]


def _rows(n: int) -> list[SignInRow]:
    return [
        SignInRow(f"新北市板橋區公所{i % 7}", "民政課", "科員", NAMES[i % len(NAMES)], i % 6 + 1)
        for i in range(n)
    ]


def _certs(n: int) -> list[CertificateText]:
    return [
        CertificateText(
            f"研字第108{i:04d}號",
            NAMES[i % len(NAMES)],
            "臺南市政府",
            5.0,
            dt.date(2019, 3, 15),
            f"{NAMES[i % len(NAMES)]} 君於108年3月15日（星期五）參加國家發展委員會"
            "舉辦之「參與式預算實務應用培訓班」（臺北場次，國家發展委員會濟南辦公區"
            "707會議室），全程參與，研習期滿。",
        )
        for i in range(n)
    ]


def _seal() -> bytes:
    from PIL import Image

    buffer = BytesIO()
    Image.new("RGB", (600, 600), (200, 20, 20)).save(buffer, format="PNG")
    return buffer.getvalue()


def _time(fn, runs: int) -> list[float]:  # type: ignore[no-untyped-def]
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - started)
    return samples


def run() -> dict[str, object]:
    layout = CertificateLayout(HEADING, "特頒此證。", "主任委員 ○○○")
    build_signin_sheet(HEADING, _rows(40), BytesIO())  # warm-up: the font loads once
    sheet = _time(lambda: build_signin_sheet(HEADING, _rows(40), BytesIO()), 9)
    certs = _time(lambda: build_certificates(layout, _certs(1000), BytesIO()), 3)
    sealed = CertificateLayout(HEADING, "特頒此證。", "主任委員 ○○○", seal_image=_seal())

    def checked_200() -> None:
        with glyph_record():
            build_certificates(sealed, _certs(200), BytesIO())

    batch = _time(checked_200, 5)
    peaks = {}
    for n in (100, 1000):
        tracemalloc.start()
        build_certificates(layout, _certs(n), BytesIO())
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        peaks[n] = peak
    sheet_median, cert_median = statistics.median(sheet), statistics.median(certs)
    return {
        "signin_40_rows": {
            "runs": len(sheet),
            "median_s": round(sheet_median, 3),
            "target_s": 0.5,
            "ratio_to_target": round(sheet_median / 0.5, 3),
        },
        "certificates_1000": {
            "runs": len(certs),
            "median_s": round(cert_median, 3),
            "target_s": 10.0,
            "ratio_to_target": round(cert_median / 10.0, 3),
        },
        "certificates_200_seal_glyph_check": {
            "runs": len(batch),
            "median_s": round(statistics.median(batch), 3),
            "target_s": 2.0,
            "ratio_to_target": round(statistics.median(batch) / 2.0, 3),
        },
        "memory_peak_mb": {
            "100": round(peaks[100] / 2**20, 1),
            "1000": round(peaks[1000] / 2**20, 1),
            "ratio_1000_to_100": round(peaks[1000] / peaks[100], 2),
        },
    }
