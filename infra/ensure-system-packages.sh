#!/usr/bin/env bash
# Debian packages the product needs beyond Python: Chromium (the console's browser tests;
# `playwright install` cannot download browsers here), fonts-noto-cjk (Chinese glyphs in
# screenshots and in the PDF documents WeasyPrint renders) and poppler-utils (pdftoppm:
# page images of those documents for reviewers). Installed with apt-get when missing.
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -f /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc ] || missing+=(fonts-noto-cjk)
command -v pdftoppm >/dev/null || missing+=(poppler-utils)
[ ${#missing[@]} -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null; then
  echo "missing Debian packages: ${missing[*]} (install them)" >&2; exit 1
fi
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "installing ${missing[*]} with apt-get (one time)"
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fc-cache -f >/dev/null 2>&1 || true
