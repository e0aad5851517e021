"""Servers the tests start and stop themselves, always on 127.0.0.1 and a free port.

- real engines: llama-cpp-python's OpenAI-compatible server with the bundled GGUF, and
  mlx_lm.server with a tiny random-weight llama built here (MLX cannot read GGUF; its
  tokenizer is a byte-level BPE trained here with `tokenizers`, so nothing is downloaded);
- `FaultServer`: a raw TCP server that misbehaves on purpose (hangs, cuts, lies), one scripted
  behaviour per connection.

Each real server runs in its own process group and is killed with it at the end.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class ServerProcess:
    def __init__(self, command: list[str], ready_path: str, env: dict[str, str] | None = None):
        self.port = free_port()
        self.command = [part.replace("{port}", str(self.port)) for part in command]
        self.ready_path = ready_path
        self.env = {**os.environ, **(env or {})}
        self.process: subprocess.Popen[bytes] | None = None
        self.log: list[str] = []

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout_s: float = 120) -> ServerProcess:
        self.process = subprocess.Popen(
            self.command,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            env=self.env,
            start_new_session=True,  # its own process group: stopped as a whole
        )
        threading.Thread(target=self._drain, daemon=True).start()
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.command[2]} exited:\n" + "".join(self.log[-30:]))
            try:
                if httpx.get(self.url + self.ready_path, timeout=2).status_code == 200:
                    return self
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"{self.command[2]} not ready in {timeout_s} s")

    def _drain(self) -> None:
        assert self.process is not None and self.process.stdout is not None
        for raw in self.process.stdout:
            self.log.append(raw.decode("utf-8", "replace"))
            del self.log[:-200]

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        for sig, wait_s in ((signal.SIGTERM, 10), (signal.SIGKILL, 10)):
            try:
                os.killpg(self.process.pid, sig)
            except ProcessLookupError:
                return
            try:
                self.process.wait(wait_s)
                return
            except subprocess.TimeoutExpired:
                continue


@contextmanager
def running(server: ServerProcess) -> Iterator[ServerProcess]:
    server.start()
    try:
        yield server
    finally:
        server.stop()


def llama_cpp_server(model: Path, n_ctx: int = 2048) -> ServerProcess:
    # One thread: llama.cpp threads busy-wait, and the machine is shared.
    return ServerProcess(
        [
            sys.executable,
            "-m",
            "llama_cpp.server",
            "--model",
            str(model),
            "--host",
            "127.0.0.1",
            "--port",
            "{port}",
            "--n_ctx",
            str(n_ctx),
            "--n_threads",
            "1",
            "--n_threads_batch",
            "1",
            "--verbose",
            "false",
        ],
        "/v1/models",
    )


def mlx_lm_server(model_dir: Path, hf_home: Path) -> ServerProcess:
    (hf_home / "hub").mkdir(parents=True, exist_ok=True)  # /v1/models scans this cache
    return ServerProcess(
        [
            sys.executable,
            "-m",
            "mlx_lm.server",
            "--model",
            str(model_dir),
            "--host",
            "127.0.0.1",
            "--port",
            "{port}",
        ],
        "/health",
        env={"HF_HOME": str(hf_home), "HF_HUB_OFFLINE": "1"},
    )


CHAT_TEMPLATE = (
    "{% for m in messages %}<|im_start|>{{ m['role'] }}\n{{ m['content'] }}<|im_end|>\n"
    "{% endfor %}{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}"
)


def make_tiny_mlx_model(directory: Path) -> Path:
    """A 2-layer llama with random weights and a byte-level BPE tokenizer, in MLX format."""
    import mlx.core as mx
    from mlx_lm.models.llama import Model, ModelArgs
    from mlx_lm.utils import save_config, save_model
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers

    directory.mkdir(parents=True, exist_ok=True)
    tokenizer = Tokenizer(models.BPE())
    tokenizer.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tokenizer.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(
        vocab_size=400,
        special_tokens=["<|endoftext|>", "<|im_start|>", "<|im_end|>"],
        initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
        show_progress=False,
    )
    corpus = ["list all files including hidden ones", "ls -la", "find . -name '*.py'"] * 20
    tokenizer.train_from_iterator(corpus, trainer)
    tokenizer.save(str(directory / "tokenizer.json"))
    tokenizer_config = {
        "tokenizer_class": "PreTrainedTokenizerFast",
        "eos_token": "<|im_end|>",
        "pad_token": "<|endoftext|>",
        "chat_template": CHAT_TEMPLATE,
        "model_max_length": 512,
    }
    (directory / "tokenizer_config.json").write_text(json.dumps(tokenizer_config))
    args = {
        "model_type": "llama",
        "hidden_size": 64,
        "num_hidden_layers": 2,
        "intermediate_size": 128,
        "num_attention_heads": 4,
        "num_key_value_heads": 2,
        "rms_norm_eps": 1e-5,
        "vocab_size": tokenizer.get_vocab_size(),
        "max_position_embeddings": 512,
        "tie_word_embeddings": True,
    }
    mx.random.seed(0)
    model = Model(ModelArgs(**args))  # type: ignore[arg-type]
    mx.eval(model.parameters())
    save_model(directory, model)
    save_config(args, directory / "config.json")
    return directory


# ---------------------------------------------------------------------------------------------
# A server that misbehaves on purpose.

Behaviour = Callable[[socket.socket], None]


def http_head(status: int = 200, content_type: str = "application/json", **headers: str) -> bytes:
    reason = {200: "OK", 400: "Bad Request", 404: "Not Found", 500: "Internal Server Error"}
    lines = [f"HTTP/1.1 {status} {reason.get(status, 'Status')}", f"Content-Type: {content_type}"]
    lines += [f"{k.replace('_', '-')}: {v}" for k, v in headers.items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


def reply(status: int, body: bytes, content_type: str = "application/json") -> Behaviour:
    def send(conn: socket.socket) -> None:
        head = http_head(status, content_type, Content_Length=str(len(body)), Connection="close")
        conn.sendall(head + body)

    return send


def drop(conn: socket.socket) -> None:
    """Reads the request and closes the connection without a word (mlx_lm.server does this
    when its handler raises)."""


def hang(conn: socket.socket) -> None:
    """Accepts, reads the request, never answers (until the test ends)."""
    time.sleep(30)


def stream_then_close(lines: list[bytes], content_type: str = "text/event-stream") -> Behaviour:
    """HTTP 200, then the given bytes, then the connection closes without a proper end."""

    def send(conn: socket.socket) -> None:
        conn.sendall(http_head(200, content_type, Connection="close"))
        for line in lines:
            conn.sendall(line)
            time.sleep(0.01)

    return send


def endless(line: bytes, content_type: str = "text/event-stream") -> Behaviour:
    """HTTP 200 and the same line forever, until the client goes away."""

    def send(conn: socket.socket) -> None:
        conn.sendall(http_head(200, content_type, Connection="close"))
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            conn.sendall(line)

    return send


class FaultServer:
    """Answers connection n with behaviours[n] (the last one repeats)."""

    def __init__(self, behaviours: list[Behaviour]) -> None:
        self.behaviours = behaviours
        self.connections = 0
        self.sock = socket.socket()
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = int(self.sock.getsockname()[1])
        self._closed = False
        threading.Thread(target=self._serve, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _serve(self) -> None:
        while not self._closed:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            behaviour = self.behaviours[min(self.connections, len(self.behaviours) - 1)]
            self.connections += 1
            threading.Thread(target=self._handle, args=(conn, behaviour), daemon=True).start()

    def _handle(self, conn: socket.socket, behaviour: Behaviour) -> None:
        with conn:
            try:
                _read_request(conn)
                behaviour(conn)
            except OSError:
                pass

    def close(self) -> None:
        self._closed = True
        self.sock.close()

    def __enter__(self) -> FaultServer:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


def _read_request(conn: socket.socket) -> bytes:
    conn.settimeout(5)
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        if not chunk:
            return data
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":", 1)[1])
    while len(body) < length:
        chunk = conn.recv(65536)
        if not chunk:
            break
        body += chunk
    conn.settimeout(None)
    return head + b"\r\n\r\n" + body
