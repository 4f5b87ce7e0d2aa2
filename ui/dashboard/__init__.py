"""The manager's Reports workspace, in parts: ``data`` (what is loaded, off the GUI
thread), ``widgets`` (a tile, the drill-down model) and ``texts`` (the words of the tiles).
The workspace itself is ``ui.workspaces.dashboard``."""
