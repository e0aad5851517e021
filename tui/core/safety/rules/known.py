"""Utilities caro knows without a dedicated rule: read-only ones, and routine changers.

A program caro does not know at all is rated MODERATE: caro only calls a command safe when it
knows the command only reads.
"""

from __future__ import annotations

from tui.core.safety.words import split_words

READ_ONLY = frozenset(
    split_words("""
    ls ll la dir vdir cat tac less more most head tail grep egrep fgrep rg ag ack zgrep zcat
    zless bzcat xzcat find fd fdfind locate which whereis type file stat wc du df free uptime
    uname whoami id groups users who w last lastlog date cal pwd echo printf printenv ps pgrep
    pidof pstree top htop btop atop lsof ss netstat ping ping6 traceroute tracepath mtr dig
    nslookup host whois tree sort uniq cut paste join comm diff diff3 sdiff cmp md5sum sha1sum
    sha224sum sha256sum sha384sum sha512sum b2sum cksum base64 base32 basenc xxd hexdump od strings
    nl fold fmt column expand unexpand rev tr jq yq xq man info help apropos whatis tldr dmesg
    lsblk blkid lscpu lsusb lspci lsmod lshw nproc vmstat iostat mpstat sar sensors test [ [[
    true false : sleep seq basename dirname realpath readlink tput clear cd pushd popd dirs
    alias unalias hash getconf locale arch tty printenv wait jobs fg bg disown shopt bind
    compgen complete set export declare typeset local readonly let read mapfile readarray
    getopts shift return exit break continue trap ulimit umask times caller enable
    yes env timeout nohup nice time xargs watch command builtin stdbuf ionice chrt taskset
    setsid unbuffer exec busybox eval flock script strace ltrace proxychains proxychains4
    torsocks caffeinate sshpass ssh-add lsattr namei findmnt getent iwconfig iw nmap-version
    numfmt factor expr bc dc units look shuf cowsay figlet neofetch fastfetch screenfetch
    bat batcat eza exa lsd delta difft glow tokei cloc ncdu duf dust procs hyperfine fzf
    systemd-analyze modinfo runlevel lsns lslocks lsipc ipcs getenforce sestatus aa-status
    pbpaste wl-paste pbcopy wl-copy sw_vers system_profiler mdls mdfind kextstat vm_stat
    tune2fs-l dumpe2fs xfs_info lvs pvs vgs lvdisplay pvdisplay vgdisplay lsscsi udevadm
    blockdev arp route ethtool iostat ntpq lsof pmap free id last lastb lastlog journalctl
    needs-restarting ldd nm objdump readelf size addr2line sha1sum shasum crc32 zipinfo
    getfacl lsattr namei shellcheck getcap apt-cache iptables-save ip6tables-save dpkg-query
    col colrm notify-send pg_isready pv isoinfo iotop sync eatmydata catchsegv valgrind
    xvfb-run dbus-run-session
    numactl faketime trickle dtach abduco nq systemd-inhibit firejail entr iconv
    setarch linux32 linux64 desktop-file-validate debsums checkupdates
    deborphan pkaction lslogins members
    dmidecode lsinitramfs lsinitrd kldstat repquota ausearch aureport getsebool userdbctl
    matchpathcon sesearch seinfo
    ipfstat logger sg_readcap sg_inq sg_vpd sg_luns dumpfs
    mailq drill
    pkg_info urpmq urpmf
    svnlook svndumpfilter rpm2cpio trash-list
    """)
)

# The *ctl tools: status, show, list and query only report.
CTL_TOOLS = frozenset(
    split_words(
        "hostnamectl timedatectl localectl loginctl chronyc resolvectl networkctl bootctl "
        "busctl coredumpctl launchctl homectl machinectl portablectl supervisorctl"
    )
)
CTL_READS = frozenset(
    split_words(
        "status show list list-sessions list-users list-seats list-timezones list-locales "
        "list-keymaps tracking sources sourcestats activity query statistics dns domain "
        "print blame print-all help --help -h version show-user show-session show-seat "
        "user-status session-status seat-status"
    )
)


ROUTINE = {
    "changes or creates files": (
        "zip unzip gzip gunzip bzip2 bunzip2 xz unxz zstd unzstd 7z 7za rar unrar split csplit "
        "patch ffmpeg convert magick pandoc sox exiftool yt-dlp youtube-dl mkfifo mktemp sort "
        "chattr setfacl gpg openssl ssh-keygen sqlite3 mysql psql redis-cli mongo mongosh"
    ),
    "builds or runs a project": (
        "make cmake ninja meson gcc g++ cc clang clang++ rustc go javac java mvn gradle dotnet "
        "swift swiftc tsc npx bundle rake composer mix elixir erl ghc stack cabal zig kotlinc "
        "scala sbt pytest tox nox jest vitest mocha phpunit rspec ansible ansible-playbook "
        "vagrant packer helm pre-commit"
    ),
    "opens a program": (
        "vim vi nvim nano emacs code subl open xdg-open gedit kate micro helix hx less screen "
        "tmux zellij ranger mc"
    ),
    "connects to a service": (
        "aws gcloud az gh glab heroku flyctl doctl ngrok smbclient ftp lftp tftp ncftpput"
    ),
    "changes the system": (
        "hostnamectl timedatectl localectl update-grub grub-install "
        "dpkg-reconfigure update-alternatives ldconfig at batch launchctl defaults "
        "hostname ntpdate loginctl grub-set-default grub-reboot grub2-set-default "
        "grub2-reboot mkinitcpio depmod grub-mkconfig grub2-mkconfig aa-enforce renice cgcreate "
        "cgexec cgset cgclassify wg-quick supervisorctl"
    ),
    "manages disks, volumes or filesystems": (
        "growpart lvextend lvcreate vgextend pvresize pvmove vgreduce partprobe e2label "
        "exfatlabel fatlabel mlabel kpartx eject xfs_growfs ntfsfix testdisk "
        "photorec f3probe"
    ),
    "runs the scheduled jobs that are due": "anacron",
    "installs the pending updates": "unattended-upgrade unattended-upgrades",
}
ROUTINE_REASON = {name: why for why, names in ROUTINE.items() for name in names.split()}
