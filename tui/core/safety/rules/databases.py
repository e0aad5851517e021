"""Database clients: the SQL (or Redis, Mongo) a command sends, rated by what it destroys.

`DROP DATABASE`, `dropdb`, `FLUSHALL` and `dropDatabase()` lose a whole database (CRITICAL);
`DROP TABLE`, `TRUNCATE`, and `DELETE`/`UPDATE` without `WHERE` lose a table's rows (HIGH).
Queries that only read (`SELECT`, `SHOW`, `\\dt`) are safe; an interactive session is moderate.
"""

from __future__ import annotations

import itertools
import operator
import re

from tui.core.safety import paths
from tui.core.safety.context import Context
from tui.core.safety.lazy import lazy_pattern
from tui.core.safety.parse import Command, build_command, parse
from tui.core.safety.rules.code import literal_text
from tui.core.safety.rules.common import CRITICAL, HIGH, MODERATE, Rule, options
from tui.core.safety.rules.embedded import runs_quietly
from tui.core.safety.rules.planted import WEB_ROOTS, is_server_page
from tui.core.safety.targets import classify_write
from tui.core.safety.words import literal, split_words

_CODE_FLAGS = {
    "mysql": ("-e", "--execute"),
    "mariadb": ("-e", "--execute"),
    "psql": ("-c", "--command"),
    "clickhouse-client": ("-q", "--query"),
    "cqlsh": ("-e", "--execute"),
    "mongo": ("--eval",),
    "mongosh": ("--eval",),
    "cockroach": ("-e", "--execute"),
    "duckdb": ("-c",),
    "influx": ("-execute", "--execute", "-e"),
    **dict.fromkeys(split_words("sqlcmd osql"), ("-Q", "-q")),
    "mssql-cli": ("-Q", "--query"),
    "snowsql": ("-q", "--query"),
    "usql": ("-c", "--command"),
    "trino": ("--execute",),
    "presto": ("--execute",),
    "clickhouse": ("-q", "--query"),
    **dict.fromkeys(split_words("litecli mycli"), ("-e", "--execute")),
    "mysqlsh": ("-e", "--execute"),
}
_READ_SQL = lazy_pattern(
    r"^\s*(select|show|describe|desc|explain|with\s+\w+\s+as\s*\(\s*select|\\d|\\l|\\c|\\dt|"
    r"\\du|\\x|\\conninfo|pragma|values|\.tables|\.schema|\.dump|\.mode|\.headers|"
    r"db\.\w+\.(find|count|aggregate|stats|distinct|getIndexes|estimatedDocumentCount)|"
    r"db\.(stats|getCollectionNames|getCollectionInfos|getName|version|serverStatus|hostInfo)\b|"
    r"db\.adminCommand\(\s*\{\s*['\"]?(listDatabases|serverStatus|ping|buildInfo)\b|"
    r"show\s+(dbs|databases|collections|tables)|use\s)",
    re.IGNORECASE,
)
_DESTROY_DB = lazy_pattern(
    r"\bdrop\s+(database|schema|keyspace|owned|tablespace)\b|\bdropDatabase\b|\bflushall\b",
    re.IGNORECASE,
)
_DESTROY_TABLE = lazy_pattern(
    r"\bdrop\s+(table|collection|user|role|measurement|series|materialized\s+view)\b|"
    r"\btruncate\b|\.drop\s*\(|"
    r"\bflushdb\b|\balter\s+table\s+\S+\s+drop\b|deleteMany\s*\(\s*\{\s*\}\s*\)|"
    r"\.remove\s*\(\s*\{\s*\}\s*\)|"
    r"runCommand\s*\(\s*\{\s*['\"]?drop['\"]?\s*:|"  # `db.runCommand({drop: "orders"})`
    r"deleteMany['\"]?\s*:\s*\{\s*['\"]?filter['\"]?\s*:\s*\{\s*\}",  # in a bulkWrite
    re.IGNORECASE,
)
_EXPLAIN_ANALYZE = lazy_pattern(
    r"\bexplain\s+(?:analy[sz]e\b(?:\s+verbose\b)?|\((?=[^)]*\banaly[sz]e\b)[^)]*\))", re.I
)
# `BEGIN; DELETE ...; ROLLBACK;`: row changes only (DDL commits by itself in MySQL), undone.
_ROLLED_BACK = lazy_pattern(
    r"(?:begin|start\s+transaction)\s*;(?:\s*(?:delete|update|insert|select)\b[^;]*;)+"
    r"\s*rollback\s*;?",
    re.IGNORECASE,
)
# A function called by a SELECT: what it does outside the tables is not rolled back.
_SELECT_CALL = lazy_pattern(r"\bselect\b[^;]*\(", re.IGNORECASE)
# An aggregation that writes its result over a collection: `{$out: "orders"}`.
_MONGO_OUT = lazy_pattern(r"\$out['\"]?\s*:\s*(?:['\"]|\{)")
# `EXECUTE 'DROP TABLE ' || name`, `EXECUTE format('TRUNCATE %I', t)`: SQL built and run.
_DYNAMIC_DROP = lazy_pattern(
    r"\bexecute\s+(?:format\s*\(\s*)?'\s*(drop|truncate|delete\s+from)\b", re.IGNORECASE
)
# A statement inside a WITH: `WITH d AS (DELETE FROM users RETURNING *) SELECT ...`.
_INNER_CHANGE = lazy_pattern(r"\bas\s*\(\s*((?:delete\s+from|update)\b[^()]*)\)", re.IGNORECASE)
# What is made from the rows and can be made again: an index, a plain view.
_DROP_DERIVED = lazy_pattern(
    r"^\s*drop\s+(index|view)\b(?:\s+concurrently)?(?:\s+if\s+exists)?\s+[\w.\"`]+\s*$",
    re.IGNORECASE,
)
_DROP_CASCADE = lazy_pattern(r"\bdrop\s+\w+(?:\s+\w+)?\b[^;]*\bcascade\b", re.IGNORECASE)
_UNBOUNDED = lazy_pattern(r"^\s*(delete\s+from|update)\b(?!.*\bwhere\b)", re.IGNORECASE | re.DOTALL)
# A row change and its condition: `DELETE FROM t WHERE c`, `UPDATE t SET ... WHERE c`, and
# ClickHouse's `ALTER TABLE t DELETE WHERE c` / `ALTER TABLE t UPDATE ... WHERE c`.
_CONDITIONED = lazy_pattern(
    r"^\s*(?:delete\s+from|update|alter\s+table\s+\S+\s+(?:delete|update))\b.*?\bwhere\b"
    r"(?P<condition>.*?)\s*(?:\blimit\b|\breturning\b|\border\s+by\b|--|$)",
    re.IGNORECASE | re.DOTALL,
)
# Mongo changes whose filter every document meets: `{}`, `{_id: {$exists: true}}`,
# `{_id: {$ne: null}}`.
_MONGO_EVERY_DOCUMENT = lazy_pattern(
    r"\.(?:update|updateMany|deleteMany|remove)\s*\(\s*\{\s*(?:['\"]?_id['\"]?\s*:\s*\{\s*"
    r"['\"]?\$(?:exists['\"]?\s*:\s*(?:true|1)|ne['\"]?\s*:\s*null)\s*\}\s*)?\}|"
    # `{email: {$regex: ".*"}}`, `{name: /.*/}`: a pattern every string matches
    r"\.(?:updateMany|deleteMany|remove)\s*\(\s*\{\s*['\"]?\w+['\"]?\s*:\s*(?:\{\s*['\"]?\$regex"
    r"['\"]?\s*:\s*['\"/]\^?\.\*\$?['\"/]\s*\}|/\^?\.\*\$?/)\s*\}"
)
_OR = lazy_pattern(r"\bor\b", re.IGNORECASE)
_AND = lazy_pattern(r"\band\b", re.IGNORECASE)
_CAST = lazy_pattern(r"::\w+")  # `id > 0::int`
# Conditions every row meets: `true`, `1`, `not false`, `id = id`, `name LIKE '%'`, and a key
# column (`id`, `rowid`, `user_id`) compared with zero or said to be present.
_ALWAYS_TRUE = lazy_pattern(
    r"(?:not\s+false|true|1|(?P<same>\w+)\s*(?:=|>=|<=)\s*(?P=same)|\w+\s+like\s+'%+'|"
    r"(?:\w+_)?(?:id|rowid|oid)\s*(?:(?:>|>=|<>|!=)\s*0|>=\s*1|\s+is\s+not\s+null))",
    re.IGNORECASE,
)
_CONSTANTS = lazy_pattern(r"(?P<left>\d+|'\w*')\s*(?P<op><>|!=|>=|<=|=|<|>)\s*(?P<right>\d+|'\w*')")
_COMPARE = {
    "=": operator.eq,
    "<>": operator.ne,
    "!=": operator.ne,
    ">": operator.gt,
    "<": operator.lt,
    ">=": operator.ge,
    "<=": operator.le,
}


