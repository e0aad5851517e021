"""A local fake of the Hugging Face Hub's file endpoints, for the download tests.

What it follows (read from huggingface-hub 2.4's `file_download.py`, `utils/_http.py` and
`hf_api.py`): `HEAD/GET /{repo}/resolve/{revision}/{path}` answers a large (LFS) file with a 302
to a CDN on another origin, carrying `X-Repo-Commit`, `X-Linked-Etag` (the sha256, quoted),
`X-Linked-Size` and `ETag`; a small file with 200, `ETag` (its git blob id) and
`Content-Length`. The CDN serves the bytes with `Content-Length`, honours `Range: bytes=N-`
with 206 and `Content-Range`. Unknown repos, files and revisions get 404 with the Hub's
`X-Error-Code` (RepoNotFound, EntryNotFound, RevisionNotFound). `GET /api/models/{repo}/tree/
{revision}` lists files with `oid`, `size` and `lfs` ({oid, size, pointerSize}), in one page.

Faults on demand: cut the connection after N body bytes (a number of times), answer every
request after a cut with an HTTP status, serve other bytes than the announced sha256, announce
another size. Its limits: no Xet headers (downloads go over plain HTTP), no auth, no gated
repos, one page of tree listing, revisions are "main" or the single commit.
"""

from __future__ import annotations

import hashlib
import http.server
import json
import re
import threading
import time
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote, urlparse

COMMIT = "0123456789abcdef0123456789abcdef01234567"
RESOLVE = re.compile(r"^/(?P<repo>[^/]+/[^/]+)/resolve/(?P<rev>[^/]+)/(?P<path>.+)$")
TREE = re.compile(r"^/api/models/(?P<repo>[^/]+/[^/]+)/tree/(?P<rev>[^/]+)$")
CDN = re.compile(r"^/cdn/(?P<repo>[^/]+/[^/]+)/(?P<path>.+)$")


def git_blob_id(content: bytes) -> str:
    return hashlib.sha1(b"blob %d\0" % len(content) + content, usedforsecurity=False).hexdigest()


@dataclass
class FakeFile:
    content: bytes
    lfs: bool = True
    announced_sha256: str | None = None  # set: the Hub says this sha256, serves `content`
    announced_size: int | None = None

    @property
    def sha256(self) -> str:
        return self.announced_sha256 or hashlib.sha256(self.content).hexdigest()

    @property
    def size(self) -> int:
        return self.announced_size if self.announced_size is not None else len(self.content)


@dataclass
class FakeHub:
    repos: dict[str, dict[str, FakeFile]] = field(default_factory=dict)
    cut_after: int | None = None  # body bytes sent before the connection is cut
    cuts: int = 0  # how many GETs are cut that way (then served whole)
    status_after_cut: int | None = None  # set: every request after a cut gets this status
    chunk: int = 64 * 1024
    chunk_delay_s: float = 0.0  # a pause after each chunk: a download slow enough to watch
    requests: list[tuple[str, str, dict[str, str]]] = field(default_factory=list)
    port: int = 0
    cdn_port: int = 0
    _cut_done: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, repo: str, path: str, file: FakeFile) -> FakeFile:
        self.repos.setdefault(repo, {})[path] = file
        return file

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def gets(self, path_part: str) -> list[dict[str, str]]:
        return [h for m, p, h in self.requests if m == "GET" and path_part in p]

    def take_cut(self) -> bool:
        with self._lock:
            if self.cut_after is None or self._cut_done >= self.cuts:
                return False
            self._cut_done += 1
            return True

    def broken(self) -> bool:
        return self.status_after_cut is not None and self._cut_done > 0


