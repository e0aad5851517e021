"""Requests to data stores over HTTP (search engines, time-series, document and vector stores),
whichever client sends them: curl, wget --method, httpie.

A DELETE of `/_all`, `/*` or a bare index on a store's port loses a whole store (CRITICAL); a
DELETE of `/collections/NAME` or `/indexes/NAME` loses one whole collection (HIGH); a query
sent as `q=` or `query=` is rated as the SQL it is; turning off Elasticsearch's guard that
asks for index names makes one request able to delete everything (HIGH).
"""

from __future__ import annotations

from urllib.parse import parse_qsl, unquote_plus

from tui.core.safety.context import Context
from tui.core.safety.lazy import lazy_pattern
from tui.core.safety.parse import Command
from tui.core.safety.rules import fetched
from tui.core.safety.rules.common import CRITICAL, HIGH, MODERATE, Rule, options
from tui.core.safety.rules.databases import rate_sql
from tui.core.safety.words import split_words

# Search, time-series and document stores whose first path segment is a whole index or database.
STORE_PORTS = (":9200", ":8086", ":8428", ":5984", ":7280")
# Contexts that `_all` also names and whose loss costs nothing (open scrolls, point-in-time views).
_PASSING = ("_search/scroll", "_pit")
# `/collections/docs`, `/v1/schema/Article`, `/indexes/movies`: one whole collection.
_COLLECTION = lazy_pattern(
    r"(?:^|/)(?:collections|indexes|indices|databases|buckets|keyspaces|schema|classes)/[^/?]+/?$"
)
# `/indexes/movies/documents` (Meilisearch): every document of one index.
_ALL_DOCUMENTS = lazy_pattern(r"(?:^|/)indexes/[^/?]+/documents/?$")
# Solr's update body that deletes by the query every document meets.
_SOLR_ALL = lazy_pattern(
    r"<delete>\s*<query>\s*\*:\*\s*</query>|[\"']delete[\"']\s*:\s*\{\s*[\"']query[\"']\s*:\s*"
    r"[\"']\*:\*"
)
# Key-value stores' HTTP APIs: Consul's `/v1/kv/KEY?recurse`, etcd v2's `/v2/keys/KEY?recursive`.
_KEY_TREE = lazy_pattern(r"(?:^|/)(?:v1/kv|v2/keys)(?P<key>/[^?]*)?$")
_GUARD_OFF = lazy_pattern(r"destructive_requires_name['\"]?\s*:\s*['\"]?false")


def whole_store(url: str) -> bool:
    """`/_all`, `/*`, or a bare index on a search or time-series server (`:9200/logs`)."""
    path = _path(url)
    if path.startswith(_PASSING):
        return False
    if path in ("_all", "*") or path.endswith(("/_all", "/*")):
        return True
    host = url.split("://", 1)[-1].partition("/")[0]
    return host.endswith(STORE_PORTS) and bool(path) and "/" not in path


def _path(url: str) -> str:
    return url.split("://", 1)[-1].partition("/")[2].split("?", 1)[0].strip("/'\"")


def rate_request(method: str, urls: list[str], body: str, command: Command, ctx: Context) -> bool:
    """Rates a request to a data store; True when it was one (the caller adds nothing more)."""
    if method == "DELETE" and any(whole_store(url) for url in urls):
        reason = f"deletes every index or a whole data store over HTTP ({urls[0]})"
        ctx.add(CRITICAL, reason, command)
        return True
    if method == "DELETE" and any(_COLLECTION.search(_path(url)) for url in urls):
        ctx.add(HIGH, f"deletes a whole collection or index over HTTP ({urls[0]})", command)
        return True
    if _every_document(method, urls, body):
        ctx.add(CRITICAL, f"deletes every document of an index over HTTP ({urls[0]})", command)
        return True
    tree = _key_tree(method, urls)
    if tree is not None:
        ctx.add(
            HIGH if tree else CRITICAL, f"deletes every key under {tree or '/'} over HTTP", command
        )
        return True
    if method == "DELETE" and any("*" in _path(url).rsplit("/", 1)[-1] for url in urls):
        ctx.add(HIGH, f"deletes every index or stream the pattern matches ({urls[0]})", command)
        return True
    loss = _admin_loss(method, urls)
    if loss is not None:
        ctx.add(HIGH, f"{loss} ({urls[0]})", command)
        return True
    if _GUARD_OFF.search(body):
        reason = "lets one request delete every index (action.destructive_requires_name off)"
        ctx.add(HIGH, reason, command)
        return True
    query = _query(urls, body)
    if query is not None:
        rate_sql(query, command, ctx, "over HTTP")
        ctx.add(MODERATE, "sends a query to a database server over HTTP", command)
        return True
    return False


