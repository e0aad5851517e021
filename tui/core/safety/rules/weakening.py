"""Protections switched off for good: TLS checks, SELinux, name lookups, the macOS firewall, X.

Each is one setting in a file or one `config set`; the command looks routine, but every later
download, log-in or connection goes unchecked. `written` rates text put into a file (by `>`,
`tee` or `sed -i`); the rules rate the tools that change these settings.
"""

from __future__ import annotations

import ipaddress
import re

from tui.core.safety import paths
from tui.core.safety.context import Context
from tui.core.safety.lazy import LazyPattern, lazy_pattern
from tui.core.safety.parse import Command
from tui.core.safety.rules import db_listen, limits, macos_defaults
from tui.core.safety.rules.common import CRITICAL, HIGH, MODERATE, Rule
from tui.core.safety.rules.kernel import binfmt_verdict, kernel_verdict
from tui.core.safety.rules.resolvers import PUBLIC_RESOLVERS, outside_address, resolver_file
from tui.core.safety.targets import Verdict

_TLS_OFF = "turns off TLS certificate checks for every later download"
# Per file (home-relative name or absolute path): text that turns the file's checks off.
_HOME_FILES: tuple[tuple[tuple[str, ...], LazyPattern, str], ...] = (
    ((".curlrc", ".config/curlrc"), lazy_pattern(r"^[^\S\n]*(-k|(--)?insecure)\b", re.M), "curl"),
    (
        (".wgetrc", ".config/wgetrc"),
        lazy_pattern(r"check_certificate\s*=\s*(off|0|no)", re.I),
        "wget",
    ),
    (
        (".npmrc", ".yarnrc", ".yarnrc.yml"),
        lazy_pattern(r"strict-ssl\s*[=:]?\s*\"?false|enableStrictSsl\s*:\s*false", re.I),
        "npm",
    ),
    (
        (".pip/pip.conf", ".config/pip/pip.conf", "pip.conf", ".pydistutils.cfg"),
        lazy_pattern(r"trusted-host\s*=", re.I),
        "pip",
    ),
    (
        (".gitconfig", ".config/git/config"),
        lazy_pattern(r"sslverify\s*=\s*(false|0|no|off)", re.I),
        "git",
    ),
    ((".condarc",), lazy_pattern(r"ssl_verify\s*:\s*(false|0|no)", re.I), "conda"),
)
_SYSTEM_FILES = {
    "/etc/pip.conf": "pip",
    "/etc/npmrc": "npm",
    "/etc/gitconfig": "git",
    "/etc/wgetrc": "wget",
}


def trusted_name(host: str) -> bool:
    """A host of a code host, registry, vendor or big service people trust."""
    return bool(_TRUSTED_NAMES.search(host.lower()))


