"""The venue panel's room address: this machine's addresses with their adapters' names.

The default route's address (else the Wi-Fi's) comes first; loopback and link-local addresses
are never listed and, typed in, are refused with a sentence; a VPN or virtual adapter's
address is marked and warned about (phones on the venue Wi-Fi usually cannot reach it). The
rule is ``desktop.core.lan``; the adapters come from ``desktop.server.netaddr``.
"""

from __future__ import annotations

import ipaddress

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

from desktop.core.lan import UNREACHABLE, Candidate, Reach, reach_of
from desktop.server import netaddr
from desktop.ui.palette import ALERT


class RoomAddressPicker(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.combo = QComboBox()
        self.combo.setObjectName("venueAddress")
        # Editable: an address Qt did not list can be typed (it is checked before serving).
        self.combo.setEditable(True)
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.combo.setMinimumContentsLength(28)
        self.combo.currentTextChanged.connect(self.check)
        self.rescan_button = QPushButton(self.tr("重新偵測"))
        self.rescan_button.setObjectName("venueRescan")
        self.rescan_button.setToolTip(self.tr("剛連上 Wi-Fi？重新列出這台電腦的網路位址"))
        self.rescan_button.clicked.connect(lambda: self.list_addresses())
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.combo, 1)
        row.addWidget(self.rescan_button)
        # Placed by the panel under its top row.
        self.warning = QLabel()
        self.warning.setObjectName("venueAddressWarning")
        self.warning.setWordWrap(True)
        self.warning.setTextFormat(Qt.TextFormat.PlainText)
        self.warning.setStyleSheet(f"color:{ALERT}")
        self.warning.hide()
        self._offered: dict[str, Candidate] = {}  # address → its adapter, as listed

    def list_addresses(self, offered: list[Candidate] | None = None) -> None:
        """List the addresses (this machine's when not given), the best one chosen."""
        offered = netaddr.offered_addresses() if offered is None else offered
        self._offered = {c.address: c for c in offered}
        self.combo.blockSignals(True)
        self.combo.clear()
        for candidate in offered:
            self.combo.addItem(self._label(candidate), candidate.address)
        self.combo.blockSignals(False)
        self.combo.setCurrentIndex(0 if offered else -1)
        editor = self.combo.lineEdit()
        if editor is not None:
            editor.setPlaceholderText(self.tr("（沒有手機連得到的位址）"))
        self.check()

    def _label(self, candidate: Candidate) -> str:
        adapter = candidate.adapter or self.tr("（網路卡名稱不明）")
        if candidate.reach is Reach.VIRTUAL:
            return self.tr("{address}　{adapter}（VPN／虛擬網路卡）").format(
                address=candidate.address, adapter=adapter
            )
        return f"{candidate.address}　{adapter}"

    def labels(self) -> list[str]:
        return [self.combo.itemText(i) for i in range(self.combo.count())]

    def chosen_address(self) -> str:
        """The address chosen: a listed one, or what was typed (its first word)."""
        index = self.combo.currentIndex()
        text = self.combo.currentText()
        if index >= 0 and text == self.combo.itemText(index):
            return str(self.combo.itemData(index))
        return text.split()[0] if text.split() else ""

    def refusal(self) -> str:
        """Why the chosen address cannot be the room address ("" when it can)."""
        reach, sentence = self.problem(self.chosen_address())
        return sentence if reach is None or reach in UNREACHABLE else ""

    def problem(self, address: str) -> tuple[Reach | None, str]:
        """(how phones can reach ``address``, None when it is no address; the sentence to
        show, "" when all is well)."""
        if not address:
            return None, self.tr(
                "這台電腦目前沒有手機連得到的網路位址（127.0.0.1 只有這台電腦自己能開）："
                "請先把這台電腦連上場地的 Wi-Fi，再按「重新偵測」。"
            )
        try:
            ip = ipaddress.ip_address(address)
        except ValueError:
            return None, self.tr("「{address}」不是 IP 位址（例如 192.168.1.20）。").format(
                address=address
            )
        listed = self._offered.get(str(ip))
        reach = listed.reach if listed is not None else reach_of(str(ip))
        sentences = {
            Reach.LOOPBACK: self.tr(
                "{address} 只有這台電腦自己連得到，手機無法使用：請選場地 Wi-Fi 的位址。"
            ),
            Reach.LINK_LOCAL: self.tr(
                "{address} 是網路卡沒有取得位址時的自動位址（169.254），手機無法使用："
                "請確認已連上場地的 Wi-Fi，再按「重新偵測」。"
            ),
            Reach.UNSPECIFIED: self.tr("{address} 不是手機能開啟的位址：請選場地 Wi-Fi 的位址。"),
            Reach.VIRTUAL: self.tr(
                "注意：{address} 屬於 VPN 或虛擬網路卡，場地 Wi-Fi 上的手機多半連不到；"
                "請改選 Wi-Fi 的位址，除非您確定手機在這個網路上。"
            ),
        }
        return reach, sentences.get(reach, "").format(address=ip)

    def check(self, *_args: object) -> None:
        """Warn about the chosen address as soon as it is chosen or typed."""
        self.warn(self.problem(self.chosen_address())[1])

    def warn(self, sentence: str) -> None:
        self.warning.setText(sentence)
        self.warning.setVisible(bool(sentence))
