# caro for zsh. In ~/.zshrc:  eval "$(caro init zsh)"
# @KEY_NAME@ opens caro (set CARO_KEY before this line to change it, in bindkey notation: '^T').
# The command you accept is put on your prompt line, not run: look at it, then press Enter.
# Words already on the line are sent as the request, without opening the full screen.
_caro_widget() {
  emulate -L zsh
  local tmp cmd
  tmp=$(command mktemp "${TMPDIR:-/tmp}/caro.XXXXXX") || return 0
  local -a args=(--output-file "$tmp")
  [[ -n $BUFFER ]] && args+=(-q -- "$BUFFER")
  zle -I  # caro's messages go above; zsh redraws the prompt under them afterwards
  CARO_SHELL=zsh CARO_HISTFILE="$HISTFILE" @CARO@ "${args[@]}" </dev/tty
  cmd=$(<"$tmp")
  command rm -f -- "$tmp"
  if [[ -n $cmd ]]; then
    BUFFER=$cmd
    CURSOR=${#BUFFER}
  fi
  return 0
}
zle -N _caro_widget
bindkey -M emacs "${CARO_KEY:-@KEY@}" _caro_widget
bindkey -M viins "${CARO_KEY:-@KEY@}" _caro_widget
