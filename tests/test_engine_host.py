"""The warm engine host, with the real bundled model: started on demand, shared, replaced.

Every test gets its own short runtime folder (a Unix socket path must stay under ~100 bytes) and
stops, by pid, every host it started. conftest.py turns the host off (CARO_ENGINE_KEEP_ALIVE=0)
for the rest of the suite; here it is turned back on.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import json
import os
import pwd
import shutil
import signal
import socket
import stat
import struct
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.other_user import exchange_as
from tui.core.backends.base import (
    BackendError,
    Finished,
    GenerationRequest,
    Message,
    SamplerSettings,
    Started,
    StreamEvent,
    TextDelta,
)
from tui.core.backends.embedded import engine_link
from tui.core.backends.embedded.engine_client import HostedLlamaCppBackend, embedded_llamacpp
from tui.core.backends.embedded.engine_wire import PID_NAME, socket_path
from tui.core.backends.embedded.llamacpp import LlamaCppBackend
from tui.core.config import BackendConfig
from tui.core.peer import same_user

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[1]


def request(text: str = "list all files", max_tokens: int = 12) -> GenerationRequest:
    return GenerationRequest(
        messages=(
            Message("system", "You turn requests into one shell command. Answer with it only."),
            Message("user", text),
        ),
        sampler=SamplerSettings(temperature=0.0, max_tokens=max_tokens),
    )


def host_pid() -> int | None:
    try:
        return int(json.loads((socket_path().parent / PID_NAME).read_text())["pid"])
    except (OSError, ValueError, KeyError):
        return None


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    status = Path(f"/proc/{pid}/status")
    return not (status.exists() and "State:\tZ" in status.read_text())


def wait_until(condition: object, timeout_s: float = 30.0) -> bool:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return True
        time.sleep(0.05)
    return False


@pytest.fixture
def runtime(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = Path(tempfile.mkdtemp(prefix="caro-rt-", dir="/tmp"))
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(folder))
    monkeypatch.setenv("CARO_ENGINE_KEEP_ALIVE", "60")
    seen: set[int] = set()
    yield folder
    pid = host_pid()
    if pid:
        seen.add(pid)
    seen.update(child.pid for child in engine_link._children)
    for pid in seen:
        if engine_link._is_host_process(pid):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
    for child in engine_link._children:
        with contextlib.suppress(subprocess.TimeoutExpired):
            child.wait(5)
    engine_link._children.clear()
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def config(bundled_model: Path) -> BackendConfig:
    return BackendConfig(
        name="embedded-cpu", kind="llamacpp", model=str(bundled_model), model_source="tests"
    )


async def collect(backend: HostedLlamaCppBackend, req: GenerationRequest) -> list[StreamEvent]:
    return [event async for event in backend.stream(req)]


def finished(events: list[StreamEvent]) -> Finished:
    last = events[-1]
    assert isinstance(last, Finished), events
    return last


def test_the_factory_picks_in_process_when_keep_alive_is_zero(config: BackendConfig) -> None:
    assert isinstance(embedded_llamacpp(config), LlamaCppBackend)  # conftest: keep_alive 0


async def test_starts_on_demand_streams_and_stays_warm(
    runtime: Path, config: BackendConfig
) -> None:
    backend = embedded_llamacpp(config)
    assert isinstance(backend, HostedLlamaCppBackend)
    assert await engine_link.host_status() is None
    first = await collect(backend, request())
    assert any(isinstance(e, TextDelta) and e.text for e in first)
    timings = finished(first).timings
    assert timings.ttft_s is not None and timings.completion_tokens
    pid = host_pid()
    assert pid and pid != os.getpid() and alive(pid)
    # A private folder and socket.
    assert stat.S_IMODE(socket_path().parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(socket_path().stat().st_mode) == 0o600
    second = await collect(embedded_llamacpp(config), request())  # another client object
    started = next(e for e in second if isinstance(e, Started))
    assert started.load_s is None  # the model was loaded already
    assert (started.cached_prompt_tokens or 0) > 0  # the prompt state was kept warm
    assert host_pid() == pid
    status = await engine_link.host_status()
    assert status is not None and status.model == Path(config.model or "").name
    assert status.rss_bytes > 0 and status.served == 2
    health = await backend.probe()
    assert "warm in the engine host" in health.detail and status.model in health.loaded_models


async def test_reloads_after_a_model_change(runtime: Path, config: BackendConfig) -> None:
    await collect(embedded_llamacpp(config), request())  # type: ignore[arg-type]
    pid = host_pid()
    again = await collect(embedded_llamacpp(config), request("show the date"))  # type: ignore[arg-type]
    assert next(e for e in again if isinstance(e, Started)).load_s is None
    changed = dataclasses.replace(config, n_ctx=1024)  # another context size: another engine
    events = await collect(embedded_llamacpp(changed), request())  # type: ignore[arg-type]
    started = next(e for e in events if isinstance(e, Started))
    assert started.load_s is not None  # loaded again, by the same host
    assert finished(events).timings.completion_tokens and host_pid() == pid


async def test_two_clients_at_once_are_both_answered(runtime: Path, config: BackendConfig) -> None:
    one, two = embedded_llamacpp(config), embedded_llamacpp(config)
    assert isinstance(one, HostedLlamaCppBackend) and isinstance(two, HostedLlamaCppBackend)
    results = await asyncio.gather(
        collect(one, request("list all files", 24)),
        collect(two, request("show the disk usage", 24)),
    )
    for events in results:
        assert finished(events).finish_reason in ("stop", "length")
        assert "".join(e.text for e in events if isinstance(e, TextDelta)).strip()
    status = await engine_link.host_status()
    assert status is not None and status.served == 2


async def test_cancel_stops_the_generation_in_the_host(
    runtime: Path, config: BackendConfig
) -> None:
    backend = embedded_llamacpp(config)
    stream = backend.stream(request("write a long shell script", 2000))
    async for event in stream:
        if isinstance(event, TextDelta):
            break
    await stream.aclose()  # what Esc in the workbench and Ctrl+C in the CLI do

    async def idle() -> bool:
        status = await engine_link.host_status()
        return status is not None and status.active == 0

    deadline = time.monotonic() + 30
    while not await idle():
        assert time.monotonic() < deadline, "the host kept generating after the cancel"
        await asyncio.sleep(0.05)
    status = await engine_link.host_status()
    assert status is not None and status.served == 1
    assert finished(await collect(backend, request())).timings.completion_tokens


async def test_exits_when_idle(
    runtime: Path, config: BackendConfig, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CARO_ENGINE_KEEP_ALIVE", "0.5")
    await collect(embedded_llamacpp(config), request())  # type: ignore[arg-type]
    pid = host_pid()
    assert pid
    assert wait_until(lambda: not alive(pid)), "the host outlived its keep_alive"
    assert not socket_path().exists()


async def test_replaced_after_kill_9(runtime: Path, config: BackendConfig) -> None:
    backend = embedded_llamacpp(config)
    await collect(backend, request())  # type: ignore[arg-type]
    pid = host_pid()
    assert pid
    os.kill(pid, signal.SIGKILL)
    assert wait_until(lambda: not alive(pid))
    assert socket_path().exists()  # a stale socket is left behind
    events = await collect(backend, request())  # type: ignore[arg-type]
    assert finished(events).timings.completion_tokens
    new = host_pid()
    assert new and new != pid and alive(new)


async def test_a_hung_host_is_killed_and_replaced(runtime: Path, config: BackendConfig) -> None:
    backend = embedded_llamacpp(config)
    await collect(backend, request())  # type: ignore[arg-type]
    pid = host_pid()
    assert pid
    os.kill(pid, signal.SIGSTOP)  # it accepts connections (the kernel does) but never answers
    try:
        events = await collect(backend, request())  # type: ignore[arg-type]
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGCONT)
    assert finished(events).timings.completion_tokens
    assert wait_until(lambda: not alive(pid)), "the hung host was not killed"
    assert host_pid() not in (None, pid)


async def test_a_host_of_another_version_is_replaced(
    runtime: Path, config: BackendConfig, monkeypatch: pytest.MonkeyPatch
) -> None:
    await collect(embedded_llamacpp(config), request())  # type: ignore[arg-type]
    old = host_pid()
    assert old
    monkeypatch.setattr(engine_link, "host_version", lambda: "0.0.0/p0/another")
    found = await engine_link.checkup()  # caro doctor's check
    assert found.severity == "warning" and "another caro version" in found.message
    assert wait_until(lambda: not alive(old))


async def test_doctor_removes_a_stale_socket(runtime: Path) -> None:
    path = socket_path()
    engine_link.secure_dir(path.parent)
    with socket.socket(socket.AF_UNIX) as dead:
        dead.bind(str(path))  # bound, never listening: what a killed host leaves
    found = await engine_link.checkup()
    assert found.severity == "warning" and "stale" in found.message
    assert not path.exists()
    assert (await engine_link.checkup()).severity == "info"


def test_peer_credentials_of_another_user_are_refused() -> None:
    assert same_user((1, os.getuid(), os.getgid()))
    assert not same_user((1, os.getuid() + 1, os.getgid()))


def hello_as(uid: int, path: Path) -> dict[str, object]:
    """What the host answers a hello from a forked child that became user `uid`."""
    body = json.dumps({"op": "hello", "version": "x"}).encode()
    raw = exchange_as(uid, path, struct.pack(">I", len(body)) + body)
    if raw.startswith(b"error: "):
        return {"child_error": raw.decode()}
    reply: dict[str, object] = json.loads(raw[4:])
    return reply


@pytest.mark.skipif(os.getuid() != 0, reason="needs root to act as another user")
async def test_a_connection_from_another_user_is_refused(
    runtime: Path, config: BackendConfig
) -> None:
    await collect(embedded_llamacpp(config), request())  # type: ignore[arg-type]
    # Open the folder to everyone, as a careless setup might: the credentials check still holds.
    os.chmod(runtime, 0o777)
    os.chmod(socket_path().parent, 0o777)
    os.chmod(socket_path(), 0o777)
    reply = await asyncio.to_thread(hello_as, pwd.getpwnam("nobody").pw_uid, socket_path())
    assert reply.get("event") == "error" and reply.get("kind") == "auth", reply
    status = await engine_link.host_status()
    assert status is not None and status.served == 1  # still serving its own user


def caro(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=240,
        cwd=ROOT,
    )


def test_one_shot_uses_the_host_without_importing_llama_cpp(
    runtime: Path, bundled_model: Path
) -> None:
    env = {**os.environ}
    script = (
        "import sys\nfrom tui.cli import main\n"
        f"code = main(['--candidates', '1', '--model', {str(bundled_model)!r}, 'list files'])\n"
        "print('llama_cpp' in sys.modules, file=sys.stderr)\nsys.exit(code)\n"
    )
    for _ in range(2):
        done = subprocess.run(
            [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=240
        )
        assert done.returncode in (0, 4), done.stderr
        assert done.stderr.strip().endswith("False"), done.stderr
    pid = host_pid()
    assert pid and alive(pid)
    stop = caro(["engine", "stop"], env)
    assert stop.returncode == 0 and str(pid) in stop.stderr
    assert wait_until(lambda: not alive(pid))
    assert caro(["engine", "status"], env).returncode == 1


def test_one_shot_still_answers_when_the_host_cannot_start(
    runtime: Path, bundled_model: Path
) -> None:
    # A runtime "folder" the host's folder cannot be made in (root ignores permission bits,
    # so a read-only folder is played by a plain file there).
    if os.getuid() == 0:
        blocked = runtime / "not-a-folder"
        blocked.write_text("")
    else:
        blocked = runtime / "read-only"
        blocked.mkdir(mode=0o500)
    env = {**os.environ, "XDG_RUNTIME_DIR": str(blocked)}
    done = caro(["--candidates", "1", "--model", str(bundled_model), "list files"], env)
    assert done.returncode in (0, 4), done.stderr
    assert "no engine host" in done.stderr and "in this process" in done.stderr
    assert host_pid() is None


def test_the_wire_keeps_every_request_field(config: BackendConfig) -> None:
    from tui.core.backends.embedded.engine_wire import (
        config_from_wire,
        config_to_wire,
        request_from_wire,
        request_to_wire,
    )

    req = GenerationRequest(
        messages=(Message("system", "s"), Message("user", "u")),
        sampler=SamplerSettings(temperature=0.2, top_k=5, max_tokens=9, stop=("\n",), seed=3),
        model="m",
        response_prefix="ls",
    )
    wire = json.loads(json.dumps(request_to_wire(req)))
    assert request_from_wire(wire) == req
    assert config_from_wire(json.loads(json.dumps(config_to_wire(config)))) == config


def test_a_backend_error_in_the_host_reaches_the_client(runtime: Path) -> None:
    missing = BackendConfig(name="embedded-cpu", kind="llamacpp", model="/nonexistent.gguf")
    backend = embedded_llamacpp(missing)

    async def run() -> None:
        await collect(backend, request())  # type: ignore[arg-type]

    with pytest.raises(BackendError) as raised:
        asyncio.run(run())
    assert raised.value.fix  # the client resolves the model: the same error as in-process
