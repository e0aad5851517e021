"""Where code comes from, for tools whose everyday use fetches it: manifests, charts, images,
project starters.

`kubectl apply -f URL` and `helm repo add NAME URL` run whatever that server hands out; from a
bare address or over plain HTTP nobody can say who wrote it. An image or starter whose name is
one typo from a popular one is the look-alike trick package registries see every week.
"""

from __future__ import annotations

import ipaddress

from tui.core.safety.context import Context
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import HIGH, subcommand
from tui.core.safety.rules.install import remote_package
from tui.core.safety.rules.typos import CREATE_TOOLS, POPULAR, one_typo_from
from tui.core.safety.words import split_words

POPULAR_IMAGES = frozenset(
    split_words(
        "ubuntu debian alpine nginx node python redis postgres mysql mongo golang centos "
        "fedora busybox httpd traefik rabbitmq elasticsearch grafana prometheus mariadb "
        "memcached openjdk eclipse-temurin amazonlinux rockylinux almalinux archlinux "
        "wordpress jenkins registry vault consul nextcloud haproxy caddy kibana logstash "
        "influxdb telegraf sonarqube gitlab minio localstack"
    )
)


def _bare_or_plain(url: str) -> str | None:
    """The host of an http:// URL or of a URL whose host is an IP address, else None (a chart
    registry, `oci://203.0.113.7/charts/x`, counts as well)."""
    if not url.startswith(("http://", "https://", "oci://")):
        return None
    host = url.split("://", 1)[1].split("/", 1)[0].rsplit("@", 1)[-1].rsplit(":", 1)[0]
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return host if url.startswith("http://") else None
    return host


def manifest(command: Command, ctx: Context) -> None:
    """`kubectl apply -f http://203.0.113.5/x.yaml`, `helm repo add r http://...`."""
    sub, rest = subcommand(command, "-n --namespace --context --kubeconfig -l")
    argv = rest.argv
    urls: list[str] = []
    if command.name == "kubectl" and sub in ("apply", "create", "replace"):
        urls = [argv[i + 1] for i, a in enumerate(argv[:-1]) if a in ("-f", "--filename")]
        urls += [a.split("=", 1)[1] for a in argv if a.startswith("--filename=")]
    elif command.name == "helm" and sub == "repo" and argv[:1] == ["add"]:
        urls = argv[2:3]
    elif command.name == "helm" and sub in ("install", "upgrade"):
        urls = [argv[i + 1] for i, a in enumerate(argv[:-1]) if a == "--repo"]
        urls += [a for a in argv if a.startswith(("http://", "https://", "oci://"))]
    for url in urls:
        host = _bare_or_plain(url)
        if host is not None:
            reason = f"runs cluster code served by {host}, unchecked: nobody knows who wrote it"
            ctx.add(HIGH, reason, command)
            return


def image_typo(command: Command, ctx: Context) -> None:
    """`docker run ubunut`: an image one typo from a popular official one."""
    sub, rest = subcommand(command, "-H --host --context -c --config -l --log-level")
    if sub not in ("run", "pull", "create"):
        return
    image = _image(rest.argv)
    if "/" in image:
        return  # a namespace or registry of its own: not a look-alike of an official image
    name = image.split(":", 1)[0].split("@", 1)[0]
    meant = one_typo_from(name, POPULAR_IMAGES)
    if meant is not None:
        reason = f"runs the image {name}, one typo from {meant}: look-alike images carry malware"
        ctx.add(HIGH, reason, command)


_RUN_VALUES = frozenset(
    split_words(
        "-p --publish -v --volume -e --env --env-file --name -w --workdir --network --net -u "
        "--user --entrypoint -m --memory --cpus --mount -l --label --restart --platform -h "
        "--hostname --add-host --device --log-driver --log-opt --gpus --pull --cap-add "
        "--cap-drop --security-opt --tmpfs --ulimit --dns --link --volumes-from --expose "
        "--shm-size --ipc --pid --runtime --stop-signal --health-cmd -a --attach --cidfile"
    )
)


def _image(argv: list[str]) -> str:
    """The image of `docker run [options] IMAGE [command]`."""
    index = 0
    while index < len(argv):
        value = argv[index]
        if not value.startswith("-"):
            return value
        index += 2 if value in _RUN_VALUES else 1
    return ""


_STARTERS = {"init": True, "create": True, "exec": False, "dlx": False, "x": False}


def starter_typo(command: Command, ctx: Context) -> None:
    """`npm init react-appp`, `yarn create vitte`, `pnpm dlx create-nxt-app`."""
    sub, rest = subcommand(command)
    if sub not in _STARTERS:
        return
    package = next((a for a in rest.argv if not a.startswith("-")), "")
    if not package:
        return
    name = package.split("@", 1)[0] if not package.startswith("@") else package
    if _STARTERS[sub] and not name.startswith(("create-", "@")):
        name = f"create-{name}"
    meant = one_typo_from(name, CREATE_TOOLS | POPULAR["npm"])
    if meant is not None:
        reason = (
            f"fetches and runs {name}, one typo from {meant}: look-alike packages carry malware"
        )
        ctx.add(HIGH, reason, command)


_RUNNERS = frozenset(split_words("npx bunx pnpx"))
_RUN_SUBS = frozenset(split_words("dlx exec x"))


def runner_source(command: Command, ctx: Context) -> None:
    """`npx github:o/r`, `pnpm dlx https://x/p.tgz`, `npm exec o/r`: code fetched from
    wherever it lives and run at once, without any registry in between."""
    argv = command.argv
    if command.name in ("npm", "pnpm", "yarn") and argv[:1] and argv[0] in _RUN_SUBS:
        argv = argv[1:]
    elif command.name not in _RUNNERS:
        return
    packages = [argv[i + 1] for i, a in enumerate(argv[:-1]) if a in ("-p", "--package")]
    packages += [a.split("=", 1)[1] for a in argv if a.startswith("--package=")]
    packages += [a for a in argv if not a.startswith("-")][:1]
    for package in packages:
        if remote_package(package):
            reason = f"fetches and runs code straight from {package[:80]}: nobody reviewed it"
            ctx.add(HIGH, reason, command)
            return
