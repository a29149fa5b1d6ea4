"""Build speed at archive scale: the kit on N dumps against stock Pelican on the same N articles.

    .venv/bin/python benchmarks/build_speed.py [--sizes 1000 5000 10000] [--runs 1] [--keep DIR]

For each N, synthetic.py writes N dumps (text in three layouts, ~10% saved HTML pages,
all in their old sites' furniture) under TMP/nN/kit/content/dumps/ and the same articles
as clean Markdown under TMP/nN/stock/content/. Kit and stock builds alternate, each a
fresh subprocess into a new, empty output folder (a cold build, as on a fresh clone);
after every kit build one dump gains a sentence and the kit rebuilds into the same output
and cache folder, as an editor would; that output is compared, byte for byte, with a cold
build of the edited content, and after the edit is undone, with the first build
(reproducibility). Ratios are against the stock build of the same run, so they hold on
any machine; nothing is asserted. `--sizes 50` is the smoke run. Timed builds are not
watched for memory (see build()): the kit's peak is that of the untimed cold build of the
edited content, sampled; stock Pelican's, a single process, comes exact from its own builds.

Nothing is deleted until every size is measured: on some file systems (ext4 without a
journal, as here) creating files shortly after thousands were deleted costs several times
more, and how much depends on what was deleted in the last minutes, not on the build.
"""

import argparse
import compileall
import hashlib
import os
import platform
import random
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from importlib.metadata import version
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import synthetic  # noqa: E402

# Stock Pelican as a new user gets it: default theme and feeds, no plugins, and the
# kit's pagination so both build the same number of listing pages.
STOCK_SETTINGS = """\
SITENAME = "Stock Pelican baseline"
SITEURL = ""
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
DEFAULT_PAGINATION = 10
PLUGINS = []
"""
EDIT = "An earlier version of this article gave the wrong month for the summit."


def generate(base: Path, n: int, seed: int) -> None:
    """The kit's dumps and stock Pelican's Markdown for the same n articles."""
    dumps, markdown = base / "kit" / "content" / "dumps", base / "stock" / "content"
    dumps.mkdir(parents=True)
    markdown.mkdir(parents=True)
    names = random.Random(seed)  # crawl-style file names that say nothing about the article
    for i, article in enumerate(synthetic.articles(n, seed)):
        stem = f"{i:05d}_{names.getrandbits(64):016x}"
        if article.extras["html"]:
            (dumps / f"{stem}.html").write_text(synthetic.to_html(article), encoding="utf-8")
        else:
            (dumps / f"{stem}.txt").write_text(synthetic.to_text(article), encoding="utf-8")
        (markdown / f"{stem}.md").write_text(synthetic.to_markdown(article), encoding="utf-8")
    (base / "stock" / "pelicanconf.py").write_text(STOCK_SETTINGS, encoding="utf-8")