def changes_every_row(statement: str) -> bool:
    """`DELETE FROM t`, `UPDATE t SET ... WHERE 1=1`, `... WHERE id > 0 OR x`: a row change
    whose condition, if any, every row meets (an alternative of an OR whose every AND-ed part
    is always true)."""
    if _UNBOUNDED.match(statement):
        return True
    if any(changes_every_row(inner) for inner in _INNER_CHANGE.findall(statement)):
        return True
    found = _CONDITIONED.match(statement)
    if found is None:
        return False
    condition = _CAST.sub("", found.group("condition"))
    return any(
        all(_always_true(part) for part in _AND.split(alternative))
        for alternative in _OR.split(condition)
    )


def _always_true(condition: str) -> bool:
    """`1=1`, `(true)`, `2 > 1`, `id > 0`: one comparison that holds for every row."""
    condition = condition.strip().strip("()").strip()
    if _ALWAYS_TRUE.fullmatch(condition):
        return True
    constants = _CONSTANTS.fullmatch(condition)
    if constants is None:
        return False
    left, right = (_constant(constants.group(side)) for side in ("left", "right"))
    if type(left) is not type(right):
        return False
    return bool(_COMPARE[constants.group("op")](left, right))


def _constant(text: str) -> int | str:
    return int(text) if text.isdigit() else text.strip("'")


