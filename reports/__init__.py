"""Printed sheets (PDF) and Excel exports; never imports Qt."""
