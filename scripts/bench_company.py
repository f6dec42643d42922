#!/usr/bin/env python3
"""The company at scale (issue 18, item 6): head office over N centres of M cases, side by side.

    scripts/bench_company.py BIN [--centres 100] [--cases 10000] [--distinct 2] [--work .bench] [--out FILE] [--before OLDBIN]

`make bench` runs it at the end when BENCH_COMPANY is set (BENCH_COMPANY=1: 100 × 10,000;
BENCH_COMPANY=20x2000: 20 centres of 2,000 cases) and adds its section to BENCHMARKS.md; alone
it prints the section (and writes it to --out when given).

The centres: `--distinct` simulated repositories of about M cases (the first is `bench.py`'s
repository of that size, one signed commit per event, kept in --work; the others
`simulate --bulk` with other seeds). Each base gets one real signed step (`casebook note`) in a
clone of its own, and that clone is cloned under several centre codes with `git clone --shared`
(objects shared through git's alternates, so a hundred centres cost the disk of a few). The
company repository's mirrors are shared clones of the bases, without the step and without any
cache, and its first collection naming each base's head is recorded by this script: verifying a
whole simulated history is not what is measured here (and a bulk history's days are not steps,
so it would be refused).

Then it measures, with peak memory: the first `company fetch` (every centre brings its one new
step, verified, and the fetch keeps the mirror's case summaries at it: from nothing, every case
file decoded); with `--before OLDBIN` the same fetch by that binary first (a build that does not
keep summaries), the company and its mirrors then set up again, so the fetch's cost of keeping
the summaries is the difference; the first full company site right after it (no kept figures,
summaries kept by the fetch); `company fetch` with nothing new; the company site full with no
kept figures and no summaries in the mirrors, full with no kept figures but the summaries warm,
and again with nothing changed; and after one centre changed: a real signed step in one centre,
`company fetch` (which verifies that commit), then the company site.
"""
import argparse
import concurrent.futures
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import bench  # noqa: E402  (run, peak, repository, machine)

run, peak = bench.run, bench.peak


def bases(bin, cases, distinct, work):
    """`distinct` simulated repositories of about `cases` cases; made when missing, kept in `work`."""
    first = bench.repository(bin, cases, work)[0]
    months = 12 if cases >= 10_000 else 4
    per_day = max(1, round(cases / (months * 30.4)))

    def bulk(k):
        path = work / f"company-base-{cases}-{k}"
        stamp = path / ".git" / "casebook" / "bench.json"
        if stamp.exists():
            return path
        if path.exists():
            shutil.rmtree(path)
        print(f"bench-company: simulating {cases} cases (bulk, seed {2026 + k}) …", file=sys.stderr, flush=True)
        ms, mem, p = peak([bin, "simulate", "--out", str(path), "--months", str(months), "--seed", str(2026 + k), "--bulk",
                           "--cases-per-day", str(per_day), "--start", "2025-12" if months == 12 else "2026-08"])
        stamp.write_text(json.dumps({"simulate_ms": ms, "simulate_mib": mem}))
        return path

    with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        rest = list(pool.map(bulk, range(1, distinct)))
    return [first] + rest


def head(repo):
    return run(["git", "rev-parse", "HEAD"], cwd=repo).stdout.strip()


def written(p):
    # "(7 files, 2 written)" or "（7 个文件，2 个有变化）": the last two numbers the command prints.
    m = re.search(r"[(（](\d+)[^\d()（）]+(\d+)[^\d()（）]*[)）]$", p.stdout.strip())
    return (int(m.group(1)), int(m.group(2))) if m else (-1, -1)


def step(bin, repo, now, key):
    """One real signed step (`casebook note` by li.na) on an open case of `repo`: its commit id."""
    open_cases = json.loads(run([bin, "list", "--open", "--json", "--repo", str(repo)]).stdout)
    target = next(c["id"] for c in open_cases if c["status"] in ("open", "in-progress"))
    run([bin, "note", target, "跟进：已电话联系业主", "--as", "li.na", "--repo", str(repo)], env={"CASEBOOK_NOW": now, "CASEBOOK_SIGNING_KEY": str(key)})
    return head(repo)


