"""Persistence: commands that make code run later, again and again (cron, at, timers, start-up).

`echo '* * * * * CODE' | crontab -` replaces the crontab (HIGH) and CODE is rated as if it ran
(it will, every minute). `at now <<< CODE`, `systemd-run --on-calendar=... CODE` likewise.
What is written into start-up files, cron folders, unit files and sudoers is read by
`written_code` in the analyser (see `startup_content`).
"""

from __future__ import annotations

import posixpath
import re
import shlex

from tui.core.safety import paths, pycode
from tui.core.safety.context import Context
from tui.core.safety.lazy import lazy_pattern
from tui.core.safety.model import Finding
from tui.core.safety.parse import Command, Stdin
from tui.core.safety.rules import (
    launchd_plists,
    login_hooks,
    module_loading,
    package_hooks,
    planted,
    shell_settings,
    ssh_client,
)
from tui.core.safety.rules.common import CRITICAL, HIGH, MODERATE, Rule, options
from tui.core.safety.rules.configs import PACKAGE_SOURCES, config_content
from tui.core.safety.rules.embedded import GIT_HOOKS
from tui.core.safety.rules.standing_leaks import run_repeatedly
from tui.core.safety.rules.startup_lookups import queried_text
from tui.core.safety.words import SUBSTITUTED, Word, literal, split_words

_CRON_LINE = lazy_pattern(r"^\s*(@\w+|(\S+\s+){4}\S+)\s+(?P<code>.+)$")
# anacrontab: period (days or @monthly), delay in minutes, job name, then the command.
_ANACRON_LINE = lazy_pattern(r"^\s*(@\w+|\d+)\s+\d+\s+\S+\s+(?P<code>.+)$")
_UNIT_EXEC = lazy_pattern(r"^\s*Exec\w*\s*=\s*[-@:+!]*(?P<code>.+)$")


def crontab(command: Command, ctx: Context) -> None:
    opts = options(command, "-u")
    user = opts.value("-u")
    if opts.has("-r"):
        whose = f"{user}'s" if user else "your"
        ctx.add(HIGH, f"deletes {whose} whole crontab (crontab -r): every job in it", command)
        return
    if opts.has("-l"):
        return
    if opts.has("-e") and stdin_text(command) is None:
        ctx.add(MODERATE, "edits scheduled jobs (crontab -e)", command)
        return
    source = opts.operands[0].value if opts.operands else "-"
    whose = f"{user}'s" if user else "your"
    stdin = command.stdin
    adds = stdin is not None and "crontab" in stdin.producers and source in ("-", "/dev/stdin")
    if adds and stdin is not None and "file" in stdin.kinds and stdin_text(command) is None:
        reason = f"adds scheduled jobs to {whose} crontab from a file caro cannot read"
        ctx.add(HIGH, reason, command)  # `crontab -l | cat - <(...) | crontab -`
    elif adds and stdin is not None and _comments_out(stdin):
        reason = f"turns every job in {whose} crontab off (each line made a comment)"
        ctx.add(HIGH, reason, command)  # `crontab -l | sed 's/^/#/' | crontab -`
    elif adds and stdin is not None and _drops_backups(stdin) and _roots(command, user):
        reason = "takes the backup jobs out of root's crontab: the system's copies stop"
        ctx.add(HIGH, reason, command)  # `crontab -l | sed '/backup/d' | crontab -`
    elif adds:
        ctx.add(MODERATE, f"adds scheduled jobs to {whose} crontab", command)
    elif _saved_crontab(source):  # `crontab ~/crontab-backup.txt`: what `crontab -l >` kept
        ctx.add(MODERATE, f"restores {whose} scheduled jobs from a saved copy ({source})", command)
    else:
        how = "from its input" if source in ("-", "/dev/stdin") else f"with {source}"
        reason = f"replaces {whose} scheduled jobs (crontab) {how}: the jobs there are lost"
        ctx.add(HIGH, reason, command)
    if fetched_words(command, opts.operands, ctx):
        ctx.add(CRITICAL, "installs scheduled jobs fetched from the internet", command)
    elif source.rsplit("/", 1)[-1] in ctx.downloads:
        ctx.add(CRITICAL, f"installs scheduled jobs from {source}, just downloaded", command)
    text = stdin_text(command)
    if text is not None:
        for line in text.splitlines():
            match = _CRON_LINE.match(line)
            if match and not line.lstrip().startswith("#"):
                run_repeatedly(match.group("code"), "a scheduled job", command, ctx)
                hidden(match.group("code"), "a scheduled job", command, ctx)


def fetched_words(command: Command, operands: tuple[Word, ...], ctx: Context) -> bool:
    """`curl URL | crontab -`, `echo "$(curl URL)" | at now`, `crontab <(curl URL)`: whatever
    the server sent."""
    stdin = command.stdin
    if stdin is not None and stdin.kinds & {"download", "network"}:
        return True
    return any(ctx.word_kinds(word) & {"download", "network"} for word in operands)


_BACKUP_JOB = lazy_pattern(r"backup|snapshot|restic|borg|duplicity|timeshift", re.I)


def _roots(command: Command, user: str | None) -> bool:
    """root's crontab: `sudo crontab ...` or `crontab -u root ...` (your own backup jobs
    filtered out stay MODERATE: test_safety_g_files pins `crontab -l | grep -v backup`)."""
    return user == "root" or (user is None and any(w in ("sudo", "doas") for w in command.via))


def _drops_backups(stdin: Stdin) -> bool:
    """`crontab -l | sed '/backup/d' | crontab -`: the listing filtered on a backup job's name,
    nothing added, so the filter takes those jobs out."""
    filters = {"crontab", "grep", "egrep", "sed", "awk"}
    return (
        stdin.literal is None
        and set(stdin.producers) <= filters
        and bool(_BACKUP_JOB.search(" ".join(stdin.reads)))
    )


_COMMENT_ALL = lazy_pattern(r"^s(.)\^\1\s*#")


def _comments_out(stdin: Stdin) -> bool:
    """`crontab -l | sed 's/^/#/' | crontab -`: every line of the listing made a comment."""
    return stdin.literal is None and any(_COMMENT_ALL.match(word) for word in stdin.reads)


_SAVED = lazy_pattern(r"(bak|backup|saved?|orig)", re.I)


def _saved_crontab(source: str) -> bool:
    """A file named as a saved crontab (`crontab.bak`, `~/backups/crontab.saved`), not in a
    folder anyone can write (where someone else could have put it)."""
    base = posixpath.basename(source).lower()
    return (
        "cron" in base and _SAVED.search(source) is not None and not paths.is_world_writable(source)
    )


