"""The rules, one module per family, and the dispatcher that runs them on a command's layers."""

from __future__ import annotations

import posixpath
import re
from dataclasses import replace

from tui.core.safety import paths, resolve, unwrap
from tui.core.safety.context import Context
from tui.core.safety.lazy import lazy_pattern
from tui.core.safety.parse import Command
from tui.core.safety.rules import (
    access,
    account_tools,
    accounts,
    admin_grants,
    alternatives,
    auth_stack,
    backups,
    bang_lines,
    batch_jobs,
    boot,
    bsd_admin,
    bus_power,
    carriers,
    checks,
    cloud,
    cluster_jobs,
    code,
    config_management,
    copies,
    copy_program,
    cores,
    daemons,
    databases,
    db_servers,
    disk_risks,
    disks,
    distro_managers,
    dotfile_managers,
    editor_code,
    editor_inserts,
    embedded,
    emptied_trash,
    empty_mirrors,
    environments,
    exfiltration,
    exported_checks,
    exposure,
    fed_programs,
    fetched,
    file_sweepers,
    files,
    firewall,
    firmware_flash,
    floods,
    forced_writes,
    forge_clis,
    forges,
    frameworks,
    fresh,
    fs_tuning,
    git_wrappers,
    gpu_tools,
    graph_stores,
    hogs,
    http_stores,
    imported_keys,
    in_place,
    incron,
    infra_helpers,
    init_systems,
    install,
    keepers,
    kernel,
    landings,
    launchd_plists,
    leaks,
    leases,
    limits,
    listening,
    log_and_account_tools,
    login_grants,
    lookups,
    mac_labels,
    macos_admin,
    macos_tools,
    name_lookup,
    net_admin,
    network,
    nuget,
    open_services,
    openers,
    origins,
    other_installers,
    other_senders,
    overlays,
    package_frontends,
    package_reads,
    package_safety,
    package_scripts,
    password_crackers,
    password_stores,
    persistence,
    planted,
    platform_tools,
    programs,
    proxy_settings,
    publishing,
    pulled_code,
    queues,
    registries,
    remote_code,
    replaced_files,
    report_tools,
    resolvers,
    resources,
    router_ports,
    runtimes,
    same_file,
    searchers,
    secret_scanners,
    services,
    source_settings,
    standing_leaks,
    startup,
    storage_tools,
    store_admin,
    stores,
    strangers,
    sync_tools,
    system,
    teardown,
    throwaway_keys,
    toolchains,
    tools,
    transfers,
    typed_keys,
    unbounded_jobs,
    unknowns,
    vcs_purges,
    version_control,
    weakening,
    web_clients,
    wire_stores,
)
from tui.core.safety.rules.common import CRITICAL, HIGH, MODERATE, Rule
from tui.core.safety.rules.known import CTL_READS, CTL_TOOLS, READ_ONLY, ROUTINE_REASON
from tui.core.safety.words import literal, split_words

RULES: dict[str, Rule] = {}
_MODULES = (files, disks, system, tools, network, code, embedded, install, fetched, persistence)
for _module in (
    *_MODULES,
    access,
    account_tools,
    accounts,
    boot,
    bus_power,
    exfiltration,
    exposure,
    firewall,
    kernel,
    limits,
    listening,
    lookups,
    macos_admin,
    databases,
    cloud,
    resources,
    hogs,
    cores,
    resolvers,
    services,
    programs,
    weakening,
    teardown,
    stores,
    daemons,
    openers,
    carriers,
    floods,
    startup,
    package_safety,
    registries,
    environments,
    nuget,
    alternatives,
    package_reads,
    fs_tuning,
    macos_tools,
    auth_stack,
    pulled_code,
    editor_code,
    searchers,
    typed_keys,
    http_stores,
    graph_stores,
    vcs_purges,
    backups,
    launchd_plists,
    incron,
    keepers,
    other_installers,
    transfers,
    disk_risks,
    leases,
    runtimes,
    name_lookup,
    open_services,
    config_management,
    infra_helpers,
    init_systems,
    platform_tools,
    bsd_admin,
    net_admin,
    mac_labels,
    storage_tools,
    log_and_account_tools,
    password_stores,
    password_crackers,
    other_senders,
    web_clients,
    queues,
    db_servers,
    store_admin,
    sync_tools,
    publishing,
    toolchains,
    distro_managers,
    version_control,
    forge_clis,
    file_sweepers,
    unbounded_jobs,
    editor_inserts,
    emptied_trash,
    admin_grants,
    standing_leaks,
    exported_checks,
    proxy_settings,
    package_scripts,
    login_grants,
    report_tools,
    overlays,
    in_place,
    forced_writes,
    dotfile_managers,
    secret_scanners,
    git_wrappers,
    empty_mirrors,
    router_ports,
    imported_keys,
    cluster_jobs,
    gpu_tools,
    firmware_flash,
    batch_jobs,
):
    RULES.update(_module.RULES)