# `REVOKE ALL ... FROM 'root'@'localhost'`, `ALTER USER postgres NOSUPERUSER`: the
# administrator locked out of the server.
_ROOT_LOCKED_OUT = lazy_pattern(
    r"\brevoke\s+all\b[^;]*\bfrom\s+['\"`]?(root|postgres|admin)['\"`]?(@|\s*;|\s*$)|"
    r"\balter\s+(user|role)\s+['\"]?postgres['\"]?\s+(with\s+)?nosuperuser\b",
    re.IGNORECASE,
)
_PRIVILEGE = lazy_pattern(
    r"\bgrant\s+(?:all\b|[^;]*?\b(?:super|file|process|shutdown|create\s+user)\b[^;]*?"
    r"\bon\s+\*\.\*)|\b(create|alter)\s+(user|role)\b[^;]*?(?<!no)superuser\b",
    re.IGNORECASE,
)
# `ALTER USER x PASSWORD`, MySQL's `ALTER USER x IDENTIFIED BY` and `SET PASSWORD FOR x`.
_PASSWORD_SET = lazy_pattern(
    r"\balter\s+(user|role)\s+\S+\s+(with\s+)?((encrypted\s+)?password|identified)\b|"
    r"\bset\s+password\s+for\b",
    re.IGNORECASE,
)
# A quoted SQL string: what it says is data, not a statement (`SELECT 'DROP TABLE x'`); one
# word (`'x'`, `'%'`) cannot hide a statement and is kept, for conditions that compare it.
_STRING = lazy_pattern(r"'(?:[^'\n]|'')*'")
_ONE_WORD = lazy_pattern(r"'[\w%]*'")


def _masked(literal: re.Match[str]) -> str:
    return literal.group(0) if _ONE_WORD.fullmatch(literal.group(0)) else "'s'"


# `IDENTIFIED BY ''`, `PASSWORD ''`, `IDENTIFIED WITH mysql_native_password BY ""`.
_EMPTY_PASSWORD = lazy_pattern(
    r"\b(identified\s+(with\s+\S+\s+)?by|password|authentication_string)\s*(=\s*)?(''|\"\")(?!')",
    re.IGNORECASE,
)
_SERVER_SHELL = lazy_pattern(r"\bxp_cmdshell\b", re.I)  # SQL Server's shell, from SQL
# `ALTER SYSTEM SET listen_addresses = '*'`, `SET GLOBAL bind_address = '0.0.0.0'`.
_LISTENS_EVERYWHERE = lazy_pattern(
    r"\b(listen_addresses|bind_address|bind-address)\s*(=|to)\s*'(\*|0\.0\.0\.0|::)'", re.I
)
# Mongo users made with every right, or removed.
# An account open to any host (`'x'@'%'`) or a superuser given a typed password.
_OPEN_LOGIN = lazy_pattern(
    r"@\s*['\"`]?%|\bsuperuser\b[^;]*\bpassword\b|\bpassword\b[^;]*\bsuperuser\b",
    re.IGNORECASE,
)
_MONGO_ADMIN = lazy_pattern(
    r"\b(createUser|grantRolesToUser)\s*\(.{0,300}?\b(root|userAdminAnyDatabase|"
    r"dbAdminAnyDatabase|readWriteAnyDatabase|clusterAdmin|dbOwner)\b",
    re.DOTALL,
)
_MONGO_DROP_USER = lazy_pattern(r"\b(dropUser|dropAllUsers|removeUser)\s*\(")