def at(command: Command, ctx: Context) -> None:
    argv = command.argv
    if command.name == "atq" or any(a in ("-l", "-c") for a in argv):
        return
    if command.name == "atrm" or "-r" in argv or "-d" in argv:
        every = any("atq" in w.raw for w in command.args)  # `atrm $(atq | ...)`
        level = HIGH if every else MODERATE
        ctx.add(
            level,
            "removes every scheduled job (atrm)" if every else "removes scheduled jobs (atrm)",
            command,
        )
        return
    text = stdin_text(command)
    if text is None or "-f" in argv:
        ctx.add(HIGH, f"schedules commands to run later, unattended ({command.name})", command)
        stdin = command.stdin
        job = argv[argv.index("-f") + 1] if "-f" in argv[:-1] else ""
        fed = [w for w in command.args if w.value == job and ctx.word_kinds(w) & {"download"}]
        if fed or (stdin is not None and stdin.kinds & {"download", "network"}):
            ctx.add(CRITICAL, f"schedules code fetched from the internet ({command.name})", command)
        elif job and posixpath.basename(job) in ctx.downloads:
            ctx.add(CRITICAL, f"schedules {job}, just downloaded and not checked", command)
        elif job:
            hidden(job, "a scheduled job", command, ctx)
        return
    if fetched_words(command, (), ctx):
        ctx.add(CRITICAL, f"schedules code fetched from the internet ({command.name})", command)
    before = len(ctx.findings)
    ctx.run_code(literal(text), command)
    hidden(text, "a scheduled job", command, ctx)
    risky = _risky(ctx.findings[before:])
    if risky:  # as risky as it is now: a later run does the same, with nobody watching
        reason = f"schedules code that {risky[0].reason} to run later, unattended"
        # files lost later, when nobody is there to see which or to stop it
        level = HIGH if any(_DESTROYS.match(f.reason) for f in risky) else MODERATE
        ctx.add(level, reason, command)
    else:
        ctx.add(MODERATE, f"schedules commands to run later ({command.name})", command)


_DESTROYS = lazy_pattern(r"(deletes|removes|erases|wipes|empties|shreds) ")


# A program kept where anyone can write, or under a dot name: what malware does to hide.
_HIDDEN = lazy_pattern(r"(^|[\s'\"=])(/tmp/|/var/tmp/|/dev/shm/|/Users/Shared/|\S*/\.[\w-]+/?\S*)")


def hidden(code: str, what: str, command: Command, ctx: Context) -> None:
    """CRITICAL when what will run by itself is a hidden program or one in a shared folder."""
    for match in _HIDDEN.finditer(code):
        path = code[match.start(2) :].split()[0].strip("'\"&;")
        written = _REDIRECTED.search(code[: match.start(2)]) and "/." not in path
        if written or path.startswith("@"):
            continue  # `df -h > /tmp/r.txt`, `curl -d @~/.x`: a file written or sent, not run
        name, equals, value = path.partition("=")
        if equals and re.fullmatch(r"\w+", name):  # matched from the name: `NAME=~/.x/y`
            before, path = f"{code[: match.start(2)]}{name}", value.strip("'\"")
        else:
            before = code[: match.start(1)] if match.group(1) == "=" else ""
        if before and not _names_program(before):
            continue  # `export KUBECONFIG=~/.kube/config`: a file read, not a program run
        option = _FILE_OPTION.search(code[: match.start(2)])
        if option and posixpath.basename(option.group("program")) not in _RUNS_SCRIPTS:
            continue  # `ssh -i ~/.ssh/id_work`, `--kubeconfig ~/.kube/dev`: a file it reads
        dots = re.findall(r"/\.([\w-]+)", path)
        shared = path.startswith(("/tmp/", "/var/tmp/", "/dev/shm/", "/Users/Shared/"))
        if shared or any(name not in _USUAL_DOT_FOLDERS for name in dots):
            reason = f"makes {what} run {path}: a hidden program or one anyone can replace"
            ctx.add(CRITICAL, reason, command)
            return


_REDIRECTED = lazy_pattern(r">\s*$")
# Options whose value is a file the program reads (a key, a settings file), not code.
# (`bash -i /tmp/.x`, `sudo -i /tmp/.x`: there the path is what runs.)
_FILE_OPTION = lazy_pattern(
    r"(?P<program>[^\s'\"=]+)(?:\s+-\S+)*\s+"
    r"(-i|-F|--kubeconfig|--config|--identity-file|--key-file|--env-file)[=\s]\s*['\"]?$"
)
# Variables whose value is a program, or a folder programs or libraries are loaded from.
_PROGRAM_VARIABLES = frozenset(
    split_words(
        "PATH LD_PRELOAD LD_LIBRARY_PATH LD_AUDIT DYLD_INSERT_LIBRARIES DYLD_LIBRARY_PATH "
        "PROMPT_COMMAND BASH_ENV ENV EDITOR VISUAL PAGER MANPAGER SHELL BROWSER NODE_OPTIONS "
        "NODE_PATH PYTHONPATH PYTHONSTARTUP PERL5LIB PERL5OPT RUBYLIB RUBYOPT GIT_SSH "
        "GIT_SSH_COMMAND GIT_EDITOR SUDO_ASKPASS SSH_ASKPASS LESSOPEN CC CXX"
    )
)


def _names_program(before: str) -> bool:
    """Whether the `NAME=` that ends `before` sets a program or a load path (else: a file or
    folder a tool reads, `KUBECONFIG=`, `NVM_DIR=`); lower-case names are not told apart."""
    name = re.search(r"(\w+)$", before)
    return name is None or not name.group(1).isupper() or name.group(1) in _PROGRAM_VARIABLES


# Dot folders where ordinary tools keep their programs.
_USUAL_DOT_FOLDERS = frozenset(
    "cargo local nvm pyenv rbenv config cache npm volta deno bun sdkman asdf rustup "
    "npm-global yarn pnpm krew dotnet rvm nodenv goenv jenv ghcup cabal opam linuxbrew "
    "nix-profile pulumi poetry rye pixi tfenv foundry fly wasmtime".split()
    # and the dotfiles people split their start-up files into
    + "aliases bash_aliases zsh_aliases bash_functions functions exports extra fzf env "
    "oh-my-zsh dotfiles bashrc zshrc profile bash_profile zprofile".split()
)


def _risky(found: list[Finding]) -> list[Finding]:
    """Moderate findings that matter once nobody watches (not unknown names, not shell set-up)."""
    return [
        f
        for f in found
        if f.level == MODERATE and not f.reason.startswith(_SETUP) and _UNKNOWN not in f.reason
    ]


