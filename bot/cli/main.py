"""The `showbot` command: build | ask | chat | eval | sources | check | knowledge | run | sync.
Works offline except run/sync.

Every failure an admin can fix (bad setting, unusable data folder, missing
articles, unreadable question file) is one line on stderr and exit status 2;
a reader that stops reading (``| head -1``) ends the command quietly.
"""
from __future__ import annotations

import argparse
import asyncio
import dataclasses
import logging
import os
import sys
from pathlib import Path

from bot import logs
from bot.config import EXIT_CONFIG, Config, ConfigError, prepare_data_dir
from bot.pipeline.articles import ArticleError
from bot.pipeline.files import ArticlesFolderError
from bot.pipeline.language import LanguageDataError

from . import lines

log = logging.getLogger(__name__)

#: 128 + SIGPIPE: what a Unix filter reports when its reader went away.
EXIT_BROKEN_PIPE = 141
EXIT_INTERRUPTED = 130
#: Commands whose output is the point: only warnings go to stderr unless -v.
QUIET_COMMANDS = ("ask", "chat", "eval", "sources", "check")
DEFAULT_QUESTIONS = Path(__file__).resolve().parents[2] / "tests" / "questions.jsonl"


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        config = Config.from_env()
        if args.articles:
            config = dataclasses.replace(config, articles_dir=Path(args.articles))
        if args.data_dir:
            config = dataclasses.replace(config, data_dir=Path(args.data_dir))
        prepare_data_dir(config.data_dir)
    except ConfigError as exc:
        return _fail(exc)
    level = "DEBUG" if args.verbose else ("WARNING" if args.command in QUIET_COMMANDS else config.log_level)
    logs.configure(level, secrets=(config.discord_token,))
    try:
        return args.func(config, args)
    except (ArticleError, ArticlesFolderError, LanguageDataError, ConfigError) as exc:
        return _fail(exc)
    except KeyboardInterrupt:
        print(file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        return _reader_went_away()


def _fail(exc: Exception) -> int:
    print(f"showbot: {exc}", file=sys.stderr)
    return EXIT_CONFIG


def _reader_went_away() -> int:
    """`showbot ask --json < questions | head -1`: the reader has what it wanted.
    Point stdout at /dev/null so the interpreter's final flush is silent too."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # stdout is not a real file (tests)
        pass
    return EXIT_BROKEN_PIPE


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="showbot", description="Answer fans' questions about a TV show, "
                                "with sources, from news articles. Offline except `run` and `sync`.")
    p.add_argument("--articles", metavar="DIR", help="articles folder: one show's articles, or one sub-folder per show "
                                                     "(default: $SHOWBOT_ARTICLES or the bundled knowledge/shows)")
    p.add_argument("--data-dir", metavar="DIR", help="where databases go (default: $SHOWBOT_DATA_DIR or data/)")
    p.add_argument("-v", "--verbose", action="store_true", help="log debugging detail to stderr")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    b = sub.add_parser("build", help="(re)build the knowledge database from the articles")
    b.add_argument("--quiet", action="store_true", help="no progress output")
    b.set_defaults(func=_build)

    a = sub.add_parser("ask", help="answer one question, or one per line from stdin",
                       description="Answer a question. Without a question argument, reads questions one per "
                                   "line from standard input (any bytes; invalid UTF-8 is replaced).")
    a.add_argument("question", nargs="*", help="the question (quote it or not)")
    a.add_argument("--json", action="store_true",
                   help="one JSON object per input line, blank lines included (the eval contract)")
    a.add_argument("--show", metavar="ID", help="the show questions are about when they name none "
                                                "(default: $SHOWBOT_SHOW, or the only show loaded)")
    a.set_defaults(func=_ask)

    c = sub.add_parser("chat", help="interactive console: try the bot without Discord")
    c.add_argument("--show", metavar="ID", help="the show questions are about when they name none")
    c.set_defaults(func=_chat)

    e = sub.add_parser("eval", help="score answers against a JSONL question set")
    e.add_argument("questions", nargs="?", default=str(DEFAULT_QUESTIONS),
                   help="question file (default: tests/questions.jsonl of a checkout)")
    e.add_argument("--quiet", action="store_true", help="print only the summary")
    e.set_defaults(func=_eval)

    so = sub.add_parser("sources", help="the articles answers come from (what /sources shows)")
    so.add_argument("--show", metavar="ID", help="only this show's articles")
    so.add_argument("--guild", metavar="GUILD_ID", type=_guild_id, help="with this server's own articles")
    so.set_defaults(func=_sources)

    ch = sub.add_parser("check", help="lint the articles folder: skipped files and why, header errors, "
                                      "duplicates, missing dates")
    ch.set_defaults(func=_check)

    k = sub.add_parser("knowledge", help="export or import a server's own articles (/knowledge add)")
    ksub = k.add_subparsers(dest="action", required=True, metavar="ACTION")
    ke = ksub.add_parser("export", help="write a server's articles to a zip (with an index.json)")
    ke.add_argument("guild", metavar="GUILD_ID", type=_guild_id, help="the server's id")
    ke.add_argument("--out", metavar="FILE", type=Path, help="where to write (default: showbot-articles-ID.zip)")
    ke.set_defaults(func=_knowledge_export)
    ki = ksub.add_parser("import", help="add the articles of an export to a server (all or none)")
    ki.add_argument("guild", metavar="GUILD_ID", type=_guild_id, help="the server's id")
    ki.add_argument("file", metavar="FILE", type=Path, help="a zip from /knowledge export or `knowledge export`")
    ki.add_argument("--show", metavar="ID", help="the show of articles whose show the file does not name")
    ki.set_defaults(func=_knowledge_import)

    r = sub.add_parser("run", help="start the Discord bot (needs DISCORD_TOKEN)")
    r.set_defaults(func=_run)
    s = sub.add_parser("sync", help="push the slash commands to Discord now")
    s.set_defaults(func=_sync)
    return p


async def _open(config: Config, **kw):
    from bot.service import open_engine
    return await open_engine(config, **kw)


def _build(config: Config, args) -> int:
    from bot.pipeline.build import build

    def progress(done: int, total: int, name: str) -> None:
        if not args.quiet:
            print(f"\r[{done}/{total}] {name[:60]:<60}", end="" if done < total else "\n", file=sys.stderr, flush=True)

    report = asyncio.run(build(config, progress))
    for problem in report.skipped:
        print(f"skipped: {problem}", file=sys.stderr)
    print(f"built {config.knowledge_db}: {report.articles} articles in {report.shows} show(s) "
          f"({report.extracted} read anew, {report.reused} unchanged) in {report.seconds:.2f}s")
    return 0


def _ask(config: Config, args) -> int:
    """One answer per question: from the arguments, or one per stdin line.

    With --json every input line gets exactly one output line, blank lines
    included (they get a declined answer), so line N of the output always
    answers line N of the input."""
    from .textout import format_answer

    if args.question:
        questions = iter([lines.from_argv(args.question)])
    else:
        questions = lines.read_lines(sys.stdin)
    if not args.json:
        lines.tolerate_unencodable(sys.stdout)

    async def go() -> int:
        engine = await _open(config)
        if args.show and args.show not in engine.shows:
            await engine.close()
            print(f"showbot: no show {args.show!r} is loaded; loaded: {', '.join(sorted(engine.shows)) or 'none'}",
                  file=sys.stderr)
            return 2
        try:
            for question in questions:
                answer = await engine.ask(question, show=args.show)
                if args.json:
                    lines.write_json_line(answer.to_json(), sys.stdout)
                else:
                    print(format_answer(answer), flush=True)
        finally:
            await engine.close()
        return 0
    return asyncio.run(go())


def _chat(config: Config, args) -> int:
    """An interactive console. input() runs on the main thread (not in a worker
    thread, which Ctrl-C cannot interrupt), so Ctrl-C ends the chat at once.

    Before each question it looks at the articles folder (bot.live): an article
    dropped in, changed or deleted, or a `showbot build` by another process, is
    answered from at once, without a restart."""
    from bot.live import KnowledgeWatcher

    from .textout import format_answer, format_help

    _enable_line_editing()
    with asyncio.Runner() as runner:
        engine = runner.run(_open(config))
        watcher = KnowledgeWatcher(engine, config)
        runner.run(watcher.mark_loaded())
        try:
            print("showbot chat: ask about the show; 'help' for examples, 'quit' (or Ctrl-D) to leave.")
            while True:
                try:
                    question = input("you> ")
                except EOFError:
                    print()
                    break
                command = question.strip().casefold()
                if command in {"quit", "exit", "/quit", "/exit"}:
                    break
                if runner.run(watcher.check()):
                    print("(the articles changed: answering from them now)", file=sys.stderr)
                if command in {"help", "/help", "?"}:
                    show = engine.show_for(args.show)
                    print(format_help(_examples(engine), show.name if show else "the show") + "\n")
                elif command:
                    print(format_answer(runner.run(engine.ask(question, show=args.show))) + "\n")
        finally:
            runner.run(engine.close())
    return 0


def _examples(engine, k: int = 8) -> list[str]:
    """A few example questions spread over the question types (listed by type)."""
    examples = list(engine.suggestions())
    return examples[::max(1, len(examples) // k)][:k]


def _enable_line_editing() -> None:
    """Arrow keys, history and Ctrl-R in chat: input() uses readline once it is imported."""
    try:
        import readline  # noqa: F401  (imported for its side effect on input())
    except ImportError:  # Windows, or Python built without it
        pass


def _eval(config: Config, args) -> int:
    from .evaluate import QuestionFileError, evaluate
    try:
        return asyncio.run(evaluate(config, Path(args.questions), quiet=args.quiet))
    except QuestionFileError as exc:
        print(f"showbot eval: {exc}", file=sys.stderr)
        return EXIT_CONFIG


def _guild_id(text: str) -> int:
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"a server id is digits, not {text!r}")
    return int(text)


def _sources(config: Config, args) -> int:
    from .sources import sources
    lines.tolerate_unencodable(sys.stdout)
    return asyncio.run(sources(config, args.show, args.guild))


def _check(config: Config, args) -> int:
    """Exit status 1 when some file is not used (an error); warnings alone are 0."""
    from .folder import check_folder, format_report
    lines.tolerate_unencodable(sys.stdout)
    report = check_folder(config.articles_dir)
    print(format_report(report))
    return 1 if report.errors else 0


def _knowledge_export(config: Config, args) -> int:
    from .knowledge import export
    return asyncio.run(export(config, args.guild, args.out))


def _knowledge_import(config: Config, args) -> int:
    from .knowledge import import_
    return asyncio.run(import_(config, args.guild, args.file, args.show))


def _run(config: Config, args) -> int:
    from bot.discord_app.app import run
    return run(config)


def _sync(config: Config, args) -> int:
    from bot.discord_app.app import sync
    return sync(config)