def rate_sql(text: str, command: Command, ctx: Context, client: str) -> None:
    """Rates database code sent by `client` (SQL, Redis or Mongo commands)."""
    text = re.sub(r"/\*.*?\*/", " ", text, flags=re.DOTALL)  # `DROP/**/DATABASE`
    text = _EXPLAIN_ANALYZE.sub("", text)  # EXPLAIN ANALYZE runs the statement it explains
    if _ROLLED_BACK.fullmatch(text.strip()):
        if _SELECT_CALL.search(text):  # `SELECT pg_terminate_backend(...)` acts despite ROLLBACK
            reason = f"changes rows in a transaction it rolls back: none kept ({client})"
            ctx.add(MODERATE, reason, command)
        return
    for match in _FROM_PROGRAM.finditer(text):  # `COPY t FROM PROGRAM 'cmd'`: the server runs it
        ctx.add(
            HIGH, f"the database server runs a shell command (COPY ... PROGRAM, {client})", command
        )
        ctx.run_code(literal(match.group("code")), command)
    _server_writes(text, command, ctx, client)
    said = _STRING.sub(_masked, text)
    unquoted = _STRING.sub("'s'", text)  # `WHERE action = 'TRUNCATE'` names no statement
    if _DESTROY_DB.search(unquoted):
        ctx.add(CRITICAL, f"deletes a whole database ({client}): its data is lost", command)
        return
    if _DESTROY_TABLE.search(unquoted):
        ctx.add(CRITICAL, f"deletes a table or all its rows ({client})", command)
        return
    if _MONGO_OUT.search(text):
        reason = f"replaces a whole collection with what the pipeline returns ($out, {client})"
        ctx.add(HIGH, reason, command)
        return
    dynamic = _DYNAMIC_DROP.search(text)
    if dynamic is not None:
        what = dynamic.group(1).upper().split()[0]
        ctx.add(HIGH, f"builds a {what} statement and runs it ({client})", command)
        return
    if _DROP_CASCADE.search(unquoted):  # `DROP EXTENSION postgis CASCADE`: its columns go too
        ctx.add(
            HIGH,
            f"drops with CASCADE: the tables and columns that use it go too ({client})",
            command,
        )
        return
    statements = [s for s in re.split(r";\s*", said) if s.strip()]
    first = _DROP_DERIVED.match(statements[0]) if statements else None
    if first is not None and all(_DROP_DERIVED.match(s) for s in statements):
        what = first.group(1).lower()  # `DROP INDEX idx_users_email`
        reason = f"drops a {what} ({client}): no rows are lost, but what uses it may break"
        ctx.add(MODERATE, reason, command)
        return
    every_document = _MONGO_EVERY_DOCUMENT.search(text) is not None
    if every_document or any(changes_every_row(s) for s in statements):
        reason = f"changes or deletes every row of a table ({client}): no WHERE that picks rows"
        ctx.add(CRITICAL, reason, command)
        return
    if _EMPTY_PASSWORD.search(text):
        anywhere = re.search(r"@\s*['\"`]%['\"`]", text) is not None
        where = " from any machine" if anywhere else ""
        reason = f"lets a database user log in{where} without a password ({client})"
        ctx.add(CRITICAL if anywhere else HIGH, reason, command)
        return
    if _server_loss(unquoted, command, ctx, client):
        return
    if re.search(r"shutdownServer\s*\(|\bshutdown\b", text, re.IGNORECASE):
        ctx.add(HIGH, f"stops the database server ({client})", command)
        return
    if _SERVER_SHELL.search(text):
        ctx.add(
            HIGH, f"lets the database server run shell commands (xp_cmdshell, {client})", command
        )
        return
    if _LISTENS_EVERYWHERE.search(text):
        reason = f"lets the database server take connections from every network ({client})"
        ctx.add(HIGH, reason, command)
        return
    if _ROOT_LOCKED_OUT.search(text):
        ctx.add(
            HIGH, f"takes the administrator's rights away: nobody may manage it ({client})", command
        )
        return
    if _PRIVILEGE.search(text) and _OPEN_LOGIN.search(text):
        reason = f"gives every right to an account anyone on the network can log in as ({client})"
        ctx.add(CRITICAL, reason, command)
        return
    if _PRIVILEGE.search(text) or _MONGO_ADMIN.search(text):
        ctx.add(HIGH, f"gives a database user every right ({client})", command)
        return
    if _MONGO_DROP_USER.search(text):
        ctx.add(HIGH, f"deletes a database user ({client})", command)
        return
    if _PASSWORD_SET.search(text):
        ctx.add(HIGH, f"sets a database user's password ({client})", command)
        return
    if statements and all(_READ_SQL.match(s) for s in statements):
        return
    ctx.add(MODERATE, f"changes data in a database ({client})", command)


# What a statement does to the server rather than to rows, by the reason it is rated HIGH.
_SERVER_LOSSES = (
    (
        lazy_pattern(
            r"\breset\s+(master|binary\s+logs)\b|\bpurge\s+(binary|master)\s+logs\b", re.I
        ),
        "deletes the server's binary logs: replicas and point-in-time recovery break",
    ),
    (
        # every session, not those of one database, user or program (`WHERE datname = 'app'`)
        lazy_pattern(
            r"\bpg_terminate_backend\s*\(\s*\w*pid\b"
            r"(?![^;]*\b(?:datname|usename|application_name|client_addr|state|query)\b)"
            r"[^;]*\bfrom\s+pg_stat_activity\b",
            re.I,
        ),
        "cuts off every other session of the database server",
    ),
    (
        lazy_pattern(
            r"\balter\s+system\s+set\s+(fsync|full_page_writes)\s*(=|to)\s*'?(off|false)\b", re.I
        ),
        "turns off the database's protection against crashes: data can be corrupted",
    ),
    (
        lazy_pattern(r"\bdrop\s+warehouse\b", re.I),
        "deletes a compute warehouse: the jobs and users that run on it stop",
    ),
)


# SQL Server's `RESTORE DATABASE x FROM DISK='...' WITH REPLACE`: the backup over the database.
_RESTORE_OVER = lazy_pattern(r"\brestore\s+database\b[^;]*\bwith\b[^;]*\breplace\b", re.I)
RESTORED_OVER = "puts a backup in the database's place: all written since the backup is lost"


def _server_loss(text: str, command: Command, ctx: Context, client: str) -> bool:
    if _RESTORE_OVER.search(text):
        ctx.add(CRITICAL, f"{RESTORED_OVER} (RESTORE ... WITH REPLACE, {client})", command)
        return True
    for pattern, reason in _SERVER_LOSSES:
        if pattern.search(text):
            ctx.add(HIGH, f"{reason} ({client})", command)
            return True
    return False


# `COPY t TO '/path'`, `SELECT ... INTO OUTFILE '/path'`: the server writes the rows to a file.
_SERVER_FILE = lazy_pattern(
    r"(?:\bcopy\b[^;]*?\bto\s+|\binto\s+(?:out|dump)file\s+)'(?P<path>[^']+)'", re.I
)


