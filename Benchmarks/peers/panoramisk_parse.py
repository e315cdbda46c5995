#!/usr/bin/python3
"""Feed a recorded AMI byte stream through panoramisk's own parser, chunk by chunk.

This is our driver, not part of panoramisk: it builds panoramisk's asyncio protocol
(``panoramisk.ami_protocol.AMIProtocol``) without a socket and calls its ``data_received``
with the stream cut into fixed-size chunks, as socket reads would deliver them. That runs
panoramisk's real parsing path: bytes decoded to text, split into messages on the blank
line, ``Message.from_line`` building each header dictionary, and ``handle_message``
dispatching every event to the factory, where we count it.

Usage: panoramisk_parse.py FILE [--chunk-size BYTES] [--runs N] [--clock cpu|wall]
The cpu clock is the thread's CPU time (time.thread_time), wall the elapsed time.
Prints one JSON object on stdout. Exits with status 3 if panoramisk cannot be imported.
"""

import argparse
import json
import sys
import time


class NullTransport:
    """Stands in for the socket; the parser never writes during this run."""

    def write(self, data):
        pass

    def close(self):
        pass


class CountingFactory:
    """Receives what the protocol dispatches (the Manager's role) and counts events."""

    def __init__(self):
        self.events = 0
        self.name_bytes = 0

    def dispatch(self, message):
        self.events += 1
        self.name_bytes += len(message["Event"])


def parse_once(protocol_class, chunks, clock):
    factory = CountingFactory()
    protocol = protocol_class()
    protocol.connection_made(NullTransport())
    protocol.factory = factory
    start = clock()
    for chunk in chunks:
        protocol.data_received(chunk)
    elapsed = clock() - start
    return factory.events, elapsed


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file")
    parser.add_argument("--chunk-size", type=int, default=16384)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--clock", choices=["cpu", "wall"], default="cpu")
    options = parser.parse_args()

    try:
        from importlib.metadata import version
        from panoramisk.ami_protocol import AMIProtocol
    except ImportError as error:
        print(json.dumps({"error": "panoramisk cannot be imported: %s" % error}))
        return 3
    try:
        panoramisk_version = version("panoramisk")
    except Exception:
        panoramisk_version = "unknown"

    with open(options.file, "rb") as stream:
        data = stream.read()
    size = options.chunk_size
    chunks = [data[offset:offset + size] for offset in range(0, len(data), size)]

    timings = []
    events = 0
    for _ in range(max(1, options.runs)):
        clock = time.thread_time if options.clock == "cpu" else time.perf_counter
        events, elapsed = parse_once(AMIProtocol, chunks, clock)
        timings.append(elapsed)

    print(json.dumps({
        "parser": "panoramisk %s (Python %d.%d)" % (panoramisk_version, *sys.version_info[:2]),
        "events": events,
        "bytes": len(data),
        "seconds": min(timings),
        "runs": timings,
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
