"""Process-wide settings, read once from the environment (and `.env`) and passed in."""
from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path



def _bundled_knowledge() -> Path:
    """The knowledge/ folder: beside the package in a checkout, inside it once installed
    (the wheel ships it as bot/_knowledge, see pyproject.toml)."""
    here = Path(__file__).resolve().parent
    for candidate in (here.parent / "knowledge", here / "_knowledge"):
        if (candidate / "language").is_dir():
            return candidate
    return here.parent / "knowledge"


#: Shipped data: the bundled show(s), and the general language data.
BUNDLED_KNOWLEDGE = _bundled_knowledge()
#: The shows that ship with showbot: one folder per show.
BUNDLED_ARTICLES = BUNDLED_KNOWLEDGE / "shows"
#: Intents, phrasings, synonyms, topics and answer templates: data, not code.
BUNDLED_LANGUAGE = BUNDLED_KNOWLEDGE / "language"

#: Exit status for what an admin must fix (token, intents, a setting, the data
#: folder): restarting will not help, so service managers should not retry.
EXIT_CONFIG = 2
#: Exit status when Discord cannot be reached at start-up (sysexits EX_TEMPFAIL):
#: worth restarting later.
EXIT_UNAVAILABLE = 75


class ConfigError(ValueError):
    """A setting the admin must fix; the command line prints it as one line."""


@dataclass(frozen=True)
class Config:
    articles_dir: Path = BUNDLED_ARTICLES
    data_dir: Path = Path("data")
    language_dir: Path = BUNDLED_LANGUAGE
    default_show: str | None = None  # SHOWBOT_SHOW: the show a question is about when it names none
    discord_token: str | None = None
    dev_guild: int | None = None
    log_level: str = "INFO"
    #: Hosts (names or addresses) that links may reach even on a private network.
    fetch_allow_hosts: tuple[str, ...] = ()

    @property
    def knowledge_db(self) -> Path:
        """The derived database: deleted and rebuilt freely."""
        return self.data_dir / "knowledge.sqlite3"

    @property
    def settings_db(self) -> Path:
        """Owned data (server settings, feedback): never touched by a rebuild."""
        return self.data_dir / "settings.sqlite3"

    @property
    def backups_dir(self) -> Path:
        """Rolling copies of the owned data (bot.storage.backups)."""
        return self.data_dir / "backups"

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None, *, load_dotenv: bool = True) -> "Config":
        if env is None:
            if load_dotenv:
                _load_dotenv()
            env = dict(os.environ)

        def get(name: str) -> str | None:
            value = (env.get(name) or "").strip()
            return value or None

        guild = get("SHOWBOT_DEV_GUILD")
        if guild is not None and not guild.isdigit():
            raise ConfigError(f"SHOWBOT_DEV_GUILD must be a server id (digits), not {guild!r}")
        level = (get("SHOWBOT_LOG_LEVEL") or "INFO").upper()
        if level not in LOG_LEVELS:
            raise ConfigError(f"SHOWBOT_LOG_LEVEL must be one of {', '.join(LOG_LEVELS)}, not {level.lower()!r}")
        return cls(
            articles_dir=Path(get("SHOWBOT_ARTICLES") or BUNDLED_ARTICLES),
            default_show=get("SHOWBOT_SHOW"),
            data_dir=Path(get("SHOWBOT_DATA_DIR") or "data"),
            discord_token=get("DISCORD_TOKEN"),
            dev_guild=int(guild) if guild else None,
            log_level=level,
            fetch_allow_hosts=tuple(h.strip() for h in (get("SHOWBOT_FETCH_ALLOW_HOSTS") or "").split(",")
                                    if h.strip()),
        )

    def __repr__(self) -> str:  # never show the token, even in tracebacks
        token = "set" if self.discord_token else "unset"
        return (f"Config(articles_dir={str(self.articles_dir)!r}, data_dir={str(self.data_dir)!r}, "
                f"token={token}, dev_guild={self.dev_guild}, log_level={self.log_level!r})")


#: The levels SHOWBOT_LOG_LEVEL accepts.
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")


def prepare_data_dir(path: Path) -> Path:
    """Create the data folder and prove it is writable, before anything opens a
    database in it, so that a read-only or impossible folder is one clear line
    (:class:`ConfigError`) instead of an SQLite traceback deep in start-up."""
    try:
        path.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=path):
            pass
    except OSError as exc:
        reason = exc.strerror or exc.__class__.__name__
        raise ConfigError(f"the data folder {path} is not usable ({reason}): make it writable for this user, "
                          "or choose another with --data-dir or SHOWBOT_DATA_DIR") from None
    return path


def _load_dotenv() -> None:
    try:
        from dotenv import load_dotenv
    except ImportError:  # optional convenience
        return
    load_dotenv(Path.cwd() / ".env", override=False)
