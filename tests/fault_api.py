"""One server that speaks both the OpenAI-compatible API and Ollama's native API, and misbehaves
in one chosen way: the faults of served backends that a deadline, a bounded model list and
clear errors must hold against.

Routes: `/health`, `/v1/models`, `/v1/chat/completions` (SSE) and `/api/version`, `/api/tags`,
`/api/ps`, `/api/chat` (NDJSON). Faults (`FAULTS`):

- `reasoning`: the chat streams reasoning (`reasoning_content`, Ollama's `thinking`) forever;
- `keepalive`: the chat sends only keep-alives (`: ping` comments; Ollama: empty pieces);
- `slow`: the chat streams content forever at `tokens_per_s`;
- `many`: the model lists hold `models` entries (20,000 by default); the chat answers;
- `list404`: the model lists answer 404; the chat answers;
- `busy`: every request answers 429 with `Retry-After` (`busy_chats` limits it to the first
  chats, after which the chat answers);
- `reset`: the chat's connection is reset (RST) once the request is read;
- `utf8`: the chat's answer holds bytes that are not UTF-8 inside the command.

A raw socket server (one thread per connection) because a reset and invalid bytes are beyond
what an HTTP framework will send. Endless streams stop when the client goes away, or after
`max_stream_s`.
"""

from __future__ import annotations

import json
import socket
import struct
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from tests.servers import free_port

FAULTS = ("reasoning", "keepalive", "slow", "many", "list404", "busy", "reset", "utf8")
SSE = "text/event-stream"
NDJSON = "application/x-ndjson"
JSON = "application/json"
ANSWER = "ls -la\n"


