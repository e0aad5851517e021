"""Windows commands (PowerShell and cmd), read word by word and rated by what they do.

tree-sitter-bash misreads them (`C:\\`, `/s`, script blocks), so a command that looks like
Windows is split here into statements and words, Windows paths are mapped to their meaning
(`C:\\` is the whole machine, `C:\\Users\\x` a home, `C:\\Windows` the system) and rated with
the same path rules as everywhere else. See rules_windows.py for the per-command rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tui.core.safety.lazy import lazy_pattern

CMDLET = lazy_pattern(r"^[A-Za-z]+-[A-Za-z][A-Za-z0-9]+$")
VERBS = frozenset(
    (
        "get set new remove add clear stop start restart invoke format disable enable test select "
        "where sort measure out write import export convertto convertfrom copy move rename "
        "resolve split join expand compress install uninstall update register unregister mount "
        "dismount suspend resume wait push pop show read find save reset unblock block grant "
        "revoke protect unprotect backup restore checkpoint initialize repair optimize sync send "
        "receive connect disconnect enter exit use limit lock unlock confirm debug trace compare "
        "group foreach tee close search"
    ).split()
)
WINDOWS_ONLY = frozenset(
    (
        "del erase rd format reg vssadmin wmic bcdedit netsh cmd cmd.exe powershell "
        "powershell.exe pwsh.exe icacls cacls takeown schtasks diskpart cipher taskkill tasklist "
        "wevtutil attrib xcopy robocopy cls ipconfig systeminfo certutil bitsadmin mshta "
        "pwsh rundll32 regsvr32 msiexec winget choco scoop sfc dism chkdsk fsutil manage-bde "
        "findstr tracert pathping nbtstat gpresult gpupdate driverquery wbadmin bootrec "
        "iex iwr irm gci gc sls ri rni mi cpi ni sc.exe net.exe reagentc wusa setx auditpol winrm "
        "wsl forfiles runas psexec psexec64 sp saps spps sasv spsv gsv gwmi gcim rwmi swmi iwmi "
        "icm ipmo mpcmdrun sdelete sdelete64 cscript wscript installutil cmstp regasm regsvcs "
        "procdump procdump64 esentutl mimikatz cmdkey ntdsutil w32tm vaultcmd bcdboot "
        "mountvol bootsect systemreset sysprep secedit assoc ftype tskill pskill pskill64 regedit "
        "dsrm dsmod dsquery dsget dcdiag nltest repadmin netdom dnscmd klist appcmd iisreset "
        "pnputil devcon defrag powercfg mklink"
    ).split()
)
# Linux tools named like a PowerShell Verb-Noun: `update-grub` is no cmdlet.
POSIX_LOOKALIKES = frozenset(
    (
        "update-grub update-grub2 update-initramfs update-alternatives update-locale update-mime "
        "update-pciids update-usbids update-motd install-info install-menu"
    ).split()
)
AMBIGUOUS = frozenset(
    "rmdir copy move type dir sc net shutdown where echo mkdir md ren replace".split()
)
# POSIX names PowerShell keeps as aliases, and parameters only its cmdlets take.
_ALIASED = frozenset("rm cp mv ls cat kill rmdir del".split())
_PS_PARAMETERS = frozenset(
    "-recurse -force -literalpath -erroraction -whatif -confirm:$false -destination".split()
)
_NET_SUBS = frozenset("user localgroup group share use start stop view accounts session".split())
# cmd's `for [/F "opts"] %%a in (...) do ...`
_CMD_FOR = lazy_pattern(r"(?i)^for\s+(/[fldr]\s+(\S+\s+)?)?(\"[^\"]*\"\s+)?%%?~?[a-z0-9]\s+in\s*\(")
_SC_SUBS = frozenset("query queryex qc start stop config delete create failure sdset".split())
_MARKERS = lazy_pattern(
    r"(?i)(^|[\s'\"(=])[a-z]:\\|%(userprofile|appdata|localappdata|temp|tmp|systemroot|windir|"
    r"programfiles|programdata|homepath|homedrive|systemdrive|username|computername|public|"
    r"errorlevel|cd|path)%|\$env:|\bHK(LM|CU|CR|U|CC)[:\\]|(^|\s)/[a-z?]{1,2}(\s|$|:)"
)


@dataclass(frozen=True)
class Statement:
    """One Windows command: its words (quotes removed), and the raw text."""

    words: tuple[str, ...]
    text: str

    @property
    def name(self) -> str:
        if not self.words:
            return ""
        first = self.words[0].strip("&. ").lower()
        if first in ("%comspec%", "$env:comspec", "${env:comspec}"):
            return "cmd"  # %COMSPEC% names cmd.exe
        if first.startswith("$"):
            return first  # an assignment or a variable, not a program
        first = first.rsplit("\\", 1)[-1]
        if "(" in first[1:] and not first.startswith(("(", "$", "[", "{")):
            first = first.split("(", 1)[0]  # `IEX(New-Object ...)`: the call, then its argument
        return first[:-4] if first.endswith(".exe") and first != "cmd.exe" else first

    @property
    def args(self) -> tuple[str, ...]:
        return self.words[1:]


_CARETED = lazy_pattern(r"\w\^\w")


def uncaret(text: str) -> str:
    """cmd's escape character taken out where it only hides a word (`p^o^w^e^r^s^h^e^l^l`);
    inside double quotes it is an ordinary character and stays."""
    if not _CARETED.search(text):
        return text
    out: list[str] = []
    quoted = False
    for index, char in enumerate(text):
        if char == '"':
            quoted = not quoted
        if char == "^" and not quoted and index + 1 < len(text) and text[index + 1] != "\n":
            continue
        out.append(char)
    return "".join(out)


def looks_like_windows(text: str) -> bool:
    """True when the command is written for PowerShell or cmd rather than a POSIX shell."""
    for statement in split_statements(text)[:8]:
        if not statement.words:
            continue
        first = statement.words[0].strip("&. ").split("(", 1)[0] or statement.words[0]
        lower = first.lower()
        if (
            CMDLET.match(first)
            and first.split("-", 1)[0].lower() in VERBS
            and lower not in POSIX_LOOKALIKES
        ):
            return True
        name = statement.name
        if name in WINDOWS_ONLY or lower.endswith(".exe"):
            return True
        run = statement.words[0].lstrip("&. ") or "".join(statement.words[1:2])
        if run.startswith("\\\\") or run.lower().endswith((".ps1", ".psm1")):
            return True  # `& \\host\share\a.exe`, `. \\host\s\x.ps1`: a share, a PS script
        if name in AMBIGUOUS and _MARKERS.search(statement.text):
            return True
        if name == "net" and statement.args[:1] and statement.args[0].lower() in _NET_SUBS:
            return True
        if name in _ALIASED and any(a.lower() in _PS_PARAMETERS for a in statement.args):
            return True  # `rm -Recurse -Force C:/`: PowerShell's aliases, with its parameters
        if name == "for" and _CMD_FOR.match(statement.text):
            return True
        if name == "sc" and statement.args[:1] and statement.args[0].lower() in _SC_SUBS:
            return True
        if name == "sc" and statement.args[1:2] and statement.args[0].startswith("\\\\"):
            return True  # `sc \\host stop X`: the service control of another machine
        if (
            name == "start"
            and any(  # cmd's `start "" powershell ...`
                w.lower().removesuffix(".exe") in WINDOWS_ONLY for w in statement.args[:3]
            )
        ):
            return True
        for index, word in enumerate(statement.words[:-1]):
            nxt = statement.words[index + 1]
            if word == "=" and CMDLET.match(nxt) and nxt.split("-", 1)[0].lower() in VERBS:
                return True
        if first.startswith("$") and ("=" in statement.text) and "$env:" in text.lower():
            return True
    if re.match(r"\s*(%0|start\s+['\"]?%~?0)\b", text):  # a batch file's own name: cmd only
        return True
    return bool(_WINDOWS_TEXT.search(text))


# Text only PowerShell or cmd writes: `$env:`, `C:\Users`, registry drives, .NET calls.
_WINDOWS_TEXT = lazy_pattern(
    r"(?i)\$\{?env:|\$profile\b|\b[a-z]:\\\\?(windows|users|program)|\bhk(lm|cu|cr|u|cc):?\\|"
    r"%(userprofile|appdata|localappdata|systemroot|windir|programdata|temp|username|"
    r"computername|userdomain|logonserver)%|"
    r"\bhkey_(local_machine|current_user|classes_root|users)\b|"
    r"\[(system\.)?[a-z][\w.]*\]::\w+|^\s*(iex|invoke-expression)\s*\(|"
    r"\(new-object\s|\.downloadstring\(|\(\s*\$(true|false|null)\s*\)|"
    r"^\s*\(\s*(get|new)-[a-z]+\b[^)]*\)\.\w+\(|"  # `(Get-WmiObject X).Method(...)`
    # a batch file's own name run again: `%0|%0`, `start %0` (cmd only)
    r"%~?0\s*\^?\|\s*%~?0\b|\bstart\s+['\"]?%~?0\b"
)


def split_statements(text: str) -> list[Statement]:
    """Statements separated by `;`, `|`, `&&`, `||`, `&` and new lines, outside quotes and
    braces; a `{...}` script block stays one word (its inside is read again by the rules)."""
    statements: list[Statement] = []
    words: list[str] = []
    current: list[str] = []
    start = 0
    quote = ""
    depth = 0
    index = 0

    def flush_word() -> None:
        if current:
            words.append("".join(current))
            current.clear()

    def flush_statement(end: int) -> None:
        flush_word()
        if words:
            statements.append(Statement(tuple(_switches(words)), text[start:end].strip()))
            words.clear()

    while index < len(text):
        char = text[index]
        if quote:
            if char == quote:
                quote = ""
                if depth:
                    current.append(char)
            else:
                current.append(char)
        elif char in "'\"" and not depth:
            quote = char
        elif char in "{(" and (depth or not current or current[-1] in "$@"):
            depth += 1
            current.append(char)
        elif char in "})" and depth:
            depth -= 1
            current.append(char)
        elif depth:
            current.append(char)
        elif char in ";|&\n":
            flush_statement(index)
            while index + 1 < len(text) and text[index + 1] in ";|&":
                index += 1
            start = index + 1
        elif char in " \t":
            flush_word()
        else:
            current.append(char)
        index += 1
    flush_statement(len(text))
    return statements[:64]


_RUN_TOGETHER = lazy_pattern(r"(/[A-Za-z?]){2,}")


def _switches(words: list[str]) -> list[str]:
    """cmd's switches written together (`/s/q`, `/f/s/q`) as separate words."""
    out: list[str] = []
    for word in words:
        if _RUN_TOGETHER.fullmatch(word):
            out.extend("/" + letter for letter in word.split("/") if letter)
        else:
            out.append(word)
    return out


