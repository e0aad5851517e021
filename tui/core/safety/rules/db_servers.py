"""Database servers' own administration tools: PostgreSQL, MySQL and MariaDB, Oracle, Db2.

Stopping a server without a clean shutdown, rewinding or restoring over a live data folder,
deleting a server's backups (pgBackRest, Barman, WAL-G, RMAN), loading a dump that drops the
tables it refills, or an online schema change that drops a column lose data or take the
service down (HIGH; every backup at once, CRITICAL). Status, listing, checking and dry-run
forms, and the analysers of a server or its logs (mysqltuner, pt-query-digest, pgbadger), stay
safe or moderate.
"""

from __future__ import annotations

import itertools
import re

from tui.core.safety.context import Context
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import CRITICAL, HIGH, MODERATE, Rule
from tui.core.safety.rules.databases import client_stdin, rate_sql
from tui.core.safety.words import split_words


def _words(command: Command) -> list[str]:
    return [a for a in command.argv if not a.startswith("-")]


def _said(command: Command, *names: str) -> bool:
    """Whether any of `names` was given, alone or as `--name=value`."""
    return any(a in names or a.split("=", 1)[0] in names for a in command.argv)


def pg_ctl(command: Command, ctx: Context) -> None:
    words = _words(command)
    mode = next((b for a, b in itertools.pairwise(command.argv) if a == "-m"), "")
    mode = mode or next((a.split("=", 1)[1] for a in command.argv if a.startswith("--mode=")), "")
    if {"stop", "restart"} & set(words) and mode in ("i", "immediate"):
        reason = "stops PostgreSQL at once, with no clean shutdown: it must recover on start"
        ctx.add(HIGH, f"{reason} ({command.name} -m immediate)", command)
    elif "--force" in command.argv and "stop" in words:
        ctx.add(HIGH, f"stops PostgreSQL by force ({command.name} stop --force)", command)
    elif not {"status"} & set(words):
        ctx.add(MODERATE, f"starts, stops or reloads PostgreSQL ({command.name})", command)


def pg_rewind(command: Command, ctx: Context) -> None:
    if _said(command, "-n", "--dry-run"):
        ctx.add(MODERATE, "shows what pg_rewind would change (--dry-run)", command)
        return
    reason = "overwrites a PostgreSQL data folder with the source server's files (pg_rewind)"
    ctx.add(HIGH, reason, command)


_QUIET = frozenset(split_words("info check version help list-backup list-server list-servers"))


def pgbackrest(command: Command, ctx: Context) -> None:
    words = _words(command)
    verb = words[-1] if words else ""
    if "stanza-delete" in words:
        reason = "deletes every backup and archived log of the stanza (pgbackrest stanza-delete)"
        ctx.add(HIGH, reason, command)
    elif "restore" in words and _said(command, "--delta", "--force"):
        reason = "restores a backup over the live data folder (pgbackrest restore --delta)"
        ctx.add(HIGH, reason, command)
    elif verb not in _QUIET:
        ctx.add(MODERATE, f"backs up or changes PostgreSQL backups (pgbackrest {verb})", command)


def barman(command: Command, ctx: Context) -> None:
    words = _words(command)
    verb = words[0] if words else ""
    if verb == "delete":
        ctx.add(HIGH, "deletes a PostgreSQL backup for good (barman delete)", command)
    elif not (verb in _QUIET or verb.startswith(("list-", "show-", "status", "check"))):
        ctx.add(MODERATE, f"backs up or changes PostgreSQL backups (barman {verb})", command)


def wal_g(command: Command, ctx: Context) -> None:
    words = _words(command)
    if words[:1] == ["delete"] and "--confirm" in command.argv:
        if "everything" in words:
            reason = "deletes every backup and archived WAL file (wal-g delete everything)"
            ctx.add(CRITICAL, reason, command)
        else:
            ctx.add(HIGH, f"deletes PostgreSQL backups ({' '.join(words[:3])})", command)
    elif words[:1] and not words[0].endswith(("-list", "-show")) and words[0] != "wal-verify":
        ctx.add(MODERATE, f"backs up or changes PostgreSQL backups (wal-g {words[0]})", command)


_PATRONI = {
    "remove": (HIGH, "erases the cluster's state from its store: Patroni forgets the cluster"),
    "reinit": (HIGH, "wipes a member's data folder and copies it again from the leader"),
}
_PATRONI_READS = frozenset(split_words("list topology history show-config dsn version query"))


def patronictl(command: Command, ctx: Context) -> None:
    words = [w for w in _words(command) if not w.endswith((".yml", ".yaml"))]
    verb = words[0] if words else ""
    if verb in _PATRONI:
        level, reason = _PATRONI[verb]
        ctx.add(level, f"{reason} (patronictl {verb})", command)
    elif verb not in _PATRONI_READS:
        ctx.add(MODERATE, f"manages a PostgreSQL cluster (patronictl {verb})".strip(), command)