@dataclass
class FaultApi:
    fault: str
    models: int = 20_000
    tokens_per_s: float = 4.0
    retry_after_s: int = 1
    busy_chats: int | None = None  # None: busy for good
    max_stream_s: float = 120.0
    port: int = 0
    chats: int = 0
    requests: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.fault not in FAULTS:
            raise ValueError(f"unknown fault {self.fault!r}; one of {FAULTS}")
        self._lists: dict[str, bytes] = {}
        self._sock = socket.socket()
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.port = self.port or free_port()
        self._sock.bind(("127.0.0.1", self.port))
        self._sock.listen(64)
        self._closed = False
        self._lock = threading.Lock()
        threading.Thread(target=self._serve, name="fault-api", daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def close(self) -> None:
        self._closed = True
        self._sock.close()

    def __enter__(self) -> FaultApi:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    # -- the server ----------------------------------------------------------------------

    def _serve(self) -> None:
        while not self._closed:
            try:
                conn, _ = self._sock.accept()
            except OSError:
                return
            threading.Thread(target=self._handle, args=(conn,), daemon=True).start()

    def _handle(self, conn: socket.socket) -> None:
        with conn:
            try:
                method, path = _read_request(conn)
                self.requests.append(f"{method} {path}")
                self._route(conn, method, path)
            except OSError:
                pass

    def _route(self, conn: socket.socket, method: str, path: str) -> None:
        chat = path in ("/v1/chat/completions", "/api/chat")
        if self.fault == "busy" and self._still_busy(chat):
            return _send(
                conn, 429, b'{"error": "too many requests"}', Retry_After=str(self.retry_after_s)
            )
        if path in ("/health", "/api/version", "/"):
            return _send(conn, 200, b'{"version": "0.12.3"}' if path != "/health" else b"{}")
        if path in ("/v1/models", "/api/tags"):
            if self.fault == "list404":
                return _send(conn, 404, b'{"error": "404 page not found"}')
            return _send(conn, 200, self._model_list(path))
        if path == "/api/ps":
            return _send(conn, 200, b'{"models": []}')
        if chat:
            ollama = path == "/api/chat"
            return self._chat(conn, ollama)
        return _send(conn, 404, b'{"error": "no such route"}')

    def _still_busy(self, chat: bool) -> bool:
        if self.busy_chats is None:
            return True
        if not chat:
            return False
        with self._lock:
            self.chats += 1
            return self.chats <= self.busy_chats

    # -- model lists ---------------------------------------------------------------------

    def _model_list(self, path: str) -> bytes:
        count = self.models if self.fault == "many" else 1
        if path not in self._lists:
            ids = [model_id(index) for index in range(count)]
            if path == "/v1/models":
                data = [{"id": i, "object": "model", "owned_by": "organization_owner"} for i in ids]
                self._lists[path] = json.dumps({"object": "list", "data": data}).encode()
            else:
                self._lists[path] = json.dumps({"models": [_tag(i) for i in ids]}).encode()
        return self._lists[path]

    # -- chats ---------------------------------------------------------------------------

    def _chat(self, conn: socket.socket, ollama: bool) -> None:
        if self.fault == "reset":
            conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            return  # closing with a zero linger sends RST
        conn.sendall(_head(200, NDJSON if ollama else SSE))
        write = _ndjson_piece if ollama else _sse_piece
        if self.fault == "utf8":
            conn.sendall(write(b"find . -name \xff\xfe.log\n"))
            conn.sendall(_ollama_done() if ollama else _sse_finish())
            return
        if self.fault in ("reasoning", "keepalive", "slow"):
            return self._endless(conn, ollama)
        conn.sendall(write(ANSWER.encode()))
        conn.sendall(_ollama_done() if ollama else _sse_finish())

    def _endless(self, conn: socket.socket, ollama: bool) -> None:
        count = 0

        def word() -> bytes:  # a new word each time: no loop for the answer watcher to see
            return (_ndjson_piece if ollama else _sse_piece)(f"w{count} ".encode())

        pieces: dict[str, Callable[[], bytes]] = {
            "reasoning": lambda: _thinking(ollama),
            "keepalive": lambda: _ndjson_piece(b"") if ollama else b": ping\n\n",
            "slow": word,
        }
        pause = {"reasoning": 0.005, "keepalive": 0.05, "slow": 1 / self.tokens_per_s}
        deadline = time.monotonic() + self.max_stream_s
        while time.monotonic() < deadline and not self._closed:
            conn.sendall(pieces[self.fault]())
            count += 1
            time.sleep(pause[self.fault])


def model_id(index: int) -> str:
    return f"lab/coder-{index:05d}-7b-instruct-q4_k_m"


def _tag(name: str) -> dict[str, object]:
    return {
        "name": name,
        "model": name,
        "modified_at": "2026-08-01T10:00:00Z",
        "size": 4_400_000_000,
        "digest": "a" * 64,
        "details": {
            "format": "gguf",
            "family": "qwen2",
            "parameter_size": "7B",
            "quantization_level": "Q4_K_M",
        },
    }


def _thinking(ollama: bool) -> bytes:
    if ollama:
        return _line(
            {
                "model": "m",
                "message": {"role": "assistant", "content": "", "thinking": "hmm "},
                "done": False,
            }
        )
    return _sse(
        {"choices": [{"index": 0, "delta": {"reasoning_content": "hmm "}, "finish_reason": None}]}
    )


def _sse_piece(text: bytes) -> bytes:
    # JSON cannot carry bytes that are not UTF-8: the piece is spliced into the encoded line.
    marker = "\u0000PIECE\u0000"
    line = _sse({"choices": [{"index": 0, "delta": {"content": marker}, "finish_reason": None}]})
    return line.replace(json.dumps(marker)[1:-1].encode(), _escaped(text))


def _ndjson_piece(text: bytes) -> bytes:
    marker = "\u0000PIECE\u0000"
    line = _line({"model": "m", "message": {"role": "assistant", "content": marker}, "done": False})
    return line.replace(json.dumps(marker)[1:-1].encode(), _escaped(text))


def _escaped(text: bytes) -> bytes:
    return text.replace(b"\\", b"\\\\").replace(b'"', b'\\"').replace(b"\n", b"\\n")


def _sse_finish() -> bytes:
    stop = _sse({"choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]})
    return stop + b"data: [DONE]\n\n"


def _ollama_done() -> bytes:
    return _line(
        {
            "model": "m",
            "message": {"role": "assistant", "content": ""},
            "done": True,
            "done_reason": "stop",
            "eval_count": 2,
            "eval_duration": 100_000_000,
        }
    )


def _sse(data: dict[str, object]) -> bytes:
    return f"data: {json.dumps(data)}\n\n".encode()


def _line(data: dict[str, object]) -> bytes:
    return (json.dumps(data) + "\n").encode()


def _head(status: int, content_type: str, **headers: str) -> bytes:
    reasons = {200: "OK", 404: "Not Found", 429: "Too Many Requests"}
    lines = [f"HTTP/1.1 {status} {reasons.get(status, 'Status')}", f"Content-Type: {content_type}"]
    lines += [f"{k.replace('_', '-')}: {v}" for k, v in headers.items()]
    lines.append("Connection: close")
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


def _send(conn: socket.socket, status: int, body: bytes, **headers: str) -> None:
    conn.sendall(_head(status, JSON, Content_Length=str(len(body)), **headers) + body)


def _read_request(conn: socket.socket) -> tuple[str, str]:
    conn.settimeout(10)
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        if not chunk:
            raise OSError("the client went away")
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value)
    while len(body) < length:
        chunk = conn.recv(65536)
        if not chunk:
            break
        body += chunk
    conn.settimeout(None)
    method, path, *_ = head.split(b"\r\n", 1)[0].decode().split(" ")
    return method, path.split("?", 1)[0]


def main() -> None:
    """`python -m tests.fault_api FAULT [PORT]`: serve one fault until interrupted."""
    import sys

    server = FaultApi(sys.argv[1], port=int(sys.argv[2]) if len(sys.argv) > 2 else 0)
    print(server.url, flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        server.close()


if __name__ == "__main__":
    main()
