"""Preview: run a command in a throwaway copy-on-write view of the files and report what changed.

    from tui.core.preview.front import run_preview
    outcome = run_preview("rm -rf build", cwd="/home/me/app")
    print(outcome.text())                  # the report, or why there is none
    assessment = outcome.rate(assessment)  # a static rating with what the preview showed

Linux only: new user, mount, PID, network, IPC and UTS namespaces (`unshare`), an overlay on
every writable filesystem, a minimal /dev, a fresh /proc, no host sockets, hard limits. Modules:
availability (can it run here, and if not why), limits, mounts (the mount system calls), view
(the files as the command sees them) and inner (the stage that runs inside the namespaces;
both standard library only), walk (reading the overlays'
upper layers), trace (strace output: processes and network attempts), sandbox (the outer driver),
report (grouping and wording), rating (a preview's effect on a static assessment), front (what
the CLI and the workbench call).

This package's __init__ imports nothing: the inner stage imports its siblings with `python -S`.
"""
