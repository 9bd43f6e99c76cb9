"""Entry passes for a session's admitted people and walk-ins: PDF, PNGs and a mail-merge CSV.
Issuing them tells people their seat is theirs (``record_told``).

Everything is built in memory first, then each file is written whole through
``desktop.core.atomicfile`` (a file of another kind with a pass's name is never replaced), so a
failed build leaves the folder as it was.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from db.models import Attendee, Event, EventSession, Registration, WorkshopTable
from db.uow import Database
from desktop.core.atomicfile import CSV_UTF8, PDF, PNG, write_atomic
from desktop.core.outcomes import exports
from desktop.core.problems import CodedError
from desktop.core.room_code import shown
from desktop.core.safe_cells import neutralise_row
from desktop.core.status import SEAT_HOLDERS
from desktop.core.tokens import make_token
from desktop.reports.fonts import GlyphProblem, glyph_record
from desktop.reports.passes import PassRow, build_passes_pdf, pass_png
from desktop.services import audit
from desktop.services.admission import record_told
from desktop.services.people_query import with_person_and_table
from desktop.services.room import ensure_codes

PDF_NAME = "passes.pdf"
CSV_NAME = "passes.csv"
CSV_HEADER = ("name", "email", "file", "room_code")


@dataclass(frozen=True)
class PassesResult:
    session: str
    count: int
    pdf: Path
    csv: Path
    pngs: tuple[Path, ...]
    missing_glyphs: tuple[GlyphProblem, ...]  # text of the PDF that printed as empty boxes

    def as_json(self) -> dict[str, object]:
        return {
            "session": self.session,
            "count": self.count,
            "pdf": str(self.pdf),
            "csv": str(self.csv),
            "png_files": [p.name for p in self.pngs],
            "missing_glyphs": [g.as_json() for g in self.missing_glyphs],
        }


def pass_rows(db: Database, session_id: int) -> list[PassRow]:
    ensure_codes(db, session_id)
    with db.read() as s:
        es = s.get_one(EventSession, session_id)
        event = s.get_one(Event, es.event_id)
        rows = s.execute(
            with_person_and_table(
                select(
                    Registration.id,
                    Attendee.name,
                    Attendee.agency,
                    Attendee.email,
                    WorkshopTable.number,
                    Registration.room_code,
                )
            )
            .where(
                Registration.session_id == session_id,
                Registration.status.in_(SEAT_HOLDERS),
            )
            .order_by(Registration.queue, Registration.id)
        ).all()
        return [
            PassRow(
                reg_id,
                name,
                agency,
                email,
                event.name,
                es.name,
                es.date,
                f"{es.start_time:%H:%M}",
                f"{es.end_time:%H:%M}",
                es.venue,
                make_token(event.token_secret, reg_id),
                table,
                shown(code) if code else "",
            )
            for reg_id, name, agency, email, table, code in rows
        ]


def png_name(row: PassRow) -> str:
    return f"pass-{row.registration_id:05d}.png"


def export_passes(db: Database, session_id: int, out_dir: Path, *, actor: str = "") -> PassesResult:
    rows = pass_rows(db, session_id)
    if not rows:
        raise CodedError(exports.NO_ONE_ADMITTED)
    session_name = rows[0].session
    out_dir = out_dir.expanduser().resolve()
    with glyph_record() as drawn:
        pdf = io.BytesIO()
        build_passes_pdf(rows, pdf, title=f"入場證 {rows[0].event} {session_name}")
    pngs = {png_name(row): pass_png(row) for row in rows}
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for row in rows:
        writer.writerow(
            neutralise_row((row.name, row.email, str(out_dir / png_name(row)), row.room_code))
        )
    for name, data in pngs.items():
        write_atomic(out_dir / name, data, PNG)
    # UTF-8 with BOM so Excel / Word mail merge read the Chinese names.
    write_atomic(out_dir / CSV_NAME, buffer.getvalue().encode("utf-8-sig"), CSV_UTF8)
    write_atomic(out_dir / PDF_NAME, pdf.getvalue(), PDF)
    missing = drawn.problems()
    with db.unit_of_work() as s:
        audit.record(
            s,
            "passes.export",
            actor=actor,
            entity="session",
            entity_id=session_id,
            count=len(rows),
            folder=str(out_dir),
        )
        record_told(
            s,
            session_id,
            [r.registration_id for r in rows],
            "passes",
            actor=actor,
            at=dt.datetime.now(),
        )
    return PassesResult(
        session_name,
        len(rows),
        out_dir / PDF_NAME,
        out_dir / CSV_NAME,
        tuple(out_dir / png_name(r) for r in rows),
        missing,
    )