_DRIVE = lazy_pattern(r"^(?i:[a-z]):[\\/]?")
_SHARE = lazy_pattern(r"^\\\\[^\\]+\\(?P<share>[^\\]+)")
_ENV_PATHS = {
    "%userprofile%": "~",
    "$env:userprofile": "~",
    "$home": "~",
    "~": "~",
    "%homepath%": "~",
    "$env:homepath": "~",
    "%systemroot%": "/usr",
    "$env:systemroot": "/usr",
    "%windir%": "/usr",
    "$env:windir": "/usr",
    "%programfiles%": "/usr/lib",
    "$env:programfiles": "/usr/lib",
    "%programdata%": "/var/lib",
    "$env:programdata": "/var/lib",
    "%appdata%": "~/AppData",
    "$env:appdata": "~/AppData",
    "%localappdata%": "~/AppData",
    "$env:localappdata": "~/AppData",
    "%temp%": "/tmp/x",
    "$env:temp": "/tmp/x",
    "%tmp%": "/tmp/x",
    "$env:tmp": "/tmp/x",
    "%systemdrive%": "/",
    "$env:systemdrive": "/",
}


# System folders named by a variable: read as the folder itself (`$env:windir\System32`).
_ENV_FOLDERS = {
    "systemroot": "C:\\Windows",
    "windir": "C:\\Windows",
    "programfiles": "C:\\Program Files",
    "programfiles(x86)": "C:\\Program Files (x86)",
    "programw6432": "C:\\Program Files",
    "programdata": "C:\\ProgramData",
    "allusersprofile": "C:\\ProgramData",
    "systemdrive": "C:",
    "homedrive": "C:",
    "public": "C:\\Users\\Public",
}
_ENV_VARIABLE = lazy_pattern(r"(?i)^(?:%(?P<cmd>[\w()]+)%|\$\{?env:(?P<ps>[\w()]+)\}?)")


