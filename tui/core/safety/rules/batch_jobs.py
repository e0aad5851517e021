"""Batch schedulers, MPI launchers, device probes and snapshot or cache collectors.

Slurm and MPI hand a job to many machines at once: a job array of thousands, dozens of whole
nodes held with no time limit, or thousands of MPI ranks forced onto cores they do not have
take a shared cluster from everyone else (HIGH). Small counts stay MODERATE. The read-only
commands (`vcgencmd measure_temp`, `lfs df`) only report; Slurm's own reports and `scontrol` are
rated in cluster_jobs, `nvidia-smi` in gpu_tools. `memtester` locks the memory it tests,
`snapper delete` and `dvc gc --cloud` throw snapshots and stored data away for good.
"""

from __future__ import annotations

import re

from tui.core.safety.context import Context
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import HIGH, MODERATE, Rule
from tui.core.safety.words import split_words

_MANY_TASKS = 1000
_MANY_NODES = 16
_MANY_RANKS = 256
_MEMTESTER_BIG = 2 * 2**30
_UNITS = {"": 2**20, "B": 1, "K": 2**10, "M": 2**20, "G": 2**30, "T": 2**40}


def _option(argv: list[str], names: tuple[str, ...]) -> str | None:
    """The value of `--name=V`, `--name V` or `-nV`, for any of the names."""
    for index, arg in enumerate(argv):
        for name in names:
            if arg == name and index + 1 < len(argv):
                return argv[index + 1]
            if arg.startswith(name + "=") or (len(name) == 2 and arg.startswith(name)):
                return arg[len(name) :].lstrip("=")
    return None


def _count(value: str | None) -> int:
    """`64`, `0-9999`, `1-50000%10`, `4-64` -> the largest number said."""
    if not value:
        return 0
    numbers = [int(n) for n in re.findall(r"\d+", value.split("%")[0])]
    return max(numbers, default=0)


def slurm_job(command: Command, ctx: Context) -> None:
    argv = command.argv
    tasks = _count(_option(argv, ("--array", "-a")))
    nodes = _count(_option(argv, ("--nodes", "-N")))
    forever = (_option(argv, ("--time", "-t")) or "").upper() in ("UNLIMITED", "INFINITE")
    if tasks >= _MANY_TASKS:
        ctx.add(HIGH, f"queues {tasks} jobs at once on the shared cluster", command)
    elif nodes >= _MANY_NODES or (nodes > 1 and forever and "--exclusive" in argv):
        ctx.add(HIGH, f"holds {nodes} whole cluster nodes from everyone else", command)
    ctx.add(MODERATE, f"submits a job to the cluster ({command.name})", command)


def mpi_launch(command: Command, ctx: Context) -> None:
    argv = command.argv
    ranks = _count(_option(argv, ("-np", "-n", "--np", "--n")))
    if ranks >= _MANY_RANKS or ("--oversubscribe" in argv and ranks >= 2 * _MANY_NODES):
        ctx.add(HIGH, f"starts {ranks} processes at once: the machines run out of cores", command)
    ctx.add(MODERATE, f"starts a parallel program ({command.name})", command)


def vcgencmd(command: Command, ctx: Context) -> None:
    verb = command.argv[0] if command.argv else ""
    if verb.startswith(("measure_", "get_", "version", "commands", "otp_dump", "codec_")):
        return
    ctx.add(MODERATE, "changes firmware settings (vcgencmd)", command)


def lfs(command: Command, ctx: Context) -> None:
    verb = command.argv[0] if command.argv else ""
    if verb in ("df", "quota", "find", "getstripe", "ls", "path2fid", "fid2path", "check"):
        return
    ctx.add(MODERATE, f"changes the Lustre file system (lfs {verb})", command)


def _size(text: str) -> int:
    match = re.fullmatch(r"(\d+)([BKMGT]?)", text.upper())
    return int(match.group(1)) * _UNITS[match.group(2)] if match else 0


def memtester(command: Command, ctx: Context) -> None:
    sizes = [_size(arg) for arg in command.argv if not arg.startswith("-")]
    if sizes and sizes[0] >= _MEMTESTER_BIG:
        ctx.add(HIGH, "locks gigabytes of memory while it tests: the machine may stall", command)
    else:
        ctx.add(MODERATE, "tests and locks memory (memtester)", command)


def snapper(command: Command, ctx: Context) -> None:
    argv = [arg for arg in command.argv if not arg.startswith("-")]
    verbs = [
        arg for arg in argv if arg in split_words("delete remove rm cleanup rollback undochange")
    ]
    if verbs:
        ctx.add(HIGH, f"deletes or rolls back file system snapshots (snapper {verbs[0]})", command)
    elif not any(arg in split_words("list ls status diff get-config list-configs") for arg in argv):
        ctx.add(MODERATE, "manages file system snapshots (snapper)", command)


def dvc(command: Command, ctx: Context) -> None:
    argv = command.argv
    verb = argv[0] if argv else ""
    if verb in split_words("status diff list ls params metrics plots dag doctor version"):
        return
    cloud = any(a in ("-c", "--cloud") or re.fullmatch(r"-[a-z]*c[a-z]*", a) for a in argv[1:])
    if verb == "gc" and cloud:
        ctx.add(HIGH, "deletes stored data versions from the remote too (dvc gc --cloud)", command)
        return
    ctx.add(MODERATE, f"changes the data project (dvc {verb})", command)


RULES: dict[str, Rule] = {
    **dict.fromkeys(split_words("sbatch srun salloc"), slurm_job),
    **dict.fromkeys(split_words("mpirun mpiexec orterun"), mpi_launch),
    "vcgencmd": vcgencmd,
    "lfs": lfs,
    "memtester": memtester,
    "snapper": snapper,
    "dvc": dvc,
}