def edit_target(dumps: Path) -> Path:
    """A text dump from the middle of the archive whose paragraphs are single lines, so
    appending to its longest line extends a paragraph rather than breaking a wrap."""
    texts = sorted(dumps.glob("*.txt"))
    for path in texts[len(texts) // 2:] + texts:
        if max(len(line) for line in path.read_text(encoding="utf-8").split("\n")) > 200:
            return path
    return texts[0]


def append_sentence(path: Path) -> None:
    lines = path.read_text(encoding="utf-8").split("\n")
    longest = max(range(len(lines)), key=lambda i: len(lines[i]))
    lines[longest] += " " + EDIT
    path.write_text("\n".join(lines), encoding="utf-8")


def _pss(pid: int) -> int:
    """Proportional set size: private pages plus a share of each page shared with other
    processes (a forked worker's parent's pages), so a process tree's sum counts each
    page once. RSS would count a page shared by parent and worker twice."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as handle:
            for line in handle:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def _tree_pss(root: int) -> int:
    """Memory of a process and all its descendants, read from /proc."""
    parent = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as handle:
                stat = handle.read()
        except OSError:
            continue
        parent[int(entry)] = int(stat[stat.rfind(")") + 2:].split()[1])  # the name in (...) may hold spaces
    tree, grew = {root}, True
    while grew:
        found = {pid for pid, ppid in parent.items() if ppid in tree} - tree
        tree |= found
        grew = bool(found)
    return sum(_pss(pid) for pid in tree)


def build(cmd: list, log: Path, sample: bool = False) -> tuple[float, float]:
    """(wall seconds, peak MiB) of one build run as a child process; it must exit 0.

    Peak memory is the larger of two readings. wait4's ru_maxrss for the child is exact
    but covers one process: for its reaped descendants it reports the largest, never
    their sum (so do `/usr/bin/time -v` and RUSAGE_SELF at exit). With `sample`, the
    summed PSS of the child's process tree, sampled every 0.1 s, sees parallel workers
    together, each shared page once, but can miss a spike shorter than the interval. A
    single-process build is measured exactly; a parallel one at least as high as its
    true peak, minus sub-0.1 s spikes. Sampling reads every page table of the tree ten
    times a second and slows a parallel build by a few per cent: timed builds go unsampled.
    """
    done, peak = threading.Event(), [0]

    def sample_tree():
        while not done.wait(0.1):
            peak[0] = max(peak[0], _tree_pss(child.pid))

    env = dict(os.environ, COLUMNS="200")  # Pelican's rich log lines stay whole in the log
    with open(log, "wb") as out:
        start = time.perf_counter()
        child = subprocess.Popen(cmd, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, env=env)
        sampler = threading.Thread(target=sample_tree)
        if sample:
            sampler.start()
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
        done.set()
        if sample:
            sampler.join()
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode:
        tail = log.read_text(encoding="utf-8", errors="replace")[-3000:]
        sys.exit(f"build failed with exit code {child.returncode}: {shlex.join(cmd)}\n{tail}")
    return seconds, max(usage.ru_maxrss * 1024, peak[0]) / 2**20


def tree_digest(folder: Path) -> str:
    """One hash of every file's path and bytes: equal digests, byte-identical sites."""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def processed(log: Path) -> int:
    """Articles Pelican says it built (its closing "Done: Processed N articles" line)."""
    found = re.findall(r"Processed\s+(\d+)\s+articles?", log.read_text(encoding="utf-8", errors="replace"))
    return int(found[-1]) if found else -1


def bench(base: Path, n: int, runs: int, seed: int) -> dict:
    """Median seconds and largest peak of `runs` alternating kit and stock builds of size n."""
    def say(text):
        print(f"[N={n}] {text}", file=sys.stderr, flush=True)

    start = time.perf_counter()
    generate(base, n, seed)
    compileall.compile_file(base / "stock" / "pelicanconf.py", quiet=1)
    say(f"generated in {time.perf_counter() - start:.1f} s under {base}")
    kit, stock, logs = base / "kit", base / "stock", base / "logs"
    logs.mkdir(exist_ok=True)
    python = sys.executable

    def kit_cmd(out, cache, *extra):
        # --cache-path keeps any content cache inside TMP: a new one for every cold build,
        # the same one for the rebuild that follows it. No search index: stock Pelican makes
        # none, and Pagefind's output is not byte-reproducible (plugins/search).
        return [python, "-m", "pelican", str(kit / "content"), "-o", str(out), "-s", "pelicanconf.py",
                "--cache-path", str(cache), "-e", 'SEARCH={"enabled": false}', *extra]

    target = edit_target(kit / "content" / "dumps")
    original = target.read_bytes()
    rows = {"kit": [], "stock": [], "rebuild": [], "kit_mib": [], "stock_mib": [], "identical": [],
            "reproducible": []}
    for run in range(1, runs + 1):
        out, cache = kit / f"out-{run}", kit / f"cache-{run}"
        seconds, _ = build(kit_cmd(out, cache), logs / f"kit-{run}.log")
        full = tree_digest(out)
        rows["kit"].append(seconds)
        say(f"run {run}: kit {seconds:.2f} s, {processed(logs / f'kit-{run}.log')} articles")
        append_sentence(target)
        seconds, _ = build(kit_cmd(out, cache), logs / f"rebuild-{run}.log")
        rows["rebuild"].append(seconds)
        say(f"run {run}: one-dump rebuild {seconds:.2f} s ({target.name})")
        # The same content, cold, into another output and cache: what the rebuild must equal.
        check = kit / f"check-{run}"
        # Untimed, so the kit's peak memory is measured here: the same cold build, sampled.
        _, mib = build(kit_cmd(check, kit / f"check-cache-{run}", "-q"), logs / f"check-{run}.log", sample=True)
        rows["kit_mib"].append(mib)
        rows["identical"].append(tree_digest(out) == tree_digest(check))
        target.write_bytes(original)
        build(kit_cmd(out, cache), logs / f"restore-{run}.log")  # back to the original content, incrementally
        rows["reproducible"].append(tree_digest(out) == full)
        say(f"run {run}: rebuild identical to a full build: {rows['identical'][-1]}; "
            f"restored build identical to the first: {rows['reproducible'][-1]}")
        stock_cmd = [python, "-m", "pelican", str(stock / "content"), "-o", str(stock / f"out-{run}"),
                     "-s", str(stock / "pelicanconf.py")]
        seconds, mib = build(stock_cmd, logs / f"stock-{run}.log")  # one process: ru_maxrss is exact
        rows["stock"].append(seconds)
        rows["stock_mib"].append(mib)
        say(f"run {run}: stock {seconds:.2f} s, {mib:.0f} MiB, {processed(logs / f'stock-{run}.log')} articles")
    result = {key: statistics.median(rows[key]) for key in ("kit", "stock", "rebuild")}
    result.update(kit_mib=max(rows["kit_mib"]), stock_mib=max(rows["stock_mib"]), n=n,
                  identical=all(rows["identical"]), reproducible=all(rows["reproducible"]),
                  kit_articles=processed(logs / f"kit-{runs}.log"), stock_articles=processed(logs / f"stock-{runs}.log"))
    return result


def command() -> str:
    exe = os.path.relpath(sys.executable, ROOT) if sys.executable.startswith(str(ROOT)) else sys.executable
    return shlex.join([exe, os.path.relpath(__file__, ROOT), *sys.argv[1:]])


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 10000], help="archive sizes N")
    ap.add_argument("--runs", type=int, default=1, help="alternating kit/stock runs per size (medians reported)")
    ap.add_argument("--keep", metavar="DIR", help="generate and build under DIR, new or empty, and keep it "
                    "(default: a temp dir, deleted at the end)")
    ap.add_argument("--seed", type=int, default=1, help="generator seed")
    args = ap.parse_args()
    tmp = Path(args.keep).resolve() if args.keep else Path(tempfile.mkdtemp(prefix="build-speed-"))
    if args.keep and tmp.exists() and any(tmp.iterdir()):
        sys.exit(f"--keep {args.keep}: not empty. Builds go into new folders: deleting old ones first "
                 "would slow the file creation this benchmark measures.")
    # Pelican and the libraries run from the bytecode pip compiled when it installed them.
    # The kit's plugins and settings are compiled here, as Python itself does on their first
    # import, unless PYTHONDONTWRITEBYTECODE is set (it is on this benchmark's machine):
    # otherwise every kit build would compile them from source, and stock would not.
    compileall.compile_dir(ROOT / "plugins", quiet=1)
    compileall.compile_file(ROOT / "pelicanconf.py", quiet=1)
    try:
        results = [bench(tmp / f"n{n}", n, args.runs, args.seed) for n in args.sizes]
    finally:
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)
    print(f"`{command()}`\n")
    print(f"Pelican {version('pelican')}, Python {platform.python_version()}, {os.cpu_count()} CPUs, "
          f"{platform.system()}; seed {args.seed}; median of {args.runs} run(s), peak = largest.\n")
    print("| N | kit s | stock s | ratio (kit/stock) | one-dump rebuild s | rebuild/full | "
          "rebuild = full build | restored = first build | kit peak MiB | stock peak MiB |")
    print("|---:|---:|---:|---:|---:|---:|:---:|:---:|---:|---:|")
    for r in results:
        print(f"| {r['n']:,} | {r['kit']:.2f} | {r['stock']:.2f} | {r['kit'] / r['stock']:.2f} | "
              f"{r['rebuild']:.2f} | {r['rebuild'] / r['kit']:.2f} | {'yes' if r['identical'] else 'NO'} | "
              f"{'yes' if r['reproducible'] else 'NO'} | {r['kit_mib']:.0f} | {r['stock_mib']:.0f} |")
    print()
    for r in results:
        if r["kit_articles"] != r["n"] or r["stock_articles"] != r["n"]:
            print(f"N={r['n']}: kit built {r['kit_articles']} articles, stock {r['stock_articles']} "
                  f"(Pelican's own count; see the logs with --keep)")


if __name__ == "__main__":
    main()
