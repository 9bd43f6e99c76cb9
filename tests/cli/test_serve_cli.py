"""``workshop-desk serve``: the JSON line, a table URL that writes, and the passphrase."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest


def _serve(db: Path, passphrase: str, port: int = 0) -> subprocess.Popen[str]:
    env = {**os.environ, "WORKSHOP_DESK_PASSPHRASE": passphrase}
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "desktop",
            "--db",
            str(db),
            "serve",
            "--session",
            "臺北場次",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--json",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        encoding="utf-8",
        env=env,
    )


def test_serve_prints_one_json_line_and_a_table_url_fills_the_report(
    demo_db_path: Path, run_cli
) -> None:
    server = _serve(demo_db_path, "demo")
    try:
        first = json.loads(server.stdout.readline())  # type: ignore[union-attr]
        assert first["address"].startswith("http://127.0.0.1:")
        assert [t["number"] for t in first["tables"]] == [1, 2, 3, 4, 5, 6]
        url = first["tables"][2]["url"]
        assert url.startswith(first["address"] + "t/" + first["tables"][2]["code"] + "/")
        request = urllib.request.Request(
            url + "/report.json",
            method="PUT",
            headers={"Content-Type": "application/json"},
            data=json.dumps({"revision": 0, "fields": {"topic": "從 serve 打的字"}}).encode(),
        )
        with urllib.request.urlopen(request, timeout=10) as answer:
            assert json.loads(answer.read())["ok"] is True
    finally:
        server.terminate()
        server.wait(timeout=10)
    code, out, _ = run_cli(
        "--db", demo_db_path, "reports", "show", "--session", "臺北場次", "--table", "3", "--json"
    )
    assert code == 0 and json.loads(out)["tables"][0]["topic"] == "從 serve 打的字"


def test_serve_needs_the_organiser_passphrase(demo_db_path: Path) -> None:
    server = _serve(demo_db_path, "wrong")
    _, err = server.communicate(timeout=30)
    assert server.returncode == 2 and "主辦密語不正確" in err


def test_a_taken_port_is_a_coded_refusal(demo_db_path: Path) -> None:
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        server = _serve(demo_db_path, "demo", port)
        out, err = server.communicate(timeout=30)
    assert server.returncode == 2 and f"連接埠 {port} 已被其他程式使用" in err
    assert json.loads(out)["error"] == {
        "code": "port_in_use",
        "message": f"連接埠 {port} 已被其他程式使用，請換一個",
        "params": {"port": port},
    }


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a child is CTRL_C_EVENT there")
def test_ctrl_c_stops_serve_with_exit_0_and_frees_the_port(demo_db_path: Path) -> None:
    """The wait for Ctrl+C is in short slices (on Windows ``Event().wait()`` cannot be
    interrupted before Python 3.14); the server stops and the port is free again."""
    server = _serve(demo_db_path, "demo")
    try:
        first = json.loads(server.stdout.readline())  # type: ignore[union-attr]
        port = int(first["address"].rsplit(":", 1)[1].rstrip("/"))
        server.send_signal(signal.SIGINT)
        assert server.wait(timeout=10) == 0
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
    with socket.socket() as again:
        again.bind(("127.0.0.1", port))  # raises if the port were still held


def test_the_default_address_is_the_wifi_one_and_loopback_only_is_refused(monkeypatch) -> None:
    from desktop.cli import CliError
    from desktop.cli.venue import default_host
    from desktop.core.lan import Candidate
    from desktop.server import netaddr
    from tests.core.test_lan import APIPA, LAPTOP, LOOPBACK

    monkeypatch.setattr(netaddr, "interface_addresses", lambda: list(LAPTOP))
    monkeypatch.setattr(netaddr, "default_route_address", lambda: None)
    assert default_host() == "192.168.1.23"
    monkeypatch.setattr(netaddr, "interface_addresses", lambda: [LOOPBACK, APIPA])
    with pytest.raises(CliError, match="找不到手機連得到的網路位址"):
        default_host()
    vpn_only = [Candidate("10.8.0.2", "FortiClient VPN")]
    monkeypatch.setattr(netaddr, "interface_addresses", lambda: vpn_only)
    with pytest.raises(CliError, match=r"10\.8\.0\.2（FortiClient VPN）"):
        default_host()
