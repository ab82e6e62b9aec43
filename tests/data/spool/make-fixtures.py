#!/usr/bin/env python3
# make-fixtures.py: writes the spool fixtures of tests/unit/test_spool.c from
# the format in agent/spool.h, independently of the C code (zlib's CRC-32,
# struct's big-endian packing).  Run from this directory.
import struct, zlib
def rec(kind, seq, payload=b"", aux=0):
    h = b"IQ" + bytes([kind, 0]) + struct.pack(">IQI", len(payload), seq, aux)
    h += struct.pack(">I", zlib.crc32(h)) + struct.pack(">I", zlib.crc32(payload))
    return h + payload
lines = [
 (7, b'{"type":"exe_deleted","severity":"high","summary":"pid 812 runs a deleted file","ts":1795600000,"seq":7,"pid":812,"exe":"/tmp/.x (deleted)"}'),
 (8, b'{"type":"mirai_lock_port","severity":"critical","summary":"listener on 127.0.0.1:48101","ts":1795600000,"seq":8,"local":"127.0.0.1:48101"}'),
 (9, b'{"type":"spool_dropped","severity":"medium","summary":"spool full: 3 finding(s) dropped before delivery","ts":1795600001,"seq":9,"dropped":3}'),
 (300000000000, b'{"type":"summary","severity":"high","summary":"INFECTED: 2 finding(s)","ts":1795600002,"seq":300000000000,"interval":300}'),
]
data = rec(2, 6)
for s, p in lines:
    data += rec(1, s, p, 3 if s == 9 else 0)
open("good.spool","wb").write(data)
# a torn tail: the first 40 bytes of a fifth record
t = rec(1, 300000000001, b'{"type":"summary","severity":"low","summary":"CLEAN","ts":1,"seq":300000000001}')
open("torn.spool","wb").write(data + t[:40])
# one flipped payload byte in the first line (seq 7)
b = bytearray(data); off = len(rec(2,6)) + 28 + 10; b[off] ^= 0x20
open("flipped.spool","wb").write(bytes(b))
# a valid record whose seq goes backwards, after the good ones
open("backwards.spool","wb").write(data + rec(1, 5, b'{"type":"x","severity":"low","summary":"old","ts":1,"seq":5}'))