_TIMERS = ("--on-calendar", "--on-boot", "--on-startup", "--on-active", "--on-unit")


# systemd-run's options that take their value as the next word.
_RUN_VALUES = frozenset(
    split_words(
        "-u --unit -p --property --description --slice -E --setenv --uid --gid -M --machine "
        "--working-directory -H --host --on-calendar --on-boot --on-startup --on-active --on-unit"
    )
)


def _timer_program(argv: list[str]) -> list[str]:
    """The command a `systemd-run --on-calendar=... CMD ARGS` timer runs."""
    index = 0
    while index < len(argv) and argv[index].startswith("-"):
        index += 2 if argv[index] in _RUN_VALUES else 1
    return argv[index:]


def systemd_run(command: Command, ctx: Context) -> None:
    timers = {a.split("=", 1)[0] for a in command.argv if a.startswith(_TIMERS)}
    if timers == {"--on-active"}:
        # one run, a set time from now, gone at the next boot: like `at now + 30 seconds`
        ctx.add(MODERATE, "runs a command once, a little later (systemd-run --on-active)", command)
        hidden(" ".join(command.argv), "a timer", command, ctx)
    elif timers:
        ctx.add(HIGH, "sets a timer that runs a command later (systemd-run)", command)
        hidden(" ".join(command.argv), "a timer", command, ctx)
        program = _timer_program(command.argv)
        if program:
            run_repeatedly(shlex.join(program), "a systemd timer", command, ctx)
    else:
        ctx.add(MODERATE, "runs a command as a background service (systemd-run)", command)


def stdin_text(command: Command) -> str | None:
    for redirect in command.redirects:
        if redirect.op in ("<<", "<<<") and redirect.body is not None:
            return redirect.body.value
    stdin = command.stdin
    if stdin is not None and stdin.literal is not None:
        return "\n".join(word.value for word in stdin.literal).replace("\\n", "\n")
    return None


_UPDATE_SETTINGS = frozenset(("/etc/dnf/dnf.conf", "/etc/yum.conf"))
_GRANTING_FILES = frozenset(
    ("/etc/doas.conf", "/usr/local/etc/doas.conf", "/etc/pacman.conf", "/etc/apk/repositories")
)


def startup_kind(path: str) -> str | None:
    """What kind of place `path` is, if code written there runs later on its own."""
    normal = _EVERY_HOME.sub("~/", paths.normalise(path))  # `/home/*/.bashrc`: each user's
    if paths.is_rc_file(normal):
        return "shell"
    if normal in ("/etc/crontab", "/etc/anacrontab") or normal.startswith(
        ("/etc/cron", "/var/spool/cron", "/var/spool/anacron", "/etc/periodic/", *_MAC_CRONTABS)
    ):
        return "cron"
    if planted.is_editor_rc(normal):
        return "editor"
    if planted.is_powershell_profile(normal):
        return "powershell"
    if planted.is_sourced_by_rc(normal):
        return "shell"
    if planted.is_server_page(normal):
        return "webpage"
    if posixpath.basename(normal) in ("authorized_keys", "authorized_keys2"):
        return "keys"
    if ssh_client.is_client_config(normal):
        return "sshclient"
    if normal.endswith((".service", ".timer", ".socket", ".path")) or (
        "/systemd/" in normal and normal not in _NETWORK_SETTINGS
    ):
        return "unit"
    if normal == "/etc/sudoers" or normal.startswith("/etc/sudoers.d/"):
        return "sudoers"
    if normal in ("/etc/passwd", "/etc/shadow", "/etc/master.passwd") or "sshd_config" in normal:
        return "config"
    if normal.startswith(("/etc/pam.d/", "/etc/apt/sources.list", "/etc/yum.repos.d/")):
        return "config"
    if normal in _GRANTING_FILES or normal.startswith(PACKAGE_SOURCES):
        return "config"  # doas rules, other package managers' sources
    if normal == "/etc/ld.so.conf" or normal.startswith("/etc/ld.so.conf.d/"):
        return "config"
    if normal.startswith("/etc/apt/preferences") or normal in _UPDATE_SETTINGS:
        return "config"  # which packages may be installed or updated at all
    if normal.endswith("/versionlock.list"):
        return "config"  # dnf and yum's version locks
    if normal in ("/etc/default/grub", "/etc/kernel/cmdline", "/boot/cmdline.txt"):
        return "config"  # the kernel's command line: `init=/bin/bash` is a root shell
    if normal == "/etc/modules" or normal.startswith(("/etc/modules-load.d/", "/etc/modprobe.d/")):
        return "modules"
    rel = paths.home_relative(normal)
    if rel is not None and rel.startswith((".config/autostart/", "Library/LaunchAgents/")):
        return "unit"
    if normal.startswith(("/Library/Launch", "/etc/xdg/autostart/")):
        return "unit"
    if normal.startswith(("/etc/profile.d/", "/etc/rc.local", "/etc/init.d/")):
        return "shell"
    if normal.startswith(("/etc/udev/rules.d/", "/lib/udev/rules.d/", "/usr/lib/udev/rules.d/")):
        return "udev"
    if _REPO_HOOKS_DIR.search(normal) or f"{normal}/".startswith(_RUN_BY_SYSTEM):
        return "hook"  # a file in such a folder, or the folder itself (`cp x DIR/`)
    if _SERVED_HOOKS.search(normal):
        return "hook"  # `/srv/git/app.git/hooks/pre-receive`: a served repository's hooks
    if _HUSKY.search(normal) and posixpath.basename(normal) in GIT_HOOKS:
        return "hook"  # `.husky/pre-commit`: git runs it through husky's hooks folder
    if normal == "/etc/ssh/sshrc" or rel == ".ssh/rc":
        return "shell"  # sshd runs it at every log-in over ssh
    if normal.endswith(".pth") or python_start_file(normal):
        return "python"  # site-packages runs the `import` lines of a .pth at every start
    return login_hooks.kind_of(normal)


# A repository's hooks, a submodule's included (`.git/modules/lib/hooks/`), with the folder.
_REPO_HOOKS_DIR = lazy_pattern(
    r"(^|/)\.git/(modules/.+/)?hooks(/|$)"
    r"|(^|/)\.?git[-_.]?templates?/hooks(/|$)"  # `~/.git-templates/hooks/`: copied into each clone
)
# A bare repository's hooks (`app.git/hooks/`, GitLab's `custom_hooks/`): they run as the
# server's git user at each push.
_SERVED_HOOKS = lazy_pattern(r"[^/]\.git/(custom_)?hooks(/|$)|(^|/)custom_hooks(/|$)")
_HUSKY = lazy_pattern(r"(^|/)\.husky/[^/]+$")
_PYTHON_START = frozenset(("sitecustomize.py", "usercustomize.py"))


