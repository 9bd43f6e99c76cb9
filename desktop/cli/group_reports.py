"""``workshop-desk reports export|show``: the tables' group reports of a session."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.cli import CliError, Context, add_json_flag, emit_json, print_glyph_problems
from desktop.core.group_report import CRITERIA, points
from desktop.core.outcomes import group_reports as words
from desktop.services import exports
from desktop.services.group_report_compile import (
    SessionCompilation,
    compile_session,
    report_json,
)


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
    return compile_session(context.db, context.session(name).id)


def run_export(args: argparse.Namespace, context: Context) -> int:
    out = Path(args.out).expanduser()
    if out.suffix.lower() not in (".pdf", ".xlsx"):
        raise CliError(f"--out {args.out}: the extension must be .pdf or .xlsx")
    if not out.parent.exists():
        raise CliError(f"--out {args.out}: the folder does not exist: {out.parent}")
    session = context.session(args.session)
    written = exports.group_reports(context.db, session.id, out)
    if args.json:
        emit_json(
            {
                "ok": True,
                "session": written.session,
                "out": str(out),
                "format": written.format,
                "tables": written.rows,
                "filled": written.filled,
                "proposals": written.proposals,
                "problems": written.problems,
                "missing_glyphs": [g.as_json() for g in written.missing_glyphs],
            }
        )
    else:
        print(
            f"已匯出 {out}（{written.session}：{written.rows} 桌，"
            f"{written.filled} 桌已填寫，{written.proposals} 項提案）"
        )
        if written.problems:
            print(f"注意：有 {written.problems} 處待確認（例如無法解讀的經費），詳見 reports show")
        print_glyph_problems(written.missing_glyphs)
    return 0


def run_show(args: argparse.Namespace, context: Context) -> int:
    compiled = _compiled(context, args.session)
    reports = compiled.reports
    if args.table is not None:
        reports = tuple(r for r in reports if r.table.number == args.table)
        if not reports:
            raise CliError(words.NO_TABLE_NUMBER, n=args.table)
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