# Routine tools in a form that only reports: their first option, or no argument at all.
_READ_FORMS = {
    "gpg": frozenset(split_words("--list-keys --list-secret-keys -k -K --fingerprint --verify")),
    "ssh-keygen": frozenset(split_words("-l -lf -y -yf -F -E")),
    "screen": frozenset(split_words("-ls -list")),
    "plutil": frozenset(split_words("-p -lint -help")),
    "hostname": frozenset(split_words("-f -s -i -I -d --fqdn --short")),
    "ldconfig": frozenset(split_words("-p --print-cache")),
    "anacron": frozenset(split_words("-T")),
    "logrotate": frozenset(split_words("-d --debug")),
    **dict.fromkeys(split_words("7z 7za 7zz"), frozenset(split_words("l t i h"))),
    "fc": frozenset(split_words("-l -ln -nl -lr -rl -lnr")),
    "codesign": frozenset(split_words("-d -dv -dvv -dvvv --display -v -vv -vvv --verify")),
    "pkgutil": frozenset(
        split_words("--check-signature --pkgs --pkg-info --files --pkgs-plist --lsbom")
    ),
    "packer": frozenset(split_words("validate inspect version")),
    # signatures checked, package contents listed: nothing installed or signed
    "cosign": frozenset(
        split_words(
            "verify verify-blob verify-attestation verify-blob-attestation tree triangulate"
        )
    ),
    "dpkg-deb": frozenset(split_words("-c --contents -I --info -f --field -W --show")),
    "composer": frozenset(
        split_words(
            "validate show info outdated licenses diagnose depends why why-not search audit fund"
        )
    ),
}
_READ_VERBS = {"glab": tools.FORGE_READS}
_INIT_SCRIPTS = ("/etc/init.d/", "/etc/rc.d/init.d/", "/etc/rc.d/")
_GLOB = lazy_pattern(r"[*?\[]")
_ONLY_ASKS = frozenset(split_words("--version -V --help -h version help -version"))


def rule_for(name: str) -> Rule | None:
    if name in RULES:
        return RULES[name]
    if name.startswith("mkfs."):
        return disks.mkfs
    if code.language_of(name) is not None:
        return code.interpreter
    return None


