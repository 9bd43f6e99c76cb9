"""The venue server that could not start (``desktop.server.runner``; the window's venue panel
and ``workshop-desk serve``): the port is taken, the address is not this machine's, or the
server did not come up."""

from __future__ import annotations

from desktop.core.problems import QT_TRANSLATE_NOOP, Domain

WORDS = Domain("server")

PORT_IN_USE = WORDS(
    "port_in_use", QT_TRANSLATE_NOOP("messages", "連接埠 {port} 已被其他程式使用，請換一個")
)
ADDRESS_UNUSABLE = WORDS(
    "address_unusable", QT_TRANSLATE_NOOP("messages", "無法使用位址 {host}:{port}：{detail}")
)
NOT_STARTED = WORDS(
    "server_not_started",
    QT_TRANSLATE_NOOP("messages", "現場連線無法在 {host}:{port} 啟動：{detail}"),
)
START_TIMEOUT = WORDS(
    "server_start_timeout",
    QT_TRANSLATE_NOOP("messages", "現場連線在 {seconds} 秒內沒有在 {host}:{port} 啟動"),
)