def _server_writes(text: str, command: Command, ctx: Context, client: str) -> None:
    """Files the database server writes; in a web site's folder, anyone may fetch them (or
    the web server runs them, for a page)."""
    for match in _SERVER_FILE.finditer(text):
        path = paths.normalise(match.group("path"))
        if is_server_page(path):
            reason = f"writes {path}, a page the web server runs for anyone ({client})"
            ctx.add(CRITICAL, reason, command)
        elif path.startswith(WEB_ROOTS):
            reason = f"writes a table's rows to {path}, where the web site serves them ({client})"
            ctx.add(HIGH, reason, command)
        else:
            written = classify_write(path, append=False)
            level = max(MODERATE, written.level) if written else MODERATE
            ctx.add(level, f"writes a table's rows to {path} ({client})", command)


def client_code(command: Command) -> str | None:
    """The code a database client is given: `-c/-e CODE`, sqlite3's second operand, or input."""
    code = _code(command)
    if code is None and command.name in ("sqlite3", "duckdb"):
        given = _sqlite_commands(command)  # `sqlite3 -cmd 'SQL' app.db`
        operands = [w.value for w in command.args if not w.value.startswith("-")]
        operands = [o for o in operands if o not in given]
        code = "; ".join([*given, *operands[1:2]]) or None
    return code if code is not None else _stdin_code(command)


def _sqlite_commands(command: Command) -> list[str]:
    """The values of sqlite3's `-cmd COMMAND` options, run before the database's input."""
    argv = command.argv
    return [b for a, b in itertools.pairwise(argv) if a in ("-cmd", "--cmd")]


# A query that prints a table's rows (`SELECT email FROM users`, `db.users.find()`).
_ROWS = lazy_pattern(
    r"\bselect\b.+?\bfrom\b|\bdb\.\w+\.find\s*\(|\.dump\b|\bcopy\b.+?\bto\s+stdout\b", re.I | re.S
)


def prints_rows(command: Command) -> bool:
    """A database client asked for rows, which it prints: what a pipe takes on from it."""
    if command.name not in RULES or RULES[command.name] not in (sql_client, cockroach):
        return False
    code = client_code(command)
    return code is not None and _ROWS.search(code) is not None


# A file named as a saved copy of a database (`backup.sql`, `prod_dump.sql`, `db.bak.sql`).
_DUMP_FILE = lazy_pattern(r"(?i)(dump|backup|bak|snapshot|restore)[\w.-]*\.sql(\.gz)?$")


def _file_options(argv: list[str]) -> list[str]:
    """psql's `-f FILE` / `--file=FILE`."""
    found = [argv[i + 1] for i, a in enumerate(argv[:-1]) if a in ("-f", "--file")]
    return found + [a for a in argv if a.startswith("--file=")]


def sql_client(command: Command, ctx: Context) -> None:
    name = command.name
    code = client_code(command)
    shell = _SHELL_ESCAPE.search(code or "")
    if shell is not None:  # `.shell cmd`, `.system cmd`, `\! cmd`: the client runs shell code
        if not runs_quietly(ctx, shell.group("code"), command):
            ctx.add(MODERATE, f"{name} runs a shell command", command)
        return
    if code is None and name == "psql" and ({"-l", "--list"} & set(command.argv)):
        return  # `psql -l`: lists the databases
    if code is None and _generated_drops(command):
        reason = f"runs the DROP or TRUNCATE statements a query before it wrote ({name})"
        ctx.add(HIGH, reason, command)
        return
    if code is None:
        fed = [r.target.value for r in command.redirects if r.op == "<" and r.target is not None]
        if name == "psql":
            fed += [a.split("=", 1)[-1] for a in _file_options(command.argv)]
        dump = next((f for f in fed if _DUMP_FILE.search(f.rsplit("/", 1)[-1])), None)
        if dump is not None:
            reason = f"loads {dump} into a database: a dump drops and refills each table it holds"
            ctx.add(HIGH, f"{reason} ({name})", command)
        elif fed:
            ctx.add(MODERATE, f"runs a SQL file against a database ({name})", command)
        else:
            ctx.add(MODERATE, f"opens a database session ({name})", command)
        return
    if _RESTORE_DOT.search(code):  # `sqlite3 app.db ".restore old.db"`
        ctx.add(HIGH, f"replaces the whole database with a backup file (.restore, {name})", command)
        return
    rate_sql(code, command, ctx, name)


_RESTORE_DOT = lazy_pattern(r"(?:^|\n|;)\s*\.restore\b")
# `select 'drop table ' || tablename ...`: a query whose rows are statements that destroy.
_WRITES_DROPS = lazy_pattern(r"'\s*(drop\s+(table|database|schema|view)|truncate)\b", re.I)


def _generated_drops(command: Command) -> bool:
    """`psql -Atc "select 'drop table ' || tablename from pg_tables" | psql`: what the second
    client runs is the DROP statements the first one printed."""
    stdin = command.stdin
    if stdin is None or not any(p in RULES for p in stdin.producers):
        return False
    return any(_WRITES_DROPS.search(read) for read in stdin.reads)


_FROM_PROGRAM = lazy_pattern(r"\b(?:from|to)\s+program\s+'(?P<code>(?:[^']|'')*)'", re.I)
_SHELL_ESCAPE = lazy_pattern(r"(?:^|\n|;)\s*(?:\.shell|\.system|\\!|system)\s+(?P<code>[^\n]+)")


