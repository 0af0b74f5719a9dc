"""Launcher: no argument opens the counter app; any argument runs the ``motcua`` command line."""

import gc
import sys


def run() -> int:
    if len(sys.argv) > 1:
        from motcua_desktop.cli.main import main

        return main(sys.argv[1:])
    # The start-up allocates a lot and frees almost nothing: no collection until the window is up
    # and warmed (gui.warmup.resume_collector turns the collector back on).
    gc.disable()
    from motcua_desktop.gui.launch import launch

    return launch()


if __name__ == "__main__":
    sys.exit(run())
