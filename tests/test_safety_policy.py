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
