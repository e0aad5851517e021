"""Checks the person's request (natural language) for harmful intent.

This is plain phrase matching: the request is prose, not shell. Each pattern names an intent;
a negation shortly before the match ("how do I prevent a fork bomb", "without deleting
everything") cancels it. Benign requests such as "delete the build folder" or "kill the process
on port 3000" match nothing.
"""

from __future__ import annotations

from tui.core.safety.lazy import lazy_pattern
from tui.core.safety.model import RiskLevel

_EVERYTHING = (
    r"(everything|all (my |the )?(files|data)|the whole (disk|drive|system|computer|machine))"
)
_MACHINE = r"(computer|machine|system|disk|drive|hard ?drive|hdd|ssd|pc|laptop|server|mac)"
_MY = r"((my|the|this|a|his|her|their|our|your) )?"

INTENTS: tuple[tuple[RiskLevel, str, str], ...] = (
    (
        RiskLevel.CRITICAL,
        "wipe the whole disk or machine",
        rf"\b(wipe|erase|format|destroy|nuke|zero( out)?|shred|brick|trash)\b( out)? {_MY}"
        rf"(entire |whole |main |boot |primary )?{_MACHINE}\b",
    ),
    (
        RiskLevel.CRITICAL,
        "delete everything",
        rf"\b(delete|remove|erase|wipe|destroy|rm)\b {_EVERYTHING}( on| from| in)? {_MY}"
        rf"({_MACHINE}|home( directory| folder)?|root)\b",
    ),
    (
        RiskLevel.CRITICAL,
        "delete the root filesystem or a home directory",
        rf"\b(delete|remove|wipe|erase)\b {_MY}(root (directory|filesystem|partition|folder)|"
        rf"home (directory|folder)|system32|operating system|os|boot (partition|loader))\b",
    ),
    (
        RiskLevel.HIGH,
        "open a reverse or bind shell",
        r"\b(reverse|bind|back ?connect) ?shell\b|\bbackdoor\b|\bshell (back )?to (my|a|the) "
        r"(server|listener|machine)\b",
    ),
    (
        RiskLevel.HIGH,
        "turn off the firewall",
        rf"\b(disable|turn off|stop|kill|flush|remove|drop|bypass|shut ?down)\b {_MY}"
        r"(firewall|iptables|ufw|firewalld|selinux|apparmor|antivirus|defender)\b",
    ),
    (
        RiskLevel.HIGH,
        "erase the shell history or the logs",
        rf"\b(erase|clear|wipe|delete|remove|purge|scrub|hide)\b {_MY}((bash|shell|zsh|command|"
        r"terminal) )?history\b|\b(erase|clear|wipe|delete|remove|purge|scrub)\b (all (of )?)?"
        r"(the |my )?(system|auth|audit|security|server|all|every) (logs?|log files)\b|"
        r"\b(wipe|purge|scrub|tamper with) (the |my |all )?logs\b|\bcover (my|our) tracks\b|"
        r"\bleave no trace\b",
    ),
    (
        RiskLevel.HIGH,
        "crash or freeze the machine",
        rf"\bfork ?bomb\b|\b(crash|freeze|hang|overload|dos|ddos)\b {_MY}{_MACHINE}\b",
    ),
    (
        RiskLevel.HIGH,
        "steal secrets or spy on someone",
        r"\b(steal|exfiltrate|dump|harvest|grab|sniff)\b .{0,30}\b(passwords?|credentials|"
        r"hashes|cookies|tokens|keys|shadow)\b|\bkeylogger\b|\bransomware\b|\bcrack (the )?"
        r"(passwords?|hashes)\b",
    ),
    (
        RiskLevel.HIGH,
        "get around access controls",
        r"\b(give (me|myself) root|root without (a )?password|add (me|myself) to (the )?sudoers|"
        r"escalate privileges?|privilege escalation|bypass (the )?(login|authentication|sudo))\b",
    ),
    (
        RiskLevel.HIGH,
        "kill every process or cut the machine off",
        r"\bkill (all|every) (the )?process(es)?\b(?! (on|using|named|called|of|for|listening))|"
        rf"\b(disable|stop|kill|turn off)\b {_MY}(ssh|sshd|network(ing)?|internet)\b"
        r"(?! (proxy|cache))",
    ),
)
_NEGATIONS = lazy_pattern(
    r"\b(not|don't|dont|never|without|prevent|avoid|protect|detect|stop (a|an)|against|"
    r"instead of|rather than|check (if|whether)|explain|what is|what's)\b"
)
_COMPILED = tuple((level, what, lazy_pattern(pattern)) for level, what, pattern in INTENTS)


def check_request(request: str) -> list[tuple[RiskLevel, str]]:
    """(level, reason) for each harmful intent the request states."""
    text = " ".join(request.lower().split())[:2_000]
    found: list[tuple[RiskLevel, str]] = []
    for level, what, pattern in _COMPILED:
        match = pattern.search(text)
        if match is None or _negated(text, match.start()):
            continue
        found.append((level, f"the request asks to {what}"))
    return found


def _negated(text: str, start: int) -> bool:
    window = " ".join(text[:start].split()[-5:])
    return bool(_NEGATIONS.search(window))
