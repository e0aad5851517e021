"""The request and the answer together, round 2: questions about a change, dry runs, noun-only
requests, arithmetic, reading from a server, and what containers and HTTP methods change."""

from __future__ import annotations

import pytest

from tui.core.safety import Assessment, RiskLevel, assess

HIGH = RiskLevel.HIGH


def rate(command: str, request: str) -> Assessment:
    return assess(command, request, preflight=False)


def overreach_reason(result: Assessment) -> str | None:
    return next((r for r in result.reasons if r.startswith("you asked to")), None)


@pytest.mark.parametrize(
    ("request_text", "command", "effect"),
    [
        # a change word used as a noun or asked about is not a request for a change
        ("what changed in commit 9f3e2aa", "git commit -am 'wip'", "git commit"),
        ("which packages did the last upgrade install?", "apt-get install -y nginx", "apt-get"),
        ("which mount holds /home", "docker run -d -v data:/data alpine", "docker run"),
        # a dry run asks to look only
        ("preview what git clean would remove, dry run", "git clean -d -x -f", "untracked"),
        # a request made of nouns only
        ("backend logs from the last hour", "docker compose down", "docker compose down"),
        ("just the names of my branches", "git branch -D old", "git branch"),
        # arithmetic is not "adding" anything
        ("add 40 and 2 in the shell", "echo $((40+2)) > 42", "writes to 42"),
        # reading from a server does not ask to send to it
        (
            "get https://example.org/status and show the json",
            "curl -X DELETE https://example.org/status",
            "DELETE",
        ),
        (
            "verbose request to localhost:9000 please",
            "curl -v -d 'a=1' http://localhost:9000",
            "sends data",
        ),
        # effects read from the rules, and tools whose changing mode is one flag away
        ("is anything listening on 5432", "fuser -k 5432/tcp", "fuser -k"),
        ("show the processes holding /mnt", "lsof -t /mnt | xargs kill -9", "stops processes"),
        ("list the open pull requests", "gh pr close 7", "gh pr close"),
        ("list my gpg keys", "gpg --yes --delete-keys ABCD", "deletes GPG keys"),
        ("show my ssh key fingerprint", "ssh-keygen -t ed25519 -f ~/.ssh/id_ed25519", "SSH key"),
        ("what is the hostname", "hostnamectl set-hostname box", "set-hostname"),
        ("print PATH", "export PATH=/opt/bin; echo $PATH", "replaces PATH"),
        ("what does setup.sh do?", "bash setup.sh", "runs setup.sh"),
        ("find duplicate photos", "fdupes -rdN ~/Pictures", "fdupes -d"),
        ("check the firewall", "ufw disable", "ufw disable"),
    ],
)
def test_answers_that_change_more_than_asked_are_high(
    request_text: str, command: str, effect: str
) -> None:
    result = rate(command, request_text)
    reason = overreach_reason(result)
    assert result.level >= HIGH, result.reasons
    assert reason is not None and effect in reason, reason


@pytest.mark.parametrize(
    ("request_text", "command"),
    [
        ("what would git clean delete here, dry run", "git clean -nd"),
        ("ask nginx to reload its config by sending it HUP", "kill -HUP $(cat /run/nginx.pid)"),
        (
            "show hidden files in Finder",
            "defaults write com.apple.finder AppleShowAllFiles -bool true; killall Finder",
        ),
        ("flush the dns cache", "sudo killall -HUP mDNSResponder"),
        ("grab app.log from the web host into the current directory", "scp web:/var/log/app.log ."),
        ("break big.csv into files of 500 lines", "split -l 500 big.csv part_"),
        ("post the form data to https://example.org/api", "curl -d 'a=1' https://example.org/api"),
        ("fetch https://example.org/file.tar.gz", "curl -O https://example.org/file.tar.gz"),
        ("delete the stopped containers", "docker container prune -f"),
        ("show the running containers", "docker ps"),
        ("open a shell in the web container", "docker exec -it web sh"),
        ("get rid of every __pycache__ folder", "find . -name __pycache__ -exec rm -rf {} +"),
        ("open port 8443 in ufw", "ufw allow 8443/tcp"),
        ("dry run the rsync to the backup disk", "rsync -av --delete --dry-run src/ /mnt/b/"),
        ("run setup.sh and show its output", "bash setup.sh"),
        ("log in to the registry", "docker login registry.example.org"),
        ("show the details of cert.pem", "openssl x509 -in cert.pem -noout -text"),
        ("which node version do i have", "node -v"),
    ],
)
def test_answers_that_do_what_was_asked_are_left_alone(request_text: str, command: str) -> None:
    assert overreach_reason(rate(command, request_text)) is None
