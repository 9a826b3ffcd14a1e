"""Workload W of issue 3 in PyTorch, for a side-by-side comparison with `deno task bench`.

W: windows 256 x 1; Conv1d(32, k7, relu) -> MaxPool(2) -> Conv1d(64, k5, relu) -> MaxPool(2)
-> Conv1d(64, k3, relu) -> global average pool -> Linear(64); a batch of 128 pairs (256
windows); NT-Xent on L2-normalised outputs, tau = 0.1; Adam, lr 1e-3. Same figures as the
Deno bench: median seconds per step after warm-up, windows/s, GFLOP/s (3 x forward
multiply-adds x 2 = 3.09 GFLOP per step).

Usage: python3 bench/torch_w.py [--threads N] [--steps 10] [--warmup 3] [--pairs 128] [--json]
(Debian: apt-get install python3-torch)
"""
import argparse
import json
import os
import statistics
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


def encoder():
    return nn.Sequential(
        nn.Conv1d(1, 32, 7), nn.ReLU(), nn.MaxPool1d(2),
        nn.Conv1d(32, 64, 5), nn.ReLU(), nn.MaxPool1d(2),
        nn.Conv1d(64, 64, 3), nn.ReLU(),
        nn.AdaptiveAvgPool1d(1), nn.Flatten(), nn.Linear(64, 64),
    )


def nt_xent(z1, z2, tau):
    """SimCLR's NT-Xent (Chen et al. 2020): mean over the 2N views of -log softmax of the partner."""
    n = z1.shape[0]
    z = F.normalize(torch.cat([z1, z2]), dim=1)
    logits = z @ z.t() / tau
    logits = logits.masked_fill(torch.eye(2 * n, dtype=torch.bool), float("-inf"))
    target = torch.cat([torch.arange(n, 2 * n), torch.arange(0, n)])
    return F.cross_entropy(logits, target)


def forward_flops(windows):
    # 2 * B * (250*7*1*32 + 121*5*32*64 + 58*3*64*64 + 64*64)
    return 2 * windows * (250 * 7 * 32 + 121 * 5 * 32 * 64 + 58 * 3 * 64 * 64 + 64 * 64)


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--threads", type=int, default=os.cpu_count())
    p.add_argument("--steps", type=int, default=10)
    p.add_argument("--warmup", type=int, default=3)
    p.add_argument("--pairs", type=int, default=128)
    p.add_argument("--json", action="store_true")
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(0)
    model = encoder()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    x1 = torch.randn(a.pairs, 1, 256)
    x2 = x1 + 0.3 * torch.randn(a.pairs, 1, 256)

    def step():
        opt.zero_grad()
        loss = nt_xent(model(x1), model(x2), 0.1)
        loss.backward()
        opt.step()
        return loss.item()

    for _ in range(a.warmup):
        step()
    times = []
    for _ in range(a.steps):
        t0 = time.perf_counter()
        step()
        times.append(time.perf_counter() - t0)
    sec = statistics.median(times)
    windows = 2 * a.pairs
    flops = 3 * forward_flops(windows)
    r = {
        "backend": f"torch-{torch.__version__}",
        "threads": torch.get_num_threads(),
        "secPerStep": sec,
        "minSecPerStep": min(times),
        "maxSecPerStep": max(times),
        "windowsPerSec": windows / sec,
        "gflops": flops / sec / 1e9,
        "steps": a.steps,
        "warmup": a.warmup,
        "loadAverage": os.getloadavg()[0],
    }
    if a.json:
        print(json.dumps(r))
    else:
        print(f"{r['backend']}  threads {r['threads']}  s/step {sec:.3f}  min {min(times):.3f}  "
              f"windows/s {r['windowsPerSec']:.0f}  GFLOP/s {r['gflops']:.1f}  load {r['loadAverage']:.1f}")


if __name__ == "__main__":
    main()
