"""Asks before running, in proportion to the risk: what `tui.core.safety.decide` requires.

Shows the exact command, where it runs and with which shell, the risk level with its reasons
and the pre-flight notes, then asks:

- confirm_key: one key (y runs; n or Esc does not);
- confirm_yes: type `yes` and Enter;
- confirm_word: type the command's first word and Enter;
- blocked: says why. Where the safety level lets the person override (a critical command at the
  moderate level, a high one at the strict level), `o` overrides, and then the command's first
  word must be typed. A deny pattern, or a critical command at the strict level, cannot be
  overridden.

Anything else typed runs nothing. The screen dismisses with an Approval, or None.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from tui.app import highlight
from tui.app.keys import CONFIRM_KEYS
from tui.app.widgets.results import risk_detail
from tui.core.display import displayable, handed_over
from tui.core.history.recording import CONFIRMED_BY
from tui.core.safety import Assessment, Decision, SafetyPolicy, decide

TYPED = ("confirm_yes", "confirm_word")


@dataclass(frozen=True)
class Approval:
    """How the person confirmed: `confirmed_by` is the history's word for it (key, yes, word,
    none); `overridden` says the command was blocked and the person overrode that."""

    confirmed_by: str
    overridden: bool = False


def approval_for(decision: Decision, *, overridden: bool = False) -> Approval:
    return Approval(CONFIRMED_BY.get(decision.action, "key"), overridden)


class ConfirmRunScreen(ModalScreen[Approval | None]):
    BINDINGS: ClassVar[list[BindingType]] = list(CONFIRM_KEYS)

    def __init__(
        self, command: str, cwd: str, shell: str, assessment: Assessment, policy: SafetyPolicy
    ) -> None:
        super().__init__(id="confirm-run")
        self.command = command
        self.cwd = cwd
        self.shell = shell
        self.assessment = assessment
        self.decision = decide(assessment, policy)
        self.override_decision = decide(assessment, policy, override=True)
        self.overridden = False

    @property
    def overridable(self) -> bool:
        return (
            self.decision.action == "blocked"
            and not self.overridden
            and self.override_decision.action != "blocked"
        )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "run_on_key":
            return self.decision.action in ("confirm_key", "run")
        if action == "override":
            return self.overridable
        return True

    # -- layout ---------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        action = self.decision.action
        with Vertical(id="confirm-dialog", classes=f"-{action}"):
            title = "Blocked" if action == "blocked" else "Run this command?"
            yield Static(Text(title, style="bold"), id="confirm-title")
            dark = self.app.current_theme.dark
            shown = handed_over(self.command)  # every hidden character visible
            yield Static(highlight.shell(shown, dark), id="confirm-command")
            where = Text("in ", style="dim")
            where.append(displayable(self.cwd))
            where.append("  with ", style="dim")
            where.append(displayable(self.shell))
            yield Static(where, id="confirm-where")
            level = self.assessment.level.label
            yield Static(f"risk: {level}", id="confirm-risk", classes=f"risk -{level}")
            detail = risk_detail(self.assessment)
            if detail.plain:
                yield Static(detail, id="confirm-reasons")
            yield Static(self._verdict(), id="confirm-verdict")
            if action in TYPED:
                yield Input(id="confirm-input", placeholder=self._placeholder())
                yield Static("", id="confirm-error")
            with Horizontal(id="confirm-buttons"):
                yield from self._buttons()

    def _verdict(self) -> Text:
        action = self.decision.action
        if action == "blocked":
            text = Text(displayable(self.decision.prompt), style="bold")
            if self.overridable:
                text.append("\nPress o to override; you will then type its first word.")
            else:
                text.append("\nIt cannot be overridden here.", style="italic")
            return text
        if action == "confirm_yes":
            return Text("Type yes and press Enter to run it.", style="bold")
        if action == "confirm_word":
            word = self.decision.required_text or ""
            text = Text("Type ", style="bold")
            text.append(displayable(word), style="bold reverse")
            text.append(" (its first word) and press Enter to run it.", style="bold")
            if self.overridden:
                text.append("\nYou are overriding a block.", style="italic")
            return text
        return Text("Press y to run it, n or Esc not to.")

    def _placeholder(self) -> str:
        if self.decision.action == "confirm_yes":
            return "type yes"
        return f"type {displayable(self.decision.required_text or '')}"

    def _buttons(self) -> ComposeResult:
        action = self.decision.action
        if action == "blocked":
            if self.overridable:
                yield Button("Override  (o)", id="confirm-override", variant="error")
            yield Button("Close  (Esc)", id="confirm-no")
        elif action in TYPED:
            yield Button("Run  (Enter)", id="confirm-yes", variant="warning")
            yield Button("Cancel  (Esc)", id="confirm-no")
        else:
            yield Button("Run  (y)", id="confirm-yes", variant="warning")
            yield Button("Cancel  (n / Esc)", id="confirm-no")

    def on_mount(self) -> None:
        self._focus_default()

    def _focus_default(self) -> None:
        inputs = self.query("#confirm-input")
        if inputs:
            inputs.first(Input).focus()
        else:
            self.query_one("#confirm-no", Button).focus()

    # -- answers --------------------------------------------------------------------------------

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_run_on_key(self) -> None:
        if self.decision.action in ("confirm_key", "run"):
            self.dismiss(approval_for(self.decision, overridden=self.overridden))

    async def action_override(self) -> None:
        if not self.overridable:
            return
        self.decision = self.override_decision
        self.overridden = True
        await self.recompose()
        self._focus_default()

    def typed_matches(self, typed: str) -> bool:
        """Whether `typed` is what the decision asks for (yes in any case; the word exactly)."""
        required = self.decision.required_text or ""
        if self.decision.action == "confirm_yes":
            return typed.strip().lower() == required.lower()
        return self.decision.action == "confirm_word" and typed.strip() == required

    def _submit_typed(self, typed: str) -> None:
        if self.typed_matches(typed):
            self.dismiss(approval_for(self.decision, overridden=self.overridden))
            return
        wanted = self.decision.required_text or "yes"
        shown = typed.strip() or "nothing"
        error = Text(f"{shown!s} is not {wanted}: nothing was run. ", style="bold")
        error.append("Type it exactly, or press Esc.")
        self.query_one("#confirm-error", Static).update(error)
        self.query_one("#confirm-input", Input).value = ""

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._submit_typed(event.value)

    async def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        button = event.button.id
        if button == "confirm-no":
            self.dismiss(None)
        elif button == "confirm-override":
            await self.action_override()
        elif self.decision.action in TYPED:
            self._submit_typed(self.query_one("#confirm-input", Input).value)
        else:
            self.action_run_on_key()