def python_start_file(normal: str) -> bool:
    """`site-packages/sitecustomize.py`: Python imports it at every start."""
    folder, name = posixpath.split(normal)
    return name in _PYTHON_START and folder.endswith(("site-packages", "dist-packages"))


def kind_at(path: str, ctx: Context) -> str | None:
    """`startup_kind`, and a git hook in a folder this line made git's hooks folder
    (`git config --global core.hooksPath ~/.hooks && echo CODE > ~/.hooks/pre-commit`)."""
    kind = startup_kind(path)
    normal = paths.normalise(path)
    if kind is None and posixpath.basename(normal) in GIT_HOOKS:
        return "hook" if posixpath.dirname(normal) in ctx.hook_folders else None
    return kind


_EVERY_HOME = lazy_pattern(r"^(/home|/Users)/\*/")
# Where macOS keeps each user's crontab (cron) and at jobs.
_MAC_CRONTABS = ("/usr/lib/cron/tabs/", "/private/var/at/tabs/", "/var/at/tabs/")
# systemd's settings for name lookups, time and networking, and the manager's own defaults:
# read, never run (see resolvers.py and limits.py).
_NETWORK_SETTINGS = frozenset(
    split_words(
        "/etc/systemd/resolved.conf /etc/systemd/timesyncd.conf /etc/systemd/networkd.conf "
        "/etc/systemd/system.conf /etc/systemd/user.conf"
    )
)
# Folders whose files the system runs by itself (at boot, log-in, network change, ...).
_RUN_BY_SYSTEM = (
    "/etc/update-motd.d/",
    "/etc/NetworkManager/dispatcher.d/",
    "/etc/network/if-up.d/",
    "/etc/udev/rules.d/",
    "/etc/X11/xinit/",
    "/etc/rc",
    "/etc/init/",
    "/etc/apt/apt.conf.d/",
    "/etc/pacman.d/hooks/",
    "/etc/dnf/plugins/post-transaction-actions.d/",
    "/usr/share/git-core/templates/hooks/",  # copied into every repository made from now on
)
_PLACES = (
    ("/etc/systemd/", "a system service"),
    ("/lib/systemd/system/", "a system service"),
    ("/usr/lib/systemd/system/", "a system service"),
    ("/etc/init.d/", "a boot script"),
    ("/etc/cron", "a scheduled job"),
    ("/var/spool/cron", "a scheduled job"),
    ("/Library/LaunchAgents", "a launch agent"),
    ("/Library/LaunchDaemons", "a launch daemon"),
    ("/etc/profile.d/", "code that runs at every log-in"),
    ("/etc/xdg/autostart", "a program started at every user's log-in"),
    ("/lib/modules/", "a kernel module"),
    ("/Library/Extensions", "a kernel extension"),
    ("/Library/StartupItems", "a boot item"),
    ("/Library/Security/SecurityAgentPlugins", "a log-in plugin that sees passwords"),
    ("/etc/emond.d/rules", "an event rule that runs commands"),
    ("/usr/share/gnome/autostart", "a program started at every user's log-in"),
    ("/usr/lib/modules/", "a kernel module"),
)
# `multi-user.target.wants/`, `default.target.requires/`: each unit there starts with the target.
_WANTS = lazy_pattern(r"/systemd/(system|user)/[\w@.-]+\.(wants|requires|upholds)(/|$)")
_UNIT_FOLDERS = (
    "/etc/systemd/system/",
    "/etc/systemd/user/",
    "/lib/systemd/",
    "/usr/lib/systemd/",
    "~/.config/systemd/user/",
)


def _installed_unit(source: str) -> bool:
    """A unit file already among the system's or the user's units (`/etc/systemd/system/x`)."""
    return paths.normalise(source).startswith(_UNIT_FOLDERS)


_HOME_PLACES = (
    (".config/systemd/user", "a user service"),
    (".config/autostart", "a program started at every log-in"),
    ("Library/LaunchAgents", "a launch agent"),
    (".local/share/systemd/user", "a user service"),
)
PATH_DIRS = frozenset(split_words("/usr/local/bin /usr/local/sbin ~/bin ~/.local/bin /opt/bin"))
_SYSTEM_BIN = frozenset(split_words("/usr/bin /usr/sbin /bin /sbin"))
# Programs people type every day: a file of that name early in PATH runs instead of them.
SHADOWED = frozenset(
    split_words(
        "ls cd sudo su ssh scp git cat ps top passwd login python python3 pip curl wget bash sh "
        "zsh grep find id whoami kill netstat ss lsof apt docker kubectl node npm vim nano less"
    )
)


_PAM_MODULES = lazy_pattern(r"^/(usr/)?lib(32|64)?/([\w-]+-linux-gnu/)?security(/|$)")


# PAM modules every distribution's log-in configuration already loads.
_STOCK_PAM = frozenset(
    split_words(
        "pam_unix.so pam_deny.so pam_permit.so pam_env.so pam_limits.so pam_systemd.so "
        "pam_sss.so pam_ldap.so pam_krb5.so pam_faillock.so pam_pwquality.so pam_succeed_if.so"
    )
)


def replaces_auth_module(target: str) -> tuple[bool, str] | None:
    """`cp x.so /lib/x86_64-linux-gnu/security/pam_unix.so`: PAM loads it to decide who may log
    in, and whoever wrote it decides. (True, why) when it replaces a module in use already."""
    normal = paths.normalise(target)
    if _PAM_MODULES.match(normal) or normal.startswith("/usr/lib/pam/"):
        stock = posixpath.basename(normal) in _STOCK_PAM
        return stock, f"puts a log-in module into {normal}: it decides who may log in"
    return None


# systemd runs every program in these folders at boot and at each daemon-reload.
_GENERATORS = lazy_pattern(r"/systemd/(system|user)-generators(/|$)")