def posix_path(value: str) -> str:
    """A Windows path as the POSIX path with the same meaning for the path rules."""
    text = value.strip().strip("'\"").replace("/", "\\")
    text = re.sub(r"(?i)^%homedrive%%homepath%|^\$env:homedrive\$env:homepath", "~", text)
    variable = _ENV_VARIABLE.match(text)
    if variable:
        name = (variable.group("cmd") or variable.group("ps")).lower()
        if name in _ENV_FOLDERS:
            text = _ENV_FOLDERS[name] + text[variable.end() :]
        else:
            text = f"$env:{name}" + text[variable.end() :]
    lower = text.lower()
    for name, meaning in _ENV_PATHS.items():
        if lower == name or lower.startswith(name + "\\"):
            rest = text[len(name) :].replace("\\", "/")
            return _tail(meaning, rest)
    share = _SHARE.match(text)
    if share:  # a network share (UNC path) holds data like a second disk (D:)
        return _tail(f"/Volumes/{share.group('share')}", text[share.end() :].replace("\\", "/"))
    match = _DRIVE.match(text)
    if not match:
        return text.replace("\\", "/")
    rest = text[match.end() :].replace("\\", "/")
    parts = [p for p in rest.split("/") if p]
    if text[0].lower() != "c":  # D:, E:: a data disk, not the system one
        return _tail(f"/Volumes/{text[0].upper()}", rest)
    if not parts:
        return "/"
    head = parts[0].lower()
    tail = "/".join(parts[1:])
    if head == "users":
        if len(parts) == 1:
            return "/home"
        if parts[1] == "*":
            return "/home/*"
        return _tail("/home/" + parts[1], "/" + "/".join(parts[2:]))
    if head in ("windows", "winnt"):
        lowered = [p.lower() for p in parts[1:4]]
        if lowered == ["system32", "drivers", "etc"]:  # hosts, networks, services: as /etc
            return _tail("/etc", "/" + "/".join(parts[4:]))
        if len(parts) > 1 and parts[1].lower() in ("temp", "tmp"):  # C:\\Windows\\Temp
            return _tail("/tmp/windows", "/" + "/".join(parts[2:]))
        if len(parts) > 1 and parts[1].lower() in _WINDOWS_CACHES:
            return _tail(f"/var/cache/{parts[1].lower()}", "/" + "/".join(parts[2:]))
        if len(parts) > 1 and parts[1].lower() in ("system32", "syswow64"):
            return _tail("/usr/bin", "/" + "/".join(parts[2:]))
        return _tail("/usr", "/" + tail)
    if head in ("program files", "program files (x86)", "programdata"):
        return _tail("/usr/lib" if head != "programdata" else "/var/lib", "/" + tail)
    if head in ("*", "*.*"):
        return "/*"
    if head in ("temp", "tmp"):
        return _tail("/tmp", "/" + tail)
    if head == "inetpub":  # IIS's sites, like /var/www
        return _tail("/var/www", "/" + tail)
    return "/" + rest.strip("/")


# Folders of C:\\Windows that only hold downloads and caches Windows makes again.
_WINDOWS_CACHES = frozenset(("softwaredistribution", "prefetch"))


def _tail(base: str, rest: str) -> str:
    rest = rest.strip("/")
    rest = rest[:-3] + "*" if rest.endswith("/*.*") else rest
    if rest in ("*", "*.*"):
        return base.rstrip("/") + "/*"
    return base if not rest else base.rstrip("/") + "/" + rest
