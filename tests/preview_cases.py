"""Commands with known effects on a fixture tree, for the preview's accuracy (test and bench).

Each case lists what the command does to the files (paths relative to the fixture's root, or
absolute): `created` (a created folder covers what is made inside it), `modified`, `deleted`,
`mode` (permission changes), and whether it tries the `network`. The preview's report must
name every one of them and nothing else. The work folder is the command's folder; HOME is
the fixture's home folder.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

from tui.core.preview.report import Report

TREE: dict[str, tuple[str, int]] = {
    "work/a.txt": ("alpha\n", 0o644),
    "work/b.txt": ("bravo\n", 0o644),
    "work/notes.md": ("# notes\nline\n", 0o644),
    "work/script.sh": ("#!/bin/sh\necho from-script\n", 0o755),
    "work/src/main.py": ("print('hi')\n", 0o644),
    "work/src/util.py": ("x = 1\n", 0o644),
    "work/build/out.o": ("object\n", 0o644),
    "work/build/app": ("binary\n", 0o755),
    "work/build/sub/deep.o": ("deep\n", 0o644),
    "work/logs/app.log": ("log1\nlog2\n", 0o644),
    "work/logs/old.log": ("old\n", 0o644),
    "work/data.csv": ("a,b\n1,2\n", 0o644),
    "home/.bashrc": ("export X=1\n", 0o644),
    "home/.config/app/settings.ini": ("[a]\nb=1\n", 0o644),
    "home/docs/report.txt": ("report\n", 0o644),
    "home/.ssh/config": ("Host x\n", 0o600),
}
EMPTY_DIRS = ("work/empty",)
TMP_MARKER = "/tmp/caro-preview-case-marker.txt"


@dataclass(frozen=True)
class Case:
    command: str
    created: tuple[str, ...] = ()
    modified: tuple[str, ...] = ()
    deleted: tuple[str, ...] = ()
    mode: tuple[str, ...] = ()
    network: bool = False
    expected: dict[str, tuple[str, ...]] = field(default_factory=dict, compare=False)


CASES: tuple[Case, ...] = (
    Case("touch new.txt", created=("work/new.txt",)),
    Case("echo hi > out.txt", created=("work/out.txt",)),
    Case("echo more >> a.txt", modified=("work/a.txt",)),
    Case("rm a.txt", deleted=("work/a.txt",)),
    Case("rm -rf build", deleted=("work/build",)),
    Case("rm logs/*.log", deleted=("work/logs/app.log", "work/logs/old.log")),
    Case("mkdir newdir", created=("work/newdir",)),
    Case("mkdir -p x/y/z", created=("work/x",)),
    Case("mv a.txt c.txt", created=("work/c.txt",), deleted=("work/a.txt",)),
    Case("cp b.txt b2.txt", created=("work/b2.txt",)),
    Case("chmod 600 notes.md", mode=("work/notes.md",)),
    Case("chmod -x script.sh", mode=("work/script.sh",)),
    Case("sed -i s/alpha/omega/ a.txt", modified=("work/a.txt",)),
    Case("ls -la"),
    Case("cat a.txt b.txt | wc -l"),
    Case("find . -name '*.o' -delete", deleted=("work/build/out.o", "work/build/sub/deep.o")),
    Case(
        "find logs -name '*.log' -exec rm {} +", deleted=("work/logs/app.log", "work/logs/old.log")
    ),
    Case("rmdir empty", deleted=("work/empty",)),
    Case("truncate -s 0 logs/app.log", modified=("work/logs/app.log",)),
    Case(": > data.csv", modified=("work/data.csv",)),
    Case("python3 -c \"open('py.txt', 'w').write('x')\"", created=("work/py.txt",)),
    Case("python3 -c \"import os; os.remove('b.txt')\"", deleted=("work/b.txt",)),
    Case("echo 'alias ll=ls' >> ~/.bashrc", modified=("home/.bashrc",)),
    Case("rm -rf ~/docs", deleted=("home/docs",)),
    Case("touch ~/.config/app/new.ini", created=("home/.config/app/new.ini",)),
    Case("rm -rf ~/.config", deleted=("home/.config",)),
    Case("tar czf ../backup.tgz src", created=("backup.tgz",)),
    Case("tar cf archive.tar src", created=("work/archive.tar",)),
    Case("gzip notes.md", created=("work/notes.md.gz",), deleted=("work/notes.md",)),
    Case("ln -s a.txt link", created=("work/link",)),
    Case("ln b.txt hard", created=("work/hard",)),
    Case("curl -s --max-time 3 http://192.0.2.1/ || true", network=True),
    Case(
        "python3 -c \"import socket; socket.create_connection(('192.0.2.7', 80), 2)\" || true",
        network=True,
    ),
    Case("getent hosts example.com || true", network=True),
    Case(
        "wget -q -O page.html http://192.0.2.9/ || true", created=("work/page.html",), network=True
    ),
    Case("rm -rf ~", deleted=("home",)),
    Case(f"echo x > {TMP_MARKER}", created=(TMP_MARKER,)),
    Case("chmod -R go-rwx src", mode=("work/src", "work/src/main.py", "work/src/util.py")),
    Case(
        "for i in 1 2 3; do echo $i > f$i.txt; done",
        created=("work/f1.txt", "work/f2.txt", "work/f3.txt"),
    ),
    Case("sort -o data.csv data.csv", modified=("work/data.csv",)),
    Case("git init -q repo", created=("work/repo",)),
    Case("cp -r src src2", created=("work/src2",)),
    Case("dd if=/dev/zero of=zero.bin bs=1k count=4 status=none", created=("work/zero.bin",)),
    Case("touch a.txt"),
    Case("mv build ../build-old", created=("build-old",), deleted=("work/build",)),
    Case("install -m 700 -d private", created=("work/private",)),
    Case("rm -f ~/.ssh/config", deleted=("home/.ssh/config",)),
    Case("sh script.sh"),
    Case("echo hi | tee t1.txt t2.txt > /dev/null", created=("work/t1.txt", "work/t2.txt")),
    Case("setsid sleep 1000 > /dev/null 2>&1 & echo started"),
)


def make_tree(root: Path) -> None:
    for rel, (text, mode) in TREE.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
        path.chmod(mode)
    for rel in EMPTY_DIRS:
        (root / rel).mkdir(parents=True, exist_ok=True)


def checksums(root: Path) -> dict[str, tuple[str, int]]:
    """Every file, folder and link under `root`: content hash (or link target) and mode."""
    sums: dict[str, tuple[str, int]] = {}
    for folder, dirs, files in os.walk(root):
        for name in dirs + files:
            path = Path(folder) / name
            st = path.lstat()
            if path.is_symlink():
                digest = "link:" + os.readlink(path)
            elif path.is_file():
                digest = hashlib.sha256(path.read_bytes()).hexdigest()
            else:
                digest = "dir"
            sums[str(path.relative_to(root))] = (digest, st.st_mode)
    return sums


def _absolute(root: Path, rel: str) -> str:
    return rel if rel.startswith("/") else str(root / rel)


def _covered(path: str, expected: set[str]) -> bool:
    return any(path == e or path.startswith(e.rstrip("/") + "/") for e in expected)


@dataclass
class Score:
    """Effects expected and found (`hits`), expected and missed, reported but not expected."""

    hits: int = 0
    missed: list[str] = field(default_factory=list)
    invented: list[str] = field(default_factory=list)

    @property
    def expected(self) -> int:
        return self.hits + len(self.missed)


def score(case: Case, report: Report, root: Path) -> Score:
    result = Score()
    for op in ("created", "modified", "deleted", "mode"):
        expected = {_absolute(root, rel) for rel in getattr(case, op)}
        reported = [c.path for c in report.of(op)]
        for path in sorted(expected):
            if path in reported:
                result.hits += 1
            else:
                result.missed.append(f"{op} {path}")
        # A created folder covers what was made in it; other kinds must match one to one.
        for path in reported:
            fine = _covered(path, expected) if op == "created" else path in expected
            if not fine:
                result.invented.append(f"{op} {path}")
    for op in ("replaced", "owner"):
        result.invented += [f"{op} {c.path}" for c in report.of(op)]
    tried = any(r.kind == "inet" for r in report.reaches)
    if case.network and tried:
        result.hits += 1
    elif case.network:
        result.missed.append("network")
    elif tried:
        result.invented.append("network")
    return result
