"""Closing the day: ``pdf``, ``hours``, ``export hours``, ``event set``.

``workshop-desk pdf signin|attendance|certificates|badges --session NAME --out FILE [--json]``
``workshop-desk hours --session NAME [--json]`` (a list, one object per person)
``workshop-desk hours --session NAME --adjust NAME --to HOURS --reason TEXT``
``workshop-desk export hours --session NAME --layout full|opened --out FILE [--json]``
    (reads ID numbers: needs the organiser passphrase in ``WORKSHOP_DESK_PASSPHRASE``)
``workshop-desk event set --session NAME [--category-code 345] [--city-code 10] [--term 1] ...``
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import NoReturn

from desktop.cli import (
    PASSPHRASE_ENV,
    CliError,
    Context,
    add_json_flag,
    emit_json,
    organiser_only,
    print_glyph_problems,
)
from desktop.cli.setup_commands import register_event_create
from desktop.core.hours import reason_text, rule_text
from desktop.core.idvault import WrongPassphrase
from desktop.core.outcomes import closeday, security
from desktop.core.outcomes import portal as portal_words
from desktop.core.text import match_key
from desktop.reports.portal_csv import PortalError, hours_text
from desktop.services import exports
from desktop.services.course import images_json, set_course_fields
from desktop.services.documents import DOCUMENTS, ORDERS, TITLES
from desktop.services.hours import CloseDayError, adjust_hours, day_report


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    pdf = subparsers.add_parser(
        "pdf", help="close-of-day PDFs: signin, attendance, certificates, badges"
    )
    pdf.add_argument("document", choices=DOCUMENTS)
    pdf.add_argument("--session", metavar="NAME", help="session name (e.g. 臺北場次)")
    pdf.add_argument("--out", metavar="FILE", required=True, type=Path)
    pdf.add_argument(
        "--sort",
        choices=ORDERS,
        default="agency",
        help="order of people: agency (default), table, queue",
    )
    add_json_flag(pdf)
    pdf.set_defaults(handler=run_pdf)

    hours = subparsers.add_parser("hours", help="credited learning hours per person")
    hours.add_argument("--session", metavar="NAME")
    hours.add_argument("--review", action="store_true", help="only people to review")
    hours.add_argument(
        "--adjust",
        metavar="NAME",
        help="adjust this person's hours (NAME, or the registration_id of "
        "--json when two people share a name)",
    )
    hours.add_argument("--to", type=float, metavar="HOURS", help="with --adjust")
    hours.add_argument("--reason", help="with --adjust (required, audit-logged)")
    add_json_flag(hours)
    hours.set_defaults(handler=run_hours)
    organiser_only(hours, lambda args: "hours.adjust" if args.adjust else None)

    export = subparsers.add_parser("export", help="export files")
    export_sub = export.add_subparsers(dest="export_what", metavar="WHAT", required=True)
    portal = export_sub.add_parser(
        "hours", help=f"learning-hours portal CSV (Big5); passphrase in {PASSPHRASE_ENV}"
    )
    portal.add_argument("--session", metavar="NAME")
    portal.add_argument("--layout", choices=("full", "opened"), required=True)
    portal.add_argument("--out", metavar="FILE", required=True, type=Path)
    add_json_flag(portal)
    portal.set_defaults(handler=run_export_hours)
    organiser_only(portal, "export.personal_data")

    event = subparsers.add_parser("event", help="event settings")
    event_sub = event.add_subparsers(dest="event_what", metavar="WHAT", required=True)
    register_event_create(event_sub)
    setp = event_sub.add_parser(
        "set", help="course fields for the portal file, certificate settings, hours policy"
    )
    setp.add_argument("--session", metavar="NAME")
    for flag, dest, text in (
        ("--course-name", "name", "課程名稱 (the event name)"),
        ("--course-code", "course_code", "課程代碼 (a course opened on the portal)"),
        ("--category-code", "category_code", "課程類別代碼"),
        ("--degree-credit", "degree_credit", "學位學分 (6 = none)"),
        ("--learning-mode", "learning_mode", "學習性質 (2 = in person)"),
    ):
        setp.add_argument(flag, dest=f"event_{dest}", help=text)
    setp.add_argument("--city-code", help="上課縣市 code of the session (10 臺北市, 70 臺南市...)")
    setp.add_argument("--term", help="期別 of the session")
    setp.add_argument(
        "--serial-pattern", help="certificate serial, e.g. 國發研字第{year}{seq:04d}號"
    )
    setp.add_argument("--signer", help="certificate signer line (default: the organiser)")
    setp.add_argument("--body", help="certificate closing sentence")
    setp.add_argument(
        "--full-text",
        metavar="TEXT",
        help="certificate sentence for full attendance ({name} {date} "
        "{organiser} {course} {session} {venue} {hours})",
    )
    setp.add_argument(
        "--partial-text",
        metavar="TEXT",
        help="certificate sentence for partial attendance (same fields)",
    )
    setp.add_argument(
        "--seal-image",
        metavar="FILE",
        help='PNG/JPEG of the seal, stored in the database ("" removes it)',
    )
    setp.add_argument(
        "--signature-image",
        metavar="FILE",
        help='PNG/JPEG of the signature, stored in the database ("" removes it)',
    )
    setp.add_argument(
        "--fallback-font",
        metavar="FILE",
        help="TrueType font (.ttf, or a .ttc with a TrueType face) for characters "
        "the main font lacks",
    )
    setp.add_argument("--hours-step", type=float, choices=(0.5, 1.0))
    setp.add_argument("--missing-sign-out", choices=("none", "block", "session_end"))
    setp.add_argument(
        "--course-hours",
        type=_course_hours,
        metavar="H|auto",
        help="override the computed course hours (auto: back to computed)",
    )
    add_json_flag(setp)
    setp.set_defaults(handler=run_event_set)
    organiser_only(setp, "settings.edit")
    for parser in (pdf, hours, portal, setp):
        _one_line_errors(parser)


def _one_line_errors(parser: argparse.ArgumentParser) -> None:
    """A mistyped option value (``--hours-step 0.7``) gets one line saying what, not the
    whole usage block; ``--help`` still shows the usage."""

    def error(message: str) -> NoReturn:
        parser.exit(2, f"{parser.prog}: {message}（--help 看用法）\n")

    parser.error = error  # type: ignore[method-assign]


AUTO = "auto"


def _course_hours(text: str) -> float | str:
    if text.strip().lower() == AUTO:
        return AUTO
    try:
        return float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"須為時數或 auto（got {text!r}）") from None


def run_pdf(args: argparse.Namespace, context: Context) -> int:
    session = context.session(args.session)
    try:
        result = exports.close_of_day(
            context.db, session.id, args.document, args.out, order=args.sort, actor="cli"
        )
    except CloseDayError as exc:
        if exc.outcome is not closeday.CERTIFICATES_NO_AGENDA:
            raise
        raise CliError(closeday.ADD_AGENDA_FIRST, problem=str(exc), **exc.params) from exc
    except OSError as exc:
        raise CliError(closeday.CANNOT_WRITE, path=args.out, detail=exc.strerror or exc) from None
    if args.json:
        emit_json({**result.as_json(), "session": session.name})
    else:
        print(f"{TITLES[args.document]}：{result.path}（{result.rows} 人）")
        print_glyph_problems(result.missing_glyphs)
    return 0


def run_hours(args: argparse.Namespace, context: Context) -> int:
    session = context.session(args.session)
    if args.adjust:
        if args.to is None or not args.reason:
            raise CliError("--adjust needs --to HOURS and --reason TEXT")
        report = day_report(context.db, session.id)
        key = match_key(args.adjust)
        found = [
            p
            for p in report.people
            if match_key(p.name) == key or args.adjust.strip() == str(p.registration_id)
        ]
        if not found:
            raise CliError(closeday.NOT_ON_LIST, person=args.adjust, session=session.name)
        if len(found) > 1:
            raise CliError(
                closeday.SEVERAL_ON_LIST,
                person=args.adjust,
                session=session.name,
                n=len(found),
                choices="、".join(f"{p.agency}（--adjust {p.registration_id}）" for p in found),
            )
        adjust_hours(context.db, found[0].registration_id, args.to, args.reason, actor="cli")
        if not args.json:
            print(
                f"已調整 {found[0].name}：{hours_text(found[0].hours)} → "
                f"{hours_text(args.to)} 小時（{args.reason.strip()}）"
            )
    report = day_report(context.db, session.id)
    people = report.review() if args.review else report.people
    if args.json:
        emit_json([p.as_json() for p in people])
        return 0
    print(f"{session.name}：課程時數 {hours_text(report.course.course_hours)} 小時")
    for p in people:
        times = (
            "、".join(
                f"{i.start:%H:%M}–{i.end:%H:%M}" if i.end else f"{i.start:%H:%M}–?"
                for i in p.intervals
            )
            or "—"
        )
        print(
            f"  {p.name}\t{times}\t{hours_text(p.hours)} 小時\t{rule_text(p.rule, p.schedule)}"
            f"\t{reason_text(p.reasons)}"
        )
    return 0


def run_export_hours(args: argparse.Namespace, context: Context) -> int:
    session = context.session(args.session)
    try:
        result = exports.portal_hours(
            context.db, session.id, args.layout, context.passphrase or "", args.out
        )
    except WrongPassphrase:
        raise CliError(security.WRONG_PASSPHRASE) from None
    except PortalError as exc:
        raise CliError(
            portal_words.SET_COURSE_FIELDS,
            problems=str(exc),
            missing=[p.code for p in exc.problems],
        ) from exc
    except OSError as exc:
        raise CliError(closeday.CANNOT_WRITE, path=args.out, detail=exc.strerror or exc) from None
    ok = not result.skipped
    if args.json:
        emit_json(
            {
                "ok": ok,
                "out": str(args.out),
                "layout": args.layout,
                "session": session.name,
                "encoding": "cp950",
                "written": result.written,
                "skipped": [p.as_json() for p in result.skipped],
            }
        )
    else:
        for p in result.skipped:
            print(f"無法寫入第 {p.row} 列 {p.name}：{p.detail}")
        print(f"已寫入 {result.written} 列（{args.layout}，Big5）：{args.out}")
    return 0 if ok else 1


def run_event_set(args: argparse.Namespace, context: Context) -> int:
    session = context.session(args.session)
    event_fields = {
        k[len("event_") :]: v
        for k, v in vars(args).items()
        if k.startswith("event_") and k != "event_what" and v is not None
    }
    session_fields = {
        k: v for k, v in (("city_code", args.city_code), ("term", args.term)) if v is not None
    }
    settings = {
        k: v
        for k, v in (
            ("serial_pattern", args.serial_pattern),
            ("signer", args.signer),
            ("body", args.body),
            ("full_text", args.full_text),
            ("partial_text", args.partial_text),
            ("fallback_font", args.fallback_font),
        )
        if v is not None
    }
    images = {
        k: v
        for k, v in (("seal_image", args.seal_image), ("signature_image", args.signature_image))
        if v is not None
    }
    policy = {
        k: v
        for k, v in (
            ("step", args.hours_step),
            ("missing_sign_out", args.missing_sign_out),
            ("course_hours", args.course_hours),
        )
        if v is not None
    }
    if policy.get("course_hours") == AUTO:
        policy["course_hours"] = None  # the credit blocks' planned time again
    course = set_course_fields(
        context.db,
        session.id,
        event_fields=event_fields,
        session_fields=session_fields,
        settings=settings,
        policy=policy,
        images=images,
        actor="cli",
    )
    data = {
        "session": session.name,
        "course_name": course.course_name,
        "course_code": course.course_code,
        "category_code": course.category_code,
        "degree_credit": course.degree_credit,
        "learning_mode": course.learning_mode,
        "city_code": course.city_code,
        "term": course.term,
        "course_hours": course.course_hours,
        "certificate_settings": course.settings,
        "hours_policy": course.policy.to_json(),
        "images": images_json(course),
    }
    if args.json:
        emit_json(data)
    else:
        for key, value in data.items():
            print(f"{key}: {value}")
    return 0
