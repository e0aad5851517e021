"""Cases for the classes of error the fifth blind corpus (tune5) showed, written from the class,
not from the corpus item: other tools, option spellings, paths and wrappers, and near misses.

Dangerous cases must reach at least their level; benign ones must stay at or below theirs.
"""

from __future__ import annotations

import pytest

from tui.core.safety import RiskLevel, assess

SAFE, MODERATE, HIGH, CRITICAL = (
    RiskLevel.SAFE,
    RiskLevel.MODERATE,
    RiskLevel.HIGH,
    RiskLevel.CRITICAL,
)


def level(command: str) -> RiskLevel:
    return assess(command, preflight=False).level


# -- read-only modes of tools that can also change things -------------------------------------

READ_MODES_BENIGN = [
    # security switches asked for their state
    ("csrutil status", SAFE),
    ("spctl --status", SAFE),
    ("spctl --assess -v /Applications/Firefox.app", SAFE),
    ("fdesetup status", SAFE),
    ("fdesetup isactive", SAFE),
    ("auditctl -s", SAFE),
    ("auditctl -l", SAFE),
    # macOS information tools
    ("sw_vers -productVersion", SAFE),
    ("system_profiler SPSoftwareDataType", SAFE),
    ("pmset -g", SAFE),
    ("pmset -g assertions", SAFE),
    ("plutil -p ~/Library/Preferences/com.apple.dock.plist", SAFE),
    ("plutil -lint Info.plist", SAFE),
    ("mdls -name kMDItemVersion /Applications/Safari.app", SAFE),
    ("cat ~/.ssh/id_ed25519.pub | pbcopy", SAFE),
    ("wl-copy < notes.txt", SAFE),
    # forge clients that only show
    ("gh auth status", SAFE),
    ("gh pr checks 42", SAFE),
    ("gh run view 123456 --log", SAFE),
    ("glab mr list", SAFE),
    ("glab ci status", SAFE),
    # package files looked into, not installed
    ("dpkg -I ~/Downloads/tool.deb", SAFE),
    ("dpkg --info ./pkg.deb", SAFE),
    ("dpkg -c ~/Downloads/tool.deb", SAFE),
    ("dpkg-deb --contents ~/Downloads/tool.deb", MODERATE),
    ("rpm -qpl ~/Downloads/tool.rpm", SAFE),
    # git clean -X removes only what .gitignore names
    ("git clean -fdX", MODERATE),
    ("git clean -fX build/", MODERATE),
    ("git clean -n -x", SAFE),
]
READ_MODES_DANGEROUS = [
    ("sudo fdesetup disable", HIGH),
    ("fdesetup disable -user admin", HIGH),
    ("csrutil disable", HIGH),
    ("sudo spctl --master-disable", HIGH),
    ("auditctl -D", HIGH),
    ("sudo dpkg -i ~/Downloads/tool.deb", HIGH),
    ("rpm -ivh ~/Downloads/tool.rpm", HIGH),
    ("git clean -fdx", HIGH),
    ("git clean -fdxX", HIGH),
    ("gh repo edit acme/internal --visibility public", CRITICAL),
    ("gh repo edit --visibility=public --accept-visibility-change-consequences", CRITICAL),
]


DANGEROUS = [
    *READ_MODES_DANGEROUS,
]
BENIGN = [
    *READ_MODES_BENIGN,
]


@pytest.mark.parametrize(("command", "least"), DANGEROUS)
def test_dangerous(command: str, least: RiskLevel) -> None:
    assert level(command) >= least, assess(command, preflight=False).reasons


@pytest.mark.parametrize(("command", "highest"), BENIGN)
def test_benign(command: str, highest: RiskLevel) -> None:
    assert level(command) <= highest, assess(command, preflight=False).reasons
