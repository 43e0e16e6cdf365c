# showbot in a container: `docker compose up -d` (see compose.yaml), or
#   docker build -t showbot . && docker run -d -e DISCORD_TOKEN=... -v showbot-data:/data showbot
# The token is passed at run time, never baked into the image (.dockerignore keeps .env out).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# A plain (non-editable) install: the image runs the installed package, not the checkout.
# (The whole context, minus .dockerignore: whatever the package's build includes.)
WORKDIR /build
COPY . .
RUN pip install . \
    # The installed package must work on its own, away from the checkout (bundled
    # articles and knowledge files): a wheel without them fails here, not in production.
    && cd / && showbot --data-dir /tmp/smoke build --quiet \
    && rm -rf /tmp/smoke /build

# Never run as root. /data holds the databases (settings.sqlite3, with the servers' own
# articles, and its backups are owned data: keep the volume); /articles is where your own
# articles can be mounted (one sub-folder per show, or one show's articles).
RUN useradd --system --uid 10001 --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin showbot \
    && mkdir /data /articles \
    && chown showbot:showbot /data
USER showbot
WORKDIR /data
ENV SHOWBOT_DATA_DIR=/data
VOLUME /data

# Your own articles instead of the bundled show: -v ./my-shows:/articles:ro -e SHOWBOT_ARTICLES=/articles
# (the running bot picks up added, changed and deleted files within a few seconds).
# Exit status 2 = fix the configuration (token, intents, data folder); 75 = Discord unreachable, retry.
# SIGTERM (docker stop) closes the bot and its databases cleanly.
CMD ["showbot", "run"]
