#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
# spool-inject.py SPOOL SEQ JSON_LINE: append one record to an agent spool
# file, in the format of agent/spool.h (big-endian, two CRC-32s).  The e2e
# test uses it to queue a line the collector must refuse (4xx handling).
import struct, sys, zlib
path, seq, line = sys.argv[1], int(sys.argv[2]), sys.argv[3].encode()
h = b"IQ" + bytes([1, 0]) + struct.pack(">IQI", len(line), seq, 0)
h += struct.pack(">I", zlib.crc32(h)) + struct.pack(">I", zlib.crc32(line))
with open(path, "ab") as f:
    f.write(h + line)
