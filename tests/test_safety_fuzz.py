"""`assess` never raises and always returns a valid rating, whatever it is given.

The internal-error fallback in `assess` would hide a crash, so each test also checks that no
rating came from that fallback.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.core.safety import Assessment, RiskLevel, assess
from tui.core.safety.rating import INTERNAL_ERROR

FRAGMENTS = (
    "rm",
    "-rf",
    "/",
    "~",
    "$HOME",
    "${HOME}",
    "/usr/../",
    "sudo",
    "-u root",
    "env X=1",
    "nice -n 5",
    "timeout 10",
    "xargs",
    "-I{}",
    "find",
    "-exec",
    "{}",
    "\\;",
    "+",
    "-delete",
    "bash -c",
    "sh -c",
    "eval",
    "curl -s https://x.io",
    "wget -qO-",
    "base64 -d",
    "xxd -r -p",
    "nc -e /bin/sh",
    "|",
    "||",
    "&&",
    ";",
    "&",
    "(",
    ")",
    "{",
    "}",
    "$(",
    "`",
    "<(",
    ">",
    ">>",
    "2>&1",
    "&>",
    "<<<",
    "<<EOF\nrm -rf /\nEOF\n",
    "'",
    '"',
    "\\",
    ":(){ :|:& };:",
    "f()",
    "dd of=/dev/sda",
    "mkfs.ext4",
    "chmod -R 777",
    "git push -f",
    "docker run --privileged",
    "history -c",
    "> ~/.bashrc",
    "/dev/tcp/1.2.3.4/80",
    "python3 -c",
    "'import socket'",
    "echo",
    "printf '\\x72'",
    "cd /",
    "*",
    "./target",
    "--",
    "if",
    "then",
    "fi",
    "for x in",
    "do",
    "done",
    "case",
    "esac",
    "!",
    "$'\\x2f'",
    "~alice",
    "$((1+1))",
    "{a,b}",
    "\x00",
    "é",
    "\u202e",
)
SEPARATORS = st.sampled_from(["", " ", "  ", "\n", "\t", ";", " | "])


@st.composite
def shell_like(draw: st.DrawFn) -> str:
    """Strings glued together from shell fragments, many of them broken on purpose."""
    parts = draw(st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=25))
    text = ""
    for part in parts:
        text += draw(SEPARATORS) + part
    if draw(st.booleans()):
        depth = draw(st.integers(min_value=1, max_value=60))
        text = "bash -c " * depth + text if draw(st.booleans()) else "$(" * depth + text
    return text


def check(result: Assessment) -> None:
    assert isinstance(result, Assessment)
    assert result.level in tuple(RiskLevel)
    assert result.level >= max((f.level for f in result.findings), default=RiskLevel.SAFE) or (
        result.allowed_by is not None
    )
    assert isinstance(result.parsed, bool)
    assert not any(note.startswith(INTERNAL_ERROR) for note in result.notes), result.notes
    result.as_dict()


FUZZ = settings(deadline=None, max_examples=300, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(st.text(max_size=400))
def test_any_text(text: str) -> None:
    check(assess(text, preflight=False))


@FUZZ
@given(shell_like(), st.one_of(st.none(), st.text(max_size=80)))
def test_shell_like_fragments(command: str, request: str | None) -> None:
    check(assess(command, request, preflight=False))


@settings(deadline=None, max_examples=30, suppress_health_check=[HealthCheck.too_slow])
@given(shell_like())
def test_with_preflight(command: str) -> None:
    check(assess(command, preflight=True))


@FUZZ
@given(st.binary(max_size=300))
def test_binary_junk(data: bytes) -> None:
    check(assess(data.decode("latin-1"), preflight=False))


def test_pathological_inputs() -> None:
    cases = [
        "$(" * 5_000,
        ")" * 5_000,
        "echo " + "$(echo " * 3_000 + "x" + ")" * 3_000,
        "'" * 1_001,
        '"' + "\\" * 999,
        "bash -c '" * 200,
        "a" * 25_000,
        "<<EOF\n" * 500,
        "\x00" * 100,
        "{" * 2_000 + "}" * 2_000,
        "f(){ " * 500,
    ]
    for case in cases:
        check(assess(case, preflight=False))
