#!/usr/bin/env python3
"""trafilatura over the dev sets, for `npm run bench -- --dev` (run only when it is importable).

usage: dev-trafilatura.py <dev-dir> <out-dir> [limit]
Writes <out-dir>/<set>/<id>.txt and <out-dir>/timing.json, like dev-child.js.
"""
import gzip
import json
import os
import statistics
import sys
import time

import trafilatura


def main() -> int:
    dev, out = sys.argv[1], sys.argv[2]
    limit = int(sys.argv[3]) if len(sys.argv) > 3 and int(sys.argv[3]) > 0 else None
    times = []
    started = time.perf_counter()
    for name in sorted(os.listdir(dev)):
        truth = os.path.join(dev, name, "truth.jsonl")
        if not os.path.isfile(truth):
            continue
        os.makedirs(os.path.join(out, name), exist_ok=True)
        rows = [json.loads(line) for line in open(truth, encoding="utf-8") if line.strip()][:limit]
        for row in rows:
            path = os.path.join(dev, name, "html", row["id"] + ".html.gz")
            if not os.path.exists(path):
                continue
            t0 = time.perf_counter()
            try:
                text = trafilatura.extract(gzip.open(path).read(), url=row.get("url")) or ""
            except Exception:  # a peer's crash is an empty prediction, as for the others
                text = ""
            times.append((time.perf_counter() - t0) * 1000)
            with open(os.path.join(out, name, row["id"] + ".txt"), "w", encoding="utf-8") as f:
                f.write(text)
    timing = {"pages": len(times), "wallMs": (time.perf_counter() - started) * 1000,
              "medianMs": statistics.median(times) if times else 0}
    with open(os.path.join(out, "timing.json"), "w") as f:
        json.dump(timing, f)
    return 0


if __name__ == "__main__":
    sys.exit(main())
