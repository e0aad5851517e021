"""Message queues and brokers run from their own tools: Kafka, RabbitMQ, NATS, Pulsar, Celery.

Deleting a topic, a queue, a stream or a whole virtual host loses every message in it, and a
purge empties a queue the consumers still need (HIGH); a broker reset wipes every queue, user
and setting of the node (CRITICAL). Listing, describing, publishing one message or creating a
queue stays moderate, and what only reports is safe.
"""

from __future__ import annotations

import re

from tui.core.safety.context import Context
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import CRITICAL, HIGH, MODERATE, Rule, options
from tui.core.safety.words import split_words

_KAFKA_VALUED = (
    "--bootstrap-server --zookeeper --topic --group --partitions --replication-factor "
    "--config --command-config --entity-type --entity-name --add-config --delete-config "
    "--offset-json-file --to-offset --shift-by --to-datetime --by-duration --allow-principal "
    "--deny-principal --operation --cluster --resource-pattern-type --consumer-property"
)
# Topic names that are patterns: `.*`, `*`, `orders.*` pick many topics at once.
_TOPIC_PATTERN = re.compile(r"[*?\[\]|]")


def _kafka_options(command: Command) -> tuple[set[str], dict[str, str]]:
    """The long options said (`--delete`) and the values of those that take one."""
    opts = options(command, _KAFKA_VALUED)
    return set(opts.long), {name: value for name, value in opts.long.items() if value}


def kafka_topics(command: Command, ctx: Context) -> None:
    said, values = _kafka_options(command)
    if "--delete" in said:
        topic = values.get("--topic", "")
        if not topic or _TOPIC_PATTERN.search(topic):
            shown = topic or "(none)"
            reason = f"deletes every Kafka topic the pattern {shown} matches, messages and all"
            ctx.add(CRITICAL, reason, command)
        else:
            ctx.add(HIGH, f"deletes the Kafka topic {topic} and every message in it", command)
    elif said & {"--create", "--alter"}:
        ctx.add(MODERATE, "creates or changes a Kafka topic (kafka-topics)", command)
    elif not said & {"--list", "--describe", "--version", "--help"}:
        ctx.add(MODERATE, "manages Kafka topics (kafka-topics)", command)


def kafka_groups(command: Command, ctx: Context) -> None:
    said, _ = _kafka_options(command)
    if "--delete" in said or "--delete-offsets" in said:
        reason = "deletes a Kafka consumer group: where its consumers had read to is lost"
        ctx.add(HIGH, reason, command)
    elif "--reset-offsets" in said and "--execute" in said:
        reason = "moves where consumers read: messages are skipped or handled twice"
        ctx.add(HIGH, f"{reason} (kafka-consumer-groups --reset-offsets --execute)", command)
    elif "--reset-offsets" in said:
        ctx.add(MODERATE, "shows where a reset would move consumers (no --execute)", command)


def kafka_delete_records(command: Command, ctx: Context) -> None:
    reason = "deletes the messages of Kafka partitions up to the offsets given, for good"
    ctx.add(HIGH, reason, command)


# A retention this short (milliseconds, bytes) makes the broker delete a topic's messages now.
_SHORT_RETENTION = re.compile(r"\b(?:retention\.ms|retention\.bytes|segment\.ms)=(\d{1,4})\b")


def kafka_configs(command: Command, ctx: Context) -> None:
    said, values = _kafka_options(command)
    if "--alter" not in said:
        return
    if _SHORT_RETENTION.search(values.get("--add-config", "")):
        reason = "sets a retention so short that Kafka deletes the topic's messages at once"
        ctx.add(HIGH, reason, command)
    else:
        ctx.add(MODERATE, "changes Kafka settings (kafka-configs --alter)", command)


def kafka_acls(command: Command, ctx: Context) -> None:
    said, values = _kafka_options(command)
    if "--add" in said:
        everyone = values.get("--allow-principal", "") in ("User:*", "User:ANONYMOUS")
        everything = values.get("--operation", "").lower() == "all" or "*" in (
            values.get("--topic", ""),
            values.get("--group", ""),
        )
        if everyone and everything:
            ctx.add(HIGH, "gives every Kafka user every right (kafka-acls --add User:*)", command)
            return
        ctx.add(MODERATE, "gives rights on Kafka (kafka-acls --add)", command)
    elif "--remove" in said:
        ctx.add(MODERATE, "takes rights away on Kafka (kafka-acls --remove)", command)


_RABBIT_LOSSES = {
    "purge_queue": (HIGH, "deletes every message waiting in the queue"),
    "delete_queue": (HIGH, "deletes the queue and every message in it"),
    "delete_vhost": (CRITICAL, "deletes a virtual host with all its queues and messages"),
    "delete_user": (HIGH, "deletes a broker user: what logs in with it stops working"),
    "reset": (CRITICAL, "wipes the node: every queue, message, user and setting"),
    "force_reset": (CRITICAL, "wipes the node by force: every queue, message, user and setting"),
    "delete_exchange": (HIGH, "deletes an exchange: messages sent to it are dropped"),
}
_RABBIT_READS = ("list_", "status", "cluster_status", "environment", "report", "ping", "version")