def placed(target: str, sources: list[str]) -> str | None:
    """Why copying, moving or linking `sources` to `target` makes code run later, or None."""
    normal = paths.normalise(target)
    rel = paths.home_relative(normal)
    kind = startup_kind(normal)
    doubtful = any(map(doubtful_source, sources))
    if _GENERATORS.search(normal):
        return f"installs a systemd generator ({normal}): it runs at every boot, before any unit"
    if _WANTS.search(normal) and not all(map(_installed_unit, sources)):
        # what `systemctl enable` makes, by hand, for a unit file from elsewhere
        return f"enables a unit in {normal}: it starts by itself at every boot or log-in"
    for prefix, what in _PLACES:
        if normal.startswith(prefix) and (doubtful or not prefix.startswith("/etc/systemd")):
            return f"installs {what} ({normal}): it runs by itself later"
    for prefix, what in _HOME_PLACES:
        if rel is not None and rel.startswith(prefix):
            return f"installs {what} (~/{rel}): it runs by itself later"
    if kind in ("shell", "hook"):
        return f"replaces {normal}: code there runs by itself later"
    names = [posixpath.basename(s.rstrip("/")) for s in sources]
    if kind == "python" or (
        normal.endswith(("site-packages", "dist-packages"))
        and any(n.endswith(".pth") or n in _PYTHON_START for n in names)
    ):
        return f"installs code that every Python program runs when it starts ({normal})"
    if normal in PATH_DIRS:
        shadow = next((name for name in names if name in SHADOWED), None)
    else:
        shadow = posixpath.basename(normal) if posixpath.dirname(normal) in PATH_DIRS else None
    if shadow in SHADOWED:
        where = normal if normal in PATH_DIRS else posixpath.dirname(normal)
        return f"puts a program named {shadow} in {where}: it runs instead of the real {shadow}"
    if _in_path_dir(normal) and any(_hidden_folder(s) for s in sources):
        return f"puts a program from a hidden folder into {normal}: it runs as a usual command"
    return None


def shadows_program(target: str) -> str | None:
    """`... | sudo tee /usr/local/bin/kubectl`: fetched content under the name of a program
    people type every day, where the shell finds it."""
    normal = paths.normalise(target)
    name = posixpath.basename(normal)
    if name in SHADOWED and _in_path_dir(normal):
        return f"replaces {name}, a program you run every day, with content fetched just now"
    return None


def _in_path_dir(normal: str) -> bool:
    folders = PATH_DIRS | _SYSTEM_BIN
    return normal in folders or posixpath.dirname(normal) in folders


def doubtful_source(source: str) -> bool:
    """A file copied into a start-up place from a folder anyone can write, or from a path with
    a dot in it (hidden, or relative: `./x`), unless it is a repository's own hooks
    (`.git/hooks/pre-commit.sample`, `.githooks/`, `.husky/`)."""
    if paths.is_world_writable(source):
        return True
    return "/." in f"/{source}" and _REPO_HOOKS.search(source) is None


_REPO_HOOKS = lazy_pattern(r"(?:^|/)\.(?:git/hooks|githooks|husky)/")


def _hidden_folder(source: str) -> bool:
    """`/tmp/.x/kworker`: a program kept in a dot folder that no usual tool uses."""
    return any(name not in _USUAL_DOT_FOLDERS for name in re.findall(r"/\.([\w-]+)(?=/)", source))


def startup_content(kind: str, path: str, text: str | None, writer: Command, ctx: Context) -> None:
    """Rates what is written to a start-up place: it runs later, so it is rated as code.

    Unknown content (not a literal) is HIGH: nobody can say what will run.
    """
    where = paths.normalise(path)
    stdin = writer.stdin
    if text and SUBSTITUTED in text and stdin is not None and stdin.kinds & {"download"}:
        text = None  # `echo "$(curl URL)" | tee FILE`: the server's answer is what is written
    downloaded = writer.name in ("curl", "wget") or (
        text is None and stdin is not None and bool(stdin.kinds & {"download", "decode"})
    )
    printed: set[str] = set()  # `echo "$(curl URL)" >> FILE`, `echo "$(base64 -d <<< X)"`
    if text is None and writer.name in ("echo", "printf"):
        printed = {k for w in writer.args for k in ctx.word_kinds(w)} & {"download", "decode"}
        downloaded = downloaded or bool(printed)
    if text is None and not downloaded:
        text = queried_text(writer, ctx)
    if kind in login_hooks.KINDS and text is None and downloaded:
        ctx.add(HIGH, f"puts downloaded settings in {where}: what they run is unknown", writer)
        return
    if kind in login_hooks.KINDS:
        login_hooks.content(kind, where, text, writer, ctx)
        return
    if kind == "keys":
        fetched = planted.ssh_fed(writer, ctx)[:1] in (["curl"], ["wget"])
        _login_keys(where, text, downloaded or fetched, writer, ctx)
        return
    if kind == "editor":
        planted.editor_start(where, text, writer, ctx)
        return
    if kind == "sshclient":
        ssh_client.client_config(where, text, writer, ctx)
        return
    if kind == "webpage" and text is not None:
        return  # a literal page: `web_shell` reads it
    if kind == "powershell":
        planted.powershell_profile(where, text, writer, ctx)
        return
    if text is None and writer.name in ("echo", "printf"):  # the literal parts still tell
        content = config_content(where, " ".join(w.raw for w in writer.args))
        if content is not None:
            ctx.add(content.level, content.reason, writer)
    if text is None:
        if downloaded:
            decoded = (stdin is not None and "download" not in stdin.kinds) or printed == {"decode"}
            how = "decoded" if decoded else "downloaded"
            ctx.add(CRITICAL, f"puts {how} code in {where}, which runs it later", writer)
        elif kind != "shell" or writer.name not in ("cat", "echo", "printf") or writer.args:
            ctx.add(HIGH, f"writes content known only when it runs into {where}", writer)
        return
    content = config_content(where, text)
    if content is not None:
        ctx.add(content.level, content.reason, writer)
    if where.startswith(package_hooks.HOOK_FOLDERS):
        for code in package_hooks.hook_commands(where, text):  # `DPkg::Post-Invoke {"CMD";};`
            ctx.run_code(literal(code), writer)
            hidden(code, "every package install", writer, ctx)
            reason = f"runs `{code.strip()[:50]}` as root at every package install ({where})"
            ctx.add(HIGH, reason, writer)
        return
    if kind == "sudoers":
        level = content.level if content is not None else HIGH
        level = CRITICAL if re.search(r"(^|\s)ALL\s*$", text) and "NOPASSWD" not in text else level
        ctx.add(level, f"lets a user run commands as root ({where})", writer)
        return
    if kind == "config":
        login_hooks.sshd_lines(where, text, writer, ctx)
        return
    if kind == "modules":
        copied_in = any(
            ".ko" in form and form.split()[:1] in (["cp"], ["mv"], ["install"], ["ln"])
            for forms in ctx.simple_commands
            for form in forms[-1:]
        )
        if copied_in:  # `cp rk.ko /lib/modules/.../extra/ && echo rk >> /etc/modules`
            reason = f"loads a kernel module copied in by this line at every boot ({where})"
            ctx.add(CRITICAL, reason, writer)
        module_loading.boot_modules(where, text, writer, ctx)
        return
    if kind in ("udev", "python") or where.endswith(".plist"):
        _started_code(kind, where, text, writer, ctx)
        if kind != "unit":
            return
    lines = [line for line in text.splitlines() if line.strip()]
    start = len(ctx.findings)
    for line in lines:
        code = line
        aliased = _ALIAS.match(line) if kind == "shell" else None
        if aliased:  # `alias git='git; curl ... | sh'`: the alias runs whenever its name is typed
            ctx.run_code(Word(value=aliased.group(2), raw=aliased.group(2)), writer)
        if kind == "cron" and where.startswith(_SCRIPT_FOLDERS):
            code = "" if line.lstrip().startswith("#") else line  # a script, not crontab lines
        elif kind == "cron":
            match = (_ANACRON_LINE if where == "/etc/anacrontab" else _CRON_LINE).match(line)
            code = match.group("code") if match else ""
            if where == "/etc/crontab" or where.startswith("/etc/cron.d/"):
                code = code.split(None, 1)[1] if " " in code else ""  # the user field first
        elif kind == "unit":
            match = _UNIT_EXEC.match(line)
            code = match.group("code") if match else ""
            _autologin(code, where, writer, ctx)
        if code.strip():
            before = len(ctx.findings)
            ctx.run_code(Word(value=code, raw=code), writer)
            hidden(code, f"code in {where}", writer, ctx)
            _lasting(kind, where, code, ctx.findings[before:], writer, ctx)
    program = _installed_app(where, lines, ctx.findings[start:])
    if program is not None:
        ctx.add(MODERATE, f"starts {program} at every log-in ({where})", writer)
    elif kind in ("cron", "unit"):
        ctx.add(HIGH, f"installs a job that runs by itself later ({where})", writer)
    elif kind == "hook" and lines:
        ctx.add(MODERATE, f"installs code that runs by itself later ({where})", writer)


