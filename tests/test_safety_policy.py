"""Decisions: what running a rated command takes under each safety level and pattern."""

from __future__ import annotations

import pytest

from tui.core.safety import Assessment, Decision, RiskLevel, SafetyPolicy, assess, decide

SAFE_CMD = "ls -la"
MODERATE_CMD = "rm -rf ./target"
HIGH_CMD = "git push --force"
CRITICAL_CMD = "sudo rm -rf /"
COMMANDS = {
    RiskLevel.SAFE: SAFE_CMD,
    RiskLevel.MODERATE: MODERATE_CMD,
    RiskLevel.HIGH: HIGH_CMD,
    RiskLevel.CRITICAL: CRITICAL_CMD,
}

# (policy level, risk level) -> (action without override, action with override)
TABLE = {
    ("strict", RiskLevel.SAFE): ("confirm_key", "confirm_key"),
    ("strict", RiskLevel.MODERATE): ("confirm_yes", "confirm_yes"),
    ("strict", RiskLevel.HIGH): ("blocked", "confirm_word"),
    ("strict", RiskLevel.CRITICAL): ("blocked", "blocked"),
    ("moderate", RiskLevel.SAFE): ("confirm_key", "confirm_key"),
    ("moderate", RiskLevel.MODERATE): ("confirm_key", "confirm_key"),
    ("moderate", RiskLevel.HIGH): ("confirm_yes", "confirm_yes"),
    ("moderate", RiskLevel.CRITICAL): ("blocked", "confirm_word"),
    ("permissive", RiskLevel.SAFE): ("run", "run"),
    ("permissive", RiskLevel.MODERATE): ("confirm_key", "confirm_key"),
    ("permissive", RiskLevel.HIGH): ("confirm_key", "confirm_key"),
    ("permissive", RiskLevel.CRITICAL): ("confirm_word", "confirm_word"),
}


def rated(command: str, policy: SafetyPolicy | None = None) -> Assessment:
    return assess(command, policy=policy, preflight=False)


def test_the_sample_commands_have_the_levels_the_table_assumes() -> None:
    for risk, command in COMMANDS.items():
        assert rated(command).level is risk, command


@pytest.mark.parametrize(("policy_level", "risk"), sorted(TABLE, key=str))
def test_decision_table(policy_level: str, risk: RiskLevel) -> None:
    assessment = rated(COMMANDS[risk])
    policy = SafetyPolicy(level=policy_level)
    without, with_override = TABLE[(policy_level, risk)]
    assert decide(assessment, policy).action == without
    assert decide(assessment, policy, override=True).action == with_override


def test_the_default_policy_is_moderate() -> None:
    assert SafetyPolicy().level == "moderate"
    high = rated(HIGH_CMD)
    assert decide(high, SafetyPolicy()).action == "confirm_yes"


def test_confirmations_say_what_to_type() -> None:
    yes = decide(rated(HIGH_CMD), SafetyPolicy())
    assert yes.required_text == "yes"
    assert "force-pushes" in yes.prompt
    word = decide(rated(CRITICAL_CMD), SafetyPolicy(), override=True)
    assert isinstance(word, Decision)
    assert word.action == "confirm_word"
    assert word.required_text == "sudo"  # the command's first word
    assert "`sudo`" in word.prompt
    key = decide(rated(SAFE_CMD), SafetyPolicy())
    assert key.required_text is None


def test_blocked_prompts_explain_why() -> None:
    blocked = decide(rated(CRITICAL_CMD), SafetyPolicy())
    assert blocked.action == "blocked"
    assert "everything on the machine" in blocked.prompt
    assert "override" in blocked.prompt.lower()
    strict = decide(rated(CRITICAL_CMD), SafetyPolicy(level="strict"), override=True)
    assert "strict" in strict.prompt


def test_a_deny_pattern_blocks_at_every_level_even_with_override() -> None:
    policy = SafetyPolicy(level="permissive", deny=("git push *",))
    assessment = rated("git push origin main", policy)
    assert assessment.denied_by == "git push *"
    assert any("deny pattern" in note for note in assessment.notes)
    decision = decide(assessment, policy, override=True)
    assert decision.action == "blocked"
    assert "matches your deny pattern `git push *`" in decision.prompt
    safe = decide(rated("ls"), SafetyPolicy(level="permissive", deny=("ls*",)))
    assert safe.action == "blocked"


def test_patterns_see_the_command_with_whitespace_collapsed() -> None:
    policy = SafetyPolicy(deny=("git push *",))
    assert decide(rated("git   push    origin main"), policy).action == "blocked"
    assert decide(rated("git pull"), policy).action == "confirm_key"


def test_an_allow_pattern_lowers_high_to_moderate() -> None:
    policy = SafetyPolicy(allow=("git push --force*",))
    assessment = rated(HIGH_CMD, policy)
    assert assessment.level is RiskLevel.MODERATE
    assert assessment.allowed_by == "git push --force*"
    assert any("lowers the level from high to moderate" in note for note in assessment.notes)
    assert decide(assessment, policy).action == "confirm_key"


