"""What a command changes, in words for a person ("deletes files", "stops processes").

Collected for every simple command while it is analysed; intent.py compares them with what
the request asked for.
"""

from __future__ import annotations

import re

from tui.core.safety.lazy import lazy_pattern
from tui.core.safety.parse import Command
from tui.core.safety.rules.known import CTL_TOOLS, ROUTINE_REASON
from tui.core.safety.rules.tools import DOCKER_READ_ONLY, GIT_READ_ONLY, PROJECT_SCRIPTS
from tui.core.safety.words import split_words

DELETERS = frozenset(split_words("rm rmdir unlink shred srm wipe trash trash-put gio"))
KILLERS = frozenset(split_words("kill pkill killall killall5 skill xkill"))
WRITERS = frozenset(
    split_words(
        "mv cp touch mkdir ln dd install patch unzip gunzip gzip bzip2 xz zip split truncate "
        "rename tee rsync"
    )
)
PERMISSIONS = frozenset(split_words("chmod chown chgrp chattr setfacl"))
SYSTEM = frozenset(
    split_words(
        "systemctl service apt apt-get dnf yum pacman zypper apk brew snap flatpak pip pip3 npm "
        "yarn pnpm gem cargo useradd userdel usermod groupadd passwd shutdown reboot poweroff "
        "halt mount umount iptables ufw sysctl crontab at modprobe rmmod swapoff swapon "
        "kubectl"
    )
)
READ_SUBCOMMANDS = frozenset(
    split_words(
        "list ls show info search status ps images logs inspect get describe version help top "
        "query outdated view history stats diff config --version -l"
    )
)


_DRY_RUN = lazy_pattern(r"-[a-zA-Z]*n[a-zA-Z]*|--dry-run")
# Finding reasons that say what a command is, not what it changes.
_NEUTRAL = (
    "connects to",
    "opens a program",
    "runs as another user",
    "is not a command caro knows",
    "runs the ",
    "runs inline",
    "runs a project",
    "builds or runs",
    "talks to a network service",
    "starts a container",
    "opens a shell",
    "sets up the shell",
    "serves the files",
    "downloads",
    "starts an interactive",
)


_GENERIC = tuple(sorted(set(ROUTINE_REASON.values())))


def effect_from_findings(name: str, reasons: list[str]) -> str | None:
    """What a command changes, read from the rules' reasons when no effect is named for it
    (not for the programs `effect_of` knows, nor from a reason that only guesses by name)."""
    if name in _NAMED:
        return None
    for reason in reasons:
        if not any(part in reason for part in _NEUTRAL) and not reason.startswith(_GENERIC):
            return reason
    return None


def effect_of(command: Command, *, rated: bool) -> str | None:
    """What one simple command changes, as words for a person ("deletes files"), or None."""
    name = command.name
    argv = command.argv
    if name in DELETERS:
        return "deletes files"
    if name in KILLERS:
        return _kill_effect(argv)
    if name == "xargs":
        return _xargs_effect(command)
    special = _tool_effect(name, argv)
    if special is not None:
        return special
    if name == "git":
        return _git_effect(argv)
    if name in PERMISSIONS:
        return "changes permissions"
    if name in ("sed", "perl") and any(re.fullmatch(r"-[a-zA-Z]*i\S*", a) for a in argv):
        return "edits files in place"
    if name == "tar" and argv and re.match(r"^-?[a-zA-Z]*[cxru]", argv[0]):
        return "writes files"
    if name == "rsync" and any(
        a in ("-n", "--dry-run") or re.fullmatch(r"-[a-zA-Z]*n[a-zA-Z]*", a) for a in argv
    ):
        return None
    if name in WRITERS and not _lists_only(name, argv):
        return "writes or moves files"
    if name in CONTAINER_TOOLS:
        return _container_effect(name, argv)
    if name in SYSTEM and rated:
        sub = next((a for a in argv if not a.startswith("-")), "")
        if sub in READ_SUBCOMMANDS or sub in PROJECT_SCRIPTS or sub == "exec":
            return None
        return f"changes the system ({name} {sub})".replace(" )", ")")
    sends = _sends(name, argv)
    if sends is not None:
        return sends
    if name == "curl" and any(a in ("-o", "-O", "--output", "--remote-name") for a in argv):
        return "downloads a file"
    to_stdout = any(a in ("-O-", "-qO-", "--spider") for a in argv) or (
        "-O" in argv and argv[argv.index("-O") + 1 : argv.index("-O") + 2] == ["-"]
    )
    if name == "wget" and not to_stdout:
        return "downloads a file"
    if name in ("scp", "sftp"):
        return "copies files to or from another machine"
    return None


