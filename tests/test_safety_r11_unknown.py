"""Programs caro does not know, handed a whole disk or told to erase the whole machine or a home
folder: HIGH, though what they do stays unknown. Near misses: the same unknown programs on a
project's own files, or with options that only sound alike (`--format=json`).
"""

from __future__ import annotations

import pytest

from tests.safety_table import HIGH, MODERATE, RiskLevel, reaches, stays_within

DANGEROUS: list[tuple[str, RiskLevel]] = [
    ("sudo frobtool --erase /dev/nvme0n1", HIGH),
    ("sudo diskmagic /dev/sda", HIGH),
    ("sudo flashtool --device=/dev/mmcblk0 write image.bin", HIGH),
    ("sudo sometool --delete-all /", HIGH),
    ("cleanup-helper --wipe ~", HIGH),
    ("sudo janitor --purge /var", HIGH),
    ("resetter --factory-reset $HOME", HIGH),
]

NEAR_MISSES: list[tuple[str, RiskLevel]] = [
    ("mytool --format=json /etc", MODERATE),
    ("mytool --purge ./build", MODERATE),
    ("cachetool --wipe ./cache", MODERATE),
    ("imgtool --output /tmp/out.img", MODERATE),
    ("reporter --erase-colors report.txt", MODERATE),
]


@pytest.mark.parametrize(("command", "least"), DANGEROUS)
def test_dangerous(command: str, least: RiskLevel) -> None:
    reaches(command, least)


@pytest.mark.parametrize(("command", "highest"), NEAR_MISSES)
def test_near_miss(command: str, highest: RiskLevel) -> None:
    stays_within(command, highest)