def check_layer(command: Command, ctx: Context) -> None:
    """Runs the rule for one layer (sudo, nice, rm, ...) of a simple command."""
    if not command.words:
        return
    name_word = command.words[0]
    emptied = name_word.raw.replace("``", "").replace("$()", "")
    if emptied != name_word.raw and emptied and not any(c in emptied for c in "$`'\"{"):
        # `r``m -rf ~`, `r$()m`: empty substitutions inside a name leave the name itself
        ctx.add(HIGH, f"{resolve.UNRESOLVED} ({name_word.raw})", command)
        check_layer(replace(command, words=(literal(emptied), *command.args)), ctx)
        return
    if name_word.substitutions or "${" in name_word.value:
        _dynamic_name(command, ctx)
        return
    if any(char in name_word.value for char in "*?[") and not name_word.value.startswith("["):
        _globbed_name(command, ctx)
        return
    if "{" in name_word.value and "," in name_word.value and not name_word.dynamic:
        spelt = paths.expand_braces(name_word.value, limit=8)
        if len(spelt) > 1:  # `r{m,} -rf ~` is `rm r -rf ~`: the braces spell the program
            ctx.add(HIGH, f"{resolve.UNRESOLVED} ({name_word.raw})", command)
            check_layer(replace(command, words=(*map(literal, spelt), *command.args)), ctx)
            return
    name = command.name
    if not name or (command.args and all(word.value in _ONLY_ASKS for word in command.args)):
        return
    stem = name[:-4] if name.lower().endswith(".exe") else ""
    if stem and rule_for(stem.lower()) is not None:  # `pip.exe install ...`: pip on Windows
        check_layer(replace(command, words=(literal(stem.lower()), *command.args)), ctx)
    stands_for = package_frontends.translate(command)
    if stands_for is not None:  # `nala remove x`, `pkcon remove x`: what apt or dnf would do
        check_layer(stands_for, ctx)
        return
    if _asks_subcommand_help(name, command):
        return  # `terraform destroy --help`, `kubectl delete ns --help`: only the help is shown
    exfiltration.check_flow(command, ctx)
    fed_programs.fed_programs(command, ctx)
    if name_word.value.startswith(_INIT_SCRIPTS):
        system.service(command, ctx)  # `/etc/init.d/ssh stop` is `service ssh stop`
        return
    if name in embedded.CODE_OPTIONS:
        embedded.option_code(command, ctx)
    if name not in ("head", "dd") and not _dumps_counted(command) and _reads_endless(command):
        resources.endless_reader(command, ctx)
    if "/" in name_word.value and not name_word.value.startswith(("/", "~")) and _fresh(ctx):
        _local_program(command, ctx)  # `tar xz && ./a/install`: not the `install` tool
        return
    if name_word.value.startswith("~") and _cloned_into(name_word.value, ctx):
        _local_program(command, ctx)  # `git clone URL ~/.dots && ~/.dots/install`
        return
    rule = code.interpreter if code.runs_inline_code(command) else rule_for(name)
    if checks.only_checks(command):
        return  # `kubectl apply --dry-run=client`, `nginx -t`: the tool only reports
    if frameworks.only_reports(command) and not _fresh(ctx):
        return  # `php artisan migrate:status`, `alembic history`: a project tool that reports
    if (
        name in CTL_TOOLS
        and (not command.args or command.args[0].value in CTL_READS)
        and not (name == "resolvectl" and resolvers.sets_resolver(command))
    ):
        return
    if name in ("arp", "ethtool", "blockdev", "udevadm") and _changes_settings(command):
        harm = net_admin.device_harm(command)
        if harm is not None:
            ctx.add(HIGH, harm, command)
        ctx.add(MODERATE, f"changes network or device settings ({name})", command)
        return
    if name in _SETTING_TOOLS:
        _weakened_setting(command, ctx)
    for extra in _EXTRA_CHECKS.get(name, ()):
        extra(command, ctx)
    if rule is not None:
        rule(command, ctx)
    elif name in READ_ONLY or name in ctx.functions:
        return
    elif "/" in name_word.value:
        _local_program(command, ctx)
    elif (name in _READ_FORMS or name in _READ_VERBS) and _only_reads(name, command):
        return
    elif name in ROUTINE_REASON:
        ctx.add(MODERATE, f"{ROUTINE_REASON[name]} ({name})", command)
    elif name in ctx.downloads:  # `curl URL | sudo tee /usr/local/bin/x && x`
        ctx.add(CRITICAL, f"runs {name}, which was just downloaded and not checked", command)
    else:
        ctx.add(MODERATE, f"`{name}` is not a command caro knows: its effect is unknown", command)
        unknowns.handed(command, ctx)
        forced_writes.unknown_forced(command, ctx)


