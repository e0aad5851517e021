"""Inline programs that install packages from a repository or run what they download.

`R -e 'devtools::install_github("o/r")'`, `julia -e 'Pkg.add(url="...")'`: a package built
from whatever that repository holds today, as `pip install git+URL` is (HIGH).
`subprocess.run(urlopen(URL).read(), shell=True)`: the downloaded text is the command (CRITICAL).
"""

from __future__ import annotations

from tui.core.safety.lazy import lazy_pattern
from tui.core.safety.model import RiskLevel

_REPOSITORY_INSTALL = lazy_pattern(
    r"\binstall_(?:github|gitlab|bitbucket|url|git|svn|local\s*\(\s*['\"]https?:)\s*\(|"
    r"\bpkg_install\s*\(\s*['\"](?:github|gitlab|url|git)::|"
    r"\bPkg\.(?:add|develop)\s*\(\s*(?:url\s*=|PackageSpec\s*\(\s*url\s*=|['\"]https?://)|"
    r"\bpip\.main\s*\(\s*\[\s*['\"]install['\"][^\]]*['\"](?:git\+|https?://)|"
    # R: a package file from an address, or a repository other than CRAN's mirrors
    r"\binstall\.packages\s*\(\s*['\"]https?://|"
    r"\binstall\.packages\s*\([^)]*\brepos\s*=\s*['\"](?!https://(?:[\w.-]*\.)?"
    r"(?:r-project\.org|rstudio\.com|posit\.co|bioconductor\.org|r-universe\.dev))"
    r"[a-z]+://|"
    r"\bPkg\.Registry\.add\s*\(\s*(?:url\s*=|RegistrySpec\s*\(\s*url\s*=|['\"](?:https?|git)://)"
)
# `remove.packages(installed.packages()[, 1])`: every package the library holds.
_EVERY_PACKAGE_REMOVED = lazy_pattern(
    r"\bremove\.packages\s*\(\s*(?:rownames\s*\()?\s*installed\.packages"
)
# A call that runs a command, whose argument is (or includes) text just downloaded.
_RUNS_FETCHED = lazy_pattern(
    r"(?:subprocess\.\w+|os\.system|os\.popen|\bsystem|\bexecSync|\bspawnSync|\bshell_exec)"
    r"\s*\(\s*[^;]{0,80}?(?:urlopen|requests\.get|httpx\.get|urllib\.request|"
    r"file_get_contents\s*\(\s*['\"]https?:|Net::HTTP\.get|URI\.open|LWP::Simple)"
)


def findings(code: str, language: str) -> list[tuple[RiskLevel, str]]:
    found: list[tuple[RiskLevel, str]] = []
    if _RUNS_FETCHED.search(code):
        reason = f"{language} code downloads a command from the internet and runs it"
        found.append((RiskLevel.CRITICAL, reason))
    if _EVERY_PACKAGE_REMOVED.search(code):
        found.append((RiskLevel.HIGH, f"{language} code removes every installed package"))
    if _REPOSITORY_INSTALL.search(code):
        reason = f"{language} code installs a package straight from its repository or a URL"
        found.append((RiskLevel.HIGH, f"{reason}: nobody reviewed it"))
    return found
