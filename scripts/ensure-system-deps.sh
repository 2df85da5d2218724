#!/usr/bin/env bash
# Installs what the tests need from Debian when it is missing: Chromium (the real browser the
# end-to-end tests drive) and ffmpeg (it turns real photos into fake-camera clips).
set -euo pipefail
missing=()
[ -x /usr/lib/chromium/chromium ] || [ -n "${COUNTERCHECK_CHROMIUM:-}" ] || missing+=(chromium)
command -v ffmpeg >/dev/null 2>&1 || missing+=(ffmpeg)
[ ${#missing[@]} -eq 0 ] && exit 0
echo "installing ${missing[*]} from Debian's packages..."
if [ "$(id -u)" -ne 0 ]; then
  SUDO=sudo
  command -v sudo >/dev/null 2>&1 || { echo "Please install ${missing[*]} (e.g. apt-get install -y ${missing[*]}) and run again." >&2; exit 1; }
else
  SUDO=
fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
