"""Files besides the shell's start-up files whose lines something runs later by itself: window
managers' autostart lines (i3 and sway `exec`, Hyprland `exec-once =`), supervisord programs
and LightDM's `*-script=` (as root), new users' start-up files (/etc/skel), GDM's log-in scripts,
scripts a desktop or the
shell sources at log-in (KDE's env scripts, Xsession.d, bash completions, oh-my-zsh custom
files, fish functions), log-in environment files (`LD_PRELOAD` there loads into every program),
sshd's programs (AuthorizedKeysCommand, ForceCommand), logrotate's scripts (run as root) and
git's settings files (`fsmonitor`, `sshCommand`, `!` aliases run by ordinary git commands).

Decisions: what such a line runs is rated as if it ran; a line whose command is already HIGH
becomes CRITICAL (it comes back at every log-in or rotation, unwatched), like the start-up
files. A window manager starting `nm-applet` or logrotate reloading nginx stays as it was.
"""

from __future__ import annotations

import re

from tui.core.safety import paths
from tui.core.safety.context import Context
from tui.core.safety.lazy import lazy_pattern
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import CRITICAL, HIGH
from tui.core.safety.words import literal, split_words

# Home-relative files whose lines a window manager runs at log-in, and their line syntax.
_SESSION_FILES = frozenset(
    split_words(
        ".config/i3/config .i3/config .config/sway/config .config/hypr/hyprland.conf "
        ".config/hypr/autostart.conf"
    )
)
_SESSION_SYSTEM = frozenset(("/etc/i3/config", "/etc/sway/config"))
_EXEC_LINE = lazy_pattern(
    r"^\s*(?:exec(?:_always)?\s+(?:--no-startup-id\s+)?|exec(?:-once|-shutdown)?\s*=\s*)"
    r"(?P<code>.+)$"
)
# Shell code sourced or run at log-in or in every new shell, by folder (home-relative first).
_SOURCED_HOME = (
    ".config/plasma-workspace/env/",
    ".config/plasma-workspace/shutdown/",
    ".config/autostart-scripts/",
    ".config/openbox/autostart",
    ".bash_completion",
    ".oh-my-zsh/custom/",
    ".config/fish/functions/",
    ".config/environment.d/",
    ".pam_environment",
    ".ssh/environment",
)
_SOURCED_SYSTEM = (
    "/etc/X11/Xsession.d/",
    "/etc/gdm3/PostLogin/",
    "/etc/gdm3/PreSession/",
    "/etc/gdm3/PostSession/",
    "/etc/gdm/PostLogin/",
    "/etc/gdm/PreSession/",
    "/etc/gdm/PostSession/",
    "/etc/bash_completion.d/",
    "/usr/share/bash-completion/completions/",
    "/etc/environment.d/",
    "/etc/security/pam_env.conf",
    "/etc/dhcp/dhclient-exit-hooks.d/",
    "/etc/dhcp/dhclient-enter-hooks.d/",
    "/etc/network/if-pre-up.d/",
    "/etc/network/if-down.d/",
    "/etc/network/if-post-down.d/",
    "/etc/ppp/ip-up.d/",
    "/etc/kernel/postinst.d/",
)
_GIT_FILES_HOME = frozenset((".gitconfig", ".config/git/config"))
_SSHD_COMMANDS = lazy_pattern(
    r"^\s*(?P<key>AuthorizedKeysCommand|AuthorizedPrincipalsCommand|ForceCommand)\s+(?P<code>.+)$",
    re.IGNORECASE,
)
_ROTATE_START = lazy_pattern(r"^\s*(prerotate|postrotate|firstaction|lastaction|preremove)\s*$")
_SECTION = lazy_pattern(r"""^\s*\[\s*([\w.-]+)(?:\s+"([^"]*)")?\s*\]\s*$""")
_SETTING = lazy_pattern(r"^\s*([\w.-]+)\s*=\s*(.*?)\s*$")


