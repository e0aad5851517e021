"""Text planted in a file that something else runs later: an editor's start-up file that runs
shell commands, server pages that run what a web request sends (web shells), and SSH keys typed
into the command line.
"""

from __future__ import annotations

import posixpath
import re

from tui.core.safety import paths
from tui.core.safety.context import Context
from tui.core.safety.lazy import lazy_pattern
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import CRITICAL, HIGH
from tui.core.safety.words import literal, split_words

# Start-up files of editors and pagers, relative to the home folder.
EDITOR_RC = frozenset(
    split_words(
        ".vimrc .gvimrc .exrc .vim/vimrc .config/nvim/init.vim .config/nvim/init.lua .emacs "
        ".emacs.d/init.el .emacs.d/early-init.el .config/emacs/init.el .nanorc .lesskey .inputrc "
        ".tmux.conf .config/tmux/tmux.conf"
    )
)
# How each start-up language runs a shell command: vim `!cmd`, `system('cmd')`, emacs
# `(shell-command "cmd")`, Lua `os.execute("cmd")`.
_EDITOR_ESCAPES = (
    lazy_pattern(r"(?:^|[\s:|])!\s*([^=\s].*)$"),
    lazy_pattern(r"""\b(?:system|systemlist|jobstart|termopen)\s*\(\s*(['"])(.+?)\1"""),
    lazy_pattern(r"""\((?:async-)?shell-command(?:-to-string)?\s+"([^"]+)\""""),
    lazy_pattern(r"""\bos\.execute\s*\(\s*(['"])(.+?)\1"""),
)
# tmux runs shell commands with `run-shell` (`run`) and `if-shell` (`if`), also inside hooks.
_TMUX_ESCAPE = lazy_pattern(
    r"""(?:^|[\s;'"])(?:run-shell|run|if-shell|if)(?:\s+-\w+)*\s+(['"])(.+?)\1"""
)
_ON_KEY = lazy_pattern(r"^[nvxsoilct]?(nore)?map!?\s|^command!?\s|^vim\.keymap\.set\b")
# Server-side code that runs what a request sends: PHP, ASP, JSP.
_WEB_SHELL = lazy_pattern(
    r"\b(eval|assert|system|exec|shell_exec|passthru|popen|proc_open|pcntl_exec|"
    r"create_function)\s*\(\s*(?:base64_decode\s*\(\s*|stripslashes\s*\(\s*)?"
    r"\$_(GET|POST|REQUEST|COOKIE|SERVER|FILES)\b"
    r"|`\s*\$_(GET|POST|REQUEST|COOKIE)\b"
    r"|\b(eval|execute)\s*\(?\s*request\s*[(.\[]"
    r"|getruntime\s*\(\s*\)\s*\.\s*exec\s*\(\s*request\.getparameter",
    re.IGNORECASE,
)
_KEY_TYPES = lazy_pattern(
    r"(^|[\s\"'])(ssh-(rsa|dss|ed25519)|ecdsa-sha2-nistp\d+|sk-ssh-ed25519@openssh\.com|"
    r"sk-ecdsa-sha2-nistp256@openssh\.com)\s+AAAA"
)
# Writers whose words are the text they put in a file.
_TEXT_WRITERS = frozenset(split_words("echo printf cat sed perl tee sponge"))


def editor_escapes(text: str, *, tmux: bool = False) -> list[str]:
    """The shell commands an editor start-up text runs (`autocmd VimEnter * silent !cmd`), or
    a tmux one (`run-shell 'cmd'`)."""
    found: list[str] = []
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith(('"', "--", ";", "#")) or _ON_KEY.match(stripped):
            continue  # comments of vim, Lua, Lisp, shell; mappings run only when typed
        if tmux:
            if not stripped.startswith("bind"):  # a key binding runs only when pressed
                found += [match.group(2) for match in _TMUX_ESCAPE.finditer(stripped)]
            continue
        for pattern in _EDITOR_ESCAPES:
            for match in pattern.finditer(stripped):
                found.append(match.group(match.lastindex or 1))
    return found


def editor_start(where: str, text: str | None, writer: Command, ctx: Context) -> None:
    """Runs the commands an editor start-up file will run, and says they run at every start."""
    if where.endswith("tmux.conf"):
        _tmux_start(where, text, writer, ctx)
        return
    for code in editor_escapes(text or ""):
        before = len(ctx.findings)
        ctx.run_code(literal(code), writer)
        if any(f.level >= HIGH for f in ctx.findings[before:]):
            reason = f"makes the editor run `{code[:50]}` every time it starts ({where})"
            ctx.add(CRITICAL, reason, writer)
        else:
            reason = (
                f"makes the editor run a shell command by itself, at start or on events ({where})"
            )
            ctx.add(HIGH, reason, writer)


def _tmux_start(where: str, text: str | None, writer: Command, ctx: Context) -> None:
    """tmux's `run-shell` lines run at every start: as risky as the command, and CRITICAL when
    that is already HIGH (a plugin manager's `run '~/.tmux/plugins/tpm/tpm'` stays as it is)."""
    for code in editor_escapes(text or "", tmux=True):
        before = len(ctx.findings)
        ctx.run_code(literal(code), writer)
        if any(f.level >= HIGH for f in ctx.findings[before:]):
            reason = f"makes tmux run `{code[:50]}` every time it starts ({where})"
            ctx.add(CRITICAL, reason, writer)


