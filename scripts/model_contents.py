"""Fingerprints of `according` model files that ignore how DEFLATE packed them: the SHA-256 of
the JSON header and of the inflated body, so two trainings can be compared for the same model
whatever compressor wrote them.

    python3 scripts/model_contents.py models/tagger.bin /tmp/retrained/tagger.bin
"""

import hashlib
import struct
import sys
import zlib


def main():
    for path in sys.argv[1:]:
        data = open(path, "rb").read()
        if data[:8] != b"ACCORDM1":
            print(f"{path}: not an according model file")
            continue
        header_len = struct.unpack("<I", data[8:12])[0]
        header = data[12 : 12 + header_len]
        body = zlib.decompress(data[12 + header_len :], -15)
        print(
            f"{path}: header {hashlib.sha256(header).hexdigest()[:16]}, "
            f"body {hashlib.sha256(body).hexdigest()[:16]} ({len(body):,} bytes inflated, "
            f"{len(data):,} on disk)"
        )


if __name__ == "__main__":
    main()
