"""Writes and prints .npy files for the morselc tests (needs NumPy).

  npy.py write FILE DTYPE SHAPE VALUE...   write an array (values cycle)
  npy.py print FILE                        print dtype, shape and values
"""
import sys

import numpy as np


def main(argv):
    if argv[1] == "write":
        path, dtype, shape = argv[2], argv[3], tuple(
            int(d) for d in argv[4].split("x") if d)
        values = np.array([float(v) for v in argv[5:]])
        count = int(np.prod(shape)) if shape else 1
        data = np.resize(values, count).astype(dtype).reshape(shape)
        np.save(path, data)
    elif argv[1] == "print":
        data = np.load(argv[2])
        print(data.dtype, "x".join(str(d) for d in data.shape))
        print(" ".join(repr(v) for v in data.flatten().tolist()))
    else:
        raise SystemExit("unknown command " + argv[1])


if __name__ == "__main__":
    main(sys.argv)
