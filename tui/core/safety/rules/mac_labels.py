"""SELinux and AppArmor beyond their on/off switches: permissive domains (semanage), booleans
(setsebool), file labels (chcon, restorecon), policy modules (semodule) and AppArmor profiles
loaded or removed by hand (apparmor_parser).

Listing is safe and a label or a boolean for one service is routine. Making a domain permissive,
allowing executable memory or stacks, relabelling a whole system folder, giving a whole web root
a label services may write, or unloading a daemon's profile leaves programs unconfined or
mislabelled (HIGH).
"""

from __future__ import annotations

from tui.core.safety.context import Context
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import HIGH, MODERATE, Rule
from tui.core.safety.words import split_words


def semanage(command: Command, ctx: Context) -> None:
    argv = command.argv
    words = [a for a in argv if not a.startswith("-")]
    if any(a in ("-l", "--list", "-E", "--extract", "-o") for a in argv) or not words:
        return
    if words[0] == "permissive" and any(a in ("-a", "--add") for a in argv):
        domain = words[1] if len(words) > 1 else "a domain"
        reason = f"lets {domain} run unconfined by SELinux (semanage permissive)"
        ctx.add(HIGH, reason, command)
    elif words[0] == "boolean" and any(_opens(w) for w in words[1:]):
        ctx.add(HIGH, "allows executable memory or stacks for every program (semanage)", command)
    elif words[0] == "fcontext" and (tree := _writable_tree(argv, words[1:])) is not None:
        ctx.add(HIGH, f"{_writable_reason(tree)} (semanage fcontext)", command)
    else:
        ctx.add(MODERATE, f"changes the SELinux policy's settings (semanage {words[0]})", command)


# Booleans that, switched on, let programs map memory both writable and executable; and the
# guards that, switched off, let anyone trace programs or reload the policy.
_OPENING_BOOLEANS = frozenset(
    split_words(
        "allow_execstack allow_execmem allow_execheap allow_execmod selinuxuser_execstack "
        "selinuxuser_execmod selinuxuser_execheap"
    )
)
_GUARD_BOOLEANS = frozenset(split_words("deny_ptrace secure_mode_policyload secure_mode"))


def _opens(word: str) -> bool:
    return word.split("=", 1)[0] in _OPENING_BOOLEANS


def setsebool(command: Command, ctx: Context) -> None:
    words = [a for a in command.argv if not a.startswith("-")]
    pairs = [w.split("=", 1) if "=" in w else [w] for w in words]
    flat = [part for pair in pairs for part in pair]
    on = any(v.lower() in ("1", "on", "true") for v in flat)
    off = any(v.lower() in ("0", "off", "false") for v in flat)
    if (set(flat) & _OPENING_BOOLEANS and on) or (set(flat) & _GUARD_BOOLEANS and off):
        shown = sorted(set(flat) & (_OPENING_BOOLEANS | _GUARD_BOOLEANS))[0]
        ctx.add(HIGH, f"loosens SELinux for every program ({shown}, setsebool)", command)
    else:
        ctx.add(MODERATE, "changes an SELinux boolean (setsebool)", command)


# Folders whose every file has its own label: relabelled in one go, services fail or gain access.
_SYSTEM_TREES = frozenset(split_words("/ /etc /usr /bin /sbin /lib /lib64 /var /boot /root /home"))


# Folders a web server serves whole: a writable label on all of them lets it change any page.
_SERVED_TREES = frozenset(
    split_words(
        "/var/www /var/www/html /srv/www /srv/http /srv/www/htdocs /usr/share/nginx/html "
        "/var/www/localhost/htdocs /srv"
    )
)


def _label_type(argv: list[str]) -> str:
    """The type a label sets: `-t TYPE`, `--type=TYPE`, or a whole `user:role:TYPE:level`."""
    for index, arg in enumerate(argv):
        if arg in ("-t", "--type") and index + 1 < len(argv):
            return argv[index + 1]
        if arg.startswith("--type="):
            return arg.partition("=")[2]
    whole = next((a for a in argv if a.count(":") >= 2 and not a.startswith("-")), "")
    return whole.split(":")[2] if whole else ""