def repmgr(command: Command, ctx: Context) -> None:
    words = _words(command)
    if "clone" in words and "--force" in command.argv and "--dry-run" not in command.argv:
        reason = "overwrites the data folder with a copy of the primary (repmgr standby clone)"
        ctx.add(HIGH, f"{reason} --force", command)
    elif not {"show", "status", "check", "events"} & set(words):
        ctx.add(MODERATE, f"manages PostgreSQL replication (repmgr {' '.join(words[:2])})", command)


def vacuumdb(command: Command, ctx: Context) -> None:
    full = _said(command, "--full") or any(
        re.fullmatch(r"-[a-zA-Z]*f[a-zA-Z]*", a) for a in command.argv
    )
    every = _said(command, "--all") or any(
        re.fullmatch(r"-[a-zA-Z]*a[a-zA-Z]*", a) for a in command.argv
    )
    if full and every:
        reason = "rewrites every table of every database under a lock that stops all use"
        ctx.add(HIGH, f"{reason} (vacuumdb --all --full)", command)
    else:
        ctx.add(MODERATE, "vacuums or analyses database tables (vacuumdb)", command)


def mysqlimport(command: Command, ctx: Context) -> None:
    if _said(command, "--delete") or any(
        re.fullmatch(r"-[a-zA-Z]*d[a-zA-Z]*", a) for a in command.argv
    ):
        ctx.add(
            HIGH,
            "empties each table before loading the file into it (mysqlimport --delete)",
            command,
        )
    else:
        ctx.add(MODERATE, "loads rows from files into tables (mysqlimport)", command)


def myloader(command: Command, ctx: Context) -> None:
    if _said(command, "--overwrite-tables", "-o"):
        ctx.add(HIGH, "drops each table before loading the dump into it (myloader -o)", command)
    else:
        ctx.add(MODERATE, "loads a dump into a database (myloader)", command)


def pt_tool(command: Command, ctx: Context) -> None:
    """Percona Toolkit's archiver and query killer."""
    dry = _said(command, "--dry-run", "--print") and not _said(command, "--kill", "--purge")
    if command.name == "pt-archiver" and _said(command, "--purge") and not dry:
        ctx.add(HIGH, "deletes the rows it picks, keeping no copy (pt-archiver --purge)", command)
    elif command.name == "pt-kill" and _said(command, "--kill", "--kill-query"):
        every = _said(command, "--match-all") or "all" in command.argv
        level = HIGH if every else MODERATE
        ctx.add(level, "kills database queries or connections (pt-kill --kill)", command)
    else:
        ctx.add(MODERATE, f"changes a MySQL database ({command.name})", command)


_DROPS = re.compile(r"\bdrop\b", re.IGNORECASE)


def schema_change(command: Command, ctx: Context) -> None:
    """`pt-online-schema-change --alter 'DROP COLUMN x' --execute`, `gh-ost ... --execute`."""
    alter = " ".join(b for a, b in itertools.pairwise(command.argv) if a == "--alter") + " ".join(
        a.split("=", 1)[1] for a in command.argv if a.startswith("--alter=")
    )
    if "--execute" in command.argv and _DROPS.search(alter):
        reason = "drops a column or key of a live table, and its data with it"
        ctx.add(HIGH, f"{reason} ({command.name} --execute)", command)
    else:
        ctx.add(MODERATE, f"changes a table's structure online ({command.name})", command)


def hot_backup(command: Command, ctx: Context) -> None:
    """`mariabackup --copy-back --force-non-empty-directories`: a backup copied over live data."""
    back = _said(command, "--copy-back", "--move-back")
    if back and _said(command, "--force-non-empty-directories"):
        reason = "copies a backup over the server's live data folder"
        ctx.add(HIGH, f"{reason} ({command.name} --copy-back)", command)
    else:
        ctx.add(MODERATE, f"backs up or restores a MySQL server ({command.name})", command)


# RMAN commands read on its input: which lose backups, which only report.
_RMAN_DROP = re.compile(r"\bdrop\s+database\b", re.IGNORECASE)
_RMAN_DELETE = re.compile(
    r"\bdelete\s+(?:noprompt\s+)?(?:force\s+)?(?!(?:noprompt\s+)?(?:obsolete|expired)\b)\w+",
    re.IGNORECASE,
)
_RMAN_READS = re.compile(r"^\s*(list|report|show|crosscheck|validate)\b", re.IGNORECASE)


def rman(command: Command, ctx: Context) -> None:
    text = client_stdin(command) or ""
    if _RMAN_DROP.search(text):
        ctx.add(
            CRITICAL, "deletes the Oracle database and its backups (RMAN DROP DATABASE)", command
        )
    elif _RMAN_DELETE.search(text):
        ctx.add(HIGH, "deletes Oracle backups or archived logs (RMAN DELETE)", command)
    elif not text or not _RMAN_READS.match(text):
        ctx.add(MODERATE, "backs up, restores or changes an Oracle database (rman)", command)


