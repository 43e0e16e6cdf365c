"""The Discord adapter: the bot client, its extensions (one per feature), the only
Discord formatting code (render) and the deliberate slash-command sync."""