_SELINUX_OFF = lazy_pattern(r"\bSELINUX\s*=\s*(disabled|permissive)\b", re.I)
_BOOT_OFF = lazy_pattern(r"\b(selinux=0|enforcing=0|apparmor=0|security=none)\b")
MAC_OFF_AT_BOOT = _BOOT_OFF  # also read by boot.py (grubby, kernelstub)
# an IPv6 address never starts inside another: 15 KB of `a::` took 1.3 s (quadratic)
_HOSTS_LINE = lazy_pattern(
    r"(\d{1,3}(?:\.\d{1,3}){3}|(?<![0-9a-fA-F:])[0-9a-fA-F]*:[0-9a-fA-F:]+)[ \t]+([\w.\- \t]+)"
)
# Names whose traffic people and tools trust: code hosts, registries, updates, big services.
_TRUSTED_NAMES = lazy_pattern(
    r"(^|\.)(github\.com|githubusercontent\.com|gitlab\.com|bitbucket\.org|google\.com|"
    r"googleapis\.com|gstatic\.com|microsoft\.com|windowsupdate\.com|live\.com|apple\.com|"
    r"icloud\.com|amazon\.com|amazonaws\.com|cloudfront\.net|pypi\.org|pythonhosted\.org|"
    r"npmjs\.org|npmjs\.com|yarnpkg\.com|rubygems\.org|crates\.io|docker\.com|docker\.io|"
    r"ubuntu\.com|debian\.org|fedoraproject\.org|archlinux\.org|kernel\.org|letsencrypt\.org|"
    r"paypal\.com|facebook\.com|okta\.com|slack\.com|cloudflare\.com|golang\.org|"
    r"mozilla\.org|ghcr\.io|quay\.io|k8s\.io|hashicorp\.com|openai\.com|"
    r"microsoftonline\.com|office\.com|office365\.com|outlook\.com|azure\.com|"
    r"windows\.net|azureedge\.net|msftauth\.net|auth0\.com|onelogin\.com|duosecurity\.com|"
    r"gitlab\.io|github\.io|salesforce\.com|dropbox\.com|zoom\.us|atlassian\.net|"
    r"atlassian\.com|stripe\.com|visualstudio\.com|nuget\.org|maven\.org|gradle\.org|"
    r"anthropic\.com|huggingface\.co)$",
    re.I,
)
_NO_HOST_CHECK = lazy_pattern(r"StrictHostKeyChecking\s*=?\s*(no|off)\b", re.I)
_SSH_VARIABLE = lazy_pattern(r"\bGIT_SSH(_COMMAND)?\s*=")
_ALL_HOSTS = lazy_pattern(r"^[^\S\n]*Host\s+\*\s*$", re.I | re.M)
_GIT_NO_VERIFY = lazy_pattern(r"\bconfig\b.*\bhttp\S*\.sslverify(\s+|=)(false|0|no|off)\b")
_TLS_VARIABLES = lazy_pattern(
    r"\b(NODE_TLS_REJECT_UNAUTHORIZED\s*=\s*['\"]?0|GIT_SSL_NO_VERIFY\s*=\s*['\"]?\w|"
    r"PYTHONHTTPSVERIFY\s*=\s*['\"]?0|(NPM|YARN)_CONFIG_STRICT_SSL\s*=\s*['\"]?false|"
    r"(CURL_CA_BUNDLE|REQUESTS_CA_BUNDLE)\s*=\s*(''|\"\"|$))",
    re.I | re.M,
)
_PACKAGES_UNCHECKED = lazy_pattern(
    r"Verify-(Peer|Host)\s+['\"]?false|AllowUnauthenticated\s+['\"]?true|"
    r"AllowInsecureRepositories\s+['\"]?true|^[^\S\n]*(sslverify|gpgcheck|repo_gpgcheck)\s*=\s*"
    r"(0|false|no)\b",
    re.I | re.M,
)
_PACKAGE_CONFIGS = ("/etc/apt/apt.conf", "/etc/yum.conf", "/etc/dnf/", "/etc/yum.repos.d/")
_TRUST = lazy_pattern(r"^[^\S\n]*(local|host\w*)\s.*\btrust\b", re.M)
_ONLY_TRUST = lazy_pattern(r"^[^\S\n]*trust[^\S\n]*$", re.M)  # `s/md5$/trust/`: what a sed puts in
_REDIS_OPEN = lazy_pattern(
    r"^[^\S\n]*(requirepass[^\S\n]*(\"\"|''|$)|protected-mode[^\S\n]+no\b)", re.M
)
_TRUST_ANYWHERE = lazy_pattern(r"^[^\S\n]*host\w*\s.*(0\.0\.0\.0/0|::/0|\ball\s+all\s+all\b)", re.M)
_DOCKER_OPEN = lazy_pattern(r"tcp://(0\.0\.0\.0|\*|\[::\]|)?:?237[56]\b")
_LOCAL_SUFFIXES = (
    ".local",
    ".lan",
    ".internal",
    ".test",
    ".localhost",
    ".home",
    ".corp",
    ".example",
)