def rabbitmqctl(command: Command, ctx: Context) -> None:
    words = [w.value for w in options(command, "-n --node -p --vhost -t --timeout").operands]
    verb = words[0] if words else ""
    if verb in _RABBIT_LOSSES:
        level, reason = _RABBIT_LOSSES[verb]
        ctx.add(level, f"{reason} (rabbitmqctl {verb})", command)
    elif not verb.startswith(_RABBIT_READS):
        ctx.add(MODERATE, f"changes the RabbitMQ broker (rabbitmqctl {verb})".strip(), command)


_ADMIN_VERBS = frozenset(split_words("purge delete list show declare publish get close export"))
_ADMIN_VALUED = "-H --host -P --port -u --username -p --password -V --vhost -c --config -N --node"


def rabbitmqadmin(command: Command, ctx: Context) -> None:
    words = [w.value for w in options(command, _ADMIN_VALUED).operands]
    verb = next((w for w in words if w in _ADMIN_VERBS), "")
    kind = words[words.index(verb) + 1] if verb and words.index(verb) + 1 < len(words) else ""
    if verb == "purge":
        ctx.add(HIGH, f"deletes every message waiting in a RabbitMQ {kind or 'queue'}", command)
    elif verb == "delete" and kind == "vhost":
        ctx.add(CRITICAL, "deletes a RabbitMQ virtual host with all its queues", command)
    elif verb == "delete":
        ctx.add(HIGH, f"deletes a RabbitMQ {kind or 'object'} (rabbitmqadmin delete)", command)
    elif verb not in ("list", "show", "get", "export"):
        ctx.add(MODERATE, f"changes the RabbitMQ broker (rabbitmqadmin {verb})".strip(), command)


_NATS_HOLDERS = frozenset(split_words("stream str consumer con obj object"))
_NATS_DELETES = frozenset(split_words("rm del delete purge"))
_NATS_READS = frozenset(split_words("ls list info report get sub subscribe view history watch"))


def nats(command: Command, ctx: Context) -> None:
    words = [a for a in command.argv if not a.startswith("-")]
    kind, verb = [*words, "", ""][:2]
    if kind == "kv" and verb in _NATS_DELETES:
        whole = verb == "rm" or (verb == "purge" and len(words) < 4)
        if whole:
            ctx.add(HIGH, "deletes a NATS key-value bucket and every key in it", command)
        else:
            ctx.add(MODERATE, "deletes a key from a NATS key-value bucket", command)
    elif kind in _NATS_HOLDERS and verb in _NATS_DELETES:
        narrowed = any(a.startswith(("--subject", "--seq", "--keep")) for a in command.argv)
        what = "messages the filter picks" if narrowed else "every message it holds"
        level = MODERATE if narrowed else HIGH
        ctx.add(level, f"deletes a NATS {kind} or {what} (nats {kind} {verb})", command)
    elif verb not in _NATS_READS and kind not in _NATS_READS:
        ctx.add(MODERATE, f"talks to NATS (nats {kind})".strip(), command)


_PULSAR_LOSSES = frozenset(
    split_words("delete delete-partitioned-topic clear-backlog skip-all delete-bookie-rack")
)
_PULSAR_READS = ("list", "stats", "get", "info", "lookup", "partitioned-stats", "topics")


def pulsar_admin(command: Command, ctx: Context) -> None:
    words = [a for a in command.argv if not a.startswith("-")]
    verb = next((w for w in words[1:3] if w in _PULSAR_LOSSES), "")
    kind = words[0] if words else ""
    if verb.startswith("delete") and kind in ("tenants", "namespaces"):
        ctx.add(CRITICAL, f"deletes a Pulsar {kind[:-1]} with every topic in it", command)
    elif verb:
        ctx.add(HIGH, f"deletes Pulsar messages or topics (pulsar-admin {kind} {verb})", command)
    elif not any(w.startswith(_PULSAR_READS) for w in words[1:2]):
        ctx.add(MODERATE, f"changes Pulsar (pulsar-admin {kind})".strip(), command)


def task_queue(command: Command, ctx: Context) -> None:
    """`celery -A proj purge`, `rq empty --all`, `activemq purge QUEUE`: every waiting job gone."""
    words = [w.value for w in options(command, "-A --app -b --broker -u --url -c").operands]
    if {"purge", "empty"} & set(words):
        ctx.add(HIGH, f"deletes every task waiting in the queues ({command.name})", command)
    elif not {"inspect", "status", "info", "report", "list", "events"} & set(words[:1]):
        ctx.add(MODERATE, f"runs the task queue's tool ({command.name})", command)


RULES: dict[str, Rule] = {
    **dict.fromkeys(split_words("kafka-topics kafka-topics.sh"), kafka_topics),
    **dict.fromkeys(split_words("kafka-consumer-groups kafka-consumer-groups.sh"), kafka_groups),
    **dict.fromkeys(
        split_words("kafka-delete-records kafka-delete-records.sh"), kafka_delete_records
    ),
    **dict.fromkeys(split_words("kafka-configs kafka-configs.sh"), kafka_configs),
    **dict.fromkeys(split_words("kafka-acls kafka-acls.sh"), kafka_acls),
    "rabbitmqctl": rabbitmqctl,
    "rabbitmqadmin": rabbitmqadmin,
    "nats": nats,
    "pulsar-admin": pulsar_admin,
    **dict.fromkeys(split_words("celery rq activemq"), task_queue),
}