def kind_of(normal: str) -> str | None:
    """The kind of start-up place `normal` is here ("shell", "session", "logrotate",
    "gitconfig"), or None."""
    rel = paths.home_relative(normal)
    if rel is not None and rel.startswith(_SOURCED_HOME):
        return "shell"
    if normal.startswith(_SOURCED_SYSTEM):
        return "shell"
    if (rel is not None and rel in _SESSION_FILES) or normal in _SESSION_SYSTEM:
        return "session"
    if normal == "/etc/logrotate.conf" or normal.startswith("/etc/logrotate.d/"):
        return "logrotate"
    if normal in _SUPERVISOR_FILES or normal.startswith(_SUPERVISOR_FOLDERS):
        return "supervisor"
    if normal == "/etc/lightdm/lightdm.conf" or normal.startswith("/etc/lightdm/lightdm.conf.d/"):
        return "supervisor"  # its `*-script=` keys name programs run as root, like `command=`
    if normal.startswith("/etc/skel/") and normal.rsplit("/", 1)[-1] in paths.RC_NAMES:
        return "shell"  # copied as the start-up file of every user made from now on
    if (rel is not None and rel in _GIT_FILES_HOME) or normal == "/etc/gitconfig":
        return "gitconfig"
    if normal == ".git/config" or normal.endswith("/.git/config"):
        return "gitconfig"
    return None


KINDS = frozenset(("session", "logrotate", "gitconfig", "supervisor"))
_SUPERVISOR_FILES = frozenset(("/etc/supervisord.conf", "/etc/supervisor/supervisord.conf"))
_SUPERVISOR_FOLDERS = ("/etc/supervisor/conf.d/", "/etc/supervisord.d/")
_PROGRAM_LINE = lazy_pattern(r"^\s*(command|[\w-]+-script)\s*=\s*(?P<code>.+)$")


def content(kind: str, where: str, text: str | None, writer: Command, ctx: Context) -> None:
    """Rates what is written into a place of `kind` (one of KINDS)."""
    if text is None:
        return  # what is written is known only when it runs: the write's own rating stands
    if kind == "session":
        codes = [m.group("code") for m in map(_EXEC_LINE.match, text.splitlines()) if m]
        _later(codes, "at every log-in", where, writer, ctx)
    elif kind == "logrotate":
        _later(_rotate_scripts(text), "as root each time the logs rotate", where, writer, ctx)
    elif kind == "supervisor":
        codes = [m.group("code") for m in map(_PROGRAM_LINE.match, text.splitlines()) if m]
        _later(codes, "and is restarted whenever it stops (supervisord)", where, writer, ctx)
    else:
        _git_settings(where, text, writer, ctx)


def sshd_lines(where: str, text: str, writer: Command, ctx: Context) -> None:
    """`AuthorizedKeysCommand /tmp/.k` in sshd_config: sshd runs it at each log-in (SSSD's
    helper or `ForceCommand internal-sftp` stay as they are)."""
    if "sshd_config" not in where:
        return
    codes = [m.group("code").strip() for m in map(_SSHD_COMMANDS.match, text.splitlines()) if m]
    _later(codes, "at every log-in over ssh", where, writer, ctx)


def _later(codes: list[str], when: str, where: str, writer: Command, ctx: Context) -> None:
    from tui.core.safety.rules.persistence import hidden  # imported here: a cycle

    for code in codes:
        before = len(ctx.findings)
        ctx.run_code(literal(code), writer)
        hidden(code, f"code in {where}", writer, ctx)
        if any(f.level >= HIGH for f in ctx.findings[before:]):
            reason = f"runs `{code.strip()[:50]}` by itself {when} ({where})"
            ctx.add(CRITICAL, reason, writer)


def _rotate_scripts(text: str) -> list[str]:
    """The lines between `postrotate` (or prerotate, ...) and `endscript`."""
    found: list[str] = []
    inside = False
    for line in text.splitlines():
        if _ROTATE_START.match(line):
            inside = True
        elif line.strip() == "endscript":
            inside = False
        elif inside and line.strip():
            found.append(line.strip())
    return found


def _git_settings(where: str, text: str, writer: Command, ctx: Context) -> None:
    """`[core] fsmonitor = CODE` written into a git settings file: rated as `git config`."""
    from tui.core.safety.rules import embedded, git_programs, git_trust  # a cycle otherwise

    section = ""
    pairs: list[tuple[str, str, bool]] = []
    for line in text.splitlines():
        head = _SECTION.match(line)
        if head is not None:
            section = head.group(1) + (f".{head.group(2)}" if head.group(2) is not None else "")
            continue
        setting = _SETTING.match(line)
        if setting is not None and section:
            value = setting.group(2).strip('"')
            pairs.append((f"{section}.{setting.group(1)}", value, True))
    for key, value, _ in pairs:
        code = embedded.git_config_code(embedded.scoped_key(key), value)
        git_programs.credential_store(embedded.scoped_key(key), value, writer, ctx)
        if code:
            git_programs.setting(key, code, True, writer, ctx)
            _later([code], "whenever git runs it", where, writer, ctx)
    git_trust.settings(pairs, True, writer, ctx, written=True)