def test_an_allow_pattern_never_lowers_critical() -> None:
    policy = SafetyPolicy(allow=("sudo rm *",))
    assessment = rated(CRITICAL_CMD, policy)
    assert assessment.level is RiskLevel.CRITICAL
    assert any("does not apply to critical" in note for note in assessment.notes)
    assert decide(assessment, policy).action == "blocked"


def test_decide_applies_patterns_to_an_assessment_made_without_a_policy() -> None:
    assessment = rated(HIGH_CMD)
    assert assessment.level is RiskLevel.HIGH
    decision = decide(assessment, SafetyPolicy(allow=("git push*",)))
    assert decision.action == "confirm_key"


def test_deny_wins_over_allow() -> None:
    policy = SafetyPolicy(allow=("git *",), deny=("git push*",))
    assert decide(rated(HIGH_CMD), policy).action == "blocked"


def test_an_unknown_policy_level_is_refused() -> None:
    with pytest.raises(ValueError, match="strict, moderate, permissive"):
        SafetyPolicy(level="yolo")


# -- patterns match each simple command, after its wrappers -------------------------------------


def test_an_allow_pattern_never_lowers_what_follows_a_separator() -> None:
    policy = SafetyPolicy(allow=("git push --force *",))
    alone = rated("git push --force origin topic", policy)
    assert alone.level is RiskLevel.MODERATE and alone.allowed_by == "git push --force *"
    for joined in (
        "git push --force origin topic; shred -u ~/.ssh/id_rsa",
        "git push --force origin topic && shred -u ~/.ssh/id_rsa",
        "git push --force origin topic || shred -u ~/.ssh/id_rsa",
        "git push --force origin topic | shred -u ~/.ssh/id_rsa",
    ):
        assessment = rated(joined, policy)
        assert assessment.level >= RiskLevel.HIGH, joined
        assert any("shred" in f.command for f in assessment.findings if f.level >= RiskLevel.HIGH)
        assert decide(assessment, policy).action != "confirm_key", joined


def test_an_allow_pattern_lowers_only_the_simple_command_it_matches() -> None:
    policy = SafetyPolicy(allow=("git push --force *",))
    both = rated("git push --force origin a; git push --force origin b", policy)
    assert both.level is RiskLevel.MODERATE
    mixed = rated("chmod -R 777 ./x; git push --force origin b", policy)
    assert mixed.level is RiskLevel.HIGH


@pytest.mark.parametrize(
    "command",
    [
        "docker system prune -af",
        "sudo docker system prune -af",
        "sudo -u root docker system prune",
        "command docker system prune",
        "\\docker system prune",
        '"docker" system prune',
        "/usr/bin/docker system prune",
        "VAR= docker system prune",
        "A=1 B=2 docker system prune",
        "env A=1 docker system prune",
        "nohup docker system prune",
        "nice -n 5 docker system prune",
        "timeout 10 docker system prune",
        "doas docker system prune",
        "echo x | xargs docker system prune",
        "ls && docker system prune",
        "ls; sudo env X=1 nice docker system prune",
        "bash -c 'docker system prune'",
        "(docker system prune)",
        "echo $(docker system prune)",
    ],
)
def test_a_deny_pattern_is_not_dodged_by_a_wrapper(command: str) -> None:
    policy = SafetyPolicy(level="permissive", deny=("docker system prune*",))
    assessment = rated(command, policy)
    assert assessment.denied_by == "docker system prune*", command
    assert decide(assessment, policy, override=True).action == "blocked"


def test_a_deny_pattern_does_not_match_across_separators() -> None:
    policy = SafetyPolicy(deny=("rm *.log",))
    assert rated("rm a.txt; echo b.log", policy).denied_by is None  # no one command matches
    assert rated("echo b; rm a.log", policy).denied_by == "rm *.log"


def test_a_command_with_hidden_characters_is_at_least_high_and_no_allow_lowers_it() -> None:
    for command in ("ls \x1b[8m; rm -rf ~", "ls \u202ex", "l\u200bs", "ls\rrm", "echo \x9b"):
        assessment = rated(command, SafetyPolicy(allow=("*",)))
        assert assessment.level >= RiskLevel.HIGH, command
        assert "contains invisible or control characters" in assessment.reasons
    ordinary = rated("printf 'a\\tb\\n' | cat\n")
    assert ordinary.level is RiskLevel.SAFE


def test_a_nul_byte_is_blocked_whatever_the_level_or_override() -> None:
    assessment = rated("ls\x00; rm -rf ./x")
    assert "contains a NUL byte, which no shell can run" in assessment.reasons
    for level in ("strict", "moderate", "permissive"):
        policy = SafetyPolicy(level=level, allow=("*",))
        decision = decide(assessment, policy, override=True)
        assert decision.action == "blocked" and "NUL" in decision.prompt
