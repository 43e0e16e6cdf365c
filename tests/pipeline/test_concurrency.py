"""Any number of builders and askers at once, after an article changed: two processes each
building and asking at the same time (so two builders and two askers), and concurrent tasks
in one process. None fails, and every asker sees a complete database, old or new."""
import asyncio
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from bot.config import Config
from bot.pipeline.build import build, ensure_built
from bot.service import open_engine

from ..conftest import THURSDAY

CHECKOUT = Path(__file__).resolve().parents[2]

# one process: a build and an asker (three questions) at once, as a `showbot build` and a
# `showbot ask` would run beside each other
WORKER = textwrap.dedent("""
    import asyncio, sys
    from pathlib import Path
    from bot.config import Config
    from bot.pipeline.build import build
    from bot.service import open_engine
    config = Config(articles_dir=Path(sys.argv[1]), data_dir=Path(sys.argv[2]))
    async def ask():
        engine = await open_engine(config)
        try:
            for _ in range(3):
                print((await engine.ask("Who directed Thursday?")).text)
        finally:
            await engine.close()
    async def main():
        await asyncio.gather(build(config), ask())
    asyncio.run(main())
""")


def change_director(folder: Path, name: str) -> None:
    path = folder / "001-thursday-season-1-review.md"
    text = path.read_text()
    path.write_text(text.replace("directed by Oskar Lindqvist", f"directed by {name}")
                    .replace("directed by Ada Brennan", f"directed by {name}"))


def test_builders_and_askers_in_two_processes_at_once(copy_show, tmp_path):
    articles, data = copy_show(THURSDAY), tmp_path / "data"
    asyncio.run(build(Config(articles_dir=articles, data_dir=data)))
    change_director(articles, "Ada Brennan")
    env = dict(os.environ, PYTHONPATH=str(CHECKOUT))
    procs = [subprocess.Popen([sys.executable, "-c", WORKER, str(articles), str(data)], env=env, cwd=tmp_path,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    results = [(p.wait(timeout=60), *p.communicate()) for p in procs]
    for rc, out, err in results:
        assert rc == 0, err
        assert "Traceback" not in err
    answers = [line for rc, out, _ in results for line in out.splitlines()]
    assert len(answers) == 6
    # each asker saw the old database or the new one, never a broken one
    assert all("Oskar Lindqvist" in a or "Ada Brennan" in a for a in answers), answers


async def test_concurrent_builds_and_questions_in_one_process(copy_show, tmp_path):
    config = Config(articles_dir=copy_show(THURSDAY), data_dir=tmp_path / "data")
    await build(config)
    change_director(config.articles_dir, "Ada Brennan")

    async def ask() -> str:
        engine = await open_engine(config)
        try:
            return (await engine.ask("Who directed Thursday?")).text
        finally:
            await engine.close()

    results = await asyncio.gather(build(config), ensure_built(config), ask(), build(config), ask())
    answers = [r for r in results if isinstance(r, str)]
    assert all("Oskar Lindqvist" in a or "Ada Brennan" in a for a in answers), answers
    assert "Ada Brennan" in await ask()
