"""Variables exported to switch a certificate check off: `export NODE_TLS_REJECT_UNAUTHORIZED=0`
makes every Node program started afterwards in this shell accept any server's certificate.

Decisions: an `export` of such a setting is HIGH: it reaches every later command of the session
(the deploy, the install, each download), and anyone on the way can answer for the server. The
same setting put before one command (`GIT_SSL_NO_VERIFY=1 git clone`) stays with the rules of
that command, as earlier tables pin it.
"""

from __future__ import annotations

from tui.core.safety.context import Context
from tui.core.safety.lazy import lazy_pattern
from tui.core.safety.model import RiskLevel
from tui.core.safety.rules.common import Rule
from tui.core.safety.rules.registries import setting_reason

# Settings that turn certificate checks off, and the values that do it.
_TLS_OFF = {
    "NODE_TLS_REJECT_UNAUTHORIZED": lazy_pattern(r"0"),
    "PYTHONHTTPSVERIFY": lazy_pattern(r"0"),
    "GIT_SSL_NO_VERIFY": lazy_pattern(r"(?i)1|true|yes"),
    "CURL_CA_BUNDLE": lazy_pattern(r""),
    "REQUESTS_CA_BUNDLE": lazy_pattern(r""),
    "NPM_CONFIG_STRICT_SSL": lazy_pattern(r"(?i)false|0"),
    "npm_config_strict_ssl": lazy_pattern(r"(?i)false|0"),
    "YARN_STRICT_SSL": lazy_pattern(r"(?i)false|0"),
    "CARGO_HTTP_CHECK_REVOKE": lazy_pattern(r"(?i)false"),
    "AWS_CA_BUNDLE": lazy_pattern(r""),
    "GOINSECURE": lazy_pattern(r".+"),
    "ANSIBLE_HOST_KEY_CHECKING": lazy_pattern(r"(?i)false|0|no"),
}


def tls_off(name: str, value: str) -> str | None:
    """`NODE_TLS_REJECT_UNAUTHORIZED=0`: why the variable turns certificate checks off."""
    value = value.strip().strip("'\"")
    pattern = _TLS_OFF.get(name)
    if pattern is None or not pattern.fullmatch(value):
        return None
    return f"turns certificate checks off for every later command ({name}={value or repr('')})"


def exported(name: str, value: str, text: str, ctx: Context) -> None:
    """Called for each `export NAME=VALUE` of the command line."""
    value = value.strip().strip("'\"")
    reason = tls_off(name, value)
    if reason is not None:
        ctx.add(RiskLevel.HIGH, reason, text)
        return
    package = setting_reason(name, value)
    if package is not None:
        ctx.add(RiskLevel.HIGH, f"{package}, for every later command", text)


RULES: dict[str, Rule] = {}
