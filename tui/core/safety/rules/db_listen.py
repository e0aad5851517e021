"""A database server's settings changed to listen on every network interface: MySQL's
`bind-address = 0.0.0.0`, PostgreSQL's `listen_addresses = '*'`, Redis's `bind 0.0.0.0`,
MongoDB's `bindIp: 0.0.0.0`. Out of the box these listen on the machine only; afterwards any
machine that can reach the port can try to log in (or, for Redis and MongoDB set up without
passwords, simply read and write). HIGH: the data is exposed, not yet lost."""

from __future__ import annotations

import posixpath
import re

from tui.core.safety.lazy import lazy_pattern
from tui.core.safety.model import RiskLevel
from tui.core.safety.targets import Verdict

# Settings files of database servers, by folder or by name.
_FOLDERS = (
    "/etc/mysql/",
    "/etc/my.cnf.d/",
    "/etc/postgresql/",
    "/var/lib/pgsql/",
    "/var/lib/postgresql/",
    "/etc/redis/",
    "/etc/mongod",
    "/etc/mongodb",
    "/etc/clickhouse-server/",
    "/etc/cassandra/",
    "/etc/elasticsearch/",
    "/etc/opensearch/",
    "/etc/memcached",
    "/etc/sysconfig/memcached",
    "/etc/influxdb/",
    "/etc/neo4j/",
)
_NAMES = frozenset(
    "my.cnf mysqld.cnf mariadb.cnf 50-server.cnf postgresql.conf postgresql.auto.conf "
    "redis.conf mongod.conf mongodb.conf elasticsearch.yml cassandra.yaml memcached.conf "
    "influxdb.conf neo4j.conf".split()
)
# What each server reads as "every interface"; in these files a bare 0.0.0.0 means nothing else.
_EVERYWHERE = lazy_pattern(
    r"(?<![\d.])0\.0\.0\.0(?![\d./])|listen_addresses\s*=\s*['\"]?\*"
    r"|\b(bind-address|bind|bindIp|listen_address|rpc_address|network\.host|-l)\s*[=:]?\s*"
    r"['\"]?(::|\*)['\"]?(\s|$)|\bbindIpAll\s*:\s*true|<listen_host>\s*::\s*</",
    re.IGNORECASE,
)


def listens_everywhere(where: str, text: str) -> Verdict | None:
    """The verdict for putting `text` into `where` (already normalised)."""
    if not (where.startswith(_FOLDERS) or posixpath.basename(where) in _NAMES):
        return None
    if _EVERYWHERE.search(text) is None:
        return None
    reason = f"makes the database listen on every network interface ({where})"
    return Verdict(RiskLevel.HIGH, f"{reason}: other machines can reach it")


# Settings that turn a server's log-in off: MySQL's skip-grant-tables, Elasticsearch's security,
# Redis's password commented out (`s/^requirepass .*/# requirepass/`).
_AUTH_OFF = lazy_pattern(
    r"^[^\S\n]*(?P<what>skip[-_]grant[-_]tables|xpack\.security\.enabled\s*[:=]\s*false|"
    r"#[^\S\n]*requirepass|auth-enabled\s*=\s*false|dbms\.security\.auth_enabled\s*=\s*false|"
    r"authenticator\s*:\s*AllowAllAuthenticator)\b",
    re.IGNORECASE | re.MULTILINE,
)


def auth_off(where: str, text: str) -> Verdict | None:
    """The verdict for putting `text` into a database server's settings (`where`, normalised)
    when it lets anyone in without a password."""
    if not (where.startswith(_FOLDERS) or posixpath.basename(where) in _NAMES):
        return None
    found = _AUTH_OFF.search(text)
    if found is None:
        return None
    what = re.sub(r"\s+", " ", found.group("what"))
    what = "requirepass commented out" if what.startswith("#") else what
    reason = f"turns off the database's password check ({what}, {where}): anyone may connect"
    return Verdict(RiskLevel.HIGH, reason)
