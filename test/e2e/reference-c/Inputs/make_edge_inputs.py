"""Writes DIR/x.npy, DIR/y.npy and DIR/f.npy, the fixed-seed inputs of
edge-cases.mlir: i8 [2, 3, 4, 5], u8 [5] and f32 [2, 6].

    make_edge_inputs.py DIR
"""
import os
import sys

import numpy as np


def main(argv):
    directory = argv[1]
    rng = np.random.default_rng(5)
    np.save(os.path.join(directory, "x.npy"),
            rng.integers(-128, 128, (2, 3, 4, 5)).astype(np.int8))
    np.save(os.path.join(directory, "y.npy"),
            rng.integers(0, 256, (5,)).astype(np.uint8))
    np.save(os.path.join(directory, "f.npy"),
            (rng.standard_normal((2, 6)) * 3).astype(np.float32))


if __name__ == "__main__":
    main(sys.argv)
