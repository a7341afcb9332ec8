"""The Python side of bench/drift-compare.bench.mjs: scipy's ks_2samp alone on two files.

Usage: python3 bench/scipy_ks.py BASELINE CURRENT
Reads each file with numpy (np.loadtxt for one number per line, the fastest numpy reader
measured here; json for a JSON array), runs scipy.stats.ks_2samp(method='auto') and prints
{"statistic", "pvalue", "scipy"} as JSON.
"""

import json
import sys

import numpy as np
import scipy
from scipy.stats import ks_2samp


def read(path):
    with open(path, "rb") as f:
        head = f.read(64).lstrip()
    if head.startswith(b"["):
        with open(path, "rb") as f:
            return np.asarray(json.load(f), dtype=np.float64)
    return np.loadtxt(path, dtype=np.float64, ndmin=1)


def main():
    baseline, current = read(sys.argv[1]), read(sys.argv[2])
    result = ks_2samp(baseline, current)
    print(json.dumps({"statistic": float(result.statistic), "pvalue": float(result.pvalue), "scipy": scipy.__version__}))


if __name__ == "__main__":
    main()
