"""The words that tell a command line from prose: other languages' keywords, code-fence tags,
English function words, and the everyday utilities that start a command."""

from __future__ import annotations

OTHER_LANGUAGES = frozenset(
    {
        "python",
        "py",
        "javascript",
        "js",
        "typescript",
        "ts",
        "java",
        "c",
        "cpp",
        "go",
        "rust",
        "ruby",
        "php",
        "json",
        "yaml",
        "yml",
        "toml",
        "ini",
        "sql",
        "html",
        "css",
        "xml",
        "dockerfile",
        "makefile",
    }
)

LANGUAGE_TAGS = frozenset(
    {
        "bash",
        "sh",
        "shell",
        "zsh",
        "fish",
        "console",
        "terminal",
        "shell-session",
        "shellsession",
        "ksh",
        "text",
        "plaintext",
        "cmd",
    }
)

FUNCTION_WORDS = frozenset(
    """
    is are was were be will would can could should the a an to of that this these those you
    your it its which will here there then so because for with and or but if when use used
    using command commands following lists shows prints displays
    """.split()
)

# Everyday utilities (lowercase, exact case): with `shutil.which`, they decide whether a first

# word starts a command. The set matters on machines that lack a tool (docker, brew, ...).

KNOWN = frozenset(
    """
    ls cd pwd cp mv rm mkdir rmdir ln touch cat tac less more head tail wc sort uniq cut
    paste join tr sed awk grep egrep fgrep rg find locate xargs tee diff cmp comm stat file
    du df free top htop ps pgrep pkill kill killall nice renice nohup jobs bg fg lsof uptime
    who whoami id groups hostname uname date cal sleep watch time timeout env export
    printenv echo printf read test chmod chown chgrp umask sudo su tar gzip gunzip zcat xz
    unxz bzip2 bunzip2 zip unzip 7z curl wget ping traceroute tracepath dig nslookup host ip
    ifconfig ss netstat nc ncat ssh scp sftp rsync git docker docker-compose podman kubectl
    systemctl journalctl service apt apt-get apt-cache dpkg dnf yum rpm pacman brew pip pip3
    npm npx yarn pnpm python python3 node ruby perl go cargo make cmake gcc jq yq column
    fold fmt nl od xxd hexdump base64 md5sum sha1sum sha256sum shasum openssl crontab at
    history alias type which whereis man tldr lsblk blkid mount umount fdisk parted mkfs dd
    sync shutdown reboot iptables ufw nmcli ip6tables tmux screen vim vi nano emacs code
    open xdg-open pbcopy pbpaste xclip basename dirname realpath readlink split csplit shuf
    seq yes true false expr bc tree du dust ncdu iostat vmstat mpstat sar dmesg lscpu lsusb
    lspci last w finger chsh passwd useradd userdel usermod groupadd visudo sh bash zsh fish
    source exec eval trap wait nproc getconf ulimit strings ldd nm objdump strace ltrace gdb
    zstd unzstd convert ffmpeg pdftotext iconv dos2unix unix2dos rename mmv install truncate
    shred wipefs mktemp sysctl modprobe lsmod hostnamectl timedatectl localectl loginctl
    resolvectl networkctl disown pushd popd dirs unset shopt declare typeset readonly getopts
    builtin compgen mapfile
    """.split()
)
