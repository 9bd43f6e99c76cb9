"""Draw the app icon: a rounded blue square with a white 報 (the bundled Kai font).

    python packaging/make_icon.py          # writes resources/icons/app.png and app.ico
    python packaging/make_icon.py --check  # fails when an icon is missing (used by the spec)

The PNG and ICO are committed; rerun this only to change the design.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
FONT = ROOT / "resources" / "fonts" / "ukai-tw.ttf"
BACKGROUND = (31, 94, 160, 255)  # calm blue, white text contrast 6.6:1
ACCENT = (242, 178, 51, 255)  # a thin warm band: a name badge's ribbon
SIZE = 512


def draw(size: int = SIZE) -> Image.Image:
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    margin = size // 32
    pen.rounded_rectangle(
        (margin, margin, size - margin, size - margin), radius=size // 5, fill=BACKGROUND
    )
    band = size // 14
    pen.rectangle(
        (
            margin + size // 5,
            size - margin - band * 2,
            size - margin - size // 5,
            size - margin - band,
        ),
        fill=ACCENT,
    )
    font = ImageFont.truetype(str(FONT), int(size * 0.62))
    left, top, right, bottom = pen.textbbox((0, 0), "報", font=font)
    x = (size - (right - left)) / 2 - left
    y = (size - band * 2 - (bottom - top)) / 2 - top
    pen.text((x, y), "報", font=font, fill=(255, 255, 255, 255))
    return image


def main(argv: list[str]) -> int:
    png, ico = ICONS / "app.png", ICONS / "app.ico"
    if "--check" in argv:
        missing = [str(p) for p in (png, ico) if not p.exists()]
        if missing:
            print(
                f"missing icons: {', '.join(missing)}; run python packaging/make_icon.py",
                file=sys.stderr,
            )
            return 1
        return 0
    ICONS.mkdir(parents=True, exist_ok=True)
    image = draw()
    image.resize((256, 256), Image.LANCZOS).save(png)
    image.save(
        ico, sizes=[(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)]
    )
    print(f"wrote {png} and {ico}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
