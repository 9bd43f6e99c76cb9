#!/usr/bin/env bash
# Debian/Ubuntu libraries Qt needs on Linux (see TECH-NOTES), the fonts and pdftotext the
# document tests use (fonts-arphic-ukai: a TrueType .ttc; fonts-noto-cjk: a CFF one that must be
# refused; poppler-utils: pdftotext reads the PDFs back), and chromium for the venue pages'
# real-browser tests (Playwright drives the system browser; its own download is unreachable),
# and locales for the Big5 locale the CLI's encoding tests run under (zh_TW.BIG5: what a
# zh-TW Windows console's cp950 is on Linux), generated at the end when missing:
# installed when missing and when this user may use apt; elsewhere (Windows, macOS, no root) it
# only says what is missing.
set -u
packages=(libpulse0 libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libfontconfig1 libdbus-1-3 fonts-noto-cjk fonts-arphic-ukai poppler-utils chromium locales)
command -v dpkg-query >/dev/null 2>&1 || exit 0
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "$(id -u)" -eq 0 ]; then sudo=""; elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo="sudo"; else
  [ ${#missing[@]} -eq 0 ] || echo "Missing system packages (install them with apt): ${missing[*]}" >&2
  exit 0
fi
big5_locale() {
  locale -a 2>/dev/null | grep -qix 'zh_TW.big5' && return 0
  $sudo localedef -i zh_TW -f BIG5 zh_TW.BIG5 >/dev/null 2>&1 || echo "Could not generate the zh_TW.BIG5 locale" >&2
}
[ ${#missing[@]} -eq 0 ] && { big5_locale; exit 0; }
echo "Installing system packages: ${missing[*]}"
$sudo apt-get update -qq >/dev/null 2>&1 || true
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
  || echo "Could not install: ${missing[*]}" >&2
big5_locale
