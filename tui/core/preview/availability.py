"""Can the preview run here, and if not, why, in a sentence a person can act on."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

NAMESPACES: tuple[str, ...] = (
    "--user",
    "--map-current-user",
    "--keep-caps",
    "--mount",
    "--net",
    "--pid",
    "--ipc",
    "--uts",
    "--fork",
    "--kill-child",
)
PROBE_TIMEOUT_S = 10.0


@dataclass(frozen=True)
class Availability:
    available: bool
    reason: str = ""
    fix: str = ""

    def as_dict(self) -> dict[str, object]:
        return {"available": self.available, "reason": self.reason, "fix": self.fix}


def _read(path: str) -> str | None:
    try:
        return Path(path).read_text(encoding="ascii").strip()
    except OSError:
        return None


def _setting_says_no() -> Availability | None:
    """The usual switches that turn unprivileged user namespaces off, by name."""
    if _read("/proc/sys/kernel/apparmor_restrict_unprivileged_userns") == "1":
        return Availability(
            False,
            "AppArmor restricts unprivileged user namespaces on this system "
            "(kernel.apparmor_restrict_unprivileged_userns = 1, as on Ubuntu 24.04)",
            "allow them with `sudo sysctl kernel.apparmor_restrict_unprivileged_userns=0`, "
            "or give unshare an AppArmor profile that permits `userns`",
        )
    if _read("/proc/sys/kernel/unprivileged_userns_clone") == "0":
        return Availability(
            False,
            "unprivileged user namespaces are switched off (kernel.unprivileged_userns_clone = 0)",
            "allow them with `sudo sysctl kernel.unprivileged_userns_clone=1`",
        )
    if _read("/proc/sys/user/max_user_namespaces") == "0":
        return Availability(
            False,
            "user namespaces are switched off (user.max_user_namespaces = 0)",
            "allow them with `sudo sysctl user.max_user_namespaces=15000`",
        )
    return None


def check(unshare: str = "unshare") -> Availability:
    """Whether `unshare` can make the namespaces the preview needs, for this user, here."""
    if not sys.platform.startswith("linux"):
        system = "macOS" if sys.platform == "darwin" else sys.platform
        return Availability(
            False,
            f"{system} has no user namespaces or overlay filesystem: "
            "the preview runs on Linux only",
            "read the static rating instead, or preview inside a Linux machine or VM",
        )
    program = shutil.which(unshare)
    if program is None:
        return Availability(
            False,
            f"the `{unshare}` program (util-linux) was not found",
            "install util-linux (it provides unshare)",
        )
    if os.geteuid() != 0:
        refused = _setting_says_no()
        if refused is not None:
            return refused
    return _probe(program)


def _probe(program: str) -> Availability:
    try:
        done = subprocess.run(
            [program, *NAMESPACES, "--", "/bin/sh", "-c", "exit 0"],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            timeout=PROBE_TIMEOUT_S,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        return Availability(False, f"`{program}` could not be run: {error}", "check util-linux")
    if done.returncode == 0:
        return Availability(True)
    said = done.stderr.decode("utf-8", "replace").strip().splitlines()
    detail = f": {said[-1]}" if said else " (it gave no reason)"
    return Availability(
        False,
        "this system does not let an unprivileged user create the namespaces the preview needs "
        f"(`unshare --user --mount --net --pid` failed with exit status {done.returncode}{detail})",
        "allow unprivileged user namespaces (a kernel setting, or the container's seccomp "
        "profile), or use the static rating",
    )
