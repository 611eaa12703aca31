#!/usr/bin/env python3
"""Save-to-reload latency of a live-reloading preview server, measured as a browser would feel it.

For each of N edits: change a file (a one-line replacement, the same size each time), then time how long until the
server's reload signal reaches a connected client. The clock starts just before the file is opened for writing
and stops when the signal's bytes are read, so it includes the file-system event, the debounce, the rebuild and
the delivery.

  serve_latency.py sse  HOST:PORT FILE N PAGE   redress serve: Server-Sent Events, waits for `event: reload`
  serve_latency.py ws   HOST:PORT FILE N PAGE   hugo server: LiveReload over WebSocket, waits for {"command":"reload"}

After each reload (outside the timed part) PAGE, the page the edited file becomes, is fetched and checked for the
new text, as the reloading browser would see it; a page without it counts as stale.

Prints one line of JSON: {"n", "p50_ms", "p95_ms", "max_ms", "min_ms", "mean_ms", "stale", "samples_ms"}.
Standard library only. Every connection is to the given loopback address, and the loop is bounded by N and by a
timeout per edit.
"""

import base64
import json
import math
import os
import random
import socket
import statistics
import sys
import time

TIMEOUT = 10.0  # seconds to wait for one reload before giving up on the run
MARKER = "Benchmark edit number"  # a plain paragraph: raw HTML would be dropped and change no page


def connect(addr):
    host, port = addr.rsplit(":", 1)
    assert host in ("127.0.0.1", "localhost", "[::1]"), "benchmark clients only talk to loopback"
    s = socket.create_connection((host.strip("[]"), int(port)), timeout=TIMEOUT)
    s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return s


class Sse:
    """A Server-Sent Events client reading raw bytes, so the time is taken when the bytes arrive."""

    def __init__(self, addr):
        self.s = connect(addr)
        self.s.sendall(
            f"GET /__redress/events HTTP/1.1\r\nHost: {addr}\r\nAccept: text/event-stream\r\n\r\n".encode()
        )
        self.buf = b""
        self.wait_for(b"event: hello")

    def wait_for(self, needle, deadline=None):
        deadline = deadline or time.monotonic() + TIMEOUT
        while True:
            at = self.buf.find(needle)
            if at >= 0:
                end = self.buf.find(b"\n\n", at)
                if end >= 0:
                    self.buf = self.buf[end + 2 :]
                    return time.perf_counter()
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"no {needle!r} within {TIMEOUT} s")
            self.s.settimeout(left)
            chunk = self.s.recv(65536)
            if not chunk:
                raise ConnectionError("the event stream closed")
            self.buf += chunk

    def drain(self):
        self.s.settimeout(0.05)
        try:
            while self.s.recv(65536):
                pass
        except (socket.timeout, BlockingIOError):
            pass
        self.buf = b""

    def wait_reload(self):
        return self.wait_for(b"event: reload")


