#!/usr/bin/env python3
"""claimcheck on Dask distributed: the same findings as `claimcheck export --format jsonl`.

    python3 engines/dask/run.py DIR --out FILE.jsonl [--scheduler ADDR] [--stats FILE.json]

The work is done by the stage commands (`node bin/claimcheck.js stage …`, JSON
Lines over stdin/stdout, see src/engine/stage.ts); this file only moves records:

  list      (driver)   DIR → the source files, in the order export reads them
  analyze   (map)      partitions of files → one record per source: claims,
                       profiles and each claim's blocking keys
  plan      (driver)   small per-source records → sources kept (duplicates
                       dropped), final ids, the blocking cap; term counts are a
                       bag reduction (frequencies), the common terms broadcast
  pairs     (shuffle)  claims grouped by blocking key (bag.groupby) → scored
                       edges, each candidate pair owned by one block
  components (driver)  union-find over the confident edges
  judge     (shuffle)  claims and edges grouped by component → findings with
                       links to claims
  finish    (driver)   links resolved to finding ids → the JSONL of export

Without --scheduler a LocalCluster of 2 worker processes (1 thread each) on
127.0.0.1 is started and closed at the end. On a real cluster every worker needs
node, this checkout at the same path and DIR on a shared path (see README).
"""

import argparse
import atexit
import json
import os
import resource
import shutil
import subprocess
import sys
import time
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CLI = str(ROOT / "bin" / "claimcheck.js")


def run_stage(node, cwd, name, records, *args):
    """Run `claimcheck stage NAME` with records as JSON lines on stdin; its JSON lines back."""
    data = "".join(json.dumps(record, separators=(",", ":")) + "\n" for record in records).encode()
    proc = subprocess.run([node, CLI, "stage", name, *args], input=data, cwd=cwd, capture_output=True)
    if proc.stderr:
        sys.stderr.write(proc.stderr.decode(errors="replace"))
    if proc.returncode != 0:
        raise RuntimeError(f"claimcheck stage {name} failed with exit code {proc.returncode}")
    return [json.loads(line) for line in proc.stdout.decode().splitlines() if line.strip()]


# ---------------------------------------------------------------------------
# Partition functions (run on the workers)


def analyze_partition(items, node, cwd):
    items = list(items)
    return run_stage(node, cwd, "analyze", items) if items else []


def plan_record(record):
    return {"path": record["path"], "id": record["id"], "outlet": record["outlet"], "prose": record["prose"], "claims": len(record["claims"]), "story": record["story"]}


def explode(records, offsets):
    """One record per claim of the kept sources, with its corpus index."""
    out = []
    for record in records:
        first = offsets.get(record["path"])
        if first is None:
            continue
        for k, claim in enumerate(record["claims"]):
            out.append({
                "index": first + k,
                "source": record["id"],
                "path": record["path"],
                "claim": claim,
                "profile": record["profiles"][k],
                "keys": record["keys"][k],
            })
    return out


def block_entries(claims, common, story_of):
    """(block key, claim as a block sees it) for each blocking key of each claim."""
    out = []
    for claim in claims:
        story = story_of.get(claim["source"], "")
        capped = [term for term in claim["keys"]["terms"] if (story, term) not in common]
        small = {"index": claim["index"], "source": claim["source"], "profile": claim["profile"], "capped": capped}
        for term in capped:
            out.append((("terms", term), small))
        for term in claim["keys"]["copies"]:
            out.append((("copies", term), small))
    return out


def block_hash(entry):
    """The shuffle key of a block entry: an integer (a string's hash differs between worker processes)."""
    return zlib.crc32(f"{entry[0][0]}\u0000{entry[0][1]}".encode())


def pairs_partition(groups, node, cwd, stories):
    blocks = []
    for _, entries in groups:
        # Blocks whose keys share a hash come together: split them again.
        by_key = {}
        for key, claim in entries:
            by_key.setdefault(key, []).append(claim)
        for key in sorted(by_key):
            if len(by_key[key]) > 1:
                blocks.append({"kind": key[0], "term": key[1], "claims": by_key[key]})
    return [tuple(edge) for edge in run_stage(node, cwd, "pairs", blocks, "--stories", stories)] if blocks else []


