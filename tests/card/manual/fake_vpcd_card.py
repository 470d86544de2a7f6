#!/usr/bin/python3
"""A minimal JPKI-like virtual card for a manual check of the PC/SC backend through pcscd + vpcd.

NOT the project's simulator (src/sim): just enough of jpki-card.md (JPKI AP, token, padded auth and
CA certificate EFs, auth PIN retry counter) to exercise PcscBackend/PcscConnection/JpkiCard.
Protocol (toolchain.md): 2-byte big-endian length + data both ways; 1-byte control messages
0 off, 1 on, 2 reset, 4 get ATR. TCP_QUICKACK before every read (the vpcd latency trap).
Usage: fake_vpcd_card.py PORT [--once]
"""
import socket
import struct
import sys

JPKI_AID = bytes.fromhex("D392F000260100000001")
ATR = bytes.fromhex("3B80800101")


def der(total, seed):
    body = bytes(((i * 7 + seed) & 0xFF) for i in range(4, total))
    return bytes([0x30, 0x82, (total - 4) >> 8, (total - 4) & 0xFF]) + body


FILES = {
    0x0006: b"JPKIAPICCTOKEN2".ljust(32, b" "),
    0x000A: der(1200, 3).ljust(2048, b"\xff"),
    0x000B: der(1100, 5).ljust(2048, b"\xff"),
    0x0018: None,  # auth PIN EF
}


class Card:
    def __init__(self):
        self.reset()
        self.tries = 3

    def reset(self):
        self.app = False
        self.ef = None
        self.verified = False

    def apdu(self, c):
        if len(c) < 4:
            return b"\x67\x00"
        ins, p1, p2 = c[1], c[2], c[3]
        if ins == 0xA4 and p1 == 0x04:
            self.app = c[5:5 + c[4]] == JPKI_AID
            return b"\x90\x00" if self.app else b"\x6a\x82"
        if ins == 0xA4 and p1 == 0x02:
            fid = (c[5] << 8) | c[6]
            if not self.app or fid not in FILES:
                return b"\x6a\x82"
            self.ef = fid
            return b"\x90\x00"
        if ins == 0xB0:
            data = FILES.get(self.ef)
            if data is None:
                return b"\x69\x86"
            offset = (p1 << 8) | p2
            if len(c) == 5:
                le = c[4] or 256
            elif len(c) == 7 and c[4] == 0:
                le = ((c[5] << 8) | c[6]) or 65536
            else:
                return b"\x67\x00"
            if offset >= len(data):
                return b"\x6b\x00"
            return data[offset:offset + le] + b"\x90\x00"
        if ins == 0x20 and self.ef == 0x0018:
            if len(c) == 4:
                if self.verified:
                    return b"\x90\x00"
                return bytes([0x63, 0xC0 | self.tries])
            if len(c) == 5:
                return b"\x67\x00"
            if self.tries == 0:
                return b"\x69\x84"
            if c[5:5 + c[4]] == b"4721":
                self.tries, self.verified = 3, True
                return b"\x90\x00"
            self.tries -= 1
            return bytes([0x63, 0xC0 | self.tries])
        return b"\x6d\x00"


def recv_exact(sock, n):
    out = b""
    while len(out) < n:
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_QUICKACK, 1)
        chunk = sock.recv(n - len(out))
        if not chunk:
            raise ConnectionError("pcscd closed the connection")
        out += chunk
    return out


def main():
    port = int(sys.argv[1])
    sock = socket.create_connection(("127.0.0.1", port))
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    card = Card()
    apdus = 0
    try:
        while True:
            (length,) = struct.unpack(">H", recv_exact(sock, 2))
            msg = recv_exact(sock, length)
            if length == 1:
                if msg[0] in (0, 1, 2):
                    card.reset()
                elif msg[0] == 4:
                    sock.sendall(struct.pack(">H", len(ATR)) + ATR)
                continue
            apdus += 1
            reply = card.apdu(msg)
            sock.sendall(struct.pack(">H", len(reply)) + reply)
    except ConnectionError:
        pass
    print(f"fake card: {apdus} APDUs answered", file=sys.stderr)


if __name__ == "__main__":
    main()