def written(path: str, text: str) -> Verdict | None:
    """The verdict for writing `text` into `path` when it turns a protection off."""
    where = paths.normalise(path)
    if where.startswith("/proc/sys/") and text.strip():
        kernel = kernel_verdict(f"{where.removeprefix('/proc/sys/')}={text.strip()}")
        if kernel is not None:
            return Verdict(kernel[0], kernel[1])
    if where.startswith(("/proc/sys/fs/binfmt_misc/", "/etc/binfmt.d/")):
        interpreter = binfmt_verdict(text)
        if interpreter is not None:
            return Verdict(interpreter[0], interpreter[1])
    if (where == "/etc/sysctl.conf" or where.startswith("/etc/sysctl.d/")) and text.strip():
        kernel = kernel_verdict(text)
        if kernel is not None:
            return Verdict(kernel[0], f"{kernel[1]} at every boot ({where})")
    if where == "/sys/fs/selinux/enforce" and text.strip() == "0":
        return Verdict(
            CRITICAL, "turns off SELinux for the whole machine (/sys/fs/selinux/enforce)"
        )
    limited = limits.limits_file(where, text) or limits.systemd_defaults(where, text)
    if limited is not None:
        return Verdict(*limited)
    bare = text.strip().lstrip("=").strip().lower()  # `s/enforcing/disabled/`: only the value
    selinux_off = _SELINUX_OFF.search(text) or bare in ("disabled", "permissive")
    if where in ("/etc/selinux/config", "/etc/sysconfig/selinux") and selinux_off:
        # as `setenforce 0`, and for good: every program runs unconfined from the next boot
        return Verdict(CRITICAL, f"turns off SELinux, which confines every program ({where})")
    if _is_startup(where) and _TLS_VARIABLES.search(text):
        return Verdict(HIGH, f"{_TLS_OFF} in every new shell ({where})")
    if _is_startup(where) and _SSH_VARIABLE.search(text) and _NO_HOST_CHECK.search(text):
        reason = f"stops git checking the identity of SSH servers in every new shell ({where})"
        return Verdict(HIGH, reason)
    if where.startswith(_PACKAGE_CONFIGS) and _PACKAGES_UNCHECKED.search(text):
        return Verdict(HIGH, f"stops checking packages or their downloads ({where})")
    if where.endswith("pg_hba.conf") and (_TRUST.search(text) or _ONLY_TRUST.search(text)):
        anywhere = _TRUST_ANYWHERE.search(text) is not None
        who = "anyone on the network" if anywhere else "some users or machines"
        level = CRITICAL if anywhere else HIGH
        return Verdict(level, f"lets {who} into the databases without a password ({where})")
    if where.endswith("/redis.conf") and _REDIS_OPEN.search(text):
        return Verdict(HIGH, f"lets anyone use Redis without a password ({where})")
    exposed = db_listen.listens_everywhere(where, text) or db_listen.auth_off(where, text)
    if exposed is not None:
        return exposed
    if _DOCKER_OPEN.search(text) and "docker" in where:
        return Verdict(CRITICAL, f"opens the Docker API to the network: root for anyone ({where})")
    if where in ("/etc/ufw/ufw.conf", "/etc/default/ufw") and _UFW_OFF.search(text):
        return Verdict(HIGH, f"turns off the firewall or lets everything in ({where})")
    shared = _shares(where, text)
    if shared is not None:
        return shared
    if where.startswith("/etc/default/grub") and _BOOT_OFF.search(text):
        return Verdict(CRITICAL, f"boots without SELinux or AppArmor ({where})")
    if where == "/etc/hosts":
        return _hosts(text)
    resolver = resolver_file(where, text)
    if resolver is not None:
        return resolver
    if _is_startup(where):
        proxy = _PROXY_VARIABLE.search(text)
        if proxy is not None and outside_address(proxy.group("host")):
            reason = f"sends every later download through {proxy.group('host')}, which can read it"
            return Verdict(HIGH, f"{reason} ({where})")
    ssh_config = (
        where.startswith("/etc/ssh/ssh_config") or paths.home_relative(where) == ".ssh/config"
    )
    if ssh_config and _NO_HOST_CHECK.search(text) and _ALL_HOSTS.search(text):
        reason = "stops checking the identity of every SSH server (StrictHostKeyChecking no)"
        return Verdict(HIGH, reason)
    tool = _SYSTEM_FILES.get(where)
    rel = paths.home_relative(where)
    base = where.rsplit("/", 1)[-1]  # a project's own `.npmrc` or a venv's `pip.conf`
    for names, pattern, name in _HOME_FILES:
        if (tool == name or (rel or base) in names or base in names) and pattern.search(text):
            return Verdict(HIGH, f"{_TLS_OFF} ({name}, {where})")
    for names, pattern, name in _INDEX_FILES:
        if (tool == name or (rel or base) in names or base in names) and pattern.search(text):
            return Verdict(HIGH, f"points {name} at another index for every later install")
    return None