def _lists_only(name: str, argv: list[str]) -> bool:
    """`gzip -l`, `unzip -l`, `gzip -t`, `gunzip -c`: look inside or test, write nothing."""
    looks = ("-l", "--list", "-t", "--test", "-c", "--stdout", "-v", "-Z", "-n")
    if name in ("gzip", "gunzip", "xz", "bzip2", "unzip", "zip", "zstd"):
        return any(a in looks for a in argv)
    return False


def _git_effect(argv: list[str]) -> str | None:
    sub = next((a for a in argv if not a.startswith("-")), "")
    if not sub or sub in GIT_READ_ONLY:
        return None
    rest = argv[argv.index(sub) + 1 :]
    if sub in ("branch", "tag", "remote", "stash", "config", "worktree") and (
        not rest or rest[:1] in (["list"], ["show"], ["-l"], ["--list"], ["-a"], ["-v"], ["-r"])
    ):
        return None
    if sub == "rm":
        return "deletes files from the repository (git rm)"
    if sub == "clean":
        dry = any(re.fullmatch(r"-[a-zA-Z]*n[a-zA-Z]*|--dry-run", a) for a in rest)
        return None if dry else "deletes untracked files (git clean)"
    return f"changes the git repository (git {sub})"


CONTAINER_TOOLS = frozenset(split_words("docker podman nerdctl"))
_CONTAINER_READS = DOCKER_READ_ONLY | frozenset(
    split_words("help --help --version -v login exec attach")
)
_CURL_SENDS = frozenset(
    split_words(
        "-d --data --data-binary --data-raw --data-urlencode --json -F --form -T --upload-file"
    )
)
_WGET_SENDS = ("--post-data", "--post-file", "--body-data", "--body-file", "--method")


def _container_effect(name: str, argv: list[str]) -> str | None:
    """`docker run`, `docker rm`, `docker compose down`: anything but looking at containers."""
    words = [a for a in argv if not a.startswith("-")]
    sub = words[0] if words else ""
    if not sub or sub in _CONTAINER_READS:
        return None
    inner = words[1] if len(words) > 1 else ""
    if sub in ("container", "image", "volume", "network", "compose", "system", "builder"):
        if inner in _CONTAINER_READS or inner in ("ls", "list", "ps", "logs", "config"):
            return None
        return f"changes containers or images ({name} {sub} {inner})".replace(" )", ")")
    return f"changes containers or images ({name} {sub})"


def _sends(name: str, argv: list[str]) -> str | None:
    """A request that sends data or asks the server to change something (POST, PUT, DELETE)."""
    method = ""
    for index, arg in enumerate(argv):
        if arg in ("-X", "--request", "--method") and index + 1 < len(argv):
            method = argv[index + 1].upper()
        elif arg.startswith(("-X", "--request=", "--method=")):
            method = arg.split("=", 1)[-1].removeprefix("-X").upper()
    if name == "curl" and method and method not in ("GET", "HEAD", "OPTIONS"):
        return f"sends a {method} request, which can change data on the server"
    if name == "curl" and any(a in _CURL_SENDS or a.startswith("--data") for a in argv):
        return "sends data to a server"
    if name == "wget" and any(a.startswith(_WGET_SENDS) for a in argv):
        return "sends data to a server"
    if (
        name in ("http", "https")
        and argv[:1]
        and argv[0].upper() in ("POST", "PUT", "DELETE", "PATCH")
    ):
        return f"sends a {argv[0].upper()} request, which can change data on the server"
    return None