def _installed_app(where: str, lines: list[str], found: list[Finding]) -> str | None:
    """`Exec=/usr/bin/syncthing` in an autostart entry: an installed program started at log-in,
    which does nothing worse by itself (its name, else None)."""
    if not where.endswith(".desktop") or "autostart/" not in where:
        return None
    programs = [m.group("code").split()[0] for m in map(_UNIT_EXEC.match, lines) if m]
    installed = all(
        p.startswith(("/usr/", "/snap/bin/")) and posixpath.basename(p) not in _RUNS_SCRIPTS
        for p in programs
    )
    if not programs or not installed or any(f.level > MODERATE for f in found):
        return None
    return programs[0]


# Programs whose work is the script they are given: the script is what starts at log-in.
_RUNS_SCRIPTS = frozenset(
    split_words(
        "sh bash dash zsh fish env python python3 perl ruby node php lua pwsh osascript sudo doas"
    )
)


def _login_keys(
    where: str, text: str | None, downloaded: bool, writer: Command, ctx: Context
) -> None:
    """authorized_keys: a key fetched from the internet lets whoever holds it log in, unseen;
    a key's `command="..."` option runs at each log-in with it."""
    if downloaded:
        reason = f"puts an SSH key downloaded from the internet into {where}: its owner logs in"
        ctx.add(CRITICAL, reason, writer)
    elif planted.literal_keys(text):
        reason = f"adds the SSH key typed here to {where}: whoever holds it logs in, no password"
        ctx.add(CRITICAL, reason, writer)
    for code in re.findall(r'command="([^"]+)"', text or ""):
        ctx.run_code(literal(code), writer)
        hidden(code, "each SSH log-in", writer, ctx)


# Folders of scripts cron or periodic(8) run whole, as root (not crontab lines).
_SCRIPT_FOLDERS = (
    "/etc/cron.hourly/",
    "/etc/cron.daily/",
    "/etc/cron.weekly/",
    "/etc/cron.monthly/",
    "/etc/periodic/",
)
_ALIAS = lazy_pattern(r"""^\s*alias\s+[\w.:-]+=(['"])(.+)\1\s*$""")
# Start-up lines that change what every later command does, whatever they are set to.
_HOOKS = lazy_pattern(
    r"^\s*(export\s+)?(LD_PRELOAD|LD_LIBRARY_PATH|LD_AUDIT|PROMPT_COMMAND|BASH_ENV|ENV|"
    r"PERL5OPT|PYTHONSTARTUP|NODE_OPTIONS|PS1|precmd_functions|preexec_functions)"
    r"(\s+(DEFAULT|OVERRIDE))?\s*\+?=|"
    r"^\s*trap\b|^\s*(alias|function)\s+(sudo|su|ssh|ls|cd|git|passwd|login|cat|ps|curl)\b|"
    r"^\s*(export\s+)?PATH=\s*[\"']?(\.|/tmp|/var/tmp|/dev/shm)|"
    r"^\s*(set\s+(-\w+\s+)*PATH|fish_add_path(\s+-\w+)*)\s+[\"']?(\.|/tmp|/var/tmp|/dev/shm)|"
    r"^\s*(source|\.)\s+[\"']?(/tmp/|/var/tmp/|/dev/shm/|\S*/\.[^/\s]+$)"
)
_SETUP = ("sets up the shell",)
# `export PATH=/opt/x/bin:$PATH`: the folder is searched before /usr/bin, so a program there
# named `sudo` or `ls` runs instead of the real one (appending, `$PATH:/opt/x`, only adds).
_PATH_AHEAD = lazy_pattern(
    r"^\s*(?:export\s+)?PATH=\s*[\"']?(?P<folder>[^:$\"'\s]+):[^#]*\$\{?PATH\b"
)


# Set-up scripts tools tell you to source from a start-up file (nvm, conda, ROS, asdf, ...).
_TOOL_SETUP = lazy_pattern(
    r"(^|/)(nvm\.sh|bash_completion|asdf\.sh|sdkman-init\.sh|conda\.sh|mamba\.sh|"
    r"git-prompt\.sh|git-completion\.(bash|zsh)|setup\.(bash|zsh)|z\.sh|autojump\.sh|"
    r"iterm2_shell_integration\.(bash|zsh)|fzf\.(bash|zsh)|oh-my-zsh\.sh)$"
)
_GUARD = lazy_pattern(r"""^\s*(?:\[\[?|test)\s+-[efsr]\s+\S+\s*(?:\]\]?)?\s*&&\s*""")