_REPLACES = re.compile(r"table_exists_action=(replace|truncate)\b", re.IGNORECASE)


def data_pump(command: Command, ctx: Context) -> None:
    """Oracle Data Pump: `impdp ... table_exists_action=replace` drops the tables it loads."""
    if command.name == "impdp" and any(_REPLACES.search(a) for a in command.argv):
        reason = (
            "replaces or empties the existing tables with the dump's (impdp table_exists_action)"
        )
        ctx.add(HIGH, reason, command)
    else:
        ctx.add(MODERATE, f"exports or imports an Oracle schema ({command.name})", command)


def db2(command: Command, ctx: Context) -> None:
    """Db2's command line: SQL in one quoted word, or its own verbs (`drop db`, `force
    application all`)."""
    words = _words(command)
    said = " ".join(words).lower()
    if re.match(r"drop\s+(db|database)\b", said):
        ctx.add(CRITICAL, "deletes a whole Db2 database (db2 drop database)", command)
    elif said.startswith("force application"):
        ctx.add(
            HIGH, "disconnects every application from the Db2 server (force application)", command
        )
    elif words:
        rate_sql(" ".join(words), command, ctx, "db2")
    else:
        ctx.add(MODERATE, "opens a Db2 session", command)


def db2stop(command: Command, ctx: Context) -> None:
    forced = "force" in (a.lower() for a in command.argv)
    level = HIGH if forced else MODERATE
    ctx.add(
        level, "stops the Db2 server" + (", cutting every connection" if forced else ""), command
    )


def bcp(command: Command, ctx: Context) -> None:
    """SQL Server's bulk copy: `bcp TABLE|QUERY out|queryout FILE` or `bcp TABLE in FILE`."""
    words = [w for w in command.args if not w.value.startswith("-")]
    direction = words[1].value.lower() if len(words) > 2 else ""
    target = words[2].raw.strip("'\"") if len(words) > 2 else ""
    if direction in ("out", "queryout") and target.startswith(("\\\\", "//")):
        reason = f"writes a table's rows to {target}, a share on another machine (bcp)"
        ctx.add(HIGH, reason, command)
    elif direction == "in":
        ctx.add(MODERATE, "loads rows from a file into a table (bcp in)", command)
    else:
        ctx.add(MODERATE, "copies a table's rows to a file (bcp)", command)


def quiet(command: Command, ctx: Context) -> None:
    """Tools that only read a server's files or report its state."""


# mysqlcheck's options that change the tables rather than check them.
_TABLE_FIXES = frozenset(
    split_words("-r --repair -o --optimize -a --analyze --auto-repair --use-frm --fix-db-names")
)
# The analysers' options that write what they found into a database or a file.
_ANALYSIS_WRITES = frozenset(split_words("--review --history -o --outfile --output-dir"))


def analyser(command: Command, ctx: Context) -> None:
    """Reports on a server or its logs (mysqltuner, pt-query-digest, pgbadger, mysqlcheck
    --check): they read; repairing tables or writing the findings somewhere is a change."""
    if command.name in ("mysqlcheck", "mariadb-check") and _said(command, *_TABLE_FIXES):
        ctx.add(MODERATE, f"repairs or optimizes tables ({command.name})", command)
    elif _said(command, *_ANALYSIS_WRITES):
        ctx.add(MODERATE, f"writes what it found to a file or database ({command.name})", command)


RULES: dict[str, Rule] = {
    **dict.fromkeys(split_words("pg_ctl pg_ctlcluster"), pg_ctl),
    "pg_rewind": pg_rewind,
    "pgbackrest": pgbackrest,
    "barman": barman,
    "wal-g": wal_g,
    "patronictl": patronictl,
    "repmgr": repmgr,
    "vacuumdb": vacuumdb,
    "mysqlimport": mysqlimport,
    "myloader": myloader,
    **dict.fromkeys(split_words("pt-archiver pt-kill"), pt_tool),
    **dict.fromkeys(split_words("pt-online-schema-change gh-ost"), schema_change),
    **dict.fromkeys(split_words("mariabackup xtrabackup"), hot_backup),
    "rman": rman,
    **dict.fromkeys(split_words("impdp expdp"), data_pump),
    "db2": db2,
    "db2stop": db2stop,
    "bcp": bcp,
    **dict.fromkeys(split_words("pg_controldata pg_waldump pg_lsclusters"), quiet),
    **dict.fromkeys(
        split_words(
            "mysqltuner mysqltuner.pl pt-query-digest pt-summary pt-mysql-summary "
            "pt-variable-advisor pt-duplicate-key-checker mysqldumpslow pgbadger mysqlcheck "
            "mariadb-check"
        ),
        analyser,
    ),
}
