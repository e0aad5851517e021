"""Cluster and store administration tools: TiDB, Cassandra, Couchbase, ArangoDB, Neo4j, Riak,
memcached, Elasticsearch, Solr, ZooKeeper, HDFS, HBase, Ceph's object gateway, ClickHouse
backups, Dolt, JuiceFS, sqlite-utils, pgcopydb, Turso, and the MEGA and Google Drive clients.

Destroying a cluster, deleting or flushing a bucket, removing a node by force, deleting every
snapshot, or rewriting a search node's cluster state lose data (HIGH; a whole cluster, or a dump
loaded over a live database, CRITICAL: all written since the dump is lost). Status and listing
commands stay safe; other changes are moderate.
"""

from __future__ import annotations

import itertools
import re

from tui.core.safety.context import Context
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import CRITICAL, HIGH, MODERATE, Rule
from tui.core.safety.rules.databases import RESTORED_OVER, client_stdin, rate_sql
from tui.core.safety.words import split_words


def _words(command: Command) -> list[str]:
    return [a for a in command.argv if not a.startswith("-")]


def tiup(command: Command, ctx: Context) -> None:
    words = _words(command)
    verb = words[1] if words[:1] in (["cluster"], ["dm"]) and len(words) > 1 else ""
    if verb == "destroy":
        ctx.add(CRITICAL, "deletes a TiDB cluster and all its data (tiup cluster destroy)", command)
    elif verb == "clean" and {"--all", "--data"} & set(command.argv):
        ctx.add(
            HIGH, "deletes the data of every node of a TiDB cluster (tiup cluster clean)", command
        )
    elif verb == "scale-in" and "--force" in command.argv:
        reason = "removes a TiDB node by force, without moving its data off first"
        ctx.add(HIGH, f"{reason} (tiup cluster scale-in --force)", command)
    elif verb not in ("display", "list", "check", "audit", "edit-config", ""):
        ctx.add(MODERATE, f"manages a TiDB cluster (tiup {' '.join(words[:2])})", command)
    elif not verb and words[:1] not in (["list"], ["status"]):
        ctx.add(MODERATE, f"runs a TiDB component (tiup {' '.join(words[:1])})".strip(), command)


_NODETOOL_LOSSES = {
    "decommission": "streams the node's data away and takes it out of the Cassandra ring",
    "removenode": "removes a node from the Cassandra ring; its data may be lost",
    "assassinate": "throws a node out of the Cassandra ring by force, losing what only it had",
    "stopdaemon": "stops the Cassandra node",
}
_NODETOOL_READS = frozenset(
    split_words(
        "status info ring tablestats cfstats tpstats compactionstats describecluster "
        "listsnapshots netstats gossipinfo version describering proxyhistograms "
        "tablehistograms statusbinary statusgossip getcompactionthroughput"
    )
)


def nodetool(command: Command, ctx: Context) -> None:
    words = [w for w in _words(command) if not re.fullmatch(r"[\w.-]+:\d+", w)]
    verb = next((w for w in words if w in _NODETOOL_LOSSES or w in _NODETOOL_READS), "")
    verb = verb or next((w for w in words if w.isalpha()), "")
    if verb in _NODETOOL_LOSSES:
        ctx.add(HIGH, f"{_NODETOOL_LOSSES[verb]} (nodetool {verb})", command)
    elif verb == "clearsnapshot" and not {"-t", "--tag"} & set(command.argv):
        ctx.add(
            HIGH, "deletes every snapshot (backup) the node holds (nodetool clearsnapshot)", command
        )
    elif verb not in _NODETOOL_READS:
        ctx.add(MODERATE, f"manages a Cassandra node (nodetool {verb})".strip(), command)


def couchbase_cli(command: Command, ctx: Context) -> None:
    verb = _words(command)[:1]
    if verb == ["bucket-delete"]:
        ctx.add(CRITICAL, "deletes a Couchbase bucket and every document in it", command)
    elif verb == ["bucket-flush"]:
        ctx.add(HIGH, "deletes every document in a Couchbase bucket (bucket-flush)", command)
    elif verb and not verb[0].endswith(("-list", "-info")):
        ctx.add(MODERATE, f"manages a Couchbase cluster (couchbase-cli {verb[0]})", command)


_ARANGO_DROP_DB = re.compile(r"\b_dropDatabase\s*\(")
_ARANGO_DROP = re.compile(r"\b_(?:drop|truncate)\s*\(|\.(?:drop|truncate)\s*\(\s*\)")
_ARANGO_CODE = ("--javascript.execute-string", "--javascript.execute")