# Files the usual start-up files read in, and PowerShell's profiles: code there runs in every
# new shell like the start-up file's own.
_SOURCED_BY_RC = frozenset(
    split_words(".bash_aliases .bash_functions .aliases .zsh_aliases .zshrc.local .bashrc.local")
)
# Server-side pages a web server runs when asked for them.
_SERVER_PAGE = lazy_pattern(
    r"\.(php\d?|phtml|phar|aspx?|ashx|asmx|jspx?|cgi|pl|cfm)$", re.IGNORECASE
)
WEB_ROOTS = ("/var/www/", "/srv/www/", "/srv/http/", "/usr/share/nginx/html/", "/usr/lib/cgi-bin/")


def is_sourced_by_rc(path: str) -> bool:
    rel = paths.home_relative(path)
    return rel is not None and (rel in _SOURCED_BY_RC or rel.startswith(".config/fish/conf.d/"))


def is_powershell_profile(path: str) -> bool:
    """PowerShell's profiles (`~/.config/powershell/Microsoft.PowerShell_profile.ps1`, the
    Documents ones on Windows): every new PowerShell session runs them."""
    name = posixpath.basename(path).lower()
    return name.endswith("profile.ps1") and "powershell" in path.lower()


def powershell_profile(where: str, text: str | None, writer: Command, ctx: Context) -> None:
    """What is added to a PowerShell profile, read as PowerShell; harm there comes back in
    every session."""
    if not text:
        ctx.add(HIGH, f"writes content known only when it runs into {where}", writer)
        return
    from tui.core.safety.rules import windows as windows_rules  # imported here: a cycle

    before = len(ctx.findings)
    windows_rules.analyse(text, ctx, depth=1)
    worst = max(ctx.findings[before:], key=lambda f: f.level, default=None)
    if worst is not None and worst.level >= HIGH:
        reason = f"makes every PowerShell session run code that {worst.reason} ({where})"
        ctx.add(CRITICAL, reason, writer)


def is_server_page(path: str) -> bool:
    """`/var/www/html/x.php`: a page the web server runs for whoever asks."""
    return path.startswith(WEB_ROOTS) and bool(_SERVER_PAGE.search(path))


def is_editor_rc(path: str) -> bool:
    rel = paths.home_relative(path)
    return rel is not None and (rel in EDITOR_RC or _EDITOR_PLUGINS.match(rel) is not None)


# Plugin folders vim and neovim load every file of at each start.
_EDITOR_PLUGINS = lazy_pattern(
    r"(\.vim|\.config/nvim)/(after/)?plugin/|"
    r"(\.vim|\.config/nvim|\.local/share/nvim/site)/pack/[^/]+/start/[^/]+/plugin/"
)


def literal_keys(text: str | None) -> bool:
    """A public key typed into the command (`echo 'ssh-ed25519 AAAA... x' >> authorized_keys`)."""
    return bool(text) and any(_KEY_TYPES.search(line) for line in (text or "").splitlines())


_OWN_PUBLIC_KEY = lazy_pattern(r"^(~|\$HOME|\$\{HOME\})/\.ssh/[\w.-]+\.pub$")


def own_key_added(command: Command, target: str, ctx: Context) -> bool:
    """`cat ~/.ssh/id_ed25519.pub | ssh HOST 'cat >> ~/.ssh/authorized_keys'`: your own key, for
    your own log-in on another machine, what ssh-copy-id does. (The same append on this machine
    stays HIGH: test_safety_g_tune5 pins it.)"""
    if command.name != "cat" or not paths.normalise(target).startswith("~/.ssh/authorized_keys"):
        return False
    fed = ssh_fed(command, ctx)
    keys = fed[1:] if fed[:1] == ["cat"] else []
    return bool(keys) and all(_OWN_PUBLIC_KEY.match(key) for key in keys)


def ssh_fed(command: Command, ctx: Context) -> list[str]:
    """`cat k.pub | ssh HOST 'cat >> f'`: the words of what feeds the remote command's input
    (the command before ssh in the pipeline), or []."""
    if (
        command.args
        or command.stdin is not None
        or ctx.subjects[:1] == ()
        or not (ctx.subjects[0].startswith("ssh "))
    ):
        return []
    at = ctx.simple_commands.index(ctx.subjects) if ctx.subjects in ctx.simple_commands else 0
    return ctx.simple_commands[at - 1][0].split() if at > 0 else []


def web_shell(command: Command, ctx: Context) -> None:
    """`echo '<?php system($_GET["c"]); ?>' > x.php`, `sed -i '1i <?php eval($_POST[...])'`:
    a page that runs whatever a web request sends, for anyone who finds it."""
    if command.name not in _TEXT_WRITERS:
        return
    writes = any(r.writes for r in command.redirects)
    writes = writes or command.name in ("tee", "sponge", "sed", "perl")
    if command.name in ("sed", "perl") and not any(a.startswith("-i") for a in command.argv):
        return
    texts = [w.value for w in command.args]
    texts += [r.body.value for r in command.redirects if r.op in ("<<", "<<<") and r.body]
    if command.stdin is not None and command.stdin.literal is not None:
        texts += [w.value for w in command.stdin.literal]
    if writes and any(_WEB_SHELL.search(text) for text in texts):
        reason = "plants a web shell: the page runs any command a web request sends"
        ctx.add(CRITICAL, reason, command)
