#!/usr/bin/env python3
"""casebook's benchmarks: `make bench` runs this with the release binary and writes BENCHMARKS.md.

    scripts/bench.py BIN [--sizes 1000,10000,100000] [--work DIR] [--out BENCHMARKS.md] [--runs N]

For each size it makes (or reuses, from --work) a simulated case repository: one signed commit
per event (`simulate --bulk`, one commit a day, only above BENCH_BULK_ABOVE); the missing ones are
made side by side, one a core. Then it measures, in the same run and the same
repository, casebook against stock git doing the same kind of work: one state change (signed and
unsigned) beside a plain `git add && git commit`; `check --range` over the last 1,000 commits;
a full `site` build and a rebuild after one case changed (the median of three; pages per second,
peak memory from /usr/bin/time -v); `log ID` beside `git log --oneline -- PATH`; `list --overdue` and `sweep`.
Medians and min-max of --runs runs; nothing here asserts a target, it reports.
"""
import argparse
import concurrent.futures
import json
import os
import pathlib
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time

GIT_ENV = {"GIT_AUTHOR_NAME": "李娜", "GIT_AUTHOR_EMAIL": "li.na@cuihu.example",
           "GIT_COMMITTER_NAME": "李娜", "GIT_COMMITTER_EMAIL": "li.na@cuihu.example"}


def run(args, cwd=None, env=None, check=True, capture=True):
    e = dict(os.environ)
    for k in ("CASEBOOK_NOW", "CASEBOOK_ACTOR", "CASEBOOK_SIGNING_KEY"):
        e.pop(k, None)
    e.update(env or {})
    p = subprocess.run(args, cwd=cwd, env=e, stdout=subprocess.PIPE if capture else subprocess.DEVNULL,
                       stderr=subprocess.PIPE, text=True)
    if check and p.returncode != 0:
        sys.exit(f"bench: {' '.join(map(str, args))} failed ({p.returncode}): {p.stderr.strip()[:400]}")
    return p


def timed(args, **kw):
    t = time.perf_counter()
    p = run(args, **kw)
    return (time.perf_counter() - t) * 1000, p


def peak(args, cwd=None, env=None):
    """Wall milliseconds and peak resident MiB of one run, from /usr/bin/time -v."""
    t = time.perf_counter()
    p = run(["/usr/bin/time", "-v"] + args, cwd=cwd, env=env)
    ms = (time.perf_counter() - t) * 1000
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", p.stderr)
    return ms, (int(m.group(1)) / 1024 if m else float("nan")), p


class Stat:
    def __init__(self, samples):
        self.samples = sorted(samples)
        self.median = statistics.median(self.samples)

    def __str__(self):
        return f"{self.median:.1f} ms ({self.samples[0]:.1f}–{self.samples[-1]:.1f})"


def repository(bin, size, work):
    """A simulated repository of about `size` cases (kept in `work` for the next run)."""
    # One signed commit per event at every size up to BENCH_BULK_ABOVE (default: all sizes of a
    # normal run), so history-dependent figures (log, check, provenance) are measured on a real
    # history; `simulate --bulk` (one commit a day) above it.
    bulk = size > int(os.environ.get("BENCH_BULK_ABOVE", "100000"))
    months = 12 if size >= 10_000 else 4
    per_day = max(1, round(size / (months * 30.4)))
    path = work / f"cases-{size}{'-bulk' if bulk else ''}"
    stamp = path / ".git" / "casebook" / "bench.json"
    if stamp.exists():
        return path, json.loads(stamp.read_text())
    if path.exists():
        shutil.rmtree(path)
    args = [bin, "simulate", "--out", str(path), "--months", str(months), "--seed", "2026",
            "--cases-per-day", str(per_day), "--start", "2025-12" if months == 12 else "2026-08"]
    if bulk:
        args.append("--bulk")
    print(f"bench: simulating {size} cases ({'bulk' if bulk else 'one commit per event'}) …", file=sys.stderr, flush=True)
    ms, mem, p = peak(args)
    info = {"size": size, "bulk": bulk, "simulate": p.stdout.strip(), "simulate_ms": ms, "simulate_mib": mem,
            "cases": len([l for l in run(["git", "ls-files", "records/cases"], cwd=path).stdout.splitlines() if l.endswith(".json")]),
            "commits": int(run(["git", "rev-list", "--count", "HEAD"], cwd=path).stdout)}
    stamp.write_text(json.dumps(info))
    return path, info