def _code(command: Command) -> str | None:
    flags = _CODE_FLAGS.get(command.name, ())
    args = command.args
    for index, word in enumerate(args):
        value = word.value
        if value in flags and index + 1 < len(args):
            return args[index + 1].value
        for flag in flags:
            if flag.startswith("--") and value.startswith(flag + "="):
                return value[len(flag) + 1 :]
            if len(flag) == 2 and value.startswith(flag) and len(value) > 2:
                return value[2:]
    return _clustered_code(command, [flag for flag in flags if len(flag) == 2])


# Short options of each client that take a value: in a cluster, what follows one of them is
# its value (`-uroot`), not more options.
_VALUED_SHORT = {
    "psql": "-U -h -p -d -f -o -v -F -R -P -T -L",
    **dict.fromkeys(split_words("mysql mariadb"), "-u -p -h -P -D -S"),
    "clickhouse-client": "-h -u -d",
    "cqlsh": "-u -p -k -f",
}


def _clustered_code(command: Command, short_flags: list[str]) -> str | None:
    """The code given in a cluster of short options: `psql -Atc SQL`, `mysql -sNe SQL`."""
    if not short_flags:
        return None
    takes = " ".join([*short_flags, _VALUED_SHORT.get(command.name, "")])
    return options(command, takes).value(*short_flags)


def client_stdin(command: Command) -> str | None:
    """What a database console reads on its input (`<<< 'SQL'`, `echo SQL |`), if literal."""
    return _stdin_code(command)


def _stdin_code(command: Command) -> str | None:
    for redirect in command.redirects:
        if redirect.op in ("<<", "<<<") and redirect.body is not None:
            return redirect.body.value
        target = redirect.target
        if redirect.op == "<" and target is not None and target.raw.startswith("<("):
            printed = printed_text(target.raw[2:].removesuffix(")"))  # `< <(echo 'SQL')`
            if printed is not None:
                return printed
    stdin = command.stdin
    if stdin is not None and stdin.literal is not None:
        return " ".join(word.value for word in stdin.literal)
    return None


def printed_text(source: str) -> str | None:
    """What `echo TEXT` or `printf TEXT` in `source` prints, when it is one such command."""
    tree = parse(source)
    named = [child for child in tree.root_node.children if child.is_named]
    if len(named) != 1 or named[0].type != "command":
        return None
    command = build_command(named[0])
    if command.name not in ("echo", "printf") or any(w.dynamic for w in command.words):
        return None
    return literal_text(command)[0]


def redis(command: Command, ctx: Context) -> None:
    args = command.argv
    if "--cluster" in args:  # `--cluster call HOST:PORT CMD...` runs CMD on every node
        sub = args[args.index("--cluster") + 1 :]
        if sub[:1] in (["check"], ["info"], ["help"]):
            return
        if sub[:1] != ["call"] or len(sub) < 3:
            ctx.add(MODERATE, "manages a Redis cluster (redis-cli --cluster)", command)
            return
        args = sub[2:]
    index = 0
    while index < len(args) and args[index].startswith("-"):
        index += 2 if args[index] in _REDIS_VALUES else 1
    words = args[index:]
    if not words and "--rdb" in args:
        ctx.add(MODERATE, "copies the whole Redis database into a file (--rdb)", command)
        return
    if not words and set(args) & _REDIS_READ_MODES:
        return  # `redis-cli --scan --pattern 'user:*'`, `--bigkeys`, `--stat`: reports only
    if not words:
        code = _stdin_code(command)
        if code is None:
            ctx.add(MODERATE, "opens a Redis session", command)
            return
        words = code.split()
    verb = words[0].upper() if words else ""
    if verb in _REDIS_SCRIPTS:
        words = _script_calls(" ".join(words[1:2])) or words
        verb = words[0].upper()
    if verb in ("DEL", "UNLINK") and _every_key_piped(command):
        ctx.add(CRITICAL, "deletes every key the listing printed: all of them (redis-cli)", command)
    elif verb in ("FLUSHALL",):
        ctx.add(CRITICAL, "deletes every key in every Redis database (FLUSHALL)", command)
    elif verb in ("FLUSHDB",):
        ctx.add(CRITICAL, "deletes every key in the Redis database (FLUSHDB)", command)
    elif verb in ("REPLICAOF", "SLAVEOF") and [w.upper() for w in words[1:3]] != ["NO", "ONE"]:
        reason = f"makes Redis copy another server, replacing all its own data ({verb})"
        ctx.add(HIGH, reason, command)
    elif (
        verb == "XTRIM"
        and [w.upper() for w in words[2:3]] in (["MAXLEN"], ["MINID"])
        and (words[-1:] == ["0"])
    ):
        ctx.add(HIGH, "deletes every entry of a Redis stream (XTRIM ... 0)", command)
    elif verb == "XGROUP" and [w.upper() for w in words[1:2]] == ["DESTROY"]:
        reason = "deletes a stream's consumer group: where its consumers had read to is lost"
        ctx.add(HIGH, f"{reason} (XGROUP DESTROY)", command)
    elif verb == "ACL" and "NOPASS" in (w.upper() for w in words):
        ctx.add(HIGH, "lets a Redis user log in without a password (ACL nopass)", command)
    elif verb in ("SHUTDOWN", "DEBUG") or (
        verb == "CONFIG" and "SET" in (w.upper() for w in words)
    ):
        ctx.add(HIGH, f"stops or reconfigures the Redis server ({verb})", command)
    elif verb in _REDIS_READS or (verb == "CONFIG" and words[1:2] in (["GET"], ["get"])):
        return
    else:
        ctx.add(MODERATE, f"changes data in Redis ({verb})", command)


