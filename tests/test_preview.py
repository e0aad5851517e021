"""The preview: real namespaces and overlays on this machine (Linux with unprivileged user
namespaces, as here). Nothing of a preview may leak: the real files stay byte-identical, the
overlay's folders go, no process survives; and every effect inside the overlays is reported."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from tests.preview_cases import CASES, TMP_MARKER, checksums, make_tree, score
from tui.core.history import History
from tui.core.preview import sandbox
from tui.core.preview.availability import check
from tui.core.preview.front import run_preview
from tui.core.preview.limits import Limits
from tui.core.preview.rating import with_preview
from tui.core.preview.report import Change, Report, _visible, render, summary_lines
from tui.core.preview.sandbox import PreviewError, preview_command
from tui.core.safety import assess
from tui.core.safety.model import RiskLevel

pytestmark = pytest.mark.skipif(not check().available, reason="no user namespaces here")


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    make_tree(tmp_path)
    return tmp_path


def _env(root: Path) -> dict[str, str]:
    return {**os.environ, "HOME": str(root / "home"), "SHELL": "/bin/bash"}


def _stages() -> set[str]:
    return {name for name in os.listdir(tempfile.gettempdir()) if name.startswith("caro-preview-")}


def _within(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder + "/")


def _processes_with(marker: str) -> list[int]:
    found = []
    for name in os.listdir("/proc"):
        if not name.isdigit() or int(name) == os.getpid():
            continue
        try:
            cmdline = Path(f"/proc/{name}/cmdline").read_bytes()
        except OSError:
            continue
        if marker.encode() in cmdline:
            found.append(int(name))
    return found


def test_deleting_everything_it_can_see_leaves_the_real_files_byte_identical(tree: Path) -> None:
    before = checksums(tree)
    stages = _stages()
    # Deleting all of /tmp under strace takes a while on a busy machine with a full /tmp: the
    # default 5 s once stopped it before `../*`, and the report rightly lacked those files.
    report = preview_command(
        "rm -rf ~ /tmp/* .; rm -rf ../*",
        cwd=str(tree / "work"),
        env=_env(tree),
        limits=Limits(timeout_s=120.0),
    )
    assert checksums(tree) == before
    assert _stages() == stages  # the folder the overlays' tmpfs was mounted on is gone
    deleted = [c.path for c in report.of("deleted")]
    for path in (tree / "home", tree / "work" / "a.txt", tree / "work" / "src"):
        assert any(_within(str(path), gone) for gone in deleted), (path, deleted[:20])
    assert report.deleted_files() >= len([p for p in before if "." in p])
    assert any(line.startswith("would delete") for line in summary_lines(report))


def test_the_previews_own_handles_on_the_real_folders_are_out_of_reach(tree: Path) -> None:
    """PID 1 of the preview keeps handles on the real folders (the overlays' lower layers) to
    compare against; through /proc/1/fd a command could write the real files with them."""
    before = checksums(tree)
    rel = str(tree.relative_to("/"))
    attempt = (
        "for f in /proc/1/fd/* /proc/1/root /proc/1/cwd; do "
        f'touch "$f/{rel}/work/LEAK" "$f/{rel.split("/", 1)[-1]}/work/LEAK" "$f/LEAK"; done; '
        "umount -l /tmp; mount -o remount,rw /; true"
    )
    report = preview_command(attempt, cwd=str(tree / "work"), env=_env(tree))
    assert checksums(tree) == before, report.output
    assert not Path("/LEAK").exists() and not Path(tempfile.gettempdir(), "LEAK").exists()


def test_a_daemon_started_by_the_command_does_not_survive(tree: Path) -> None:
    marker = "1000.4242"
    report = preview_command(
        f"setsid sleep {marker} > /dev/null 2>&1 & nohup sleep {marker} > /dev/null 2>&1 & echo ok",
        cwd=str(tree / "work"),
        env=_env(tree),
    )
    assert report.exit_code == 0 and "ok" in report.output
    assert _processes_with(marker) == []


def test_a_fork_bomb_is_bounded_and_nothing_of_it_survives(tree: Path) -> None:
    marker = "caro_bomb_7731"
    limits = Limits(timeout_s=2.0, processes=64)
    report = preview_command(
        f"{marker}() {{ {marker} | {marker} & }}; {marker}; sleep 5",
        cwd=str(tree / "work"),
        env=_env(tree),
        limits=limits,
    )
    assert report.timed_out
    assert _processes_with(marker) == []
    assert any("time limit" in note for note in report.unseen)


def test_the_whole_preview_stops_when_its_driver_is_killed(tree: Path) -> None:
    """The outer bound: unshare --kill-child takes PID 1 of the namespace, and all with it."""
    marker = "2000.5151"
    script = (
        "import sys; from tui.core.preview.sandbox import preview_command; "
        f"preview_command('sleep {marker}', cwd={str(tree)!r})"
    )
    driver = subprocess.Popen([sys.executable, "-c", script], start_new_session=True)
    deadline = time.monotonic() + 30
    while not _processes_with(marker) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _processes_with(marker)
    os.killpg(driver.pid, signal.SIGKILL)
    driver.wait()
    deadline = time.monotonic() + 10
    while _processes_with(marker) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _processes_with(marker) == []


@pytest.mark.parametrize("case", CASES, ids=[c.command[:40] for c in CASES])
def test_every_effect_inside_the_overlays_is_reported_and_none_invented(
    tree: Path, case: object
) -> None:
    from tests.preview_cases import Case

    assert isinstance(case, Case)
    before = checksums(tree)
    report = preview_command(case.command, cwd=str(tree / "work"), env=_env(tree))
    result = score(case, report, tree)
    assert (result.missed, result.invented) == ([], []), render(report)
    assert checksums(tree) == before
    assert not os.path.exists(TMP_MARKER)


def test_host_sockets_are_out_of_reach(tree: Path) -> None:
    import socket

    path = tree / "agent.sock"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    server.listen(1)
    try:
        env = {**_env(tree), "SSH_AUTH_SOCK": str(path)}
        probe = (
            'python3 -c "import os, socket; s = socket.socket(socket.AF_UNIX); '
            f"print('agent', os.environ.get('SSH_AUTH_SOCK')); s.connect('{path}')\""
        )
        report = preview_command(probe, cwd=str(tree / "work"), env=env)
    finally:
        server.close()
    assert "agent None" in report.output
    assert report.exit_code != 0  # the socket is covered: connecting fails


def test_the_network_is_blocked_and_reported(tree: Path) -> None:
    report = preview_command(
        "curl -s --max-time 3 http://192.0.2.1:8080/", cwd=str(tree), env=_env(tree)
    )
    assert [(r.address, r.port) for r in report.reaches] == [("192.0.2.1", 8080)]
    assert "blocked" in report.reaches[0].outcome
    assert "tried 192.0.2.1:8080 (blocked: no network)" in render(report)


def test_without_strace_it_says_what_it_did_not_observe(tree: Path) -> None:
    report = preview_command("touch x", cwd=str(tree), env=_env(tree), strace=False)
    assert [c.path for c in report.of("created")] == [str(tree / "x")]
    assert any("strace is not" in note for note in report.unseen)


def test_an_unusable_unshare_is_a_plain_reason(tree: Path) -> None:
    with pytest.raises(PreviewError) as caught:
        preview_command("true", cwd=str(tree), unshare="/bin/false")
    assert "not available" in caught.value.message
    assert "failed with exit status 1" in caught.value.message
    assert caught.value.fix
    missing = check("/no/such/unshare")
    assert not missing.available and "was not found" in missing.reason


def test_the_front_end_gets_a_sentence_not_an_exception(
    tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sandbox, "check_available", lambda unshare="unshare": check("/bin/false"))
    outcome = run_preview("true", cwd=str(tree))
    assert outcome.report is None
    assert outcome.text().startswith("no preview: the preview is not available")
    assert outcome.as_dict()["available"] is False
    static = assess("rm -rf /")
    assert outcome.rate(static) == static


def test_a_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(PreviewError, match="does not exist"):
        preview_command("true", cwd=str(tmp_path / "nowhere"))


def _report(changes: list[Change], **extra: object) -> Report:
    fields: dict[str, object] = {
        "command": "x",
        "cwd": "/home/me/app",
        "home": "/home/me",
        "changes": tuple(changes),
        "programs": (),
        "reaches": (),
        "exit_code": 0,
        "timed_out": False,
        "output": "",
        "output_bytes": 0,
        "unseen": (),
        "traced": True,
        "wall_s": 0.1,
    }
    fields.update(extra)
    return Report(**fields)  # type: ignore[arg-type]


def test_deletions_are_counted_and_grouped_by_folder() -> None:
    report = _report(
        [
            Change("deleted", "/home/me/projects/app", "dir", before=10, files=3412, dirs=80),
            Change("deleted", "/home/me/projects/notes.txt", "file", before=5),
        ]
    )
    assert summary_lines(report) == [
        "would delete 3,413 files and 81 folders in ~/projects, e.g. app/ (3,412 files and "
        "80 folders), notes.txt"
    ]


def test_nothing_changed_is_said_and_never_lowers_a_critical() -> None:
    empty = _report([])
    assert summary_lines(empty) == ["nothing changed in the files the preview could see"]
    critical = assess("rm -rf /")
    assert critical.level is RiskLevel.CRITICAL
    combined = with_preview(critical, empty)
    assert combined.level is RiskLevel.CRITICAL
    assert "the preview shows nothing changed" in " ".join(combined.notes)


def test_deletions_and_writes_outside_the_folder_raise_the_level() -> None:
    safe = assess("python3 tidy.py")
    assert safe.level < RiskLevel.HIGH
    deleting = with_preview(safe, _report([Change("deleted", "/home/me/app/old", "file")]))
    assert deleting.level is RiskLevel.HIGH
    assert deleting.reasons[0].startswith("the preview shows it deletes 1 file")
    outside = with_preview(safe, _report([Change("modified", "/home/me/.bashrc", "file", 1, 2)]))
    assert outside.level is RiskLevel.HIGH and "outside the working folder" in outside.reasons[0]
    inside = with_preview(safe, _report([Change("created", "/home/me/app/new", "file")]))
    assert inside.level == safe.level


def test_control_characters_from_the_command_are_made_visible() -> None:
    assert _visible("a\x1b[31mb\r\n\u202e") == "a␛[31mb␍␊⟨U+202E⟩"
    report = _report([Change("created", "/home/me/app/evil\x1b]0;x\x07", "file")], output="\x1b[2J")
    text = render(report)
    assert "\x1b" not in text and "\x07" not in text


def test_a_report_survives_the_history(tmp_path: Path) -> None:
    report = _report(
        [
            Change("mode", "/home/me/app/a", "file", old="644", new="600"),
            Change("deleted", "/home/me/app/b", "dir", files=2, dirs=1),
        ]
    )
    with History.open(tmp_path / "h.sqlite3") as history:
        entry_id = history.record_request("tidy", cwd="/home/me/app", command="x")
        history.record_preview(entry_id, "x", report.as_dict())
        entry = history.get(entry_id)
    assert entry is not None and len(entry.previews) == 1
    again = Report.from_dict(entry.previews[0].report)
    assert summary_lines(again) == summary_lines(report)
    assert json.loads(json.dumps(entry.as_dict()))["previews"][0]["command"] == "x"


def test_caro_check_preview_prints_the_rating_and_the_report(tree: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "tui", "check", "--json", "--preview", "--", "rm -rf build"],
        cwd=tree / "work",
        capture_output=True,
        text=True,
        env=_env(tree),
        timeout=120,
    )
    data = json.loads(done.stdout)
    assert data["level"] == "high"
    assert data["preview"]["available"] is True
    assert data["preview"]["summary"][0].startswith("would delete 3 files and 2 folders in")
    assert (tree / "work" / "build" / "out.o").exists()


def test_the_preview_is_offered_for_high_commands_and_unknown_effects() -> None:
    from tui.core.preview.rating import worth_previewing

    assert worth_previewing(assess("chmod -R 777 ./sandbox"))
    assert worth_previewing(assess("python3 -c 'import os; os.remove(1)'"))
    assert worth_previewing(assess("$CMD --all"))
    assert not worth_previewing(assess("ls -la"))


def test_a_path_in_a_preview_reason_is_made_visible() -> None:
    report = _report([Change("deleted", "/home/me/app/\x1b[2Jx", "file")])
    (finding,) = [f for f in with_preview(assess("true"), report).findings if "deletes" in f.reason]
    assert "\x1b" not in finding.reason and "␛[2Jx" in finding.reason


def test_where_tmpfs_cannot_hold_the_changes_they_go_to_disk_and_are_removed(
    tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before Linux 6.6 tmpfs keeps no user xattrs, which overlay needs for a folder deleted
    and made again; the preview then spills to a folder on disk. Forced here (6.18)."""
    original = sandbox._run
    spills: list[str] = []

    def forced(spec: dict[str, object], *args: object) -> dict[str, object]:
        spec["force_spill"] = True
        raw = original(spec, *args)  # type: ignore[arg-type]
        spills.append(str(spec["spill"]))
        return raw

    monkeypatch.setattr(sandbox, "_run", forced)
    before = checksums(tree)
    command = "rm -rf src; mkdir src; echo n > src/new.py; echo x >> a.txt"
    report = preview_command(command, cwd=str(tree / "work"), env=_env(tree))
    assert checksums(tree) == before
    work = tree / "work"
    assert {(c.op, c.path) for c in report.changes} == {
        ("deleted", str(work / "src" / "main.py")),
        ("deleted", str(work / "src" / "util.py")),
        ("created", str(work / "src" / "new.py")),
        ("modified", str(work / "a.txt")),
    }
    assert any("held on disk" in note for note in report.unseen)
    assert spills and not os.path.exists(spills[0])