def open_cases(bin, repo):
    cases = json.loads(run([bin, "list", "--open", "--json", "--repo", str(repo)]).stdout)
    return [c for c in cases if c["status"] in ("open", "in-progress")]


def case_path(repo, case_id):
    """Where the case is: day folders (what `init` makes), else the month folder of an older layout."""
    day = case_id.split("-")[1]
    by_day = f"records/cases/{day[:4]}/{day[4:6]}/{day[6:8]}/{case_id}.json"
    return by_day if (repo / by_day).exists() else f"records/cases/{day[:4]}/{day[4:6]}/{case_id}.json"


def relax_signatures(repo):
    """Signatures optional (once, by the manager's signed commit, as the hooks require), so that the
    unsigned state change can be measured beside the signed one: by default a member with a
    registered key may only make signed steps."""
    path = repo / "records" / "casebook.json"
    settings = json.loads(path.read_text())
    if settings.get("signatures") == "optional":
        return
    staff = json.loads((repo / "records" / "staff.json").read_text())["staff"]
    manager = next(m for m in staff if "manager" in m["roles"])
    settings["signatures"] = "optional"
    path.write_text(json.dumps(settings, ensure_ascii=False, indent=2, sort_keys=True) + "\n")
    key = repo / ".git" / "casebook" / "keys" / manager["id"]
    run(["git", "-c", f"user.name={manager['name']}", "-c", f"user.email={manager['email']}", "-c", "gpg.format=ssh",
         "-c", f"user.signingkey={key}", "-c", "core.hooksPath=/dev/null", "commit", "-q", "-S", "-m",
         "bench: signatures optional, to measure an unsigned step beside a signed one", "records/casebook.json"], cwd=repo)


