# caro for fish (3.1 or newer). In ~/.config/fish/config.fish:  caro init fish | source
# @KEY_NAME@ opens caro (set CARO_KEY before this line to change it, in bind notation: \ct).
# The command you accept is put on your prompt line, not run: look at it, then press Enter.
# Words already on the line are sent as the request, without opening the full screen.
function _caro_widget
    set -l dir /tmp
    set -q TMPDIR; and set dir $TMPDIR
    set -l tmp (command mktemp "$dir/caro.XXXXXX"); or return 0
    set -l args --output-file $tmp
    set -l line (commandline | string collect)
    test -n "$line"; and set -a args -q -- $line
    CARO_SHELL=fish @CARO@ $args </dev/tty
    set -l cmd (string collect <$tmp)
    command rm -f -- $tmp
    if test -n "$cmd"
        commandline -r -- $cmd
        commandline -C (string length -- $cmd)
    end
    commandline -f repaint
end
set -l caro_key @KEY@
set -q CARO_KEY; and set caro_key $CARO_KEY
bind $caro_key _caro_widget
bind -M insert $caro_key _caro_widget