def _admin_loss(method: str, urls: list[str]) -> str | None:
    """Solr's admin API deleting a core or collection (a GET does it); Elasticsearch's
    `POST /_all/_close`, which takes every index offline."""
    for url in urls:
        path, fields = _path(url), dict(parse_qsl(url.partition("?")[2]))
        action = fields.get("action", "").upper()
        if path.endswith(("admin/cores", "admin/collections")) and (
            action == "DELETE"
            or (
                action == "UNLOAD"
                and "true" in (fields.get("deleteIndex"), fields.get("deleteInstanceDir"))
            )
        ):
            return "deletes a Solr core or collection and its index"
        if method == "POST" and path in ("_all/_close", "*/_close", "_close"):
            return "closes every index: searches and writes fail until each is opened again"
    return None


def _every_document(method: str, urls: list[str], body: str) -> bool:
    """`_delete_by_query` with `match_all` or `q=*`, Meilisearch's DELETE of `/documents`,
    Solr's `<delete><query>*:*</query></delete>`."""
    for url in urls:
        path, fields = _path(url), dict(parse_qsl(url.partition("?")[2]))
        if path.endswith("_delete_by_query") and (
            "match_all" in body or fields.get("q") in ("*", "*:*")
        ):
            return True
        if method == "DELETE" and _ALL_DOCUMENTS.search(path):
            return True
    return _SOLR_ALL.search(body) is not None


def _key_tree(method: str, urls: list[str]) -> str | None:
    """The key whose whole tree a recursive DELETE removes ("" for every key), else None."""
    for url in urls:
        fields = dict(parse_qsl(url.partition("?")[2], keep_blank_values=True))
        found = _KEY_TREE.search(_path(url))
        recursive = "recurse" in fields or fields.get("recursive") == "true"
        if method == "DELETE" and found is not None and recursive:
            return (found.group("key") or "").strip("/")
    return None


def _query(urls: list[str], body: str) -> str | None:
    """The query sent to a database's HTTP query endpoint: InfluxDB's `/query?q=...` (or a
    `q=` body), ClickHouse's `:8123/?query=...` (or the whole body)."""
    found: list[str] = []
    for url in urls:
        host = url.split("://", 1)[-1].partition("/")[0]
        clickhouse = host.endswith(":8123")
        if not clickhouse and _path(url).rsplit("/", 1)[-1] != "query":
            continue
        fields = parse_qsl(url.partition("?")[2]) + (parse_qsl(body) if "=" in body else [])
        found += [value for key, value in fields if key in ("q", "query")]
        if clickhouse and body and "=" not in body.split(None, 1)[0]:
            found.append(body)  # `curl localhost:8123 --data-binary 'DROP TABLE t'`
    return unquote_plus(" ; ".join(found)) if found else None


_METHODS = frozenset("GET POST PUT PATCH DELETE HEAD OPTIONS".split())


def httpie(command: Command, ctx: Context) -> None:
    """`http DELETE :9200/logs`, `xh POST api/items name=x`: httpie and its clones."""
    opts = options(command, "-a --auth -A --auth-type --session -o --output --verify --cert")
    operands = [w.value for w in opts.operands]
    method = operands[0].upper() if operands and operands[0].upper() in _METHODS else ""
    urls = [_full(u) for u in operands[1 if method else 0 :][:1]]
    items = operands[(2 if method else 1) :]
    method = method or ("POST" if any("=" in item for item in items) else "GET")
    if rate_request(method, urls, "&".join(items), command, ctx):
        return
    fetched.httpie(command, ctx)  # `http --download URL`: what it saves, as the downloaders


def _full(url: str) -> str:
    """httpie's `:9200/logs` is `localhost:9200/logs`."""
    return f"localhost{url}" if url.startswith(":") else url


def wget_method(command: Command) -> tuple[str, str]:
    """`wget --method=DELETE URL`, `--post-data=...`: the method and body wget sends."""
    opts = options(command, "--method --body-data --post-data")
    body = opts.value("--body-data") or opts.value("--post-data") or ""
    method = (opts.value("--method") or ("POST" if body else "GET")).upper()
    return method, body


RULES: dict[str, Rule] = dict.fromkeys(split_words("http https xh xhs"), httpie)
