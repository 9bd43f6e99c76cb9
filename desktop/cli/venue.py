"""``workshop-desk serve``: the venue server without a window (organiser action).

``serve --session NAME [--host IP] [--port N] [--json]`` issues new table secrets, listens on
the one address given (by default the address of the default route, else the Wi-Fi
adapter's; never loopback or link-local, and VPN or virtual adapters last) and prints the
address and each table's URL; with ``--json`` that is one JSON line, ``address`` and
``tables`` (``number``, ``code``, ``url``). It runs until interrupted (Ctrl+C; the wait is in
short slices because on Windows a plain ``Event().wait()`` is not interrupted by Ctrl+C
before Python 3.14).
"""

from __future__ import annotations

import argparse
import getpass
import ipaddress
import json
import sys
import time

from desktop.cli import PASSPHRASE_ENV, CliError, Context, add_json_flag, organiser_only
from desktop.core.lan import Reach
from desktop.core.outcomes import requests
from desktop.server.runner import DEFAULT_PORT

WAIT_SLICE = 0.5  # seconds: how soon Ctrl+C is seen on Windows


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    serve = subparsers.add_parser(
        "serve",
        help="venue server: table leaders fill reports from their phones (主辦; "
        f"passphrase from ${PASSPHRASE_ENV} or the terminal)",
    )
    serve.add_argument("--session", required=True, metavar="NAME", help="session name or id")
    serve.add_argument(
        "--host",
        metavar="IP",
        help="address to listen on (default: the default route's address, else the Wi-Fi's)",
    )
    serve.add_argument(
        "--port",
        type=int,
        default=DEFAULT_PORT,
        metavar="N",
        help=f"port (default {DEFAULT_PORT}; 0 = any free port)",
    )
    add_json_flag(serve)
    serve.set_defaults(handler=run_serve)
    organiser_only(serve, "venue.serve")


def default_host() -> str:
    """The room address phones can open; with only VPN or virtual adapters, ask."""
    from desktop.server.netaddr import offered_addresses

    offered = offered_addresses()
    if offered and offered[0].reach is Reach.OK:
        return offered[0].address
    found = "、".join(f"{c.address}（{c.adapter or '?'}）" for c in offered) or "—"
    raise CliError(requests.NO_ROOM_ADDRESS, found=found)


def run_serve(args: argparse.Namespace, context: Context) -> int:
    from desktop.server.app import create_app
    from desktop.server.runner import VenueServer
    from desktop.services.venue import issue_secrets

    if not 0 <= args.port <= 65535:
        raise CliError(f"--port {args.port}: give a port from 0 to 65535")
    if args.host is not None:
        try:
            ipaddress.ip_address(args.host)
        except ValueError:
            raise CliError(f"--host {args.host}: not an IP address (e.g. 192.168.1.20)") from None
    session = context.session(args.session)
    host = args.host or default_host()
    server = VenueServer(create_app(context.db, session), host, args.port)
    server.start()  # a ServerError is a coded refusal: main prints it
    try:
        issued = issue_secrets(context.db, session.id, actor=f"cli:{getpass.getuser()}")
        tables = [
            {"number": t.number, "code": t.code, "url": f"{server.address}t/{t.code}/{t.secret}"}
            for t in issued
        ]
        if args.json:
            print(
                json.dumps(
                    {"address": server.address, "session": session.name, "tables": tables},
                    ensure_ascii=False,
                ),
                flush=True,
            )
        else:
            print(f"{session.name}：現場連線在 {server.address}（按 Ctrl+C 結束）")
            print("把首頁位址投影出來；每桌的桌長網址（含填寫權限，只交給該桌桌長）：")
            for t in tables:
                print(f"  第{t['number']}桌　代碼 {t['code']}　{t['url']}")
            sys.stdout.flush()
        while server.running:  # until Ctrl+C
            time.sleep(WAIT_SLICE)
    except KeyboardInterrupt:
        return 0
    finally:
        server.stop()
    print("現場連線意外停止", file=sys.stderr)
    return 1
