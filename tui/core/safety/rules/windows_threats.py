"""Whole-line Windows checks: the moves attacks and ransomware make, whatever the spelling.

Shadow copies deleted through WMI, a program downloaded and then started, Defender switched off
or told to skip a whole drive, credential stores dumped (LSASS, the SAM hive), boot recovery
removed, a hidden or encoded PowerShell scheduled as SYSTEM, a new administrator account.
"""

from __future__ import annotations

import re

from tui.core.safety.context import Context
from tui.core.safety.lazy import LazyPattern, lazy_pattern
from tui.core.safety.model import RiskLevel

HIGH = RiskLevel.HIGH
CRITICAL = RiskLevel.CRITICAL

# A share on a host named by a domain (`\\\\files.x.example\\s\\`), not one of this network's
# single-label servers (`\\\\fileserver\\share`).
_OUTSIDE_SHARE = r"\\\\[\w-]+\.[\w.-]+\\[^\s'\";|&]*?"
_PROGRAM_FILE = r"\.(exe|ps1|psm1|psd1|bat|cmd|vbs|js|msi|hta|scr|com)\b"

_CHECKS: tuple[tuple[RiskLevel, str, LazyPattern], ...] = tuple(
    (level, reason, lazy_pattern(pattern, re.IGNORECASE))
    for level, reason, pattern in (
        (
            CRITICAL,
            "deletes the shadow copies (Windows' own backups), as ransomware does",
            r"win32_shadowcopy.*(\.delete\(|remove-(cim|wmi)\w*)|"
            r"(remove-(cim|wmi)\w*|\.delete\().*win32_shadowcopy",
        ),
        (
            CRITICAL,
            "switches off Windows Defender's protection",
            r"set-mppreference\b.*-disable\w*\s+(\$true|1)\b",
        ),
        (
            CRITICAL,
            "tells Windows Defender to skip a whole drive",
            r"add-mppreference\b.*-exclusionpath\s+['\"]?[a-z]:\\?['\"]?(\s|$)",
        ),
        (
            HIGH,
            "tells Windows Defender to skip a program or file type",
            r"add-mppreference\b.*-exclusion(process|extension)\b",
        ),
        (
            CRITICAL,
            "dumps the memory of LSASS: every logged-in password hash",
            r"comsvcs(\.dll)?\W.*minidump|procdump\S*\s.*lsass|out-minidump|sekurlsa",
        ),
        (
            CRITICAL,
            "copies the SAM or SECURITY hive: the machine's password hashes",
            r"reg(\.exe)?\s+save\s+\S*hklm\\(sam|security|system)\b",
        ),
        (
            CRITICAL,
            "removes boot entries or boot recovery (bcdedit)",
            r"bcdedit\S*\s+/delete\b|bcdedit\S*\s+/set\s.*(recoveryenabled\s+no|"
            r"bootstatuspolicy\s+ignoreallfailures)",
        ),
        (
            CRITICAL,
            "erases a whole disk (diskpart clean)",
            r"(\b|(?<=`n))clean(\s+all)?\b.*diskpart|diskpart.*(\b|(?<=`n))clean(\s+all)?\b",
        ),
        (
            CRITICAL,
            "creates an administrator account with a password written in the line",
            r"(net(\.exe)?\s+user\s+(/add\s+[^/\s&|;]\S*\s+[^/\s&|;]|[^/\s&|;]\S*\s+"
            r"[^/\s&|;]\S*[^&|;\n]*/add)|"
            r"new-localuser\b.*-password).*(localgroup\s+['\"]?administrators['\"]?[^&|;\n]*"
            r"/add|-group\s+['\"]?administrators)",
        ),
        (
            CRITICAL,
            "schedules hidden or encoded PowerShell to run by itself",
            r"(schtasks\S*\s.*/create|register-scheduledtask).*(-enc\w*\s|-w(indowstyle)?\s+"
            r"hidden|/ru\s+['\"]?(nt authority\\)?system\b)",
        ),
        (
            CRITICAL,
            "makes a program in a folder anyone can write start at every logon",
            r"currentversion\\run(once)?\b.*\\(users\\public|temp|appdata|programdata)\\",
        ),
        (
            CRITICAL,
            "connects a PowerShell session to a remote machine (reverse shell)",
            r"net\.sockets\.tcpclient.*(getstream|iex|invoke-expression|out-string)",
        ),
        (HIGH, "opens a raw network connection (TCPClient)", r"net\.sockets\.tcpclient"),
        (
            CRITICAL,
            "removes or switches off Windows Defender",
            r"((uninstall|disable|remove)-windowsfeature|disable-windowsoptionalfeature|"
            r"/disable-feature)\b.*defender|"
            r"sc(\.exe)?\s+(stop|delete)\s+windefend\b|sc(\.exe)?\s+config\s+windefend\b.*disabled|"
            r"set-mppreference\b.*-(mapsreporting|submitsamplesconsent)\s+(0|2|never)",
        ),
        (
            HIGH,
            "opens the machine to remote logins or remote control",
            r"enable-psremoting|set-wsmanquickconfig|fdenytsconnections\W+.*\b0\b|"
            r"(enable|set)-netfirewallrule\b(?!.*-enabled\s+(false|0|\$false)).*"
            r"remote (desktop|management)|"
            r"(new-netfirewallrule|netsh\S*\s+advfirewall\s+firewall\s+add\s+rule).*"
            r"(inbound|dir=in).*(allow).*(localport[= ](any|3389|445|5985)\b|-localport\s+any)",
        ),
        (
            CRITICAL,
            "copies keys or credentials to another machine",
            r"(copy-item|copy|xcopy|robocopy)\b.*(\.ssh|\.aws|\.gnupg|credentials|id_rsa|"
            r"id_ed25519|firefox\\profiles|user data|login data)\S*(?<!\.pub)\s+['\"]?\\\\",
        ),
        (
            CRITICAL,
            "switches off Windows Defender through its policy keys",
            r"windows defender\b.*\bdisable(antispyware|antivirus|realtimemonitoring|"
            r"behaviormonitoring|ioavprotection|onaccessprotection|scriptscanning|"
            r"scanonrealtimeenable)\b.*(/d\s+['\"]?0*1\b|-value\s+['\"]?1\b)",
        ),
        (
            CRITICAL,
            "erases the Windows event logs",
            r"\bwevtutil(\.exe)?\s+(cl|clear-log)\b|\.clearlog\s*\(|"
            r"(remove-item|del|erase|rd|rmdir|ri)\b.*\\winevt\\logs\b",
        ),
        (
            CRITICAL,
            "switches off Windows Defender's service",
            r"services\\(windefend|wdnissvc|sense|wdboot|wdfilter)\b.*\bstart\b.*"
            r"(/d\s+['\"]?4\b|-value\s+['\"]?4\b)|set-service\b.*\bwindefend\b.*disabled",
        ),
        (
            CRITICAL,
            "copies the domain's password database (ntds.dit)",
            r"\b(copy|copy-item|cpi|xcopy|robocopy|esentutl(\.exe)?)\b.*\bntds\.dit\b|"
            r"\bntdsutil(\.exe)?\b.*\b(ifm|create\s+(full|sysvol))\b",
        ),
        (
            HIGH,
            "copies a user's documents to another machine",
            r"\b(copy-item|copy|xcopy|robocopy|cpi)\b.*\\(documents|desktop|pictures|onedrive)"
            r"\b\S*['\"]?\s+['\"]?\\\\",
        ),
        (
            HIGH,
            "saves the Wi-Fi passwords in clear text (netsh wlan export key=clear)",
            r"netsh\S*\s+wlan\s+export\b.*\bkey\s*=\s*clear\b",
        ),
        (
            CRITICAL,
            "erases the PowerShell command history",
            r"\b(remove-item|ri|del|erase|rm|clear-content|clc|set-content)\b.*"
            r"(historysavepath|psreadline\\consolehost_history)",
        ),
        (
            HIGH,
            "stops PowerShell saving the commands typed: later ones leave no trace",
            r"set-psreadlineoption\b.*-historysavestyle\s+['\"]?savenothing",
        ),
        (
            HIGH,
            "turns off Windows auditing: later actions leave no trace",
            r"auditpol(\.exe)?\s+(/clear|/remove|.*/(success|failure):disable)",
        ),
        (
            HIGH,
            "lets remote PowerShell log-ins send passwords unencrypted (WinRM)",
            r"winrm\s+set\s+winrm/config/service.*(allowunencrypted=\"?true|basic=\"?true)",
        ),
        (
            CRITICAL,
            "packs browser profiles or keys and sends them to a server",
            r"compress-archive\b.*(mozilla|firefox|chrome|\\edge|brave|opera|\.ssh|\.aws|"
            r"credentials|keepass|\.kdbx|wallet).*(invoke-restmethod|invoke-webrequest|iwr|irm|"
            r"curl(\.exe)?)\b.*(-infile|-method\s+['\"]?(post|put)|-body\b|-t\s|-f\s)",
        ),
        (
            CRITICAL,
            "turns on the built-in Administrator or Guest account with an empty password",
            r"net(\.exe)?\s+user\s+['\"]?(administrator|guest)['\"]?\s+(\"\"|'')(\s|$|&|;)",
        ),
        (
            CRITICAL,
            "gives the built-in Administrator or Guest account an empty password",
            r"set-localuser\b.*\b(administrator|guest)\b.*-password\s+\(?\s*convertto-securestring"
            r"\s+(\"\"|'')",
        ),
        (
            HIGH,
            "shares a whole drive over the network with everyone",
            r"net(\.exe)?\s+share\s+\S+=['\"]?[a-z]:\\?['\"]?\s.*\beveryone\b|"
            r"new-smbshare\b(?=.*-path\s+['\"]?[a-z]:\\?['\"]?(\s|$))(?=.*-(full|change)access\s+"
            r"['\"]?everyone)",
        ),
        (
            HIGH,
            "lets the network in to remote desktop, SSH or file sharing",
            r"new-netfirewallrule\b(?=.*-direction\s+inbound)(?=.*-action\s+allow)"
            r"(?=.*-localport\s+['\"]?(any|3389|22|445|5985|5900)\b)",
        ),
        (
            HIGH,
            "trusts a new certificate authority: it can pass off any website as genuine",
            r"certutil(\.exe)?\s.*-addstore\s+(-f\s+)?['\"]?(root|authroot|trustedpublisher)\b|"
            r"import-certificate\b.*cert:\\\w+\\(root|authroot)\b",
        ),
        (
            HIGH,
            "gives a user account an empty password (net user)",
            r"net(\.exe)?\s+user\s+\S+\s+(\"\"|'')(\s|$|&|;)",
        ),
        (
            HIGH,
            "packs a user's files and sends them to a server",
            r"(compress-archive|\btar(\.exe)?\s|\b7za?(\.exe)?\s|\bzip\s|\brar\s).*("
            r"userprofile%?|documents|desktop|pictures|onedrive)(\\\*(\.\*)?)?['\"]?([\s,;&]|$).*("
            r"(invoke-restmethod|invoke-webrequest|iwr|irm|curl(\.exe)?)\b.*(-method\s+['\"]?"
            r"(post|put)|-infile|-f\s|-t\s|--upload-file|--data-binary)|"
            r"send-mailmessage\b.*-attach|ftp://)",
        ),
        (
            CRITICAL,
            "runs a PowerShell script from another machine with the safety checks off",
            r"-(ep|ex\w*)\s+(bypass|unrestricted)\b.*-f\w*\s+['\"]?(\\\\|https?://)",
        ),
        (HIGH, "overwrites the free space of a drive (cipher /w)", r"\bcipher(\.exe)?\s+/w"),
        (
            HIGH,
            "lets an account have an empty password",
            r"passwordrequired\s*=\s*['\"]?false|-passwordnotrequired(\s+|:)\$?true",
        ),
        (
            HIGH,
            "turns off the Windows recovery environment",
            r"\breagentc(\.exe)?\s+/disable\b",
        ),
        (
            CRITICAL,
            "decodes hidden (base64) code and runs it (PowerShell)",
            r"frombase64string.*(\biex\b|invoke-expression|scriptblock\]::create|\|\s*"
            r"(powershell|pwsh))|(\biex\b|invoke-expression|scriptblock\]::create).*frombase64string",
        ),
        (
            CRITICAL,
            "puts a shell in place of an accessibility program: a SYSTEM shell at the logon screen",
            r"\b(cmd|powershell|pwsh)\.exe\b.*\\(sethc|utilman|osk|magnify|narrator|"
            r"displayswitch|atbroker)\.exe\b",
        ),
        (
            HIGH,
            "turns on the Guest or built-in Administrator account",
            r"useraccount\s+where\s+name\s*=\s*['\"]?(guest|administrator)['\"]?\s+set\s+"
            r"disabled\s*=\s*false|net(\.exe)?\s+user\s+guest\s+/active:yes",
        ),
        (
            HIGH,
            "deletes the file system's change journal (anti-forensics)",
            r"fsutil\S*\s+usn\s+deletejournal",
        ),
        (
            HIGH,
            "turns off network adapters: the machine goes offline",
            r"disable-netadapter\b|netsh\S*\s+interface\s+set\s+interface\s.*disable",
        ),
        (
            CRITICAL,
            "starts copies of itself without end (batch fork bomb)",
            r"%0\s*\|\s*%0|start\s+['\"]?%~?0",
        ),
        (
            HIGH,
            "turns off System Restore or shrinks its storage",
            r"disable-computerrestore|vssadmin\S*\s+resize\s+shadowstorage",
        ),
        (
            CRITICAL,
            "runs a program from another network's share: nobody reviewed it",
            r"(^|[;&|\n(]\s*|(^|\s)[&.]\s+|\b(import-module|ipmo|start-process|saps|"
            r"invoke-item)\s+(-\w+\s+)?)['\"]?" + _OUTSIDE_SHARE + _PROGRAM_FILE,
        ),
        (
            CRITICAL,
            "runs a program from a drive mapped to another network's share",
            r"net\s+use\s+([a-z]):\s+" + _OUTSIDE_SHARE + r".*?([;&|\n]\s*|[&.]\s+|"
            r"start(-process)?\s+)['\"]?\1:\\\S*" + _PROGRAM_FILE,
        ),
    )
)
# A file fetched from the internet in this line: its name, to see whether it is then run.
_FETCHED = lazy_pattern(
    r"(?i)(-o(?:u(?:t(?:f(?:i(?:le?)?)?)?)?)?\s+|certutil\S*\s.*-f\s+\S+\s+|"
    r"certutil\S*\s.*-decode(?:hex)?\s+\S+\s+|bitsadmin\S*\s.*https?://\S+\s+|"
    r"downloadfile\(\s*['\"][^'\"]+['\"]\s*,\s*|curl(\.exe)?\s.*-o\s+|"
    r"start-bitstransfer\s.*-destination\s+|start-bitstransfer\s+(-source\s+)?\S+\s+|"
    r"(copy|xcopy|robocopy|copy-item|cpi)\s+['\"]?\\\\[\w-]+\.[\w.-]+\\(?:[^\s'\";]*\\)?)"
    r"['\"]?(?P<file>[^\s'\";)]+\.(exe|ps1|bat|cmd|msi|dll|vbs|hta|scr|js))"
)


