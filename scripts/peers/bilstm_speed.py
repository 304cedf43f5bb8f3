"""What a deep parser's encoder alone costs on this machine: the forward pass of a two-layer
bidirectional LSTM, run with numpy's BLAS on one thread, in batches of 64 sentences of 25
tokens, at two common sizes: 100-dimensional inputs and 200 units each way, and Kiperwasser &
Goldberg's (2016) smaller 125-dimensional inputs (word + tag vectors) and 125 units. No attention, no arc scorer, no tagger, no recogniser:
a deep parser spends at least this much per token, so this is an upper bound on its speed.

    OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 /work/venv-ner/bin/python scripts/peers/bilstm_speed.py

Random weights: speed does not depend on their values.
"""

import time

import numpy as np

BATCH, LENGTH, LAYERS = 64, 25, 2


def lstm_direction(x, w, b, reverse):
    """x: (length, batch, input) → (length, batch, hidden)."""
    length, batch, _ = x.shape
    hidden = b.shape[0] // 4
    h = np.zeros((batch, hidden), dtype=np.float32)
    c = np.zeros((batch, hidden), dtype=np.float32)
    out = np.empty((length, batch, hidden), dtype=np.float32)
    steps = range(length - 1, -1, -1) if reverse else range(length)
    for t in steps:
        z = np.concatenate([x[t], h], axis=1) @ w + b
        i, f, o, g = np.split(z, 4, axis=1)
        i, f, o = (1 / (1 + np.exp(-v)) for v in (i, f, o))
        c = f * c + i * np.tanh(g)
        h = o * np.tanh(c)
        out[t] = h
    return out


def measure(EMBED, HIDDEN):
    rng = np.random.default_rng(20260101)
    dims = [EMBED] + [2 * HIDDEN] * (LAYERS - 1)
    params = [
        [
            (
                rng.standard_normal((d + HIDDEN, 4 * HIDDEN), dtype=np.float32) * 0.05,
                np.zeros(4 * HIDDEN, dtype=np.float32),
            )
            for _ in range(2)
        ]
        for d in dims
    ]
    x = rng.standard_normal((LENGTH, BATCH, EMBED), dtype=np.float32)
    best = None
    for _ in range(5):
        start = time.process_time()
        batches = 20
        for _ in range(batches):
            h = x
            for (wf, bf), (wb, bb) in params:
                h = np.concatenate(
                    [lstm_direction(h, wf, bf, False), lstm_direction(h, wb, bb, True)], axis=2
                )
        cpu = time.process_time() - start
        best = cpu if best is None else min(best, cpu)
    tokens = batches * BATCH * LENGTH
    flops = 2 * sum(2 * (d + HIDDEN) * 4 * HIDDEN for d in dims)
    print(
        f"BiLSTM encoder, {LAYERS} layers, inputs {EMBED}, {HIDDEN} units each way: "
        f"{tokens / best:,.0f} tokens "
        f"per CPU-second ({flops / 1e6:.1f} MFLOP per token, {flops * tokens / best / 1e9:.1f} "
        f"GFLOP/s; best of 5)"
    )


def main():
    measure(100, 200)
    measure(125, 125)


if __name__ == "__main__":
    main()
