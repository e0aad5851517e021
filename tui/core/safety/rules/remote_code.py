"""Code handed to a cloud machine to run: a command over the provider's ssh, a start-up script,
a run-command. It runs there with nobody checking, so it is rated as if it ran here.
"""

from __future__ import annotations

from tui.core.safety.context import Context
from tui.core.safety.lazy import lazy_pattern
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import CRITICAL
from tui.core.safety.words import literal

# (command prefix, option whose value is shell code, or `key=` inside the option's value).
_CODE_OPTIONS = {
    "gcloud": (("compute", "ssh"), "--command", ""),
    "az": (("vm", "run-command"), "--scripts", ""),
}
# Metadata keys whose value a cloud machine runs at boot.
_STARTUP_KEYS = ("startup-script=", "user-data=", "windows-startup-script-ps1=")


# Metadata keys whose value is a URL the VM fetches and runs as root at each boot.
_STARTUP_URL = lazy_pattern(r"(?:^|,)((?:windows-)?startup-script-url|sysprep-\w+-url)=([^,]+)")


def _startup_url(metadata: str, command: Command, ctx: Context) -> None:
    """`--metadata=startup-script-url=https://203.0.113.7/s.sh`: a script from a web server,
    not from the project's own storage (`gs://`), run as root by the VM at every boot."""
    for match in _STARTUP_URL.finditer(metadata):
        url = match.group(2).strip("'\"")
        if url.startswith(("http://", "https://")) and not _GOOGLE_STORAGE.match(url):
            reason = f"makes the VM run {url} as root at every boot: whoever serves it controls it"
            ctx.add(CRITICAL, reason, command)


_GOOGLE_STORAGE = lazy_pattern(r"https://(storage\.googleapis\.com|storage\.cloud\.google\.com)/")
# `commands=["curl ... | sh"]`, `commands='uptime'` (SSM's shorthand), `"commands":["..."]`.
_SSM = lazy_pattern(r"commands\"?\s*[=:]\s*\[?\s*\"?'?([^\"'\]\n]+)")
# The Custom Script extension's `"commandToExecute": "..."`.
_EXT = lazy_pattern(r"commandToExecute\"?\s*:\s*\"([^\"\n]+)")


def _option_values(argv: list[str], option: str) -> list[str]:
    found = [argv[i + 1] for i, a in enumerate(argv[:-1]) if a == option]
    return found + [a.split("=", 1)[1] for a in argv if a.startswith(option + "=")]


def cloud_code(command: Command, ctx: Context) -> None:
    """`gcloud compute ssh vm --command CODE`, `az vm run-command invoke --scripts CODE`,
    `gcloud compute instances add-metadata vm --metadata startup-script=CODE`."""
    argv = command.argv
    words = tuple(a for a in argv if not a.startswith("-"))
    codes: list[str] = []
    known = _CODE_OPTIONS.get(command.name)
    if known is not None and words[:2] == known[0]:
        codes += _option_values(argv, known[1])
    if command.name == "gcloud" and "compute" in words:
        for value in _option_values(argv, "--metadata"):
            codes += [value.split("=", 1)[1] for key in _STARTUP_KEYS if value.startswith(key)]
            _startup_url(value, command, ctx)
    if command.name == "aws" and words[:2] == ("ec2-instance-connect", "ssh"):
        codes += _option_values(argv, "--command")
    if command.name == "aws" and words[:2] == ("ssm", "send-command"):
        codes += [
            m.group(1) for v in _option_values(argv, "--parameters") for m in _SSM.finditer(v)
        ]
    if command.name == "az" and words[:3] == ("vm", "extension", "set"):
        codes += [m.group(1) for v in _option_values(argv, "--settings") for m in _EXT.finditer(v)]
    for code in codes[:4]:
        ctx.run_code(literal(code), command)