def arangosh(command: Command, ctx: Context) -> None:
    code = " ".join(b for a, b in itertools.pairwise(command.argv) if a in _ARANGO_CODE) + " ".join(
        a.split("=", 1)[1] for a in command.argv if a.startswith(_ARANGO_CODE) and "=" in a
    )
    if _ARANGO_DROP_DB.search(code):
        ctx.add(CRITICAL, "deletes a whole ArangoDB database (_dropDatabase)", command)
    elif _ARANGO_DROP.search(code):
        ctx.add(HIGH, "deletes or empties an ArangoDB collection", command)
    else:
        ctx.add(MODERATE, "runs code in an ArangoDB shell (arangosh)", command)


def arangorestore(command: Command, ctx: Context) -> None:
    argv = command.argv
    overwrite = any(
        (a == "--overwrite" and b == "true") or a == "--overwrite=true"
        for a, b in itertools.pairwise([*argv, ""])
    )
    if overwrite:
        ctx.add(CRITICAL, f"{RESTORED_OVER} (arangorestore --overwrite)", command)
    else:
        ctx.add(MODERATE, "restores an ArangoDB dump", command)


def neo4j_admin(command: Command, ctx: Context) -> None:
    words = _words(command)
    argv = command.argv
    loads = "load" in words[:2] or "restore" in words[:2]
    forced = "--force" in argv or any(
        a.startswith("--overwrite-destination") and not a.endswith("=false") for a in argv
    )
    if loads and forced:
        ctx.add(CRITICAL, f"{RESTORED_OVER} (neo4j-admin --force)", command)
    elif "unbind" in words[:2]:
        ctx.add(MODERATE, "removes a server's cluster state (neo4j-admin unbind)", command)
    elif not {"info", "check", "report", "version", "help"} & set(words[:2]):
        ctx.add(MODERATE, f"administers Neo4j (neo4j-admin {' '.join(words[:2])})", command)


def neo4j(command: Command, ctx: Context) -> None:
    if _words(command)[:1] not in (["status"], ["version"], ["help"]):
        ctx.add(MODERATE, f"starts or stops Neo4j ({' '.join(_words(command)[:1])})", command)


def riak_admin(command: Command, ctx: Context) -> None:
    words = _words(command)
    if {"force-remove", "force-replace"} & set(words[:2]):
        ctx.add(HIGH, "removes a Riak node by force: data only it held is lost", command)
    elif not words[:1] or (not words[0].endswith("-status") and words[:2] != ["cluster", "plan"]):
        ctx.add(MODERATE, f"administers Riak (riak-admin {' '.join(words[:2])})", command)


def memcflush(command: Command, ctx: Context) -> None:
    ctx.add(HIGH, "deletes every item cached on the memcached servers (memcflush)", command)


_ES_NODE_LOSSES = frozenset(
    split_words(
        "unsafe-bootstrap detach-cluster repurpose override-version remove-settings remove-customs"
    )
)


def elasticsearch_node(command: Command, ctx: Context) -> None:
    verb = _words(command)[:1]
    if verb and verb[0] in _ES_NODE_LOSSES:
        reason = "rewrites the node's cluster state by hand: indices and data may be lost"
        ctx.add(HIGH, f"{reason} (elasticsearch-node {verb[0]})", command)
    else:
        ctx.add(MODERATE, "repairs an Elasticsearch node's files (elasticsearch-node)", command)


def curator(command: Command, ctx: Context) -> None:
    verb = _words(command)[:1]
    if verb and verb[0].startswith("delete_"):
        ctx.add(
            HIGH, f"deletes the search indices or snapshots a filter picks ({verb[0]})", command
        )
    else:
        ctx.add(MODERATE, f"manages search indices ({command.name})", command)


def solr(command: Command, ctx: Context) -> None:
    verb = _words(command)[:1]
    if verb == ["delete"]:
        ctx.add(HIGH, "deletes a Solr collection or core and its index (solr delete)", command)
    elif verb not in (["status"], ["version"], ["healthcheck"], ["assert"]):
        ctx.add(MODERATE, f"manages Solr ({' '.join(verb)})".strip(), command)


def cbq(command: Command, ctx: Context) -> None:
    """Couchbase's query shell: N1QL given with `-s`/`--script`, rated as the SQL it is."""
    argv = command.argv
    code = next((b for a, b in itertools.pairwise(argv) if a in ("-s", "--script")), None)
    code = code or next((a.split("=", 1)[1] for a in argv if a.startswith("--script=")), None)
    if code is None:
        ctx.add(MODERATE, "opens a Couchbase query session (cbq)", command)
    else:
        rate_sql(code, command, ctx, "cbq")