# Settings files that name where packages come from: any index but the usual one.
_INDEX_FILES: tuple[tuple[tuple[str, ...], LazyPattern, str], ...] = (
    (
        (".npmrc", ".yarnrc"),
        lazy_pattern(
            r"(?<![\w@:/-])registry\s*=\s*['\"]?"
            r"(?!https://registry\.(?:npmjs\.org|yarnpkg\.com)\b)\S"
        ),
        "npm",
    ),
    (
        (".pip/pip.conf", ".config/pip/pip.conf", "pip.conf"),
        lazy_pattern(
            r"(?<![\w-])(?:extra-)?index-url\s*=\s*['\"]?"
            r"(?!https://(?:pypi\.org|pypi\.python\.org|files\.pythonhosted\.org)/)\S"
        ),
        "pip",
    ),
)


# `export https_proxy=http://203.0.113.8:8080` (any case, any of the usual names).
_PROXY_VARIABLE = lazy_pattern(
    r"(?i)\b(?:https?|ftp|all)_proxy\s*=\s*['\"]?(?:\w+://)?(?:[^@\s'\"/]*@)?"
    r"(?P<host>\[?[0-9a-f.:]+?\]?)(?::\d+)?(?=['\"/\s]|$)"
)
_UFW_OFF = lazy_pattern(r"ENABLED\s*=\s*no\b|DEFAULT_INPUT_POLICY\s*=\s*['\"]?ACCEPT", re.I)
_EXPORT_LINE = lazy_pattern(r"^[^\S\n]*(?P<path>/\S*)\s+(?P<clients>.*)$", re.M)
_GUEST = lazy_pattern(r"^[^\S\n]*(guest\s+ok|public)\s*=\s*yes\b", re.I | re.M)
_ANONYMOUS_FTP = lazy_pattern(r"^[^\S\n]*anonymous_enable\s*=\s*YES\b", re.I | re.M)


def _shares(where: str, text: str) -> Verdict | None:
    """NFS exports to any machine, Samba shares open to guests, anonymous FTP."""
    if where == "/etc/exports" or where.startswith("/etc/exports.d/"):
        for match in _EXPORT_LINE.finditer(text):
            clients = match.group("clients")
            anyone = re.search(r"(^|\s)(\*|0\.0\.0\.0/0)(\(|\s|$)", clients) is not None
            if not anyone:
                continue
            root = match.group("path") == "/" or "no_root_squash" in clients
            what = "the whole disk, as root," if root else match.group("path")
            reason = f"shares {what} with any machine on the network ({where})"
            return Verdict(CRITICAL if root else HIGH, reason)
    if where.endswith("smb.conf") and _GUEST.search(text):
        root = re.search(r"^[^\S\n]*path\s*=\s*/\s*$", text, re.M) is not None
        reason = f"shares files with anyone, no password needed ({where})"
        return Verdict(CRITICAL if root else HIGH, reason)
    if where.endswith("vsftpd.conf") and _ANONYMOUS_FTP.search(text):
        return Verdict(HIGH, f"lets anyone log in to the FTP server without a password ({where})")
    return None


# `s/x/y/` with any delimiter; `\/` inside a part is the delimiter itself, not its end.
_SED_SUBSTITUTE = lazy_pattern(r"s([^\\\w\s])(?:\\.|(?!\1)[^\\])*\1((?:\\.|(?!\1)[^\\])*)\1")


def _unescaped(part: str, delimiter: str) -> str:
    """`init=\\/bin\\/bash` as sed reads it with `/` as the delimiter: `init=/bin/bash`."""
    return part.replace("\\" + delimiter, delimiter)


# `$a TEXT`, `1i TEXT`, `/re/c TEXT`: an optional address, then the command and its text.
_SED_ADDS = lazy_pattern(r"(?:^|[;{\s])(?:\d+|\$|/(?:[^/\\]|\\.)*/)?\s*[aic]\\?\s*(.+)$")


def sed_text(script: str) -> str:
    """The lines a sed script puts in a file: replacements of `s/x/y/` and text of `a`/`i`/`c`
    (not what they replace: `s/ENABLED=no/ENABLED=yes/` turns a protection on); the script
    itself when it has neither."""
    lines = [_unescaped(m.group(2), m.group(1)) for m in _SED_SUBSTITUTE.finditer(script)]
    lines += [m.group(1) for m in _SED_ADDS.finditer(script)]
    return "\n".join(lines) if lines else script


def _is_startup(where: str) -> bool:
    return (
        paths.is_rc_file(where) or where == "/etc/environment" or where.startswith("/etc/profile")
    )


