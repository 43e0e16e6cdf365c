"""Intake: turning an uploaded file or a link into a validated article, safely.

Pure functions and small classes, no Discord and no database.
"""