class _Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    hub: FakeHub
    is_cdn: bool

    def log_message(self, *_args: Any) -> None:
        pass

    def do_HEAD(self) -> None:
        self._route(body=False)

    def do_GET(self) -> None:
        self._route(body=True)

    def _route(self, body: bool) -> None:
        hub = self.hub
        path = unquote(urlparse(self.path).path)
        hub.requests.append((self.command, path, {k.lower(): v for k, v in self.headers.items()}))
        if hub.broken():
            return self._error(hub.status_after_cut or 503, "")
        if self.is_cdn:
            match = CDN.match(path)
            return self._serve(match, body) if match else self._error(404, "")
        if (tree := TREE.match(path)) is not None:
            return self._tree(tree.group("repo"), tree.group("rev"))
        if (resolve := RESOLVE.match(path)) is not None:
            return self._resolve(resolve, body)
        return self._error(404, "")

    def _lookup(self, repo: str, rev: str, path: str) -> FakeFile | None:
        files = self.hub.repos.get(repo)
        if files is None:
            self._error(404, "RepoNotFound")
            return None
        if rev not in ("main", COMMIT):
            self._error(404, "RevisionNotFound")
            return None
        if path not in files:
            self._error(404, "EntryNotFound")
            return None
        return files[path]

    def _resolve(self, match: re.Match[str], body: bool) -> None:
        repo, rev, path = match.group("repo"), match.group("rev"), match.group("path")
        file = self._lookup(repo, rev, path)
        if file is None:
            return
        if file.lfs:
            self.send_response(302)
            self.send_header("Location", f"http://127.0.0.1:{self.hub.cdn_port}/cdn/{repo}/{path}")
            self.send_header("X-Repo-Commit", COMMIT)
            self.send_header("X-Linked-Etag", f'"{file.sha256}"')
            self.send_header("X-Linked-Size", str(file.size))
            self.send_header("ETag", f'"{git_blob_id(file.content)}"')
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("X-Repo-Commit", COMMIT)
        self.send_header("ETag", f'"{git_blob_id(file.content)}"')
        self.send_header("Content-Length", str(len(file.content)))
        self.end_headers()
        if body:
            self.wfile.write(file.content)

    def _serve(self, match: re.Match[str], body: bool) -> None:
        file = self.hub.repos.get(match.group("repo"), {}).get(match.group("path"))
        if file is None:
            return self._error(404, "")
        content = file.content
        start = 0
        ranged = re.fullmatch(r"bytes=(\d+)-", self.headers.get("Range", ""))
        if ranged:
            start = int(ranged.group(1))
            self.send_response(206)
            self.send_header("Content-Range", f"bytes {start}-{len(content) - 1}/{len(content)}")
        else:
            self.send_response(200)
        self.send_header("Content-Length", str(len(content) - start))
        self.send_header("Accept-Ranges", "bytes")
        self.end_headers()
        if not body:
            return
        rest = content[start:]
        if self.hub.cut_after is not None and self.hub.take_cut():
            self.wfile.write(rest[: self.hub.cut_after])
            self.wfile.flush()
            self.close_connection = True
            self.connection.shutdown(2)  # the body ends short of Content-Length
            return
        for offset in range(0, len(rest), self.hub.chunk):
            self.wfile.write(rest[offset : offset + self.hub.chunk])
            if self.hub.chunk_delay_s:
                self.wfile.flush()
                time.sleep(self.hub.chunk_delay_s)

    def _tree(self, repo: str, rev: str) -> None:
        files = self.hub.repos.get(repo)
        if files is None:
            return self._error(404, "RepoNotFound")
        if rev not in ("main", COMMIT):
            return self._error(404, "RevisionNotFound")
        listing = []
        for path, file in sorted(files.items()):
            entry: dict[str, Any] = {
                "type": "file",
                "path": path,
                "size": file.size,
                "oid": git_blob_id(file.content),
            }
            if file.lfs:
                entry["lfs"] = {"oid": file.sha256, "size": file.size, "pointerSize": 134}
            listing.append(entry)
        self._json(listing)

    def _json(self, data: object) -> None:
        payload = json.dumps(data).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def _error(self, status: int, code: str) -> None:
        payload = json.dumps({"error": code or f"HTTP {status}"}).encode()
        self.send_response(status)
        if code:
            self.send_header("X-Error-Code", code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(payload)


class RunningHub:
    """Serves a FakeHub (Hub and CDN on two ports) while the `with` block runs."""

    def __init__(self, hub: FakeHub) -> None:
        self.hub = hub
        self._servers: list[http.server.ThreadingHTTPServer] = []

    def _start(self, is_cdn: bool) -> int:
        handler = type("Handler", (_Handler,), {"hub": self.hub, "is_cdn": is_cdn})
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        server.daemon_threads = True
        threading.Thread(
            target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        ).start()
        self._servers.append(server)
        return int(server.server_address[1])

    def __enter__(self) -> FakeHub:
        self.hub.cdn_port = self._start(is_cdn=True)
        self.hub.port = self._start(is_cdn=False)
        return self.hub

    def __exit__(self, *_: object) -> None:
        for server in self._servers:
            server.shutdown()
            server.server_close()