def _sources_own_dotfile(code: str) -> bool:
    """`source ~/.aliases`, `. "$HOME/.cargo/env"`: a start-up file split into usual parts;
    `[ -s "$NVM_DIR/nvm.sh" ] && \\. "$NVM_DIR/nvm.sh"`: a tool's own set-up script."""
    code = _GUARD.sub("", code)  # `[ -f ~/.fzf.bash ] && source ~/.fzf.bash`
    match = re.match(r"""^\s*(?:source|\\?\.)\s+["']?(?:~|\$HOME|\$\{HOME\})/\.([\w-]+)""", code)
    if match is not None and match.group(1) in _USUAL_DOT_FOLDERS:
        return True
    script = re.fullmatch(r"""\s*(?:source|\\?\.)\s+(["']?)([^\s;&|"']+)\1\s*""", code)
    if script is not None and script.group(2).startswith(_PACKAGE_FOLDERS):
        return True  # `source /opt/homebrew/share/zsh-autosuggestions/...`: an installed plugin
    return script is not None and _TOOL_SETUP.search(script.group(2)) is not None


# Root-owned folders where package managers put the scripts their caveats say to source.
_PACKAGE_FOLDERS = (
    "/usr/share/",
    "/usr/local/share/",
    "/opt/homebrew/",
    "/usr/local/opt/",
    "/usr/lib/",
    "/opt/ros/",
)


def _lasting(
    kind: str, where: str, code: str, found: list[Finding], writer: Command, ctx: Context
) -> None:
    """Code put in a start-up file runs in every new shell: what it does there is HIGH."""
    if kind not in ("shell", "hook"):
        return
    if _sources_own_dotfile(code):
        return
    if not _system_wide(where) and shell_settings.plain_setting(code):
        return  # your `alias ls='ls --color=auto'`, `PROMPT_COMMAND='history -a'`: as they run
    if _HOOKS.search(code):
        shown = code.strip()[:60]
        ctx.add(HIGH, f"makes every new shell run or load code ({shown}) from {where}", writer)
        return
    ahead = _PATH_AHEAD.match(code) if _system_wide(where) else None
    if ahead is not None:
        folder = ahead.group("folder")
        reason = f"puts {folder} ahead of the system's programs for every user ({where})"
        ctx.add(HIGH, reason, writer)
        return
    if any(_WAY_IN.search(f.reason) for f in found):
        reason = f"makes every new shell open a way in from another machine ({where})"
        ctx.add(CRITICAL, reason, writer)
        return
    risky = _risky(found)
    if where.startswith(("/etc/rc.local", "/etc/init.d/", "/etc/rc")) and code.strip():
        reason = f"adds a command that runs as root at every boot ({where})"
        ctx.add(HIGH, reason, writer)
        return
    if risky and (kind == "shell" or _system_wide(where) or _networked(found)):
        reason = f"puts code that {risky[0].reason} into {where}: it runs by itself later"
        ctx.add(HIGH, reason, writer)


_UNKNOWN = "is not a command caro knows"
# Findings that mean another machine gets in here: a reverse tunnel, a shell handed over.
_WAY_IN = lazy_pattern(r"reverse tunnel|reverse shell|log-in to everyone|gives a shell to")


def _system_wide(where: str) -> bool:
    return where.startswith("/etc/") or where.startswith("/Library/")


def _networked(found: list[Finding]) -> bool:
    return any("network" in f.reason or "download" in f.reason for f in found)


_UDEV_RUN = lazy_pattern(r"\bRUN\s*\+?=\s*\"([^\"]+)\"")
_PLIST_STRING = lazy_pattern(r"<string>([^<]*)</string>")


def _started_code(kind: str, where: str, text: str, writer: Command, ctx: Context) -> None:
    """udev rules (RUN+=), .pth files (`import` lines) and launchd plists: code that starts by
    itself, rated as if it ran."""
    if kind == "udev":
        programs = _UDEV_RUN.findall(text)
        what = "as root at every matching device event"
    elif kind == "python":
        _python_lines(text, where, writer, ctx)
        return
    else:
        programs = _plist_program(text)
        what = "at every log-in or boot (launchd)"
    for code in programs:
        ctx.add(HIGH, f"runs {code.strip()[:60]} {what} ({where})", writer)
        run_repeatedly(code, "a job that starts by itself", writer, ctx)
        hidden(code, f"code in {where}", writer, ctx)


def _python_lines(text: str, where: str, writer: Command, ctx: Context) -> None:
    """The `import` lines of a .pth file run in every Python program that starts (all of a
    sitecustomize.py)."""
    whole = python_start_file(where)
    for line in [text] if whole else text.splitlines():
        if not (whole or line.startswith("import")):
            continue
        effects = pycode.analyse(line)
        shown = line.strip()[:60]
        acts = effects is not None and (
            effects.shell or effects.network or effects.unknown_code or effects.deletes
        )
        if effects is None or not (acts or effects.writes or effects.sends):
            ctx.add(MODERATE, f"runs {shown} in every Python program that starts ({where})", writer)
            continue
        level = CRITICAL if effects.network and effects.unknown_code else HIGH
        reason = f"runs {shown} in every Python program that starts ({where})"
        ctx.add(level, reason, writer)
        for code in effects.shell:
            ctx.run_code(literal(code), writer)
            hidden(code, f"code in {where}", writer, ctx)


def _plist_program(text: str) -> list[str]:
    """The command a launchd plist runs: its ProgramArguments (or Program), as shell code."""
    start = text.find("ProgramArguments")
    if start < 0:
        program = _PLIST_STRING.findall(text[text.find("<key>Program</key>") :])
        return program[:1] if "<key>Program</key>" in text else []
    end = text.find("</array>", start)
    words = _PLIST_STRING.findall(text[start : end if end > 0 else len(text)])
    if (
        len(words) >= 3
        and posixpath.basename(words[0]) in ("sh", "bash", "zsh")
        and words[1] == "-c"
    ):
        return [words[2]]
    return [" ".join(words)] if words else []


_GETTY_ROOT = lazy_pattern(r"getty\b.*(--autologin|-a)\s+(\S+)")


def _autologin(code: str, where: str, writer: Command, ctx: Context) -> None:
    """`ExecStart=-/sbin/agetty --autologin root ...`: a console that logs in by itself."""
    match = _GETTY_ROOT.search(code)
    if match is None:
        return
    user = match.group(2)
    level = CRITICAL if user in ("root", "0") else HIGH
    ctx.add(level, f"logs {user} in on a console without a password ({where})", writer)


# launchd jobs whose restart ends every log-in session (the window server, the log-in window).
_VITAL_JOB = lazy_pattern(r"(?i)com\.apple\.(windowserver|loginwindow|opendirectoryd|securityd)$")


_LAUNCHCTL_READS = frozenset(
    split_words(
        "list print print-disabled print-cache blame dumpstate examine procinfo version help "
        "hostinfo managerpid manageruid managername error getenv"
    )
)