def measure(bin, centres, cases, distinct, work, runs, before=None):
    t0 = time.perf_counter()
    repos = bases(bin, cases, distinct, work)
    made_s = time.perf_counter() - t0
    root = work / f"company-{centres}x{cases}"
    if root.exists():
        shutil.rmtree(root)
    (root / "centres").mkdir(parents=True)
    # The moment of the run, after every base's last commit; the league's month is the one before.
    now_s = time.time()
    now = time.strftime("%Y-%m-%dT%H:%M:00+08:00", time.gmtime(now_s + 8 * 3600))
    y, m = int(now[:4]), int(now[5:7])
    month = f"{y - 1}-12" if m == 1 else f"{y}-{m - 1:02d}"
    codes = [f"C{n + 1:03d}" for n in range(centres)]
    t = time.perf_counter()
    # Each base with one real signed step, in a clone of its own: what every centre brings to the first fetch.
    stepped = []
    for k, base in enumerate(repos):
        path = root / f"stepped-{k}"
        run(["git", "clone", "-q", "--shared", str(base), str(path)])
        (path / ".git" / "casebook").mkdir(parents=True, exist_ok=True)
        for name in ("keys", "keys.json"):
            if (base / ".git" / "casebook" / name).exists():
                run(["cp", "-a", str(base / ".git" / "casebook" / name), str(path / ".git" / "casebook" / name)])
        step(bin, path, now, base / ".git" / "casebook" / "keys" / "li.na")
        stepped.append(path)
    # The first centre is a clone with a work tree (it makes a real step later); the others bare.
    for n, code in enumerate(codes):
        path = root / "centres" / code
        run(["git", "clone", "-q", "--shared"] + ([] if n == 0 else ["--bare"]) + [str(stepped[n % len(repos)]), str(path)])
    changed = root / "centres" / codes[0]
    for name in ("keys", "keys.json"):
        src = repos[0] / ".git" / "casebook" / name
        if src.exists():
            (changed / ".git" / "casebook").mkdir(parents=True, exist_ok=True)
            run(["cp", "-a", str(src), str(changed / ".git" / "casebook" / name)])
    company = root / "company"
    run([bin, "company", "init", str(company), "--name", "基准物业公司", "--now", now])
    key = root / "wang.gm"
    run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "wang.gm", "-f", str(key)])
    env = {"CASEBOOK_NOW": now, "CASEBOOK_SIGNING_KEY": str(key)}
    run([bin, "company", "staff", "add", "wang.gm", "--name", "王总", "--email", "wang@bench.example", "--role", "general-manager",
         "--key", f"{key}.pub", "--company", str(company)], env=env)
    for code in codes:
        run([bin, "company", "add", code, "--name", f"{code} 服务中心", "--url", str(root / "centres" / code), "--as", "wang.gm",
             "--company", str(company)], env=env)
    # The first collection, recorded here: each mirror a shared clone of its centre with its main
    # branch at the base's head (before the step; the step's objects are there already, as a
    # mirror's earlier fetches would have brought the history's: what is measured is the checking,
    # not git's transfer), that head accepted; no cache in the mirrors.
    mirrors = company / ".git" / "casebook" / "centres"

    def make_mirrors():
        shutil.rmtree(mirrors, ignore_errors=True)
        out = []
        for n, code in enumerate(codes):
            mirror = mirrors / f"{code}.git"
            run(["git", "clone", "-q", "--bare", "--shared", str(root / "centres" / code), str(mirror)])
            commit = head(repos[n % len(repos)])
            run(["git", "update-ref", "refs/heads/main", commit], cwd=mirror)
            run(["git", "update-ref", "refs/incoming/main", commit], cwd=mirror)
            out.append({"centre": code, "commit": commit, "lastGood": now, "outcome": "accepted"})
        return out
    entries = make_mirrors()
    (company / "records" / "collection.json").write_text(
        json.dumps({"at": now, "centres": entries, "format": "casebook.collection/1"}, ensure_ascii=False, indent=2, sort_keys=True)
        .replace('": ', '" : ') + "\n")
    run(["git", "add", "records/collection.json"], cwd=company)
    run(["git", "-c", "user.name=casebook", "-c", "user.email=system@casebook.invalid", "-c", "core.hooksPath=/dev/null", "commit", "-q",
         "-m", "bench: the centres' simulated histories taken as accepted (not verified)", "records/collection.json"], cwd=company)
    setup_s = time.perf_counter() - t
    accepted = head(company)
    r = {"centres": centres, "cases": cases, "distinct": distinct, "month": month, "now": now, "made_s": made_s, "setup_s": setup_s,
         "case_files": [len([l for l in run(["git", "ls-files", "records/cases"], cwd=b).stdout.splitlines() if l.endswith(".json")]) for b in repos],
         "bulk": [json.loads((b / ".git" / "casebook" / "bench.json").read_text()).get("bulk", True) for b in repos],
         "load_before": os.getloadavg()}

    co = ["--company", str(company), "--now", now]
    site = root / "site"

    def accepted_lines(p):
        return sum(1 for l in p.stdout.splitlines() if l.startswith(tuple(codes)) and any(w in l for w in ("accepted", "已验证并接收")))

    # The first fetch: every centre's one new step verified, its summaries kept (from nothing).
    if before:
        ms, mem, p = peak([before, "company", "fetch"] + co)
        r["fetch_first_before"] = (ms, mem, accepted_lines(p))
        # The company and its mirrors as they were set up.
        run(["git", "reset", "-q", "--hard", accepted], cwd=company)
        make_mirrors()
    ms, mem, p = peak([bin, "company", "fetch"] + co)
    r["fetch_first"] = (ms, mem, accepted_lines(p))
    kept = sum(1 for m in mirrors.glob("*.git") if (m / "casebook" / "summaries").exists())
    ms, mem, p = peak([bin, "company", "site", "--out", str(site), "--month", month] + co, env={"CASEBOOK_SUMMARY_STATS": "1"})
    read = sum(int(x) for x in re.findall(r"^summaries: \d+ kept, (\d+) read$", p.stderr, re.M))
    r["site_first"] = (ms, mem, written(p), kept, read)

    # company fetch, nothing new (each run commits a collection, as a timer's would).
    fetches = [peak([bin, "company", "fetch"] + co)[:2] for _ in range(runs)]
    r["fetch_unchanged"] = (bench.Stat([f[0] for f in fetches]), max(f[1] for f in fetches))

    for mirror in mirrors.glob("*.git"):
        (mirror / "casebook" / "summaries").unlink(missing_ok=True)
    shutil.rmtree(company / ".git" / "casebook" / "company-figures", ignore_errors=True)
    ms, mem, p = peak([bin, "company", "site", "--out", str(site), "--month", month] + co)
    r["site_full"] = (ms, mem, written(p))
    # Full again (no kept figures), the summaries warm: what a head office meets after its fetches.
    shutil.rmtree(company / ".git" / "casebook" / "company-figures", ignore_errors=True)
    ms, mem, p = peak([bin, "company", "site", "--out", str(site), "--month", month] + co)
    r["site_warm"] = (ms, mem, written(p))
    ms, mem, p = peak([bin, "company", "site", "--out", str(site), "--month", month] + co)
    r["site_again"] = (ms, mem, written(p))

    # One centre changes: a real signed step, fetched (and verified), then the site.
    step(bin, changed, now, repos[0] / ".git" / "casebook" / "keys" / "li.na")
    ms, mem, p = peak([bin, "company", "fetch"] + co)
    r["fetch_one"] = (ms, mem, [l for l in p.stdout.splitlines() if l.startswith(codes[0])][:1])
    ms, mem, p = peak([bin, "company", "site", "--out", str(site), "--month", month] + co, env={"CASEBOOK_SUMMARY_STATS": "1"})
    stats = next((l for l in p.stderr.splitlines() if l.startswith("company figures:")), "")
    r["site_one"] = (ms, mem, written(p), stats)
    r["load_after"] = os.getloadavg()
    r["disk_mib"] = int(run(["du", "-sm", str(root)]).stdout.split()[0])
    return r


