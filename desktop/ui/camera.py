"""Webcam scanning: QtMultimedia preview, zxing-cpp decoding in a worker thread.

Pipeline (measured in TECH-NOTES at 30 fps): ``QVideoSink.videoFrameChanged`` → the GUI thread
drops the frame when the decoder is busy, else converts it to a ``QImage`` → queued signal to
``FrameDecoder`` living in a ``QThread`` (zxing-cpp releases the GIL) → decoded texts back to
the GUI thread → ``ConsistentReads`` accepts a code seen in consecutive frames → ``code_read``.
The window never waits for the decoder.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import zxingcpp
from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot
from PySide6.QtGui import QHideEvent, QImage
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.scaninput import ConsistentReads

if TYPE_CHECKING:  # QtMultimedia is imported when used: its backend may be missing
    from PySide6.QtMultimedia import QCamera, QCameraDevice, QMediaCaptureSession, QVideoFrame
    from PySide6.QtMultimediaWidgets import QVideoWidget

# QR codes only: all formats are 10–20× slower per frame
QR_ONLY = zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)


def decode_image(image: QImage) -> list[str]:
    """The QR codes in a frame (zxing-cpp reads a QImage directly)."""
    if image.isNull():
        return []
    if image.format() not in (
        QImage.Format.Format_RGB32,
        QImage.Format.Format_ARGB32,
        QImage.Format.Format_Grayscale8,
        QImage.Format.Format_RGB888,
    ):
        image = image.convertToFormat(QImage.Format.Format_RGB32)
    return [r.text for r in zxingcpp.read_barcodes(image, formats=QR_ONLY) if r.valid]


class FrameDecoder(QObject):
    """Lives in a worker thread; decodes one frame at a time."""

    decoded = Signal(list)

    @Slot(QImage)
    def decode(self, image: QImage) -> None:
        try:
            texts = decode_image(image)
        except Exception:  # a bad frame must never stop the pipeline
            texts = []
        self.decoded.emit(texts)


class DecoderPipeline(QObject):
    """Frames in (GUI thread), accepted codes out. Drops frames while the worker is busy."""

    code_read = Signal(str)
    _to_worker = Signal(QImage)

    def __init__(self, required: int = 2, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.reads = ConsistentReads(required=required)
        self.busy = False
        self.frames_in = 0
        self.frames_decoded = 0
        # not `thread`: that would shadow QObject.thread(), the thread this object lives in
        self.decoder_thread = QThread()
        self.decoder_thread.setObjectName("qrDecoder")
        self.worker = FrameDecoder()
        self.worker.moveToThread(self.decoder_thread)
        self._to_worker.connect(self.worker.decode, Qt.ConnectionType.QueuedConnection)
        self.worker.decoded.connect(self._on_decoded, Qt.ConnectionType.QueuedConnection)

    def offer(self, image: QImage) -> bool:
        """Hand a frame to the decoder unless it is busy; returns whether it was taken."""
        self.frames_in += 1
        if self.busy:
            return False
        if not self.decoder_thread.isRunning():
            self.decoder_thread.start()
        self.busy = True
        self._to_worker.emit(image)
        return True

    @Slot(list)
    def _on_decoded(self, texts: list[str]) -> None:
        self.busy = False
        self.frames_decoded += 1
        accepted = self.reads.feed(list(texts))
        if accepted is not None:
            self.code_read.emit(accepted)

    def stop(self) -> None:
        """Stop the worker thread (a frame being decoded is finished first)."""
        if self.decoder_thread.isRunning():
            self.decoder_thread.quit()
            self.decoder_thread.wait(5000)
        self.busy = False


def available_cameras() -> list[QCameraDevice]:
    from PySide6.QtMultimedia import QMediaDevices

    return list(QMediaDevices.videoInputs())


class CameraPanel(QWidget):
    """Pick a camera, see the preview, read passes. Says plainly when there is no camera."""

    code_read = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cameraPanel")
        self.pipeline = DecoderPipeline(parent=self)
        self.pipeline.code_read.connect(self.code_read)
        self.picker = QComboBox()
        self.picker.setObjectName("cameraPicker")
        self.picker.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.start_button = QPushButton(self.tr("開始"))
        self.start_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.start_button.setCheckable(True)
        self.start_button.toggled.connect(self._on_toggled)
        self.rescan_button = QPushButton(self.tr("重新偵測"))
        self.rescan_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.rescan_button.clicked.connect(self.find_cameras)
        self.status = QLabel()
        self.status.setObjectName("cameraStatus")
        self.status.setWordWrap(True)
        self.preview: QVideoWidget | None = None
        self._camera: QCamera | None = None
        self._capture: QMediaCaptureSession | None = None
        row = QHBoxLayout()
        row.addWidget(self.picker, 1)
        row.addWidget(self.start_button)
        row.addWidget(self.rescan_button)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addLayout(row)
        self._layout.addWidget(self.status)
        self.find_cameras()

    def find_cameras(self) -> None:
        self.stop()
        self.picker.clear()
        try:
            cameras = available_cameras()
        except Exception as exc:  # multimedia backend missing
            cameras = []
            self.status.setText(self.tr("無法使用攝影機功能：{error}").format(error=exc))
        for device in cameras:
            self.picker.addItem(device.description(), device)
        has = bool(cameras)
        self.picker.setEnabled(has)
        self.start_button.setEnabled(has)
        if not has:
            self.status.setText(
                self.tr("找不到攝影機。請接上攝影機後按「重新偵測」，或改用條碼掃描器或姓名搜尋。")
            )
        else:
            self.status.setText(self.tr("選擇攝影機後按「開始」，將入場證 QR 碼對準鏡頭。"))

    def has_camera(self) -> bool:
        return self.picker.count() > 0

    def _on_toggled(self, on: bool) -> None:
        if on:
            self.start()
        else:
            self.stop()

    def start(self) -> None:
        from PySide6.QtMultimedia import QCamera, QMediaCaptureSession
        from PySide6.QtMultimediaWidgets import QVideoWidget

        device = self.picker.currentData()
        if device is None:
            return
        if self.preview is None:
            self.preview = QVideoWidget()
            self.preview.setMinimumHeight(180)
            self._layout.addWidget(self.preview, 1)
        camera = QCamera(device)
        camera.errorOccurred.connect(
            lambda _e, text: self.status.setText(self.tr("攝影機錯誤：{error}").format(error=text))
        )
        capture = QMediaCaptureSession()
        capture.setCamera(camera)
        capture.setVideoOutput(self.preview)
        self.preview.videoSink().videoFrameChanged.connect(self._on_frame)
        self._camera, self._capture = camera, capture
        camera.start()
        self.status.setText(self.tr("掃描中：{name}").format(name=device.description()))

    def _on_frame(self, frame: QVideoFrame) -> None:
        if self.pipeline.busy:
            self.pipeline.frames_in += 1
            return  # drop: the decoder is still on the previous frame
        self.pipeline.offer(frame.toImage())

    def stop(self) -> None:
        if self._camera is not None:
            self._camera.stop()
            self._camera = None
            self._capture = None
        if self.start_button.isChecked():
            self.start_button.blockSignals(True)
            self.start_button.setChecked(False)
            self.start_button.blockSignals(False)

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self.shutdown()

    def shutdown(self) -> None:
        self.stop()
        self.pipeline.stop()
