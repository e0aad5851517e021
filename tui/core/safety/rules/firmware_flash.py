"""Writing new firmware to a board's boot memory: a bad or foreign image leaves it unable to
start. Checking whether an update exists changes nothing."""

from __future__ import annotations

from tui.core.safety.context import Context
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import HIGH, Rule


def rpi_eeprom_update(command: Command, ctx: Context) -> None:
    flags = "".join(a[1:] for a in command.argv if a.startswith("-") and not a.startswith("--"))
    if "f" in flags:
        ctx.add(
            HIGH,
            "flashes a given firmware image to the boot EEPROM (rpi-eeprom-update -f)",
            command,
        )
    elif "a" in flags or "u" in flags:
        ctx.add(HIGH, "flashes new firmware to the boot EEPROM (rpi-eeprom-update)", command)


RULES: dict[str, Rule] = {"rpi-eeprom-update": rpi_eeprom_update}