# Signals that ask a process to reload or report, and `kill -0`/`-l` that only check or list.
_GENTLE_SIGNALS = frozenset(
    split_words("-0 -l -L -HUP -SIGHUP -1 -USR1 -SIGUSR1 -USR2 -SIGUSR2 -s=HUP --signal=HUP")
)
# macOS programs restarted (by launchd) to pick up a `defaults write`: killing them reloads.
_RELAUNCHED = frozenset(split_words("Finder Dock SystemUIServer ControlStrip NotificationCenter"))


def _kill_effect(argv: list[str]) -> str | None:
    if any(a in _GENTLE_SIGNALS for a in argv) or " ".join(argv[:2]) in ("-s HUP", "-s USR1"):
        return None
    targets = [a for a in argv if not a.startswith("-")]
    if targets and all(a in _RELAUNCHED for a in targets):
        return None
    return "stops processes"


_NAMED = (
    DELETERS
    | KILLERS
    | WRITERS
    | PERMISSIONS
    | SYSTEM
    | CONTAINER_TOOLS
    | frozenset(split_words("git sed perl tar rsync curl wget scp sftp http https ssh"))
)


_XARGS_VALUES = frozenset(split_words("-I -i -n -P -d -a -E -L -s --max-args --max-procs"))


def _xargs_effect(command: Command) -> str | None:
    """`... | xargs kill`: what the command xargs runs changes."""
    args = command.args
    index = 0
    while index < len(args) and args[index].value.startswith("-"):
        index += 2 if args[index].value in _XARGS_VALUES else 1
    if index >= len(args):
        return None
    inner = command.wrapped(args[index:], "xargs")
    return effect_of(inner, rated=True) if inner.name != "xargs" else None


_KEYGEN_READS = frozenset(split_words("-l -lf -F -y -R -H -L -E -B -v"))
_GH_CHANGES = frozenset(
    split_words("merge close delete create edit reopen archive comment review lock transfer")
)


def _tool_effect(name: str, argv: list[str]) -> str | None:
    """Tools whose changing modes are one flag or word away from their reading ones."""
    flags = set(argv)
    if name == "fuser" and flags & {"-k", "--kill"}:
        return "stops the processes using the file or port (fuser -k)"
    if name == "fdupes" and any(re.fullmatch(r"-[a-zA-Z]*d[a-zA-Z]*|--delete", a) for a in argv):
        return "deletes duplicate files (fdupes -d)"
    if name == "ss" and flags & {"-K", "--kill"}:
        return "closes network connections (ss -K)"
    if name == "dhclient" and flags & {"-r", "-x"}:
        return "gives up the machine's network address (dhclient -r)"
    if name == "certbot" and argv[:1] and argv[0] in ("renew", "certonly", "delete", "revoke"):
        return f"changes certificates (certbot {argv[0]})"
    if name == "npm" and argv[:2] == ["audit", "fix"]:
        return "changes installed packages (npm audit fix)"
    if name == "gh" and len(argv) >= 2 and argv[1] in _GH_CHANGES:
        return f"changes things on GitHub (gh {argv[0]} {argv[1]})"
    if name == "gpg" and any(a.startswith("--delete-") for a in argv):
        return "deletes GPG keys"
    if name == "ssh-keygen" and not flags & _KEYGEN_READS:
        return "creates or replaces an SSH key (ssh-keygen)"
    if name in CTL_TOOLS and argv[:1] and argv[0].startswith(("set-", "enable", "disable")):
        return f"changes settings ({name} {argv[0]})"
    if name == "sort" and ("-o" in argv or any(a.startswith("--output") for a in argv)):
        return "rewrites a file (sort -o)"
    return None
