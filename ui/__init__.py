"""The PySide6 GUI. Talks to ``advisor.services`` only — never to models or SQL."""