_EVERY_KEY_LISTED = lazy_pattern(
    r"redis\.p?call\s*\(\s*['\"](?:keys|scan)['\"]\s*,\s*(?:0\s*,\s*)?['\"]\*['\"]", re.I
)
_REDIS_SCRIPTS = frozenset(split_words("EVAL EVAL_RO"))
_REDIS_CALL = lazy_pattern(r"redis\.p?call\s*\(\s*['\"](\w+)['\"]", re.IGNORECASE)
# The commands a Lua script runs, the most destructive first.
_REDIS_SEVERITY = ("FLUSHALL", "FLUSHDB", "REPLICAOF", "SLAVEOF", "SHUTDOWN", "CONFIG")


def _script_calls(script: str) -> list[str]:
    """The command a Lua script given to EVAL runs that matters most (`redis.call('flushall')`;
    a loop deleting what `keys('*')` lists is a FLUSHDB)."""
    called = [name.upper() for name in _REDIS_CALL.findall(script)]
    if {"DEL", "UNLINK"} & set(called) and _EVERY_KEY_LISTED.search(script):
        return ["FLUSHDB"]
    worst = [name for name in _REDIS_SEVERITY if name in called]
    changes = [name for name in called if name not in _REDIS_READS]
    return worst[:1] or changes[:1] or called[:1]


_REDIS_VALUES = frozenset(
    split_words(
        "-h -p -a -n -u -s -i -r -d --user --pass --pattern --count --cacert --cacertdir --cert "
        "--rdb --key --sni --tls-ciphers --askpass-file -e --quoted-pattern"
    )
)
_REDIS_READ_MODES = frozenset(
    split_words(
        "--scan --bigkeys --memkeys --hotkeys --stat --latency --latency-history "
        "--latency-dist --intrinsic-latency --keystats"
    )
)
_REDIS_READS = frozenset(
    split_words(
        "GET MGET KEYS SCAN EXISTS TTL PTTL TYPE INFO PING DBSIZE HGET HGETALL HKEYS LRANGE "
        "LLEN SMEMBERS SCARD ZRANGE ZCARD STRLEN MONITOR CLIENT SLOWLOG MEMORY --SCAN --BIGKEYS "
        "--STAT --LATENCY"
    )
)


def _every_key_piped(command: Command) -> bool:
    """`redis-cli KEYS '*' | xargs redis-cli DEL`, `redis-cli --scan | xargs redis-cli del`."""
    stdin = command.stdin
    if stdin is None or "xargs" not in command.via or "redis-cli" not in stdin.producers:
        return False
    reads = [r for r in stdin.reads if r != "redis-cli"]
    upper = [r.upper() for r in reads]
    if "KEYS" in upper:
        return reads[upper.index("KEYS") + 1 : upper.index("KEYS") + 2] in (["*"], [])
    return not any("*" in r and r != "*" for r in reads)  # no --pattern, or `*`: every key


def bigquery(command: Command, ctx: Context) -> None:
    """`bq query 'SQL'`, `bq rm -r -f -d DATASET` (every table in it), `bq rm -t TABLE`."""
    argv = command.argv
    words = [a for a in argv if not a.startswith("-")]
    if words[:1] == ["query"] and len(words) > 1 and "--dry_run" in argv:
        return  # a dry run only checks the query and estimates what it would read
    if words[:1] == ["query"] and len(words) > 1:
        rate_sql(words[-1], command, ctx, "bq")
    elif words[:1] == ["load"] and "--replace" in argv:
        ctx.add(
            HIGH,
            "replaces every row of a BigQuery table with the file's (bq load --replace)",
            command,
        )
    elif (
        words[:1] == ["cp"]
        and ({"-f", "--force"} & set(argv))
        and not {"-a", "--append_table"} & set(argv)
    ):
        ctx.add(HIGH, "overwrites a BigQuery table with another's rows (bq cp -f)", command)
    elif words[:1] == ["rm"]:
        whole = any(
            a == "--recursive" or (a[:1] == "-" and a[1:2] != "-" and "r" in a) for a in argv
        )
        level = CRITICAL if whole else HIGH
        ctx.add(level, "deletes BigQuery data (bq rm): a dataset or table, for good", command)
    elif words[:1] not in (["ls"], ["show"], ["head"], ["version"], ["help"]):
        ctx.add(MODERATE, f"changes BigQuery data (bq {' '.join(words[:1])})".strip(), command)


def drop_tool(command: Command, ctx: Context) -> None:
    """`dropdb NAME`, `mysqladmin drop NAME`, `dropuser NAME`."""
    argv = command.argv
    if command.name in ("mysqladmin", "mariadb-admin"):
        if "drop" in argv:
            ctx.add(CRITICAL, f"deletes a whole database ({command.name} drop)", command)
        elif any(a in ("shutdown", "flush-privileges", "password") for a in argv):
            ctx.add(HIGH, "stops or reconfigures the database server (mysqladmin)", command)
        elif not any(a in ("status", "ping", "version", "processlist", "variables") for a in argv):
            ctx.add(MODERATE, "manages the database server (mysqladmin)", command)
        return
    if command.name in ("dropdb", "pg_dropcluster"):
        ctx.add(CRITICAL, f"deletes a whole database ({command.name})", command)
    else:
        ctx.add(HIGH, f"deletes a database user ({command.name})", command)