def zookeeper(command: Command, ctx: Context) -> None:
    """`zkCli.sh -server HOST deleteall /kafka`: a znode and everything under it."""
    words = [w for w in _words(command) if not re.fullmatch(r"[\w.-]+:\d+", w)]
    verb = next((w for w in words if w in ("deleteall", "rmr", "delete", "rm")), "")
    path = words[words.index(verb) + 1] if verb and words.index(verb) + 1 < len(words) else ""
    if verb in ("deleteall", "rmr") and path.rstrip("/") == "":
        ctx.add(CRITICAL, "deletes every znode in ZooKeeper (deleteall /)", command)
    elif verb in ("deleteall", "rmr"):
        ctx.add(HIGH, f"deletes the znode {path} and everything under it (ZooKeeper)", command)
    elif verb:
        ctx.add(MODERATE, f"deletes the znode {path} (ZooKeeper)", command)
    elif not {"ls", "get", "stat", "ls2", "getAcl", "config", "whoami"} & set(words):
        ctx.add(MODERATE, "opens a ZooKeeper session", command)


# HDFS commands that write a file; with -f they replace what is already there.
_HDFS_WRITES = frozenset(("-put", "-copyFromLocal", "-cp", "-moveFromLocal"))


def hadoop(command: Command, ctx: Context) -> None:
    """`hdfs dfs -rm -r PATH`, `hdfs dfs -expunge -immediate`, `hdfs namenode -format`."""
    argv = command.argv
    words = _words(command)
    if "namenode" in words[:1] and "-format" in argv:
        ctx.add(
            HIGH, "erases HDFS's file system: every file in it is lost (namenode -format)", command
        )
    elif ("-rm" in argv and {"-r", "-R", "-rmr"} & set(argv)) or "-rmr" in argv:
        trash = " for good (-skipTrash)" if "-skipTrash" in argv else ""
        top = next((w for w in words if _top_level_tree(w)), None)
        if trash and top is not None:
            reason = f"deletes {top}, a top-level HDFS tree, for good: no trash to restore from"
            ctx.add(CRITICAL, f"{reason} (-skipTrash)", command)
        else:
            ctx.add(HIGH, f"deletes a folder and everything in it from HDFS{trash}", command)
    elif "-expunge" in argv and "-immediate" in argv:
        ctx.add(
            HIGH, "empties HDFS's trash at once: deleted files can no longer come back", command
        )
    elif _HDFS_WRITES & set(argv) and "-f" in argv:
        target = next((a for a in reversed(argv) if not a.startswith("-")), "a file")
        ctx.add(HIGH, f"replaces {target} in HDFS without asking (-f)", command)
    elif not {"-ls", "-du", "-cat", "-count", "-df", "-stat", "-report", "-text", "-tail"} & set(
        argv
    ):
        ctx.add(MODERATE, f"works with HDFS files ({command.name} {' '.join(words[:1])})", command)


def _top_level_tree(path: str) -> bool:
    """`/data`, `/user/analytics`, `/warehouse/*`, `.../hive/warehouse`: a tree near the root
    of a shared store, holding many people's or jobs' data, not one job's output."""
    path = re.sub(r"^(hdfs|s3a|abfss?|gs)://[^/]*", "", path)
    if not path.startswith("/"):
        return False
    parts = [p for p in path.split("/") if p and set(p) - set("*?")]
    return len(parts) <= 2 or parts[-1] == "warehouse"


_HBASE_LOSS = re.compile(r"^\s*(drop_all|drop|truncate|truncate_preserve|drop_namespace)\b", re.M)
_HBASE_READS = re.compile(r"^\s*(list|scan|get|count|describe|status|version|exists)\b")


def hbase(command: Command, ctx: Context) -> None:
    words = _words(command)
    text = client_stdin(command)
    if words[:1] != ["shell"]:
        ctx.add(MODERATE, f"runs an HBase tool ({' '.join(words[:1])})".strip(), command)
    elif text is not None and _HBASE_LOSS.search(text):
        ctx.add(HIGH, "drops or empties HBase tables (hbase shell)", command)
    elif text is None or not _HBASE_READS.match(text):
        ctx.add(MODERATE, "opens an HBase shell", command)


def radosgw_admin(command: Command, ctx: Context) -> None:
    words = _words(command)
    argv = command.argv
    if words[:2] == ["bucket", "rm"] and "--purge-objects" in argv:
        ctx.add(HIGH, "deletes a bucket and every object in it (radosgw-admin)", command)
    elif words[:2] == ["user", "rm"] and "--purge-data" in argv:
        ctx.add(HIGH, "deletes an object storage user and all their data (radosgw-admin)", command)
    elif words[1:2] not in (["list"], ["stats"], ["info"], ["check"]):
        ctx.add(
            MODERATE, f"manages Ceph object storage (radosgw-admin {' '.join(words[:2])})", command
        )


