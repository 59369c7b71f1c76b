#!/usr/bin/env bash
# Build CoachDesk for Linux from a clean checkout, in one command:
#
#   bash installer/build-linux.sh [--out DIR] [--no-deb] [--compression xz|gzip|zstd|none]
#                                 [--level N]
#
# 1. a build virtualenv of its own (DIR/venv) with CoachDesk's dependencies and PyInstaller
# 2. the one-folder bundle: DIR/dist/coachdesk (run DIR/dist/coachdesk/coachdesk --self-test)
# 3. the Debian package: DIR/coachdesk_VERSION_ARCH.deb (dpkg-deb)
# and prints the time taken and the sizes. DIR defaults to build/installer in the checkout.
# Needs: python3 (3.11, built with --enable-shared), python3-venv, dpkg-deb, ldd, and the Qt
# runtime libraries from .ci/apt-packages.txt (the bundle's libraries are resolved against them).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
out=$repo/build/installer
deb=1
compression=xz
level=6
while [ $# -gt 0 ]; do
  case $1 in
    --out) out=$2; shift 2 ;;
    --no-deb) deb=0; shift ;;
    --compression) compression=$2; shift 2 ;;
    --level) level=$2; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "build-linux.sh: unknown option $1 (try --help)" >&2; exit 2 ;;
  esac
done
mkdir -p "$out"
out=$(cd "$out" && pwd)
python=${PYTHON:-python3}
for tool in "$python" ldd; do
  command -v "$tool" >/dev/null || { echo "build-linux.sh: $tool is missing" >&2; exit 1; }
done
if [ $deb = 1 ] && ! command -v dpkg-deb >/dev/null; then
  echo "build-linux.sh: dpkg-deb is missing (install dpkg, or pass --no-deb)" >&2; exit 1
fi
if [ "$("$python" -c 'import sysconfig; print(sysconfig.get_config_var("Py_ENABLE_SHARED"))')" != 1 ]; then
  echo "build-linux.sh: $python has no shared libpython; PyInstaller needs one" >&2; exit 1
fi

started=$(date +%s)
step() { echo "== $1 ($(( $(date +%s) - started )) s)"; }

step "build virtualenv: $out/venv"
"$python" -m venv --clear "$out/venv"
pip=("$out/venv/bin/python" -m pip -q --disable-pip-version-check)
"${pip[@]}" install "$repo[installer]" 2>&1 | grep -v '^WARNING: Location' || true
"$out/venv/bin/python" -c "import PyInstaller, PySide6, sqlcipher3, cryptography, reportlab" \
  || { echo "build-linux.sh: the build virtualenv is incomplete" >&2; exit 1; }

step "icons"
QT_QPA_PLATFORM=offscreen "$out/venv/bin/python" "$repo/installer/make_icons.py" "$out/icons"

step "one-folder bundle (PyInstaller)"
rm -rf "$out/dist" "$out/work"
"$out/venv/bin/pyinstaller" --noconfirm --clean --log-level WARN \
  --distpath "$out/dist" --workpath "$out/work" "$repo/installer/coachdesk.spec"
bundle=$out/dist/coachdesk
bundle_built=$(date +%s)

step "self-test of the bundle"
QT_QPA_PLATFORM=offscreen "$bundle/coachdesk" --self-test >"$out/self-test.json" \
  || { cat "$out/self-test.json"; echo "build-linux.sh: the bundle failed its self-test" >&2; exit 1; }

deb_file=
if [ $deb = 1 ]; then
  step "Debian package (dpkg-deb, $compression -z$level)"
  rm -f "$out"/coachdesk_*.deb
  "$out/venv/bin/python" "$repo/installer/linux/build_deb.py" --bundle "$bundle" \
    --icons "$out/icons" --out "$out" --compression "$compression" --level "$level" | tee "$out/deb.log"
  deb_file=$(tail -n 1 "$out/deb.log")
fi
rm -rf "$out/work"

finished=$(date +%s)
mib() { du -sm --apparent-size "$1" | cut -f1; }
echo
echo "== CoachDesk Linux build done in $(( finished - started )) s" \
     "(bundle ready after $(( bundle_built - started )) s)"
echo "bundle folder: $bundle  $(mib "$bundle") MiB, $(find "$bundle" -type f | wc -l) files"
if [ -n "$deb_file" ]; then
  echo "deb:           $deb_file  $(mib "$deb_file") MiB" \
       "($(stat -c %s "$deb_file") bytes; unpacked $(dpkg-deb -f "$deb_file" Installed-Size) KiB)"
fi
