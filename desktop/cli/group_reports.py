"""``workshop-desk reports export|show``: the tables' group reports of a session."""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

from desktop.cli import CliError, Context, add_json_flag, emit_json, print_glyph_problems
from desktop.core.group_report import CRITERIA, points
from desktop.services.events import SessionNotFound, find_session
from desktop.services.group_reports import SessionCompilation, compile_session, report_json

FORMATS = {".pdf": "pdf", ".xlsx": "xlsx"}


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    reports = subparsers.add_parser("reports", help="group reports (小組報告) of a session")
    sub = reports.add_subparsers(dest="reports_command", metavar="ACTION", required=True)

    export = sub.add_parser(
        "export", help="all tables' reports as one PDF or XLSX (by --out's extension)"
    )
    export.add_argument("--session", required=True, metavar="NAME", help="session name or id")
    export.add_argument("--out", required=True, metavar="FILE", help="FILE.pdf or FILE.xlsx")
    add_json_flag(export)
    export.set_defaults(handler=run_export)

    show = sub.add_parser("show", help="the reports of a session (or one table)")
    show.add_argument("--session", required=True, metavar="NAME", help="session name or id")
    show.add_argument("--table", type=int, metavar="N", help="only table number N")
    add_json_flag(show)
    show.set_defaults(handler=run_show)


def _compiled(context: Context, name: str) -> SessionCompilation:
    try:
        session = find_session(context.db, name)
    except SessionNotFound as exc:
        raise CliError(str(exc)) from exc
    return compile_session(context.db, session.id)


def run_export(args: argparse.Namespace, context: Context) -> int:
    out = Path(args.out).expanduser()
    fmt = FORMATS.get(out.suffix.lower())
    if fmt is None:
        raise CliError(
            f"--out {args.out}: 副檔名要是 .pdf 或 .xlsx (extension must be .pdf or .xlsx)"
        )
    if not out.parent.exists():
        raise CliError(f"--out {args.out}: 資料夾不存在 (folder does not exist): {out.parent}")
    compiled = _compiled(context, args.session)
    from desktop.reports.fonts import glyph_record
    from desktop.reports.group_reports_pdf import write_pdf, write_xlsx

    # Write next to the target and rename, so a failed export never leaves half a file.
    fd, tmp_name = tempfile.mkstemp(prefix=".reports-", suffix=out.suffix, dir=out.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        with glyph_record() as drawn:  # an .xlsx draws nothing: no problems
            (write_pdf if fmt == "pdf" else write_xlsx)(compiled, tmp)
        os.replace(tmp, out)
    finally:
        tmp.unlink(missing_ok=True)
    proposals = sum(
        len([p for p in r.content.proposals if not p.is_blank()]) for r in compiled.reports
    )
    problems = sum(len(r.problems) for r in compiled.reports)
    if args.json:
        emit_json(
            {
                "ok": True,
                "session": compiled.session_name,
                "out": str(out),
                "format": fmt,
                "tables": len(compiled.reports),
                "filled": compiled.filled,
                "proposals": proposals,
                "problems": problems,
                "missing_glyphs": [g.as_json() for g in drawn.problems()],
            }
        )
    else:
        print(
            f"已匯出 {out}（{compiled.session_name}：{len(compiled.reports)} 桌，"
            f"{compiled.filled} 桌已填寫，{proposals} 項提案）"
        )
        if problems:
            print(f"注意：有 {problems} 處待確認（例如無法解讀的經費），詳見 reports show")
        print_glyph_problems(drawn.problems())
    return 0


def run_show(args: argparse.Namespace, context: Context) -> int:
    compiled = _compiled(context, args.session)
    reports = compiled.reports
    if args.table is not None:
        reports = tuple(r for r in reports if r.table.number == args.table)
        if not reports:
            raise CliError(f"--table {args.table}: {compiled.session_name}沒有這一桌")
    if args.json:
        emit_json(
            {
                "session": compiled.session_name,
                "date": compiled.date.isoformat(),
                "tables": [report_json(r) for r in reports],
            }
        )
        return 0
    for r in reports:
        c = r.content
        print(
            f"第{r.table.number}桌　桌長 {r.table.leader_name}"
            + ("" if not c.is_empty() else "　（尚未填寫）")
        )
        if c.is_empty():
            continue
        print(f"  出席：{'、'.join(m.name for m in c.present_members()) or '—'}")
        print(f"  主題：{c.topic or '—'}")
        for label, text in (("正面", c.points_for), ("反面", c.points_against)):
            for item in points(text):
                print(f"  {label}：{item}")
        for i, p in enumerate(c.proposals, start=1):
            if p.is_blank():
                continue
            cost = f"NT${p.cost:,}" if p.cost is not None else (p.cost_text or "未估")
            marks = " ".join(p.mark(k) or "—" for k in CRITERIA)
            votes = f"，{p.votes} 票" if p.votes is not None else ""
            print(f"  提案{i}：{p.title}（{cost}，可行性 {marks}{votes}）")
        if c.feedback.strip():
            print(f"  回饋：{c.feedback.strip()}")
        for problem in r.problems:
            print(f"  ! {problem.message}")
    return 0