def component_entries(claims, roots, cross):
    """(component, item) for each claim, and for the components its weak edges reach."""
    out = []
    for claim in claims:
        index = claim["index"]
        root = roots.get(index, index)
        capped_claim = {key: claim[key] for key in ("index", "source", "path", "claim", "profile")}
        capped_claim["capped"] = claim["capped"]
        out.append((root, ("claim", capped_claim)))
        sentence = claim["claim"]["sentence"]
        for other in cross.get(index, ()):
            out.append((other, ("outside", index, f"{sentence['source']}#{sentence['index']}")))
    return out


def judge_partition(groups, node, cwd, ledger, stories):
    components = []
    for _, entries in groups:
        component = {"claims": [], "edges": [], "outside": {}}
        for _, item in entries:
            if item[0] == "claim":
                component["claims"].append(item[1])
            elif item[0] == "edge":
                component["edges"].append(item[1])
            else:
                component["outside"][str(item[1])] = item[2]
        if component["claims"]:
            components.append(component)
    return run_stage(node, cwd, "judge", components, "--ledger", ledger, "--stories", stories) if components else []


def peak_rss():
    """Peak resident memory (MB) of this process and of the largest child (the node stages) so far."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"python": round(own), "node": round(children)}


# ---------------------------------------------------------------------------
# The driver


def find(parent, x):
    while parent.get(x, x) != x:
        parent[x] = parent.get(parent[x], parent[x])
        x = parent[x]
    return x


def components_of(edges):
    """Root (least index) of each claim that a confident edge touches."""
    parent = {}
    for i, j, _, confident in edges:
        if not confident:
            continue
        a, b = find(parent, i), find(parent, j)
        if a != b:
            parent[max(a, b)] = min(a, b)
            parent.setdefault(min(a, b), min(a, b))
    return {x: find(parent, x) for x in list(parent)}


def pipeline(client, folder, out, ledger, cwd, node):
    import dask.bag as db

    workers = max(1, len(client.scheduler_info()["workers"]))
    phases, mark = {}, [time.time()]

    def phase(name):
        now = time.time()
        phases[name] = round(now - mark[0], 2)
        mark[0] = now

    files = [record["path"] for record in run_stage(node, cwd, "list", [], folder)]
    if not files:
        raise SystemExit(f"no source files in {folder}")
    # Partitions of about 100 sources (each one starts node once per stage), at least one per worker.
    parts = max(1, min(len(files), max(workers, min(workers * 4, -(-len(files) // 100)))))

    analyzed = db.from_sequence([{"path": path} for path in files], npartitions=parts).map_partitions(analyze_partition, node, cwd).persist()
    usable = {record["path"]: record for record in analyzed.filter(lambda r: r["id"] is not None).map(plan_record).compute()}
    order = {path: rank for rank, path in enumerate(files)}
    phase("analyze")
    plan = run_stage(node, cwd, "plan", sorted(usable.values(), key=lambda r: order[r["path"]]))[0]

    if not plan["sources"]:
        raise SystemExit(f"no usable sources in {folder}")
    # A clash of file names gives a source another id: analyse it again under that id (as export does).
    renamed = [{"path": s["path"], "id": s["id"]} for s in plan["sources"] if s["id"] != usable[s["path"]]["id"]]
    if renamed:
        again = {r["path"]: r for r in run_stage(node, cwd, "analyze", renamed)}
        analyzed = analyzed.map(lambda r, again=again: again.get(r["path"], r))
    offsets, total = {}, 0
    for source in plan["sources"]:
        offsets[source["path"]] = total
        total += usable[source["path"]]["claims"]
    claims = analyzed.map_partitions(explode, offsets).persist()
    del analyzed  # the workers keep the claims only

    # Corpus-wide term counts decide which blocking terms are too common (the cap of `maxPostingsFor`).
    cap = plan["maxPostings"]
    # The story profiles of the kept sources (small: one per source) go to every pairs and judge
    # task and to finish as a file beside the output (a shared path on a cluster, like the sources).
    stories = os.path.abspath(f"{out}.stories-{os.getpid()}.json")
    with open(stories, "w", encoding="utf-8") as handle:
        json.dump(plan["stories"], handle, separators=(",", ":"))
    atexit.register(lambda: os.path.exists(stories) and os.remove(stories))
    # Counted per story (the plan's storyOf), as export counts them: a story's candidates depend on its own claims.
    story_of = plan.get("storyOf", {})
    common = set(
        claims.map(lambda c, s=story_of: [(s.get(c["source"], ""), t) for t in c["keys"]["terms"]]).flatten().frequencies().filter(lambda kv, cap=cap: kv[1] > cap).map(lambda kv: kv[0]).compute()
    )
    with_capped = claims.map(lambda c, common=common, s=story_of: {**c, "capped": [t for t in c["keys"]["terms"] if (s.get(c["source"], ""), t) not in common]})

    phase("plan")
    blocks = claims.map_partitions(block_entries, common, story_of).groupby(block_hash, npartitions=parts)
    edges = sorted(set(blocks.map_partitions(pairs_partition, node, cwd, stories).compute()))

    phase("pairs")
    roots = components_of(edges)
    by_component = {}
    cross = {}
    for edge in edges:
        i, j, _, confident = edge
        a, b = roots.get(i, i), roots.get(j, j)
        by_component.setdefault(a, []).append(list(edge))
        if a != b:
            by_component.setdefault(b, []).append(list(edge))
            cross.setdefault(i, []).append(b)
            cross.setdefault(j, []).append(a)
    items = with_capped.map_partitions(component_entries, roots, cross)
    edge_items = [(root, ("edge", edge)) for root, list_ in by_component.items() for edge in list_]
    if edge_items:
        items = db.concat([items, db.from_sequence(edge_items, npartitions=parts)])
    judged = items.groupby(lambda entry: entry[0], npartitions=parts).map_partitions(judge_partition, node, cwd, ledger, stories).compute()

    phase("judge")
    finding_of = {}
    for record in judged:
        for claim in record["claims"]:
            finding_of[claim] = record["finding"]["id"]
    linked = []
    for record in judged:
        own = record["finding"]["id"]
        related = {}
        for claim, score in record["links"]:
            target = finding_of.get(claim)
            if target is not None and target != own:
                related[target] = max(related.get(target, 0), score)
        linked.append({"finding": record["finding"], "related": [[k, v] for k, v in related.items()]})

    data = "".join(json.dumps(record, separators=(",", ":")) + "\n" for record in linked).encode()
    proc = subprocess.run([node, CLI, "stage", "finish", "--ledger", ledger, "--stories", stories], input=data, cwd=cwd, capture_output=True)
    sys.stderr.write(proc.stderr.decode(errors="replace"))
    if proc.returncode != 0:
        raise RuntimeError(f"claimcheck stage finish failed with exit code {proc.returncode}")
    tmp = f"{out}.tmp-{os.getpid()}"
    with open(tmp, "wb") as handle:
        handle.write(proc.stdout)
    os.replace(tmp, out)
    phase("finish")
    return {"phases": phases, "sources": len(plan["sources"]), "claims": total, "edges": len(edges), "findings": len(linked)}


def main(argv=None):
    parser = argparse.ArgumentParser(description="Run claimcheck on Dask distributed: the output of `claimcheck export --format jsonl`.")
    parser.add_argument("dir", help="folder (or file) of sources, as given to export")
    parser.add_argument("--out", required=True, help="JSONL file to write")
    parser.add_argument("--scheduler", help="address of a running scheduler (tcp://host:8786); default: a local cluster of 2 workers")
    parser.add_argument("--ledger", default="claims", help="the reviewed ledger whose decisions to honour (as export's --ledger)")
    parser.add_argument("--stats", help="write wall time and peak memory per worker to this JSON file")
    options = parser.parse_args(argv)

    from distributed import Client, LocalCluster

    node = shutil.which("node")
    if node is None:
        raise SystemExit("node is not on PATH")
    cwd = os.getcwd()
    started = time.time()
    cluster = None
    if options.scheduler:
        client = Client(options.scheduler)
    else:
        cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None)
        client = Client(cluster)
    try:
        counts = pipeline(client, options.dir, options.out, options.ledger, cwd, node)
        memory = client.run(peak_rss)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    wall = time.time() - started
    stats = {"wall_seconds": round(wall, 2), "workers": memory, "driver": peak_rss(), **counts}
    sys.stderr.write(f"wrote {options.out}: {counts['findings']} claims from {counts['sources']} sources in {wall:.1f} s\n")
    if options.stats:
        with open(options.stats, "w") as handle:
            json.dump(stats, handle, indent=2)


if __name__ == "__main__":
    main()