# Where systems and virus scanners fetch their updates: blocked, the holes stay open.
_UPDATE_NAMES = lazy_pattern(
    r"(^|\.)(security\.ubuntu\.com|archive\.ubuntu\.com|security\.debian\.org|"
    r"deb\.debian\.org|ppa\.launchpad(content)?\.net|(dl|mirrors)\.fedoraproject\.org|"
    r"mirror(list)?\.centos\.org|download\.opensuse\.org|archlinux\.org|"
    r"windowsupdate\.(com|microsoft\.com)|update\.microsoft\.com|"
    r"definitionupdates\.microsoft\.com|(swscan|swdist|mesu)\.apple\.com|"
    r"database\.clamav\.net|updates?\.[a-z0-9-]+\.(com|org|net))$"
)


def _hosts(text: str) -> Verdict | None:
    """`203.0.113.5 github.com` in /etc/hosts: that name now leads to another machine."""
    for address, names in _HOSTS_LINE.findall(text):
        try:
            ip = ipaddress.ip_address(address)
        except ValueError:
            continue
        blocking = ip.is_unspecified or ip.is_loopback
        for name in names.split():
            name = name.lower().rstrip(".")
            if "." not in name or name.endswith(_LOCAL_SUFFIXES):
                continue
            if blocking and _UPDATE_NAMES.search(name):
                return Verdict(
                    HIGH, f"blocks {name}, where security updates come from (/etc/hosts)"
                )
            if _TRUSTED_NAMES.search(name) and not blocking:
                reason = f"sends all traffic for {name} to {address} instead (/etc/hosts)"
                return Verdict(HIGH, reason)
            if ip.is_global and not blocking:
                return Verdict(HIGH, f"sends all traffic for {name} to {address} (/etc/hosts)")
    return None


_GIT_RECEIVE_OFF = lazy_pattern(
    r"\breceive\.deny(nonfastforwards|deletes)(\s+|=)['\"]?(false|0|no|off)\b"
    r"|--unset(-all)?\s+receive\.deny(nonfastforwards|deletes)\b"
)


def config_set(command: Command) -> str | None:
    """`npm config set strict-ssl false`, `git config --global http.sslVerify false`, ..."""
    argv = [a.lower() for a in command.argv]
    joined = " ".join(argv)
    name = command.name
    if name in ("npm", "pnpm", "yarn") and re.search(
        r"\bset\s+(strict-ssl|enablestrictssl)(\s+|=)(false|0)\b", joined
    ):
        return f"{_TLS_OFF} ({name} strict-ssl)"
    lasting = "--global" in argv or "--system" in argv
    if name == "git" and lasting and re.search(r"stricthostkeychecking=(no|off)", joined):
        return "stops checking the identity of SSH servers for every later git command"
    receive = _GIT_RECEIVE_OFF.search(joined) if name == "git" else None
    if receive is not None:  # a server repository's guard against rewritten history
        key = "denyDeletes" if "deletes" in receive.group(0) else "denyNonFastForwards"
        return f"lets anyone who can push rewrite or delete the shared branches (receive.{key} off)"
    if name == "git" and lasting and _GIT_NO_VERIFY.search(joined):
        return f"{_TLS_OFF} (git http.sslVerify)"
    stored = re.search(r"credential\.helper\s+['\"]?store\s+--file[= ]['\"]?(?P<path>\S+)", joined)
    if name == "git" and stored and paths.is_world_writable(stored.group("path").strip("'\"")):
        return "keeps git passwords in plain text in a folder every user can read"
    if name in ("pip", "pip3") and re.search(r"\bconfig\s+set\s+\S*trusted-host\b", joined):
        return f"{_TLS_OFF} from that host (pip trusted-host)"
    if name in ("pip", "pip3") and re.search(
        r"\bconfig\s+set\s+\S*break-system-packages(\s+|=)(true|1|yes|on)\b", joined
    ):
        return "lets every later pip install replace the system's own Python packages"
    if name == "kubectl" and re.search(
        r"\bset-cluster\b.*--insecure-skip-tls-verify(=true)?\b(?!=f)", joined
    ):
        return "stops checking the cluster's certificate for every later kubectl command"
    if name == "git":  # a redirect in one repository's settings is as lasting there
        redirect = _git_redirect(command.argv)
        if redirect is not None:
            return redirect
    if name in ("npm", "pnpm", "yarn", "git") and re.search(
        r"\b(https?-?proxy|proxy)(\s+|=)\S*?//(\S+@)?(?P<ip>[\d.]+)", joined
    ):
        address = re.search(r"//(\S+@)?([\d.]+)", joined)
        if address is not None and outside_address(address.group(2)):
            return f"sends every later download through {address.group(2)}, which can read it"
    if name == "poetry" and re.search(r"\bconfig\s+certificates\.\S+\.cert\s+false\b", joined):
        return f"{_TLS_OFF} from that repository (poetry certificates)"
    if name in ("conda", "mamba") and re.search(r"--set\s+ssl_verify\s+(false|0|no)", joined):
        return f"{_TLS_OFF} (conda ssl_verify)"
    return None


