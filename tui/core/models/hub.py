"""The Hugging Face Hub as caro asks it: the endpoint, a fast "does it answer?" check (with a
"no" remembered for a while), and the command that fetches a file by hand."""

from __future__ import annotations

import concurrent.futures
import json
import os
import shlex
import time
from dataclasses import dataclass
from pathlib import Path

from tui.core import paths


@dataclass(frozen=True)
class HubFile:
    repo_id: str
    filename: str
    size_bytes: int | None = None
    sha256: str | None = None

    @property
    def url(self) -> str:
        return f"{hub_endpoint()}/{self.repo_id}/resolve/main/{self.filename}"


def hub_endpoint() -> str:
    return os.environ.get("HF_ENDPOINT", "https://huggingface.co").rstrip("/")


def manual_download_command(hub_file: HubFile, directory: Path | None = None) -> str:
    """The command a person can paste to fetch the file by hand, every word quoted."""
    directory = directory or paths.models_dir()
    target = directory / Path(hub_file.filename).name
    return (
        f"mkdir -p {shlex.quote(str(directory))} && "
        f"curl -L -o {shlex.quote(str(target))} {shlex.quote(hub_file.url)}"
    )


def hub_offers(hub_file: HubFile, timeout_s: float = 1.5) -> tuple[bool, str]:
    """A fast check that the Hub answers for this file, with a reason when it does not.

    huggingface-hub itself retries with backoff for ~20 s on an offline machine; this check
    keeps caro's answer on such a machine well under two seconds.
    """
    status, why_not = hub_status(hub_file, timeout_s)
    if status is not None and status < 400:
        return True, ""
    return False, why_not


def hub_offline() -> str:
    """Why caro must not contact the Hub at all (HF_HUB_OFFLINE=1, as huggingface-hub reads
    it), or "" when it may."""
    value = os.environ.get("HF_HUB_OFFLINE", "").strip().upper()
    if value in ("1", "ON", "YES", "TRUE"):
        return "HF_HUB_OFFLINE is set: caro does not contact the Hub"
    return ""


def hub_status(hub_file: HubFile, timeout_s: float = 1.5) -> tuple[int | None, str]:
    """The HTTP status the Hub answers for this file (None when it does not answer), and why.

    It asks for the file itself (HEAD, no redirects), because a network that intercepts
    connections answers anything; DNS lookups ignore socket timeouts, so the whole check
    runs in a thread with a deadline. With HF_HUB_OFFLINE set it answers None at once.
    """
    offline = hub_offline()
    if offline:
        return None, offline

    def head() -> tuple[int | None, str]:
        import httpx

        try:
            response = httpx.head(hub_file.url, timeout=timeout_s, follow_redirects=False)
        except httpx.HTTPError as error:
            return None, f"{hub_endpoint()} cannot be reached ({type(error).__name__})"
        if response.status_code < 400:
            return response.status_code, ""
        return (
            response.status_code,
            f"{hub_endpoint()} answered HTTP {response.status_code} for {hub_file.filename}",
        )

    pool = concurrent.futures.ThreadPoolExecutor(max_workers=1)
    try:
        return pool.submit(head).result(timeout=timeout_s + 0.2)
    except concurrent.futures.TimeoutError:
        return None, f"{hub_endpoint()} did not answer within {timeout_s:g} s"
    finally:
        pool.shutdown(wait=False)


HUB_CHECK_TTL_S = 15 * 60


def remembered_hub_check(hub_file: HubFile) -> tuple[bool, str]:
    """`hub_offers`, with a "no" remembered for a while so that every one-shot run on an
    offline machine does not pay for the check again."""
    offline = hub_offline()
    if offline:
        return False, offline  # not remembered: unsetting the variable takes effect at once
    memo = paths.cache_dir() / "hub-check.json"
    key = f"{hub_endpoint()}/{hub_file.repo_id}/{hub_file.filename}"
    try:
        saved = json.loads(memo.read_text(encoding="utf-8"))
        if saved["key"] == key and time.time() - float(saved["at"]) < HUB_CHECK_TTL_S:
            return False, f"{saved['why']} (checked {int(time.time() - saved['at'])} s ago)"
    except (OSError, ValueError, KeyError, TypeError):
        pass
    offered, why_not = hub_offers(hub_file)
    if not offered:
        try:
            memo.parent.mkdir(parents=True, exist_ok=True)
            memo.write_text(
                json.dumps({"key": key, "at": time.time(), "why": why_not}), encoding="utf-8"
            )
        except OSError:
            pass  # only a memo: without it the next run checks again
    elif memo.exists():
        memo.unlink(missing_ok=True)
    return offered, why_not