def _writable_tree(argv: list[str], operands: list[str]) -> str | None:
    """The served or system folder a label lets confined services write all of, if any
    (`-t httpd_sys_rw_content_t /var/www/html`, `'/var/www/html(/.*)?'`)."""
    kind = _label_type(argv)
    if "_rw_" not in kind and not kind.endswith("_rw_t"):
        return None
    for operand in operands:
        tree = operand.removesuffix("(/.*)?").rstrip("/") or "/"
        if tree in _SERVED_TREES or tree in _SYSTEM_TREES:
            return tree
    return None


def _writable_reason(tree: str) -> str:
    return f"lets confined services such as the web server write anywhere in {tree}"


def chcon(command: Command, ctx: Context) -> None:
    argv = command.argv
    recursive = any(a in ("-R", "--recursive") for a in argv)
    trees = [a.rstrip("/") or "/" for a in argv if not a.startswith("-")]
    hit = next((t for t in trees if t in _SYSTEM_TREES), None)
    writable = _writable_tree(argv, trees) if recursive else None
    if writable is not None and hit is None:
        ctx.add(HIGH, f"{_writable_reason(writable)} (chcon)", command)
    elif recursive and hit is not None:
        reason = f"relabels every file under {hit}: confined services fail or gain access (chcon)"
        ctx.add(HIGH, reason, command)
    else:
        ctx.add(MODERATE, "changes SELinux file labels (chcon)", command)


def restorecon(command: Command, ctx: Context) -> None:
    if any(a.startswith("-") and "n" in a and not a.startswith("--") for a in command.argv):
        return  # `restorecon -n`: shows what it would relabel
    ctx.add(MODERATE, f"resets SELinux file labels to the policy's ({command.name})", command)


def semodule(command: Command, ctx: Context) -> None:
    argv = command.argv
    if any(a in ("-l", "--list-modules", "--list") or a.startswith("--list") for a in argv):
        return
    ctx.add(MODERATE, "changes the SELinux policy's modules (semodule)", command)


def apparmor_parser(command: Command, ctx: Context) -> None:
    """`apparmor_parser -R PROFILE` unloads it: the program runs unconfined until reboot."""
    argv = command.argv
    if any(a in ("-R", "--remove") for a in argv):
        profile = next((a for a in argv if not a.startswith("-")), "a profile")
        ctx.add(
            HIGH, f"unloads the AppArmor profile {profile}: the program runs unconfined", command
        )
    elif any(
        a in ("-p", "--preprocess", "-Q", "--skip-kernel-load", "-N", "--names") for a in argv
    ):
        return
    else:
        ctx.add(MODERATE, "loads or replaces an AppArmor profile (apparmor_parser)", command)


def disabled_profile(command: Command, ctx: Context) -> None:
    """`ln -s /etc/apparmor.d/usr.sbin.mysqld /etc/apparmor.d/disable/`: not loaded at boot."""
    operands = [a for a in command.argv if not a.startswith("-")]
    if len(operands) >= 2 and operands[-1].startswith("/etc/apparmor.d/disable"):
        reason = "stops an AppArmor profile loading at boot: the program runs unconfined"
        ctx.add(HIGH, f"{reason} (link in /etc/apparmor.d/disable)", command)


RULES: dict[str, Rule] = {
    "semanage": semanage,
    "setsebool": setsebool,
    "chcon": chcon,
    **dict.fromkeys(split_words("restorecon fixfiles setfiles"), restorecon),
    "semodule": semodule,
    "apparmor_parser": apparmor_parser,
}
EXTRA_CHECKS: dict[str, tuple[Rule, ...]] = {"ln": (disabled_profile,)}