# Checks that run besides a tool's own rule (exposure, origins), by tool name.
_EXTRA_CHECKS: dict[str, tuple[Rule, ...]] = {
    "kubectl": (listening.kubectl_exposed, listening.kubectl_expose, origins.manifest),
    "helm": (origins.manifest,),
    **dict.fromkeys(split_words("cp mv install trust"), (weakening.new_authority,)),
    "launchctl": (weakening.launchctl_firewall,),
    **dict.fromkeys(split_words("python python3 python2"), (listening.python_ftp,)),
    **dict.fromkeys(split_words("php ruby busybox caddy rclone"), (listening.static_server,)),
    **dict.fromkeys(split_words("npx bunx pnpx"), (listening.static_server, origins.runner_source)),
    "printf": (code.printf_assignment,),
    **{name: (check,) for name, check in bang_lines.CHECKS.items()},
    **dict.fromkeys(split_words("kitty kitten wezterm"), (typed_keys.sent_text,)),
    **dict.fromkeys(split_words("mongosh mongo"), (code.shell_script_eval,)),
    **dict.fromkeys(split_words("openssl gpg2"), (throwaway_keys.throwaway_key,)),
    **dict.fromkeys(split_words("read mapfile readarray"), (code.read_assignment,)),
    "gcloud": (listening.open_to_world, remote_code.cloud_code),
    "az": (listening.open_to_world, remote_code.cloud_code),
    "doctl": (listening.open_to_world,),
    "aws": (remote_code.cloud_code,),
    **dict.fromkeys(
        split_words("docker podman nerdctl"), (origins.image_typo, listening.container_service)
    ),
    **dict.fromkeys(
        split_words("npm pnpm yarn bun"),
        (origins.starter_typo, origins.runner_source, fetched.dlx),
    ),
    "go": (registries.go_env, registries.environment),
    "composer": (registries.composer,),
    "deno": (fetched.deno,),
    "uv": (fetched.uv_script,),
    "ssh": (code.remote_stdin,),
    **dict.fromkeys(split_words("nc ncat netcat telnet"), (wire_stores.socket_commands,)),
    "tee": (code.tee_written,),
    "sponge": (code.tee_written,),
    "gpg": (install.key_file, throwaway_keys.throwaway_key),
    "dpkg": (package_safety.selections,),
    **dict.fromkeys(resources.MEMORY_EATERS, (resources.fed_endless,)),
    **dict.fromkeys(resources.COMPILERS, (resources.compiled_bomb,)),
    "osascript": (code.interpreter,),  # besides login items: what the script itself does
    **dict.fromkeys(split_words("tar bsdtar unzip 7z 7za"), (fetched.extracted_download,)),
    **dict.fromkeys(split_words("scp rsync"), (fresh.copied_from_remote,)),
    **dict.fromkeys(split_words("pip pip3"), (fresh.downloaded_packages, fresh.builds_fresh)),
    **dict.fromkeys(fresh.BUILDERS, (fresh.builds_fresh,)),
}
# Where data goes and what is planted (strangers.py, planted.py): added to the checks above,
# never in place of them.
_WHERE_AND_PLANTED: dict[str, tuple[Rule, ...]] = {
    **dict.fromkeys(split_words("echo printf cat sed perl tee sponge"), (planted.web_shell,)),
    **dict.fromkeys(split_words("cp mv install rsync"), (strangers.to_removable,)),
    **dict.fromkeys(split_words("curl wget http https xh"), (strangers.foreign_token,)),
    **dict.fromkeys(split_words("tar bsdtar zip 7z 7za"), (strangers.archive_to_removable,)),
    "git": (strangers.committed_secret,),
}
for _name, _checks in (
    *_WHERE_AND_PLANTED.items(),
    *floods.EXTRA_CHECKS.items(),
    *resources.EXTRA_CHECKS.items(),
    *hogs.EXTRA_CHECKS.items(),
    *copies.EXTRA_CHECKS.items(),
    *cores.EXTRA_CHECKS.items(),
    *forges.EXTRA_CHECKS.items(),
    *leaks.EXTRA_CHECKS.items(),
    *frameworks.EXTRA_CHECKS.items(),
    *copy_program.EXTRA_CHECKS.items(),
    *same_file.EXTRA_CHECKS.items(),
    *fresh.EXTRA_CHECKS.items(),
    *macos_tools.EXTRA_CHECKS.items(),
    *landings.EXTRA_CHECKS.items(),
    *other_installers.EXTRA_CHECKS.items(),
    *pulled_code.EXTRA_CHECKS.items(),
    *source_settings.EXTRA_CHECKS.items(),
    *transfers.EXTRA_CHECKS.items(),
    *macos_admin.EXTRA_CHECKS.items(),
    *disk_risks.EXTRA_CHECKS.items(),
    *name_lookup.EXTRA_CHECKS.items(),
    *open_services.EXTRA_CHECKS.items(),
    *infra_helpers.EXTRA_CHECKS.items(),
    *storage_tools.EXTRA_CHECKS.items(),
    *mac_labels.EXTRA_CHECKS.items(),
    *other_senders.EXTRA_CHECKS.items(),
    *publishing.EXTRA_CHECKS.items(),
    *toolchains.EXTRA_CHECKS.items(),
    *distro_managers.EXTRA_CHECKS.items(),
    *file_sweepers.EXTRA_CHECKS.items(),
    *unbounded_jobs.EXTRA_CHECKS.items(),
    *editor_inserts.EXTRA_CHECKS.items(),
    *emptied_trash.EXTRA_CHECKS.items(),
    *admin_grants.EXTRA_CHECKS.items(),
    *package_scripts.EXTRA_CHECKS.items(),
    *overlays.EXTRA_CHECKS.items(),
    *replaced_files.EXTRA_CHECKS.items(),
    *empty_mirrors.EXTRA_CHECKS.items(),
):
    _EXTRA_CHECKS[_name] = _EXTRA_CHECKS.get(_name, ()) + _checks