def _git_redirect(argv: list[str]) -> str | None:
    """`git config --global url.http://203.0.113.2/.insteadOf https://github.com/`."""
    for index, value in enumerate(argv[:-1]):
        match = re.fullmatch(r"url\.(.+)\.(push)?insteadof", value, re.I)
        if match is None:
            continue
        target, replaced = match.group(1), argv[index + 1]
        host = _url_host(target)
        moved = host.lower() != _url_host(replaced).lower()  # not `git@github.com:` for https
        if target.startswith("http://") or outside_address(host) or moved:
            verb = "sends pushes for" if match.group(2) else "fetches"
            return f"{verb} {replaced} from {target} instead, for every later git command"
    return None


def _url_host(url: str) -> str:
    """`https://github.com/`, `git@github.com:`, `ssh://git@host:22/` -> the host name."""
    return url.split("://", 1)[-1].split("/", 1)[0].rsplit("@", 1)[-1].split(":", 1)[0]


def network_setup(command: Command, ctx: Context) -> None:
    """`networksetup -setwebproxy Wi-Fi 203.0.113.8 8080`, `-setdnsservers Wi-Fi IP`."""
    argv = command.argv
    sub = argv[0].lower() if argv else ""
    routing = sub in ("-setwebproxy", "-setsecurewebproxy", "-setsocksfirewallproxy")
    unknown = [a for a in argv[2:] if outside_address(a) and a not in PUBLIC_RESOLVERS]
    if sub == "-setautoproxyurl":  # the proxy settings file a machine hands out
        routing = True
        unknown = [a for a in argv[2:3] if outside_address(_url_host(a))]
    if (routing or sub == "-setdnsservers") and unknown:
        what = "web traffic" if routing else "name lookups"
        reason = f"sends all {what} through an outside address, which can read or change it"
        ctx.add(HIGH, reason, command)
    elif sub in ("-setv4off", "-removenetworkservice") or (
        sub in ("-setairportpower", "-setnetworkserviceenabled") and argv[-1:] == ["off"]
    ):
        ctx.add(HIGH, f"turns a network connection off (networksetup {argv[0]})", command)
    elif sub.startswith(("-set", "-remove", "-create", "-delete", "-add")):
        ctx.add(MODERATE, f"changes network settings (networksetup {argv[0]})", command)


def macos_firewall(command: Command, ctx: Context) -> bool:
    """`defaults write /Library/Preferences/com.apple.alf globalstate -int 0`, and the other
    protections a `defaults write` can switch off (see macos_defaults)."""
    argv = command.argv
    if macos_defaults.weakens(command, ctx):
        return True
    if not argv or argv[0] != "write" or not any(a.endswith("com.apple.alf") for a in argv):
        return False
    rest = [a.lower() for a in argv]
    if "globalstate" in rest and rest[-1] in ("0", "false"):
        ctx.add(HIGH, "turns off the macOS firewall (com.apple.alf)", command)
        return True
    return False


def socketfilterfw(command: Command, ctx: Context) -> None:
    argv = [a.lower() for a in command.argv]
    if any(a.startswith("--set") for a in argv) and (
        "off" in argv or "--setglobalstate=off" in argv
    ):
        ctx.add(HIGH, "turns off the macOS firewall (socketfilterfw)", command)
    elif any(a.startswith(("--add", "--unblock")) for a in argv) and any(
        paths.is_world_writable(a) for a in argv if a.startswith("/")
    ):
        reason = "lets a program from a folder anyone can write through the macOS firewall"
        ctx.add(HIGH, reason, command)
    elif any(a.startswith(("--set", "--add", "--remove", "--unblock")) for a in argv):
        ctx.add(MODERATE, "changes the macOS firewall (socketfilterfw)", command)


