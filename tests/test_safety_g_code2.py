"""Inline programs that only read, parse, compute or print are SAFE, the way cat or grep are;
the ones that write, delete, run programs, change permissions, talk to the network or read
secrets keep their level.

Written from the classes of calls, not from any corpus: each class is varied over languages,
spellings, paths and wrappers, with near misses on both sides.
"""

from __future__ import annotations

import pytest

from tui.core.safety import RiskLevel, assess

SAFE, MODERATE, HIGH, CRITICAL = (
    RiskLevel.SAFE,
    RiskLevel.MODERATE,
    RiskLevel.HIGH,
    RiskLevel.CRITICAL,
)


def level(command: str) -> RiskLevel:
    return assess(command, "").level


# -- Python: the read-only names of `os` and `shutil` ------------------------------------------
PY_READS_ONLY = [
    "python3 -c 'import os; print(os.getcwd())'",
    "python -c \"import os; print(os.path.expanduser('~/projects'))\"",
    "python3 -c 'import os.path; print(os.path.exists(\"setup.py\"))'",
    "python3 -c 'from os import path; print(path.getsize(\"data.csv\"))'",
    "python3 -c 'from os.path import expanduser as e; print(e(\"~\"))'",
    "python3 -c 'import shutil; print(shutil.disk_usage(\"/home\"))'",
    "python3 -c 'import shutil; print(shutil.which(\"git\"))'",
    "python3 -c 'import os; print(len(os.listdir(\"/var/log\")))'",
    "python3 -c 'import os; [print(e.name) for e in os.scandir(\".\")]'",
    "python3 -c 'import os; print(sum(len(f) for _, _, f in os.walk(\"/srv/data\")))'",
    "python3 -c 'import os; print(os.stat(\"notes.txt\").st_mtime)'",
    "python3 -c 'import os; print(os.cpu_count(), os.getpid(), os.uname().release)'",
    'python3 -c \'import os; print(os.getenv("EDITOR", "vi"))\'',
    'python3 -c \'import os; print(os.environ.get("PATH", "").split(os.pathsep))\'',
    "python3 -c \"import glob, os; print(sum(os.path.getsize(f) for f in glob.glob('*.log')))\"",
    "sudo python3 -c 'import os; print(os.access(\"/etc/hosts\", os.W_OK))'",
    "env LC_ALL=C python3 -c 'import os, json; print(json.dumps(os.listdir(\".\")))'",
]


@pytest.mark.parametrize("command", PY_READS_ONLY)
def test_python_that_only_reads_with_os_or_shutil_is_safe(command: str) -> None:
    assert level(command) is SAFE


PY_ACTS: list[tuple[str, RiskLevel]] = [
    ("python3 -c 'import os; os.remove(\"notes.txt\")'", MODERATE),
    ("python3 -c 'import os, glob; list(map(os.remove, glob.glob(\"*.log\")))'", MODERATE),
    ("python3 -c 'from os import remove; remove(\"a.txt\")'", MODERATE),
    ("python3 -c 'import os; f = os.unlink; f(\"a.txt\")'", MODERATE),
    ('python3 -c \'import os; getattr(os, "system")("id")\'', MODERATE),
    ("python3 -c 'import os; os.mkdir(\"build\")'", MODERATE),
    ("python3 -c 'import os; os.chdir(\"/\"); print(os.getcwd())'", MODERATE),
    ('python3 -c \'import os; os.environ["X"] = "1"; print(os.environ)\'', MODERATE),
    ("python3 -c 'import os; print(os.environ)'", MODERATE),
    ("python3 -c 'import os; print(os.getenv(\"AWS_SECRET_ACCESS_KEY\"))'", MODERATE),
    ("python3 -c 'import os; print(os.environ.get(\"GITHUB_TOKEN\"))'", MODERATE),
    ('python3 -c \'import shutil; shutil.copy("a", "b")\'', MODERATE),
    ("python3 -c 'import shutil; shutil.rmtree(\"/home/alice\")'", CRITICAL),
    ("python3 -c 'import os; os.system(\"rm -rf ~\")'", CRITICAL),
    ("python3 -c 'import os; [os.remove(f) for f in os.listdir(\"/etc\")]'", HIGH),
    ("python3 -c 'import os; print(open(os.path.expanduser(\"~/.ssh/id_rsa\")).read())'", MODERATE),
    ("python3 -c 'import subprocess; print(subprocess.check_output(\"id\"))'", MODERATE),
]


@pytest.mark.parametrize(("command", "floor"), PY_ACTS)
def test_python_that_acts_keeps_its_level(command: str, floor: RiskLevel) -> None:
    assert level(command) >= floor