def launchctl(command: Command, ctx: Context) -> None:
    """macOS launchd: loading an agent or daemon makes it start at every log-in or boot."""
    sub, rest = (command.argv[0], command.argv[1:]) if command.argv else ("", [])
    if sub in ("setenv", "putenv") and rest:
        if rest[0].startswith(("DYLD_", "LD_")):
            value = rest[1] if len(rest) > 1 else ""
            reason = f"makes every app started from now load {value or 'a library'} ({rest[0]})"
            ctx.add(HIGH, reason, command)
            hidden(value, "every app started from now", command, ctx)
            return
        ctx.add(MODERATE, f"sets {rest[0]} for every app started from now (launchctl)", command)
        return
    if sub == "kickstart" and "-k" in rest and any(_VITAL_JOB.search(a) for a in rest):
        reason = "restarts a part of macOS every session needs: open apps and work are lost"
        ctx.add(HIGH, f"{reason} (launchctl kickstart -k)", command)
        return
    if sub in ("load", "bootstrap", "enable", "submit", "kickstart"):
        plists = [a for a in rest if a.endswith(".plist")]
        for plist in plists:
            _loaded(plist, command, ctx)
        program = rest[rest.index("--") + 1 :] if sub == "submit" and "--" in rest else []
        if program:
            ctx.add(HIGH, f"keeps {program[0]} running under launchd (launchctl submit)", command)
            hidden(program[0], "launchd", command, ctx)
            run_repeatedly(shlex.join(program), "a launchd job", command, ctx)
            return
        if sub == "submit" or not plists:
            ctx.add(MODERATE, f"starts a launchd job (launchctl {sub})", command)
        return
    if sub.startswith("print") or sub in _LAUNCHCTL_READS:
        return  # `launchctl print-disabled system`, `launchctl blame`: reports only
    if sub in ("reboot", "halt"):  # `launchctl reboot [system|userspace|halt]`
        ctx.add(HIGH, f"takes the Mac down at once (launchctl {sub})", command)
        return
    system = [a for a in rest if a.startswith(("/System/Library/", "system/com.apple."))]
    remote = [a for a in rest if re.search(r"com\.openssh\.sshd|\bssh\b", a)]
    if sub in ("unload", "bootout", "disable", "remove") and remote:
        ctx.add(HIGH, "stops remote log-in over ssh (launchctl): you may be locked out", command)
        return
    if sub in ("unload", "bootout", "disable", "remove") and system:
        reason = f"stops a service macOS itself needs ({posixpath.basename(system[0])})"
        ctx.add(HIGH, reason, command)
        return
    ctx.add(MODERATE, f"changes launchd jobs (launchctl {sub})".replace(" ()", ""), command)


def _loaded(plist: str, command: Command, ctx: Context) -> None:
    name = posixpath.basename(plist)
    where = paths.normalise(plist)
    if name.startswith("com.apple.") and not where.startswith("/System/"):
        reason = f"starts {name}, named like an Apple service but not one: a disguised agent"
        ctx.add(CRITICAL, reason, command)
        return
    what = "a launch daemon (as root, at every boot)" if "Daemons" in where else "a launch agent"
    ctx.add(HIGH, f"starts {what} from {where}: it runs by itself from now on", command)
    if posixpath.basename(plist) in ctx.downloads or paths.is_world_writable(plist):
        ctx.add(CRITICAL, f"starts a launchd job from {plist}, which nobody checked", command)


def run_parts(command: Command, ctx: Context) -> None:
    """`run-parts DIR` runs every program in DIR; --test and --list only name them."""
    if any(a in ("--test", "--list") for a in command.argv):
        return
    folder = next((a for a in command.argv if not a.startswith("-")), "a folder")
    ctx.add(MODERATE, f"runs every program in {folder} (run-parts)", command)


def login_hook(command: Command, ctx: Context) -> None:
    """`defaults write com.apple.loginwindow LoginHook SCRIPT`: runs as root at every login."""
    argv = command.argv
    if argv[:1] in ([], ["read"], ["read-type"], ["domains"], ["find"], ["help"]):
        return
    if argv[:1] != ["write"]:  # `defaults delete`, `import`, `rename`: settings change
        ctx.add(MODERATE, f"changes the system (defaults {argv[0]})", command)
        return
    if launchd_plists.defaults_write(argv, command, ctx):
        return
    hooks = [i for i, a in enumerate(argv) if a in ("LoginHook", "LogoutHook")]
    if hooks:
        script = argv[hooks[0] + 1] if hooks[0] + 1 < len(argv) else ""
        ctx.add(HIGH, f"runs {script or 'a script'} as root at every login (LoginHook)", command)
        hidden(script, "a login hook", command, ctx)
    else:
        ctx.add(MODERATE, "changes the system (defaults)", command)


# `tell application "System Events" to shut down` (or Finder): the Mac goes down.
_APPLESCRIPT_POWER = lazy_pattern(r"\bto\s+(shut\s*down|restart|log\s*out)\b", re.IGNORECASE)


# `tell application "Finder" to delete every item of home`: the home folder, to the Trash.
_FINDER_TRASHES_ALL = lazy_pattern(
    r"\bdelete\s+(\(\s*)?(every\s+item|items|files|folders)\s+of\s+(home|startup\s+disk)\b",
    re.IGNORECASE,
)


def osascript(command: Command, ctx: Context) -> None:
    """AppleScript: `make login item` starts a program at every login; `do shell script` runs
    shell code."""
    text = " ".join(command.argv)
    if re.search(r"make\s+(new\s+)?login\s+item", text, re.IGNORECASE):
        ctx.add(HIGH, "makes a program start at every login (AppleScript login item)", command)
    power = _APPLESCRIPT_POWER.search(text)
    if power:
        reason = f"takes the Mac down ({power.group(1).lower()}, AppleScript): work is lost"
        ctx.add(HIGH, reason, command)
    if _FINDER_TRASHES_ALL.search(text):
        reason = "moves everything in your home folder to the Trash (AppleScript, Finder)"
        ctx.add(HIGH, reason, command)
    for code in re.findall(r'do shell script\s+"([^"]+)"', text):
        ctx.run_code(literal(code), command)


RULES: dict[str, Rule] = {
    "launchctl": launchctl,
    "run-parts": run_parts,
    "osascript": osascript,
    "defaults": login_hook,
    "crontab": crontab,
    "fcrontab": crontab,  # fcron's: the same -l, -r, -e, -u and file or `-`
    **dict.fromkeys(split_words("at batch atq atrm"), at),
    "systemd-run": systemd_run,
}