def profiles(command: Command, ctx: Context) -> None:
    """macOS `profiles install`: a configuration profile can add root certificates, proxies,
    VPNs and remote management in one step."""
    argv = [a.lstrip("-").lower() for a in command.argv]
    if argv[:1] in (["install"], ["i"]):
        reason = "installs a configuration profile: it can trust certificates, set proxies and"
        ctx.add(HIGH, f"{reason} hand the Mac to remote management (profiles)", command)
    elif argv[:1] in (["remove"], ["r"]) and "all" in argv:
        reason = "removes every configuration profile: the security settings they enforce go"
        ctx.add(HIGH, f"{reason} (profiles remove -all)", command)
    elif argv[:1] in (["remove"], ["r"]):
        ctx.add(MODERATE, "removes configuration profiles (profiles)", command)


def xhost(command: Command, ctx: Context) -> None:
    """`xhost +`: any machine may open windows on, and read the keys typed into, this display."""
    argv = command.argv
    if any(a in ("+", "+inet:", "+local:") for a in argv):
        everyone = "+" in argv
        who = "any machine" if everyone else "every local user and program"
        level = HIGH if everyone else MODERATE
        ctx.add(level, f"lets {who} read your screen and keystrokes (xhost {argv[0]})", command)
    elif any(a.startswith("+") for a in argv):
        ctx.add(MODERATE, "lets another host or user use your display (xhost)", command)


_CA_DIRS = (
    "/usr/local/share/ca-certificates",
    "/usr/share/ca-certificates",
    "/etc/pki/ca-trust/source/anchors",
    "/etc/ca-certificates/trust-source/anchors",
    "/etc/ssl/certs",
)
_TRUST_CA = "trusts a new certificate authority: it can pass off any website as genuine"


def new_authority(command: Command, ctx: Context) -> None:
    """`cp ca.crt /usr/local/share/ca-certificates/`, `trust anchor ca.crt`."""
    argv = command.argv
    if command.name == "trust":
        if argv[:1] == ["anchor"] and "--remove" not in argv:
            ctx.add(HIGH, f"{_TRUST_CA} (trust anchor)", command)
        return
    operands = [a for a in argv if not a.startswith("-")]
    if len(operands) >= 2 and paths.normalise(operands[-1]).startswith(_CA_DIRS):
        ctx.add(HIGH, f"{_TRUST_CA} ({paths.normalise(operands[-1])})", command)


def launchctl_firewall(command: Command, ctx: Context) -> None:
    """`launchctl unload /System/Library/LaunchDaemons/com.apple.alf.agent.plist`."""
    argv = command.argv
    stops = argv[:1] and argv[0] in ("unload", "bootout", "disable", "remove", "stop")
    if stops and any("com.apple.alf" in a for a in argv):
        ctx.add(HIGH, "turns off the macOS firewall (launchctl)", command)


def apparmor_tools(command: Command, ctx: Context) -> None:
    """`aa-teardown`, `aa-disable PROFILE`, `aa-complain PROFILE`: confinement removed."""
    if command.name == "aa-teardown":
        reason = "unloads every AppArmor profile: every program on the machine runs unconfined"
        ctx.add(CRITICAL, reason, command)
    elif any(_EVERY_PROFILE.match(a) for a in command.argv):
        reason = f"loosens every AppArmor profile ({command.name}): programs run unconfined"
        ctx.add(HIGH, reason, command)
    elif command.name == "aa-disable" and any(not a.startswith("-") for a in command.argv):
        profile = next(a for a in command.argv if not a.startswith("-"))
        reason = f"switches off the AppArmor profile {profile}: the program runs unconfined"
        ctx.add(HIGH, f"{reason} (aa-disable)", command)
    else:
        ctx.add(MODERATE, f"loosens an AppArmor profile ({command.name})", command)


# `/etc/apparmor.d/*`, `/etc/apparmor.d/`: the whole folder of profiles, not one.
_EVERY_PROFILE = lazy_pattern(r"^/etc/apparmor\.d/?(\*|\*\.\*)?$")


RULES: dict[str, Rule] = {
    "networksetup": network_setup,
    "socketfilterfw": socketfilterfw,
    "xhost": xhost,
    "profiles": profiles,
    "aa-teardown": apparmor_tools,
    "aa-disable": apparmor_tools,
    "aa-complain": apparmor_tools,
}