def clickhouse_backup(command: Command, ctx: Context) -> None:
    words = _words(command)
    argv = command.argv
    if words[:1] == ["delete"]:
        ctx.add(HIGH, "deletes a ClickHouse backup (clickhouse-backup delete)", command)
    elif words[:1] in (["restore"], ["restore_remote"]) and {"--rm", "--drop"} & set(argv):
        ctx.add(
            HIGH,
            "drops the existing tables before restoring them (clickhouse-backup --rm)",
            command,
        )
    elif words[:1] not in (["list"], ["tables"], ["print-config"]):
        ctx.add(MODERATE, f"backs up or restores ClickHouse ({' '.join(words[:1])})", command)


def dolt(command: Command, ctx: Context) -> None:
    argv = command.argv
    words = _words(command)
    query = next((b for a, b in itertools.pairwise(argv) if a in ("-q", "--query")), None)
    if words[:1] == ["sql"] and query is not None:
        rate_sql(query, command, ctx, "dolt sql")
    elif words[:1] == ["reset"] and "--hard" in argv:
        ctx.add(
            HIGH, "throws away the uncommitted changes to every table (dolt reset --hard)", command
        )
    elif words[:1] not in (["status"], ["log"], ["diff"], ["branch"], ["ls"], ["show"]):
        ctx.add(MODERATE, f"changes a Dolt database ({' '.join(words[:1])})", command)


def mega_rm(command: Command, ctx: Context) -> None:
    every = "-r" in command.argv
    what = "a folder and everything in it" if every else "files"
    ctx.add(HIGH if every else MODERATE, f"deletes {what} from MEGA cloud storage", command)


def juicefs(command: Command, ctx: Context) -> None:
    verb = _words(command)[:1]
    if verb == ["destroy"]:
        ctx.add(
            CRITICAL, "deletes a whole JuiceFS volume and all its data (juicefs destroy)", command
        )
    elif verb == ["rmr"]:
        ctx.add(HIGH, "deletes a folder and everything in it from JuiceFS (juicefs rmr)", command)
    elif verb not in (["status"], ["info"], ["stats"], ["summary"], ["fsck"], ["version"]):
        ctx.add(MODERATE, f"manages a JuiceFS volume ({' '.join(verb)})".strip(), command)


def sqlite_utils(command: Command, ctx: Context) -> None:
    words = _words(command)
    if words[:1] == ["drop-table"]:
        ctx.add(HIGH, "deletes a table and its rows (sqlite-utils drop-table)", command)
    elif words[:1] == ["query"] and len(words) >= 3:
        rate_sql(words[2], command, ctx, "sqlite-utils")
    elif words[:1] not in (["tables"], ["views"], ["rows"], ["schema"], ["indexes"], ["triggers"]):
        ctx.add(MODERATE, f"changes a SQLite database ({' '.join(words[:1])})", command)


def pgcopydb(command: Command, ctx: Context) -> None:
    if "--drop-if-exists" in command.argv:
        ctx.add(
            HIGH,
            "drops the target database's tables before copying (pgcopydb --drop-if-exists)",
            command,
        )
    else:
        ctx.add(MODERATE, "copies a PostgreSQL database to another server (pgcopydb)", command)


def turso(command: Command, ctx: Context) -> None:
    """Turso's hosted SQLite: `turso db shell NAME 'SQL'`, `turso db destroy NAME --yes`."""
    words = _words(command)
    if words[:2] == ["db", "shell"] and len(words) >= 4:
        rate_sql(words[3], command, ctx, "turso db shell")
    elif words[:2] == ["db", "destroy"] and {"--yes", "-y"} & set(command.argv):
        ctx.add(
            HIGH,
            "deletes a hosted database and its data without asking (turso db destroy)",
            command,
        )
    elif words[1:2] not in (["list"], ["show"], ["inspect"], ["locations"]):
        ctx.add(
            MODERATE, f"manages hosted databases (turso {' '.join(words[:2])})".strip(), command
        )


RULES: dict[str, Rule] = {
    **dict.fromkeys(split_words("zkCli.sh zkCli zookeeper-shell zookeeper-shell.sh"), zookeeper),
    **dict.fromkeys(split_words("hdfs hadoop"), hadoop),
    "hbase": hbase,
    "radosgw-admin": radosgw_admin,
    "clickhouse-backup": clickhouse_backup,
    "dolt": dolt,
    "mega-rm": mega_rm,
    "juicefs": juicefs,
    "sqlite-utils": sqlite_utils,
    "pgcopydb": pgcopydb,
    "turso": turso,
    "tiup": tiup,
    "nodetool": nodetool,
    "couchbase-cli": couchbase_cli,
    "cbq": cbq,
    "arangosh": arangosh,
    "arangorestore": arangorestore,
    "neo4j-admin": neo4j_admin,
    "neo4j": neo4j,
    "riak-admin": riak_admin,
    "memcflush": memcflush,
    "elasticsearch-node": elasticsearch_node,
    **dict.fromkeys(split_words("curator_cli curator"), curator),
    "solr": solr,
}