class LiveReload:
    """The smallest WebSocket client that speaks Hugo's LiveReload protocol (RFC 6455 text frames)."""

    def __init__(self, addr):
        self.s = connect(addr)
        key = base64.b64encode(os.urandom(16)).decode()
        self.s.sendall(
            (
                f"GET /livereload HTTP/1.1\r\nHost: {addr}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\nOrigin: http://{addr}\r\n\r\n"
            ).encode()
        )
        head = b""
        while b"\r\n\r\n" not in head:
            chunk = self.s.recv(4096)
            if not chunk:
                raise ConnectionError("hugo closed the WebSocket handshake")
            head += chunk
        head, self.buf = head.split(b"\r\n\r\n", 1)
        if b" 101 " not in head.split(b"\r\n", 1)[0]:
            raise ConnectionError(head.decode(errors="replace"))
        # Hugo answers only a hello spelt exactly `"command":"hello"`, with no space after the colon.
        hello = {"command": "hello", "protocols": ["http://livereload.com/protocols/official-7"]}
        self.send(json.dumps(hello, separators=(",", ":")))
        while json.loads(self.recv()).get("command") != "hello":
            pass

    def send(self, text):
        data = text.encode()
        mask = os.urandom(4)
        if len(data) < 126:
            header = bytes([0x81, 0x80 | len(data)])
        else:
            header = bytes([0x81, 0x80 | 126]) + len(data).to_bytes(2, "big")
        self.s.sendall(header + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(data)))

    def read(self, n, deadline):
        while len(self.buf) < n:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"no reload within {TIMEOUT} s")
            self.s.settimeout(left)
            chunk = self.s.recv(65536)
            if not chunk:
                raise ConnectionError("hugo closed the WebSocket")
            self.buf += chunk
        out, self.buf = self.buf[:n], self.buf[n:]
        return out

    def recv(self, deadline=None):
        """The next text message (ping frames are answered; other control frames skipped)."""
        deadline = deadline or time.monotonic() + TIMEOUT
        while True:
            b0, b1 = self.read(2, deadline)
            length = b1 & 0x7F
            if length == 126:
                length = int.from_bytes(self.read(2, deadline), "big")
            elif length == 127:
                length = int.from_bytes(self.read(8, deadline), "big")
            payload = self.read(length, deadline)
            opcode = b0 & 0x0F
            if opcode == 0x1:
                return payload.decode()
            if opcode == 0x8:
                raise ConnectionError("hugo closed the WebSocket")

    def drain(self):
        try:
            while True:
                self.recv(time.monotonic() + 0.05)
        except TimeoutError:
            pass

    def wait_reload(self):
        deadline = time.monotonic() + TIMEOUT
        while True:
            msg = json.loads(self.recv(deadline))
            if msg.get("command") == "reload":
                return time.perf_counter()


def fetch(addr, page):
    """GET a page over plain HTTP/1.1 and return its body as text."""
    s = connect(addr)
    s.sendall(f"GET {page} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n".encode())
    data = b""
    while True:
        chunk = s.recv(65536)
        if not chunk:
            break
        data += chunk
    s.close()
    return data.split(b"\r\n\r\n", 1)[-1].decode(errors="replace")


def percentile(sorted_values, p):
    """Nearest-rank percentile."""
    k = math.ceil(p / 100 * len(sorted_values)) - 1
    return sorted_values[max(0, min(len(sorted_values) - 1, k))]


def main():
    kind, addr, path, n, page = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5]
    client = Sse(addr) if kind == "sse" else LiveReload(addr)
    with open(path, encoding="utf-8") as f:
        original = f.read()
    base = original if MARKER in original else original.rstrip("\n") + f"\n\n{MARKER} 0000\n"
    samples = []
    stale = 0
    try:
        for i in range(n + 2):
            # Pause as a person between saves does, and let any late event of the previous edit arrive first.
            time.sleep(0.25 + random.random() * 0.1)
            client.drain()
            text = base.replace(f"{MARKER} 0000", f"{MARKER} {i + 1:04d}")
            start = time.perf_counter()
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            end = client.wait_reload()
            if i >= 2:  # the first two warm the caches of both tools
                samples.append((end - start) * 1000)
            if f"{MARKER} {i + 1:04d}" not in fetch(addr, page):
                stale += 1
    finally:
        with open(path, "w", encoding="utf-8") as f:
            f.write(original)
    s = sorted(samples)
    print(
        json.dumps(
            {
                "n": len(s),
                "p50_ms": round(percentile(s, 50), 1),
                "p95_ms": round(percentile(s, 95), 1),
                "max_ms": round(s[-1], 1),
                "min_ms": round(s[0], 1),
                "mean_ms": round(statistics.mean(s), 1),
                "stale": stale,
                "samples_ms": [round(x, 1) for x in samples],
            }
        )
    )


if __name__ == "__main__":
    main()