_SETTING_TOOLS = frozenset(
    split_words("npm pnpm yarn git pip pip3 conda mamba defaults kubectl poetry")
)


def _weakened_setting(command: Command, ctx: Context) -> None:
    """A `config set` or `defaults write` that switches a protection off for good."""
    if command.name == "defaults":
        weakening.macos_firewall(command, ctx)
        return
    reason = weakening.config_set(command)
    if reason is not None:
        ctx.add(HIGH, reason, command)


# Command-line tools with verbs that print a verb's help, and do nothing else, when asked.
_VERB_TOOLS = frozenset(
    split_words(
        "terraform tofu terragrunt pulumi kubectl oc helm aws gcloud gsutil az eksctl doctl cdk "
        "kind minikube"
    )
)


def _asks_subcommand_help(name: str, command: Command) -> bool:
    """Plain words (the verb and its objects), then `--help`, `-h` or `help`, and nothing more."""
    if name not in _VERB_TOOLS or not command.args:
        return False
    *words, last = command.args
    plain = all(re.fullmatch(r"[\w.:@-]+", w.value) and w.value[0] != "-" for w in words)
    return plain and last.value in _ONLY_ASKS - {"version", "-V", "--version", "-version"}


def _only_reads(name: str, command: Command) -> bool:
    if name in _READ_VERBS:
        return " ".join(command.argv[:2]) in _READ_VERBS[name]
    first = command.args[0].value if command.args else ""
    return (not first and name == "hostname") or first in _READ_FORMS[name]


def _changes_settings(command: Command) -> bool:
    argv = command.argv
    changing = (
        "-d",
        "-s",
        "-K",
        "-A",
        "-G",
        "-L",
        "-E",
        "-e",
        "--setro",
        "--setrw",
        "add",
        "del",
        "delete",
        "flush",
        "change",
        "replace",
        "trigger",
        "--flushbufs",
        "--rereadpt",
        "--reset",
        "-f",
        "-r",
    )
    return any(a in changing for a in argv)


def _dumps_counted(command: Command) -> bool:
    """`od -N 16 /dev/urandom`, `xxd -l 32 /dev/urandom`: a dump that stops after a count."""
    if command.name not in ("od", "xxd", "hexdump"):
        return False
    return any(a.startswith(_DUMP_COUNTS) for a in command.argv)


_DUMP_COUNTS = ("-N", "--read-bytes", "-l", "-len", "-n", "--length")


def _reads_endless(command: Command) -> bool:
    return any(word.value in resources.ENDLESS for word in command.args) or any(
        r.op == "<" and r.target is not None and r.target.value in resources.ENDLESS
        for r in command.redirects
    )