# A download into a variable (`DownloadFile($u, $o)`, `-OutFile $o`), to see whether it is run.
_FETCHED_INTO = lazy_pattern(
    r"(?i)(downloadfile\([^,]+,\s*|-o(?:u(?:t(?:f(?:i(?:le?)?)?)?)?)?\s+|-destination\s+)"
    r"['\"]?\$(?P<var>\w+)"
)


# What may stand before a file's name when it is run: the start of a statement, or a runner.
_RUN_PREFIX = (
    r"(?i)(^|[;&|\n(]\s*|\b(start-process|saps|start|invoke-item|ii|call|msiexec(\.exe)?|"
    r"powershell(\.exe)?|pwsh|cmd(\.exe)?|wscript|cscript|mshta|rundll32|regsvr32|bash|sh)\b"
    r"[^;&|\n]*?\s|(^|\s)[&.]\s*|\s/i\s+|\s-f\w*\s+)"
)


def check_line(text: str, ctx: Context) -> None:
    """Adds a finding for each attack move the whole line makes."""
    for level, reason, pattern in _CHECKS:
        if pattern.search(text):
            ctx.add(level, reason, text)
    for match in _FETCHED_INTO.finditer(text):
        run = rf"(?i)(start-process|saps|start|invoke-item|ii|&|\.)\s*['\"]?\${match['var']}\b"
        if re.search(run, text[match.end() :]):
            ctx.add(CRITICAL, "downloads a program and runs it", text)
            break
    for match in _FETCHED.finditer(text):
        name = re.split(r"[\\/]", match.group("file"))[-1]
        later = text[match.end() :]
        if re.search(_RUN_PREFIX + r"['\"]?([^\s'\";|&]*[\\/])?" + re.escape(name), later, re.I):
            ctx.add(CRITICAL, f"downloads a program ({name}) and runs it", text)
            return