def section(r):
    c, n = r["centres"], r["cases"]
    full_ms, full_mib, (files, full_w) = r["site_full"]
    warm_ms, warm_mib, (_, warm_w) = r["site_warm"]
    ff_ms, ff_mib, ff_ok = r["fetch_first"]
    sf_ms, sf_mib, (_, sf_w), sf_kept, sf_read = r["site_first"]
    again_ms, again_mib, (_, again_w) = r["site_again"]
    one_ms, one_mib, (_, one_w), stats = r["site_one"]
    f1_ms, f1_mib, f1_line = r["fetch_one"]
    st, f_mib = r["fetch_unchanged"]
    worst = max(full_mib, warm_mib, again_mib, one_mib, f_mib, f1_mib, ff_mib, sf_mib)
    kinds = ", ".join(f"{k:,} cases ({'`simulate --bulk`' if b else 'one signed commit per event'})" for k, b in zip(r["case_files"], r["bulk"]))
    la = lambda t: "/".join(f"{x:.1f}" for x in t)
    lines = [f"## The company: {c} centres of about {n:,} cases", "",
             f"Written by `scripts/bench_company.py` on {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}. "
             f"{r['distinct']} distinct simulated centres ({kinds}), cloned under {c} centre codes with `git clone --shared` "
             "(so the centres' figures repeat; the work does not shrink for it: each centre is read from its own mirror). "
             "The first collection naming every base's head was recorded by the script, not verified by `company fetch` "
             "(a simulated history is not what is measured; a bulk history's days are not steps and would be refused); "
             "each centre then has one real signed step more (`casebook note`), which the first `company fetch` brings and verifies, "
             "into mirrors with no cache. "
             f"`--now {r['now']}`, league month {r['month']}. Load average (1/5/15 min) {la(r['load_before'])} before, "
             f"{la(r['load_after'])} after (the bench's own processes on the 2 cores count in it; a higher figure means "
             f"other work shared the machine and the times are inflated by it, the counts are not). Making the bases took {r['made_s']:.0f} s (0 when kept from an earlier run), "
             f"setting up the company {r['setup_s']:.0f} s; {r['disk_mib']:,} MiB on disk.", "",
             "| measure | time | peak memory | files written |", "|---|---|---|---|"]
    if "fetch_first_before" in r:
        fb_ms, fb_mib, fb_ok = r["fetch_first_before"]
        lines.append(f"| first `company fetch` by the build before (one new step per centre verified; no summaries kept; {fb_ok} of {c} accepted) "
                     f"| {fb_ms / 1000:.1f} s | {fb_mib:.0f} MiB | — |")
    lines += [
             f"| first `company fetch` (one new step per centre verified; each mirror's summaries kept, from nothing; {ff_ok} of {c} accepted) "
             f"| {ff_ms / 1000:.1f} s | {ff_mib:.0f} MiB | — |",
             f"| `company site`, the first, right after that fetch (no kept figures; summaries kept in {sf_kept} of {c} mirrors, "
             f"{sf_read:,} case files read) | {sf_ms / 1000:.1f} s | {sf_mib:.0f} MiB | {sf_w} of {files} |",
             f"| `company fetch`, nothing new (median of {len(st.samples)}) | {st} | {f_mib:.0f} MiB | — |",
             f"| `company site`, full (no kept figures, no summaries) | {full_ms / 1000:.1f} s | {full_mib:.0f} MiB | {full_w} of {files} |",
             f"| `company site`, full (no kept figures, summaries warm) | {warm_ms / 1000:.1f} s | {warm_mib:.0f} MiB | {warm_w} of {files} |",
             f"| `company site` again, nothing changed | {again_ms / 1000:.2f} s | {again_mib:.0f} MiB | {again_w} of {files} |",
             f"| `company fetch` after one signed step in one centre (verifies it) | {f1_ms / 1000:.2f} s | {f1_mib:.0f} MiB | — |",
             f"| `company site` after that centre changed | {one_ms / 1000:.2f} s | {one_mib:.0f} MiB | {one_w} of {files} |", "",
             f"The fetch after the change said: `{f1_line[0] if f1_line else '-'}`; the site after it: `{stats}`.", "",
             "| target (issue 18, 100 × 10,000) | here |", "|---|---|"]
    at_scale = c >= 100 and n >= 10_000
    scale = "" if at_scale else f" (at {c} × {n:,}, not the target's size)"
    lines.append(f"| `company fetch` with nothing new ≤ 10 s | {st.median / 1000:.1f} s{scale} — {'met' if st.median <= 10_000 else 'not met'} |")
    lines.append(f"| company site ≤ 60 s full (no kept figures; summaries kept by `company fetch`) | {warm_ms / 1000:.0f} s{scale} "
                 f"— {'met' if warm_ms <= 60_000 else 'not met'} (the first after the first fetch: {sf_ms / 1000:.0f} s; "
                 f"with no summaries at all: {full_ms / 1000:.0f} s) |")
    lines.append(f"| company site ≤ 5 s after one centre changed | {one_ms / 1000:.1f} s{scale} — {'met' if one_ms <= 5_000 else 'not met'} |")
    lines.append(f"| under 2 GiB | {worst:.0f} MiB at most{scale} — {'met' if worst < 2048 else 'not met'} |")
    return "\n".join(lines) + "\n"