def _dynamic_name(command: Command, ctx: Context) -> None:
    word = command.words[0]
    resolved = resolve.resolve(command, ctx.variables, []) if not word.substitutions else None
    if resolved is not None and resolved.words and resolved.words[0].value != word.value:
        ctx.add(HIGH, f"{resolve.UNRESOLVED} ({word.raw})", command)
        check_layer(resolved, ctx)
        return
    kinds = ctx.word_kinds(word)
    if code.executing_kinds(ctx, kinds, command, "as the command name"):
        return
    stdin = command.stdin
    if stdin is not None and code.executing_kinds(ctx, stdin.kinds, command, f"… | {word.raw}"):
        return
    ctx.add(HIGH, f"{resolve.UNRESOLVED} ({word.raw})", command)


def _globbed_name(command: Command, ctx: Context) -> None:
    """`/bin/r? -rf ~`: every program caro knows that the pattern could name is rated."""
    word = command.words[0]
    if _asks_interpreter(word.value, command):
        return
    known = set(RULES) | READ_ONLY | set(ROUTINE_REASON)
    base = posixpath.basename(word.value)
    names = resolve.glob_candidates(word.value, known) if _GLOB.search(base) else [base]
    for name in names:  # `/s?in/mkfs.ext4`: only the folder is a pattern, the program is known
        if name in _RUNNERS:  # `/bin/ba?h -c CODE`, `/usr/bin/su?o rm -rf /`: what they run
            ctx.run_code(literal(" ".join((name, *(w.raw for w in command.args)))), command)
        else:
            check_layer(replace(command, words=(literal(name), *command.args)), ctx)
    ctx.add(HIGH, f"{resolve.UNRESOLVED} ({word.raw})", command)


# Programs that run other code: a globbed name that could be one of them is read again whole.
_RUNNERS = unwrap.SHELLS | frozenset(split_words("sudo doas env busybox xargs nohup timeout"))
_BIN_DIRS = frozenset(("/bin", "/usr/bin", "/usr/local/bin", "/opt/homebrew/bin"))
_INTERPRETER_NAMES = frozenset(
    split_words(
        "python python2 python3 pypy pypy3 perl ruby node nodejs php lua luajit Rscript tclsh "
        "sh bash zsh dash ksh mksh fish"
    )
)


def _asks_interpreter(pattern: str, command: Command) -> bool:
    """`/usr/bin/pytho?3 --version`: a root-owned folder, a pattern only interpreters match,
    and nothing asked but the version or help."""
    folder, _, base = pattern.rpartition("/")
    if folder not in _BIN_DIRS or not command.args:
        return False
    if any(word.value not in _ONLY_ASKS for word in command.args):
        return False
    versioned = re.fullmatch(r"([A-Za-z]+)[\d.*?\[\]]*", base)
    if versioned and versioned.group(1) in _INTERPRETER_NAMES:
        return True  # `python3.*`, `ruby2.?`: only the version is a pattern
    if len(_GLOB.sub("", base)) < 4:
        return False
    known = _INTERPRETER_NAMES | set(RULES) | READ_ONLY | set(ROUTINE_REASON)
    matches = resolve.glob_candidates(pattern, known)
    return bool(matches) and all(name in _INTERPRETER_NAMES for name in matches)


def _cloned_into(program: str, ctx: Context) -> bool:
    """Whether `program` lies in the folder a repository was cloned into in this line."""
    where = paths.normalise(program)
    return any(
        mark.startswith("<cloned into ") and where.startswith(mark[len("<cloned into ") : -1])
        for mark in ctx.downloads
    )


def _fresh(ctx: Context) -> bool:
    """Code arrived in this line: an archive unpacked, a repository cloned, files copied."""
    return fresh.fresh_origin(ctx) is not None


def _local_program(command: Command, ctx: Context) -> None:
    value = command.words[0].value
    if posixpath.basename(value) in ctx.downloads:
        ctx.add(CRITICAL, f"runs {value}, which was just downloaded and not checked", command)
    elif paths.is_world_writable(value) and (
        "/." in value or set(command.via) & {"nohup", "setsid", "daemonize", "disown"}
    ):
        reason = f"runs {value}, a hidden or detached program from a folder anyone can write"
        ctx.add(HIGH, reason, command)
    elif (origin := fresh.fresh_origin(ctx)) is not None:
        ctx.add(CRITICAL, f"runs {value} from {origin}, before anyone read it", command)
    else:
        ctx.add(MODERATE, f"runs the program {value}", command)
        code.run_written(command, ctx)
