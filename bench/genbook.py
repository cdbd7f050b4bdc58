#!/usr/bin/python3
"""genbook.py DIR N [KINDS]: N small files, each with one e-mail address
and (KINDS 2, the default) one phone number (a contact note), 1,000 to a
folder (dNNNN/fNNNNNNN.txt):
the workload of issue 22's workbook measurement, where every file is one
or more Inventory rows and writing the report, not scanning, dominates.

Deterministic: the same N gives the same tree. A file ".complete" is
written last, so a half-written tree is seen as such."""
import os
import sys


def main():
    if len(sys.argv) not in (3, 4) or (len(sys.argv) == 4 and sys.argv[3] not in ("1", "2")):
        sys.exit("usage: genbook.py DIR N [1|2]")
    root, n = sys.argv[1], int(sys.argv[2])
    kinds = int(sys.argv[3]) if len(sys.argv) == 4 else 2
    for i in range(n):
        folder = os.path.join(root, f"d{i // 1000:04d}")
        if i % 1000 == 0:
            os.makedirs(folder, exist_ok=True)
        # a Dutch mobile number, as the nl pack and the default packs see
        # it; the address unique per file
        phone = f"06-{23456789 + (i * 7919) % 7000000:08d}"
        with open(os.path.join(folder, f"f{i:07d}.txt"), "w") as f:
            if kinds == 2:
                f.write(f"Contact: jan.devries{i}@example.nl, tel. {phone}\n")
            else:
                f.write(f"Contact: jan.devries{i}@example.nl\n")
    open(os.path.join(root, ".complete"), "w").close()


if __name__ == "__main__":
    main()
