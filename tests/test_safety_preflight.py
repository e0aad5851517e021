"""Pre-flight notes (PATH, local programs, shellcheck) and the never-raise guarantees."""

from __future__ import annotations

import subprocess

import pytest

from tui.core.safety import RiskLevel, assess, preflight, rating
from tui.core.safety.analyser import Analyser


def test_a_program_not_on_path_gets_a_note() -> None:
    result = assess("frobnicate-caro-test --all", preflight=True)
    assert "`frobnicate-caro-test` is not installed (not on PATH)" in result.notes
    assert result.level is RiskLevel.MODERATE  # unknown utility


def test_builtins_functions_and_installed_programs_get_no_path_note() -> None:
    result = assess("f() { echo hi; }; f; cd /tmp; ls | sort", preflight=True)
    assert not any("not installed" in note for note in result.notes)


def test_a_missing_local_program_gets_a_note(tmp_path: object) -> None:
    result = assess("./surely-missing-caro-script.sh", preflight=True)
    assert "`./surely-missing-caro-script.sh` does not exist" in result.notes


def test_shellcheck_is_installed_with_the_project() -> None:
    assert preflight.shellcheck_binary() is not None


def test_shellcheck_advice_becomes_notes() -> None:
    result = assess("rm $file", preflight=True)
    assert any(note.startswith("shellcheck SC2086:") for note in result.notes), result.notes


def test_preflight_can_be_turned_off() -> None:
    result = assess("rm $file; frobnicate-caro-test", preflight=False)
    assert result.notes == ()


def test_shellcheck_that_times_out_or_fails_is_ignored(monkeypatch: pytest.MonkeyPatch) -> None:
    def slow(*args: object, **kwargs: object) -> None:
        raise subprocess.TimeoutExpired(cmd="shellcheck", timeout=3)

    monkeypatch.setattr(preflight.subprocess, "run", slow)
    result = assess("rm $file", preflight=True)
    assert not any(note.startswith("shellcheck") for note in result.notes)


def test_shellcheck_garbage_output_is_ignored(monkeypatch: pytest.MonkeyPatch) -> None:
    def garbage(*args: object, **kwargs: object) -> subprocess.CompletedProcess[bytes]:
        return subprocess.CompletedProcess(args=[], returncode=1, stdout=b"\xff{not json")

    monkeypatch.setattr(preflight.subprocess, "run", garbage)
    assert preflight.shellcheck_notes("echo $x") == []


def test_missing_shellcheck_is_ignored(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(preflight, "shellcheck_binary", lambda: None)
    assert preflight.shellcheck_notes("echo $x") == []


def test_preflight_errors_never_escape(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> list[str]:
        raise RuntimeError("boom")

    monkeypatch.setattr(rating, "preflight_notes", broken)
    result = assess("rm -rf /", preflight=True)
    assert result.level is RiskLevel.CRITICAL
    assert "pre-flight checks failed: RuntimeError" in result.notes


def test_an_internal_error_still_returns_a_rating(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(self: Analyser, source: str) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(Analyser, "analyse", broken)
    result = assess("ls", preflight=False)
    assert result.level is RiskLevel.HIGH  # unchecked is not safe
    assert not result.parsed
    assert any(note.startswith(rating.INTERNAL_ERROR) for note in result.notes)


def test_script_level_shellcheck_advice_is_dropped() -> None:
    notes = preflight.shellcheck_notes("cp $src /tmp/x")
    assert not any("SC2154" in note for note in notes), notes
    assert any("SC2086" in note for note in notes), notes