def measure(bin, size, work, runs):
    repo, info = repository(bin, size, work)
    r = {"info": info}
    # Packed once, as git's own gc would have packed it by now, and no automatic gc during the run:
    # `git commit` would otherwise start one in the background of the measurements that follow.
    run(["git", "config", "gc.auto", "0"], cwd=repo)
    # `simulate` writes packs (a pack every 4,096 commits: 104 at 100,000 cases). Repacked as
    # `git gc --auto` would have by now: whole when more than 1,000 objects are loose
    # (a repository made by an older binary, or left by a run stopped half way) or when there are
    # more packs than gc.autoPackLimit (50). With 104 packs every object looked up was searched
    # for pack by pack: a fifth of `sweep` at 100,000 cases.
    t = time.perf_counter()
    counts = dict(l.split(": ", 1) for l in run(["git", "count-objects", "-v"], cwd=repo).stdout.splitlines() if ": " in l)
    if int(counts.get("count", "0")) > 1000 or int(counts.get("packs", "0")) > 50:
        run(["git", "repack", "-adq"], cwd=repo)
    r["repack_s"] = time.perf_counter() - t
    relax_signatures(repo)
    cases = open_cases(bin, repo)
    actor = "li.na"
    key = str(repo / ".git" / "casebook" / "keys" / actor)
    target = cases[0]["id"]
    # One state change through casebook (validate + write + commit [+ sign]) beside git add + commit
    # of the same kind of change (one more event in a case file) in the same repository. The three
    # are interleaved, one of each per round, so that the machine's speed drifting during the run
    # (a fifth within minutes on a shared machine) moves both sides of the ratio alike.
    unsigned, signed, plain = [], [], []
    other = cases[1]["id"] if len(cases) > 1 else target
    path = case_path(repo, other)
    for i in range(runs):
        ms, _ = timed([bin, "note", target, f"跟进记录 {i}", "--as", actor, "--repo", str(repo)])
        unsigned.append(ms)
        ms, _ = timed([bin, "note", target, f"跟进记录（签名）{i}", "--as", actor, "--repo", str(repo)],
                      env={"CASEBOOK_SIGNING_KEY": key})
        signed.append(ms)
        f = repo / path
        doc = json.loads(f.read_text())
        doc["events"].append({"at": doc["state"]["updatedAt"], "by": actor, "action": "note", "text": f"手工记录 {i}"})
        f.write_text(json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True) + "\n")
        t = time.perf_counter()
        run(["git", "add", path], cwd=repo, env=GIT_ENV)
        run(["git", "-c", "core.hooksPath=/dev/null", "commit", "-q", "--no-verify", "-m", f"note {other}"], cwd=repo, env=GIT_ENV)
        plain.append((time.perf_counter() - t) * 1000)
        # The hand commit is plain git's, not a valid casebook step (state not refolded): the
        # branch is put back at once, so that the notes and the rest measure a valid history.
        run(["git", "reset", "-q", "--hard", "HEAD~1"], cwd=repo)
    r["change_unsigned"], r["change_signed"], r["git_commit"] = Stat(unsigned), Stat(signed), Stat(plain)

    # check --range over the last 1,000 commits (what a server hook costs per push).
    # A bulk repository's days are not steps (the hook refuses them: one commit holds many people's
    # events), so there the push checked is the state changes made above, one step each.
    commits = int(run(["git", "rev-list", "--count", "HEAD"], cwd=repo).stdout)
    n = min(1000, commits - 1)
    if info["bulk"]:
        n = int(run(["git", "rev-list", "--count", "--invert-grep", "--grep=^Action: bulk",
                     f"{run(['git', 'log', '-1', '--format=%H', '--grep=^Action: bulk'], cwd=repo).stdout.strip()}..HEAD"], cwd=repo).stdout)
    files = len(run(["git", "diff", "--name-only", f"HEAD~{n}", "HEAD", "--", "records/cases"], cwd=repo).stdout.split())
    # Judged as recorded (each commit at its own time): the simulated history is weeks old, and as a
    # push arriving today its steps would be late entries. Each timed run follows a check of the
    # 1,000 commits before (not timed), as a push follows the one before it on a server: the caches
    # are then those of the push before, and the versions this range brings are read in its own
    # run (judging the same range again would find them kept by the run before).
    checks = []
    for _ in range(max(3, runs // 5)):
        if commits > 2 * n + 1:
            run([bin, "check", "--range", f"HEAD~{2 * n}..HEAD~{n}", "--as-recorded", "--repo", str(repo)], check=False)
        checks.append(timed([bin, "check", "--range", f"HEAD~{n}..HEAD", "--as-recorded", "--repo", str(repo)])[0])
    r["check"] = (n, Stat(checks))
    r["check_files"] = files

    # log ID beside git log --oneline -- PATH (the history index is built by the first call: any
    # index a run before kept is removed first, or the first call would only append to it).
    # The first call is timed 5 times up to 10,000 cases (the median: one sample moved by the
    # machine's noise across the 2 s target), once above (28 s at 100,000 cases).
    firsts = []
    for _ in range(5 if info["cases"] <= 10_000 else 1):
        for kept in (repo / ".git" / "casebook").glob("history*"):
            kept.unlink()
        firsts.append(timed([bin, "log", target, "--repo", str(repo)])[0])
    first_log = statistics.median(firsts)
    logs = [timed([bin, "log", target, "--repo", str(repo)])[0] for _ in range(runs)]
    gitlogs = [timed(["git", "log", "--oneline", "--", case_path(repo, target)], cwd=repo)[0] for _ in range(runs)]
    r["log_first"], r["log"], r["git_log"] = first_log, Stat(logs), Stat(gitlogs)

    # list --overdue, sweep (the first sweep makes the steps due since the simulation ended).
    r["list_overdue"] = Stat([timed([bin, "list", "--overdue", "--repo", str(repo)])[0] for _ in range(max(3, runs // 5))])
    r["today"] = Stat([timed([bin, "today", "--as", actor, "--repo", str(repo)])[0] for _ in range(max(3, runs // 5))])
    # Peak memory of the whole-repository reads with cold caches (the worst case): no summaries
    # and no live cases kept.
    for name in ("summaries", "live"):
        cache = repo / ".git" / "casebook" / name
        if cache.exists():
            cache.unlink()
    r["list_cold"] = peak([bin, "list", "--overdue", "--repo", str(repo)])[:2]
    first_sweep, p = timed([bin, "sweep", "--repo", str(repo)])
    steps = len([l for l in p.stdout.splitlines() if l.strip()])
    r["sweep_first"] = (first_sweep, steps)
    r["sweep"] = Stat([timed([bin, "sweep", "--repo", str(repo)])[0] for _ in range(max(3, runs // 5))])

    # The site: a full build into an empty folder, then a rebuild after one case changed.
    out = work / f"site-{size}"
    # The verdicts on signatures are kept in the repository under the verifier's version (the hooks
    # and `check --range` reach them push by push): a first build in a new clone or a repository
    # just simulated verifies every signature of the history. That build is reported on its own and
    # the full build measured again with the verdicts kept, as a host builds a new site folder.
    # Each full build goes into a folder of its own, removed at the end: files deleted by the
    # thousand just before are slow to create again on a file system without a journal (ext4
    # then skips inodes freed in the last minutes one by one), and the writes of the builds before
    # are flushed first (as minutes later on a host), so that their write-back is not measured.
    first = work / f"site-{size}-first"
    for folder in (out, first):
        if folder.exists():
            shutil.rmtree(folder)

    def full_build(folder):
        os.sync()
        ms, mem, p = peak([bin, "site", "--repo", str(repo), "--out", str(folder)], env={"CASEBOOK_SIGNATURE_STATS": "1"})
        pages = int(re.search(r"(\d+) pages", p.stdout + p.stderr).group(1))
        verified = re.search(r"signatures: (\d+) kept, (\d+) verified", p.stderr)
        return ms, mem, pages, int(verified.group(2)) if verified else 0
    ms, mem, pages, verified = full_build(out)
    if verified > 1000:
        r["site_full_verifying"] = (ms, mem, verified)
        os.rename(out, first)
        ms, mem, pages, verified = full_build(out)
    r["site_full"] = (ms, mem, pages)
    r["site_full_verified"] = verified
    os.sync()
    # The rebuild after one case changed, three times (a note before each): the median, the
    # largest peak memory. One rebuild alone moved by a fifth from run to run on this machine.
    rebuilds = []
    for i in range(3):
        run([bin, "note", target, f"跟进：已电话联系业主（{i + 1}）", "--as", actor, "--repo", str(repo)])
        ms, mem, p = peak([bin, "site", "--repo", str(repo), "--out", str(out)])
        written = re.search(r"\((\d+) written\)", p.stdout + p.stderr)
        rebuilds.append((ms, mem, int(written.group(1)) if written else -1))
    ms, _, written = sorted(rebuilds)[1]
    r["site_rebuild"] = (ms, max(m for _, m, _ in rebuilds), written)
    r["site_rebuilds"] = [x[0] for x in rebuilds]
    for folder in (out, first):
        if folder.exists():
            shutil.rmtree(folder)
    return r


def machine():
    mem = next((l.split()[1] for l in open("/proc/meminfo") if l.startswith("MemTotal")), "0")
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.processor())
    git = run(["git", "--version"]).stdout.strip()
    return f"{os.cpu_count()} cores ({cpu}), {int(mem) / 1024 / 1024:.1f} GiB memory, {platform.system()} {platform.release()}, {git}"


def write(results, out, runs, binary):
    sizes = sorted(results)
    lines = ["# casebook benchmarks", "",
             f"Written by `make bench` (`scripts/bench.py`) on {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}.",
             f"Machine: {machine()}. Binary: `{binary}`.",
             f"Each figure is the median of {runs} runs (min–max in brackets) unless it says otherwise; every",
             "comparison with stock git was measured in the same run, in the same repository. Each repository is",
             "packed as `git gc --auto` would have (`simulate` writes a pack every 4,096 commits; one with more than 1,000 loose objects or more than 50 packs is packed whole by `git repack -ad`) before it is measured, and git's automatic gc is off during the run so that",
             "it never runs in the background of a measurement.", "",
             f"Sizes measured in this run: {', '.join(f'{s:,}' for s in sizes)} cases"
             + ("" if 100000 in sizes else " (the 100,000-case repository was not part of it)") + ".", "",
             "## The repositories", "",
             "| cases | commits | made by | simulate took | peak memory |", "|---|---|---|---|---|"]
    for s in sizes:
        i = results[s]["info"]
        how = "`simulate --bulk` (one commit a day)" if i["bulk"] else "`simulate` (one signed commit per event)"
        lines.append(f"| {i['cases']:,} | {i['commits']:,} | {how} | {i['simulate_ms'] / 1000:.0f} s | {i['simulate_mib']:.0f} MiB |")
    lines += ["", "## One state change", "",
              "`casebook note ID TEXT` (read the case at HEAD, validate it as the hook would, write the file, commit",
              "through libgit2, update the index) as one whole process, unsigned and signed (in-process Ed25519),",
              "beside `git add FILE && git commit` (hooks off) of the same kind of change: one more event in a case file.",
              "The three are interleaved, one of each per round, so that a drift of the machine's speed moves both sides alike.", "",
              "| cases | casebook, unsigned | casebook, signed | signing adds | git add + commit | unsigned ÷ git |",
              "|---|---|---|---|---|---|"]
    for s in sizes:
        r = results[s]
        u, g, p = r["change_unsigned"], r["change_signed"], r["git_commit"]
        lines.append(f"| {r['info']['cases']:,} | {u} | {g} | {g.median - u.median:+.1f} ms | {p} | {u.median / p.median:.2f} |")
    lines += ["", "## What a push costs the server: `check --range` over the last 1,000 commits", "",
              "Each run follows a check of the 1,000 commits before it (not timed), as a push follows the one",
              "before it: the caches are the earlier push's, and the case files this range changed are read in its run.", "",
              "| cases | commits checked | case files changed | time | commits per second | case files per second |",
              "|---|---|---|---|---|---|"]
    for s in sizes:
        n, st = results[s]["check"]
        files = results[s].get("check_files", 0)
        note = " (the state changes above: a bulk day is not a step)" if results[s]["info"]["bulk"] else ""
        lines.append(f"| {results[s]['info']['cases']:,} | {n}{note} | {files:,} | {st} | {n / (st.median / 1000):,.0f} | {files / (st.median / 1000):,.0f} |")
    lines += ["", "## One case's history: `casebook log ID` beside `git log --oneline -- PATH`", "",
              "| cases | commits | casebook log (first call, builds the index: median of 5 up to 10,000 cases, one run above) | casebook log | git log -- PATH | ratio |",
              "|---|---|---|---|---|---|"]
    for s in sizes:
        r = results[s]
        lines.append(f"| {r['info']['cases']:,} | {r['info']['commits']:,} | {r['log_first']:.0f} ms | {r['log']} | {r['git_log']} | {r['log'].median / r['git_log'].median:.2f} |")
    lines += ["", "## Reading and sweeping", "",
              "| cases | list --overdue | today | first sweep (steps made) | sweep with nothing to do | list, cold cache (peak memory) |",
              "|---|---|---|---|---|---|"]
    for s in sizes:
        r = results[s]
        ms, steps = r["sweep_first"]
        cold_ms, cold_mib = r["list_cold"]
        lines.append(f"| {r['info']['cases']:,} | {r['list_overdue']} | {r['today']} | {ms:.0f} ms ({steps} steps) | {r['sweep']} | {cold_ms:.0f} ms ({cold_mib:.0f} MiB) |")
    lines += ["", "## The dashboard", "",
              "| cases | full build | pages | pages per second | peak memory | rebuild after one case changed (median of 3; min–max) | files rewritten | peak memory |",
              "|---|---|---|---|---|---|---|---|"]
    for s in sizes:
        r = results[s]
        ms, mem, pages = r["site_full"]
        rms, rmem, written = r["site_rebuild"]
        each = r.get("site_rebuilds", [rms])
        lines.append(f"| {r['info']['cases']:,} | {ms / 1000:.1f} s | {pages:,} | {pages / (ms / 1000):,.0f} | {mem:.0f} MiB | {rms:.0f} ms ({min(each):.0f}–{max(each):.0f}) | {written} | {rmem:.0f} MiB |")
    lines += ["", "A full build reads the verdicts on signatures the hooks and `check --range` reached and kept"
              " (`.git/casebook/signatures`, kept under the verifier's version); it verifies only those not kept."]
    for s in sizes:
        r = results[s]
        if "site_full_verifying" in r:
            ms, mem, n = r["site_full_verifying"]
            lines.append(f"The first build of this run at {r['info']['cases']:,} cases found no verdicts kept (a repository"
                         f" simulated anew, or a new verifier): it verified {n:,} signatures and took {ms / 1000:.1f} s ({mem:.0f} MiB);"
                         " the full build above is the one after it, into an empty folder.")
        elif r.get("site_full_verified"):
            lines.append(f"At {r['info']['cases']:,} cases the full build verified {r['site_full_verified']:,} signatures not kept.")
    if len(sizes) > 1:
        a, b = sizes[0], sizes[-1]
        ra, rb = results[a], results[b]
        k = rb["info"]["cases"] / ra["info"]["cases"]
        lines += ["", f"## How cost grows from {ra['info']['cases']:,} to {rb['info']['cases']:,} cases (×{k:.0f})", "",
                  "| measure | growth |", "|---|---|",
                  f"| state change, unsigned | ×{rb['change_unsigned'].median / ra['change_unsigned'].median:.1f} |",
                  f"| git add + commit | ×{rb['git_commit'].median / ra['git_commit'].median:.1f} |",
                  f"| casebook log | ×{rb['log'].median / ra['log'].median:.1f} |",
                  f"| list --overdue | ×{rb['list_overdue'].median / ra['list_overdue'].median:.1f} |",
                  f"| site, full build | ×{rb['site_full'][0] / ra['site_full'][0]:.1f} |",
                  f"| site, rebuild after one change | ×{rb['site_rebuild'][0] / ra['site_rebuild'][0]:.1f} |"]
    lines += targets(results)
    # Where the time goes, from profiles of this code (written by hand, kept beside the script).
    profile = pathlib.Path(__file__).resolve().parent.parent / "docs" / "PROFILE.md"
    if profile.exists():
        lines += ["", profile.read_text().rstrip()]
    # The reliability figures (make soak) belong beside the speed figures.
    reliability = pathlib.Path(__file__).resolve().parent.parent / "RELIABILITY.md"
    if reliability.exists():
        text = reliability.read_text().replace("# Reliability figures", "## Reliability (from RELIABILITY.md, written by `make soak`)", 1)
        lines += ["", text.rstrip()]
    pathlib.Path(out).write_text("\n".join(lines) + "\n")


def targets(results):
    """The issue's targets, each with the figure measured against it here: met or not."""
    def by(n):
        return next((results[s] for s in sorted(results) if results[s]["info"]["cases"] >= n * 0.8 and s >= n), None)
    rows = []
    for n in (1000, 10000, 100000):
        r = by(n)
        if not r:
            rows.append((f"state change (unsigned) at {n:,} cases: {'no slower than' if n < 100000 else 'at most half of'} git add + commit", "not measured in this run"))
            continue
        ratio = r["change_unsigned"].median / r["git_commit"].median
        limit = 1.0 if n < 100000 else 0.5
        rows.append((f"state change (unsigned) at {n:,} cases: ≤ {limit:g} × git add + commit", f"{ratio:.2f} × — {'met' if ratio <= limit else 'not met'}"))
    for s in sorted(results):
        r = results[s]
        extra = r["change_signed"].median - r["change_unsigned"].median
        rows.append((f"signing adds at most 15 ms ({r['info']['cases']:,} cases)", f"{extra:+.1f} ms — {'met' if extra <= 15 else 'not met'}"))
        n, st = r["check"]
        per1000 = st.median / n * 1000
        scaled = f" (from {n} commits)" if n < 1000 else ""
        rows.append((f"check --range of 1,000 commits under 2 s ({r['info']['cases']:,} cases)", f"{per1000 / 1000:.1f} s{scaled} — {'met' if per1000 <= 2000 else 'not met'}"))
    r = by(10000)
    rows.append(("casebook log ID under 60 ms at 10,000 cases", f"{r['log'].median:.0f} ms — {'met' if r['log'].median <= 60 else 'not met'}" if r else "not measured in this run"))
    rows.append(("first casebook log (builds the history index) ≤ 2 s at 10,000 cases",
                 f"{r['log_first'] / 1000:.1f} s — {'met' if r['log_first'] <= 2000 else 'not met'}" if r else "not measured in this run"))
    r = by(100000)
    if r:
        for name, st in (("list --overdue", r["list_overdue"]), ("today", r["today"]), ("sweep with nothing to do", r["sweep"])):
            rows.append((f"{name} ≤ 0.3 s at 100,000 cases", f"{st.median:.0f} ms — {'met' if st.median <= 300 else 'not met'}"))
        worst = max(r["site_full"][1], r["site_rebuild"][1], r["list_cold"][1], r.get("site_full_verifying", (0, 0))[1])
        rows.append(("every whole-repository command under 1 GiB at 100,000 cases (site, rebuild, list with a cold cache)",
                     f"{worst:.0f} MiB at most — {'met' if worst < 1024 else 'not met'}"))
        ms, mem, _ = r["site_full"]
        rms = r["site_rebuild"][0]
        rows.append(("100,000-case site under 20 s and 1 GiB", f"{ms / 1000:.0f} s, {mem:.0f} MiB — {'met' if ms <= 20000 and mem <= 1024 else 'not met'}"))
        rows.append(("rebuild after one case changed under 1 s at 100,000 cases", f"{rms:.0f} ms — {'met' if rms <= 1000 else 'not met'}"))
    else:
        rows.append(("100,000-case site under 20 s and 1 GiB; rebuild under 1 s", "not measured in this run"))
    return ["", "## Against the targets", "", "| target | here |", "|---|---|"] + [f"| {a} | {b} |" for a, b in rows]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("bin")
    ap.add_argument("--sizes", default=os.environ.get("BENCH_SIZES", "1000,10000,100000"))
    ap.add_argument("--work", default=".bench")
    ap.add_argument("--out", default="BENCHMARKS.md")
    ap.add_argument("--runs", type=int, default=int(os.environ.get("BENCH_RUNS", "21")))
    ap.add_argument("--prepare", action="store_true", help="only make the repositories (kept in --work)")
    a = ap.parse_args()
    binary = os.path.abspath(a.bin)
    work = pathlib.Path(a.work).resolve()
    work.mkdir(parents=True, exist_ok=True)
    results = {}
    sizes = [int(s) for s in a.sizes.split(",") if s]
    # The repositories still missing are simulated side by side, one a core (each is one process).
    with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        list(pool.map(lambda size: repository(binary, size, work), sizes))
    for size in sizes:
        if a.prepare:
            continue
        print(f"bench: {size} cases …", file=sys.stderr, flush=True)
        results[size] = measure(binary, size, work, a.runs)
        write(results, a.out, a.runs, a.bin)
    if not a.prepare and os.environ.get("BENCH_COMPANY"):
        # The company over many centres (issue 18): scripts/bench_company.py adds its own section.
        run([sys.executable, str(pathlib.Path(__file__).with_name("bench_company.py")), binary, "--work", str(work), "--append", a.out])
    if not a.prepare:
        print(f"bench: wrote {a.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
