# caro for bash (4.0 or newer). In ~/.bashrc:  eval "$(caro init bash)"
# @KEY_NAME@ opens caro (set CARO_KEY before this line to change it, in readline notation: \C-t).
# The command you accept is put on your prompt line, not run: look at it, then press Enter.
# Words already on the line are sent as the request, without opening the full screen.
_caro_widget() {
  local tmp cmd
  tmp=$(command mktemp "${TMPDIR:-/tmp}/caro.XXXXXX") || return 0
  local -a args=(--output-file "$tmp")
  [[ -n $READLINE_LINE ]] && args+=(-q -- "$READLINE_LINE")
  CARO_SHELL=bash CARO_HISTFILE="$HISTFILE" CARO_HISTTIMESTAMPS="${HISTTIMEFORMAT+1}" \
    @CARO@ "${args[@]}" </dev/tty
  cmd=$(<"$tmp")
  command rm -f -- "$tmp"
  if [[ -n $cmd ]]; then
    READLINE_LINE=$cmd
    READLINE_POINT=${#cmd}
  fi
}
bind -m emacs -x "\"${CARO_KEY:-@KEY@}\": _caro_widget"
bind -m vi-insert -x "\"${CARO_KEY:-@KEY@}\": _caro_widget"