def size(setting):
    """BENCH_COMPANY: `1` (100 × 10,000) or `CENTRESxCASES`."""
    if "x" in setting:
        a, b = setting.split("x", 1)
        return int(a), int(b)
    return 100, 10_000


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("bin")
    default = size(os.environ.get("BENCH_COMPANY", "1"))
    ap.add_argument("--centres", type=int, default=default[0])
    ap.add_argument("--cases", type=int, default=default[1])
    ap.add_argument("--distinct", type=int, default=int(os.environ.get("BENCH_COMPANY_DISTINCT", "2")))
    ap.add_argument("--work", default=".bench")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--out", help="write the section here too")
    ap.add_argument("--before", default=os.environ.get("BENCH_COMPANY_BEFORE") or None,
                    help="a build before summaries were kept by the fetch: its first fetch is measured too (BENCH_COMPANY_BEFORE)")
    ap.add_argument("--append", help="add the section at the end of this file (BENCHMARKS.md)")
    a = ap.parse_args()
    work = pathlib.Path(a.work).resolve()
    work.mkdir(parents=True, exist_ok=True)
    before = os.path.abspath(a.before) if a.before else None
    text = section(measure(os.path.abspath(a.bin), a.centres, a.cases, max(1, a.distinct), work, a.runs, before))
    print(text)
    if a.out:
        pathlib.Path(a.out).write_text(text)
    if a.append:
        with open(a.append, "a") as f:
            f.write("\n" + text)


if __name__ == "__main__":
    main()