def wal_reset(command: Command, ctx: Context) -> None:
    """`pg_resetwal -f DATADIR`: PostgreSQL's log of recent changes thrown away."""
    if any(a in ("-n", "--dry-run") for a in command.argv):
        return
    reason = f"throws away the database's log of recent changes ({command.name}): data may be lost"
    forced = any(a in ("-f", "--force") for a in command.argv)
    ctx.add(CRITICAL if forced else HIGH, reason, command)


def createuser(command: Command, ctx: Context) -> None:
    """`createuser --superuser bob`: a PostgreSQL role that may do anything in every database."""
    argv = command.argv
    if "--superuser" in argv or any(re.fullmatch(r"-[a-zA-Z]*s[a-zA-Z]*", a) for a in argv):
        ctx.add(HIGH, "creates a database superuser (createuser --superuser)", command)
    else:
        ctx.add(MODERATE, "creates a database user (createuser)", command)


_PG_RESTORE_VALUES = "-d --dbname -f --file -U -h -p -n -t -I -P -T -j -L -S"


def dump(command: Command, ctx: Context) -> None:
    """`pg_dump`, `mysqldump`: read the database; where the dump goes is rated by the redirect."""
    printed = _only_prints(command)
    if command.name == "pg_restore" and options(command, _PG_RESTORE_VALUES).has("-l", "--list"):
        return  # prints the backup's table of contents, restoring nothing
    if printed is not None:
        ctx.add(MODERATE, printed, command)
    elif (
        any(a.startswith(("--clean", "-c")) for a in command.argv) and command.name == "pg_restore"
    ):
        ctx.add(CRITICAL, f"{RESTORED_OVER} (pg_restore --clean)", command)
    elif command.name in ("pg_restore", "mongorestore") and "--drop" in command.argv:
        ctx.add(CRITICAL, f"{RESTORED_OVER} (--drop)", command)
    elif command.name == "mongoimport" and "--drop" in command.argv:
        ctx.add(HIGH, "drops the collection before importing into it (mongoimport --drop)", command)
    elif command.name == "mongoimport":
        ctx.add(MODERATE, "imports documents into a collection (mongoimport)", command)
    elif command.name in ("pg_restore", "mongorestore"):
        ctx.add(MODERATE, f"restores a database backup ({command.name})", command)


def _only_prints(command: Command) -> str | None:
    """`pg_restore -f out.sql` (no -d) writes a SQL script; `mongorestore --dryRun` checks."""
    if command.name == "mongorestore" and "--dryRun" in command.argv:
        return "only tries the restore, changing nothing (mongorestore --dryRun)"
    if command.name != "pg_restore":
        return None
    opts = options(command, _PG_RESTORE_VALUES)
    if opts.has("-f", "--file") and not opts.has("-d", "--dbname"):
        return "writes the backup out as a SQL script, touching no database (pg_restore -f)"
    return None


def cockroach(command: Command, ctx: Context) -> None:
    """`cockroach node decommission N`: a node's data moved away and the node taken out."""
    words = [a for a in command.argv if not a.startswith("-")]
    if words[:2] == ["node", "decommission"]:
        ctx.add(HIGH, "takes nodes out of the CockroachDB cluster (node decommission)", command)
    elif words[:1] == ["node"] or words[:1] == ["version"]:
        return
    else:
        sql_client(command, ctx)


def snow(command: Command, ctx: Context) -> None:
    """Snowflake's newer CLI: `snow sql -q SQL` is rated as the SQL it sends."""
    argv = command.argv
    query = next((b for a, b in itertools.pairwise(argv) if a in ("-q", "--query")), None)
    if argv[:1] == ["sql"] and query is not None:
        rate_sql(query, command, ctx, "snow sql")
    else:
        ctx.add(MODERATE, "works with a Snowflake account (snow)", command)


RULES: dict[str, Rule] = {
    **dict.fromkeys([*_CODE_FLAGS, "sqlite3", "sqlplus", "isql"], sql_client),
    "cockroach": cockroach,
    "snow": snow,
    **dict.fromkeys(split_words("redis-cli valkey-cli keydb-cli"), redis),
    "createuser": createuser,
    **dict.fromkeys(split_words("pg_resetwal pg_resetxlog"), wal_reset),
    "bq": bigquery,
    **dict.fromkeys(
        split_words("dropdb dropuser mysqladmin mariadb-admin pg_dropcluster"), drop_tool
    ),
    **dict.fromkeys(
        split_words(
            "pg_dump pg_dumpall mysqldump mariadb-dump mongodump pg_restore mongorestore "
            "mongoimport"
        ),
        dump,
    ),
}
# Clients whose commands act on a database server, wherever they run: in a throwaway container
# (`docker run --rm postgres psql -h db -c 'DROP DATABASE app'`) the data lost is the server's.
SERVER_CLIENTS = frozenset(RULES) - frozenset(
    split_words("sqlite3 duckdb litecli pg_dump pg_dumpall mysqldump mariadb-dump mongodump")
)
