"""The `showbot` command line (bot.cli.main): build, ask, chat, eval, run, sync."""
