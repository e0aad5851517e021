"""Downloads from a local fake of the Hub (tests/fake_hub.py): progress, interruption,
checksums, disk space, offline, cancel and Ctrl-C, and that nothing half-written is left."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.fake_hub import FakeFile, FakeHub, RunningHub
from tui.core.models import download, manifest
from tui.core.models.download import DiskUsage, pull_file, pull_repo
from tui.core.models.hub_plan import DownloadError
from tui.core.models.progress import ProgressState, TransferProgress

REPO = "Org/Tiny-Coder-GGUF"
FILE = "tiny-coder-q4_k_m.gguf"
SIZE = 3_000_000


@pytest.fixture
def hub(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[FakeHub]:
    fake = FakeHub()
    fake.add(REPO, FILE, FakeFile(b"GGUF" + os.urandom(SIZE - 4)))
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf-home"))
    with RunningHub(fake) as running:
        monkeypatch.setenv("HF_ENDPOINT", running.url)
        yield running


@pytest.fixture
def small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    """huggingface-hub reports progress per 10 MiB read; smaller reads give many events."""
    from huggingface_hub import constants

    monkeypatch.setattr(constants, "DOWNLOAD_CHUNK_SIZE", 256 * 1024)


def leftovers(directory: Path) -> list[str]:
    """Everything in the models folder but finished models and the manifest."""
    if not directory.exists():
        return []
    return sorted(
        str(p.relative_to(directory))
        for p in directory.rglob("*")
        if p.name != manifest.MANIFEST_NAME and not p.name.endswith(".gguf")
    )


def test_a_pull_downloads_verifies_and_records(hub: FakeHub, tmp_path: Path) -> None:
    models_dir = tmp_path / "models"
    result = pull_file(REPO, FILE, models_dir)
    content = hub.repos[REPO][FILE].content
    assert result.path == models_dir / FILE and result.path.read_bytes() == content
    assert not result.already_present
    assert leftovers(models_dir) == []
    recorded = manifest.entry_for(models_dir, result.path)
    assert recorded is not None
    assert recorded["files"][FILE]["sha256"] == hashlib.sha256(content).hexdigest()
    assert recorded["revision"] == result.plan.revision and recorded["size_bytes"] == SIZE


def test_progress_events_count_every_byte_with_speed_and_time_left(
    hub: FakeHub, tmp_path: Path, small_chunks: None
) -> None:
    states: list[ProgressState] = []
    pull_file(REPO, FILE, tmp_path / "models", TransferProgress(states.append, min_interval_s=0))
    downloading = [s for s in states if s.phase == "downloading" and s.done]
    assert len(downloading) >= 5
    assert [s.done for s in downloading] == sorted(s.done for s in downloading)
    assert all(s.total == SIZE and s.label == FILE for s in downloading)
    assert any(s.speed_bps and s.eta_s is not None for s in downloading)
    assert states[-1].phase == "done" and states[-1].done == SIZE
    assert states[-1].files_done == states[-1].files_total == 1


def test_a_cut_connection_is_resumed_with_a_range_request(
    hub: FakeHub, tmp_path: Path, small_chunks: None
) -> None:
    hub.cut_after, hub.cuts = 1_000_000, 1
    result = pull_file(REPO, FILE, tmp_path / "models")
    assert result.path.read_bytes() == hub.repos[REPO][FILE].content
    assert any(h.get("range", "").startswith("bytes=") for h in hub.gets("/cdn/"))


def test_an_interrupted_download_leaves_nothing_and_says_so(
    hub: FakeHub, tmp_path: Path, small_chunks: None
) -> None:
    hub.cut_after, hub.cuts, hub.status_after_cut = 1_000_000, 1, 503
    models_dir = tmp_path / "models"
    with pytest.raises(DownloadError) as raised:
        pull_file(REPO, FILE, models_dir)
    assert raised.value.reason == "interrupted"
    assert "stopped after" in raised.value.message
    assert "nothing of it was kept" in raised.value.message
    assert "curl -L -o" in raised.value.fix
    assert leftovers(models_dir) == [] and not (models_dir / FILE).exists()


def test_bytes_that_do_not_match_the_sha256_are_refused(hub: FakeHub, tmp_path: Path) -> None:
    hub.repos[REPO][FILE].announced_sha256 = hashlib.sha256(b"another file").hexdigest()
    models_dir = tmp_path / "models"
    with pytest.raises(DownloadError) as raised:
        pull_file(REPO, FILE, models_dir)
    assert raised.value.reason == "checksum"
    assert "does not match its checksum" in raised.value.message
    assert leftovers(models_dir) == [] and not (models_dir / FILE).exists()
    assert manifest.read(models_dir) == {}


def test_a_catalogue_checksum_wins_over_the_hubs(hub: FakeHub, tmp_path: Path) -> None:
    with pytest.raises(DownloadError) as raised:
        pull_file(REPO, FILE, tmp_path / "models", expected_sha256="0" * 64)
    assert raised.value.reason == "checksum"


def test_too_little_free_space_is_refused_before_any_byte(hub: FakeHub, tmp_path: Path) -> None:
    def nearly_full(_path: Path) -> DiskUsage:
        return DiskUsage(total=10**9, used=10**9 - 500_000, free=500_000)

    models_dir = tmp_path / "models"
    with pytest.raises(DownloadError) as raised:
        pull_file(REPO, FILE, models_dir, disk_usage=nearly_full)
    assert raised.value.reason == "disk"
    assert "3.0 MB" in raised.value.message and "0.5 MB are free" in raised.value.message
    assert hub.gets("/cdn/") == []
    assert leftovers(models_dir) == []


@contextlib.contextmanager
def tiny_tmpfs(where: Path, size: str) -> Iterator[Path]:
    where.mkdir(parents=True)
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)],
        capture_output=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode().strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


@pytest.mark.skipif(sys.platform != "linux" or os.geteuid() != 0, reason="mounts a tmpfs")
def test_a_disk_that_fills_up_mid_download_leaves_nothing(hub: FakeHub, tmp_path: Path) -> None:
    with tiny_tmpfs(tmp_path / "small-disk", "1m") as models_dir:

        def lying(_path: Path) -> DiskUsage:  # says there is room: the write finds out
            return DiskUsage(total=10**12, used=0, free=10**12)

        with pytest.raises(DownloadError) as raised:
            pull_file(REPO, FILE, models_dir, disk_usage=lying)
        assert raised.value.reason == "disk", raised.value
        assert "filled up" in raised.value.message
        assert leftovers(models_dir) == [] and not (models_dir / FILE).exists()


def test_offline_fails_with_the_manual_command(tmp_path: Path) -> None:
    # conftest points HF_ENDPOINT at a closed port: connection refused
    with pytest.raises(DownloadError) as raised:
        pull_file(REPO, FILE, tmp_path / "models")
    assert raised.value.reason == "offline"
    assert f"curl -L -o {tmp_path / 'models' / FILE}" in raised.value.fix
    assert f"/{REPO}/resolve/main/{FILE}" in raised.value.fix
    assert not (tmp_path / "models").exists() or leftovers(tmp_path / "models") == []


def test_cancel_from_the_ui_stops_the_download_and_cleans_up(
    hub: FakeHub, tmp_path: Path, small_chunks: None
) -> None:
    progress: TransferProgress

    def listener(state: ProgressState) -> None:
        if state.done > 500_000:
            progress.cancel()

    progress = TransferProgress(listener, min_interval_s=0)
    models_dir = tmp_path / "models"
    with pytest.raises(DownloadError) as raised:
        pull_file(REPO, FILE, models_dir, progress)
    assert raised.value.reason == "cancelled"
    assert leftovers(models_dir) == [] and not (models_dir / FILE).exists()


def test_ctrl_c_leaves_nothing_half_written(
    hub: FakeHub, tmp_path: Path, small_chunks: None
) -> None:
    def interrupt(state: ProgressState) -> None:
        if state.done > 500_000:
            raise KeyboardInterrupt

    models_dir = tmp_path / "models"
    with pytest.raises(KeyboardInterrupt):
        pull_file(REPO, FILE, models_dir, TransferProgress(interrupt, min_interval_s=0))
    assert leftovers(models_dir) == [] and not (models_dir / FILE).exists()


def test_a_download_killed_outright_is_swept_by_the_next_pull(hub: FakeHub, tmp_path: Path) -> None:
    models_dir = tmp_path / "models"
    finished = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    stale = models_dir / f"{download.STAGING_PREFIX}{finished.stdout.strip()}-deadbeef"
    (stale / "partial").mkdir(parents=True)
    (stale / "partial" / "x.incomplete").write_bytes(b"half")
    pull_file(REPO, FILE, models_dir)
    assert not stale.exists()
    assert leftovers(models_dir) == []


def test_a_model_already_there_needs_no_network(tmp_path: Path) -> None:
    models_dir = tmp_path / "models"
    models_dir.mkdir()
    (models_dir / FILE).write_bytes(b"GGUF placed by hand")
    result = pull_file(REPO, FILE, models_dir)  # HF_ENDPOINT refuses connections
    assert result.already_present and result.path == models_dir / FILE


def test_a_file_the_repo_does_not_have(hub: FakeHub, tmp_path: Path) -> None:
    with pytest.raises(DownloadError) as raised:
        pull_file(REPO, "no-such-file.gguf", tmp_path / "models")
    assert raised.value.reason == "not-found" and "no-such-file.gguf" in raised.value.message


def test_an_mlx_repo_lands_as_one_verified_folder(hub: FakeHub, tmp_path: Path) -> None:
    repo = "mlx-community/Tiny-Coder-4bit"
    config = json.dumps({"model_type": "qwen2"}).encode()
    hub.add(repo, "config.json", FakeFile(config, lfs=False))
    hub.add(repo, "tokenizer.json", FakeFile(b'{"version": "1.0"}', lfs=False))
    hub.add(repo, "model.safetensors", FakeFile(os.urandom(200_000)))
    hub.add(repo, "README.md", FakeFile(b"# not needed", lfs=False))
    models_dir = tmp_path / "models"
    result = pull_repo(repo, models_dir)
    assert result.path == models_dir / "mlx" / "mlx-community--Tiny-Coder-4bit"
    assert sorted(p.name for p in result.path.iterdir()) == [
        "config.json",
        "model.safetensors",
        "tokenizer.json",
    ]
    assert (result.path / "config.json").read_bytes() == config
    assert [p.name for p in models_dir.iterdir() if p.name.startswith(".download")] == []
    recorded = manifest.entry_for(models_dir, result.path)
    assert recorded is not None and set(recorded["files"]) == {
        "config.json",
        "model.safetensors",
        "tokenizer.json",
    }


def test_a_small_file_with_other_bytes_fails_its_git_blob_id(hub: FakeHub, tmp_path: Path) -> None:
    repo = "mlx-community/Broken-4bit"
    hub.add(repo, "config.json", FakeFile(b"{}", lfs=False))
    hub.add(repo, "model.safetensors", FakeFile(os.urandom(1000)))
    plan = download.plan_repo(repo, directory=tmp_path)
    bad = download.RemoteFile("config.json", 2, git_sha1="f" * 40)
    plan = download.DownloadPlan(plan.repo_id, plan.revision, (bad,), "folder")
    with pytest.raises(DownloadError) as raised:
        download.fetch(plan, tmp_path / "models")
    assert raised.value.reason == "checksum" and "git blob id" in raised.value.message
    assert not (tmp_path / "models" / "mlx").exists() or not any(
        (tmp_path / "models" / "mlx").iterdir()
    )


def test_the_automatic_download_tells_how_far_it_got(hub: FakeHub, tmp_path: Path) -> None:
    from tui.core.models import resolve as models

    notes: list[str] = []
    path = models.download_hub_file(
        models.HubFile(REPO, FILE), tmp_path / "models", notify=notes.append
    )
    assert path.read_bytes() == hub.repos[REPO][FILE].content
    assert notes[0].startswith(f"{FILE}: 0 MB of 3 MB")
    assert f"{FILE}: verifying" in notes and notes[-1] == f"{FILE}: done"
