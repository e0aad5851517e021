"""Running a command: the runner, the shell bridge, the shell's history."""
