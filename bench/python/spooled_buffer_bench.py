"""The baseline for SpoolThroughputBenchmark/SpoolRandomReadBenchmark: a Python stream buffer
built on tempfile.SpooledTemporaryFile (8 MiB in memory, then a temp file), one lock and a
condition, doing the same work. Run: python3 bench/python/spooled_buffer_bench.py"""
import os
import random
import tempfile
import threading
import time

CHUNK = 64 * 1024
SIZE = 64 << 20


class StreamBuffer:
    def __init__(self, max_size):
        self.file = tempfile.SpooledTemporaryFile(max_size=max_size)
        self.lock = threading.Condition()
        self.written = 0
        self.done = False

    def write(self, data):
        with self.lock:
            self.file.seek(self.written)
            self.file.write(data)
            self.written += len(data)
            self.lock.notify_all()

    def finish(self):
        with self.lock:
            self.done = True
            self.lock.notify_all()

    def read(self, position, n):
        with self.lock:
            while position >= self.written and not self.done:
                self.lock.wait()
            if position >= self.written:
                return b""
            self.file.seek(position)
            return self.file.read(min(n, self.written - position))


def through(readers, max_size):
    buf = StreamBuffer(max_size)
    chunk = os.urandom(CHUNK)

    def read_all():
        p = 0
        while True:
            data = buf.read(p, CHUNK)
            if not data:
                return
            p += len(data)

    threads = [threading.Thread(target=read_all) for _ in range(readers)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for _ in range(SIZE // CHUNK):
        buf.write(chunk)
    buf.finish()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - start
    buf.file.close()
    return SIZE / elapsed / 1e6


def random_reads(max_size, size=256 << 20, reads=20000):
    buf = StreamBuffer(max_size)
    chunk = os.urandom(CHUNK)
    for _ in range(size // CHUNK):
        buf.write(chunk)
    buf.finish()
    rnd = random.Random(42)
    start = time.perf_counter()
    for _ in range(reads):
        buf.read(rnd.randrange(size - CHUNK), CHUNK)
    elapsed = time.perf_counter() - start
    buf.file.close()
    return reads * CHUNK / elapsed / 1e6


if __name__ == "__main__":
    for tier, max_size in (("memory", 2 * (256 << 20)), ("file", 8 << 20)):
        for readers in (1, 2, 4):
            best = max(through(readers, max_size) for _ in range(3))
            print(f"through  {tier:6} readers={readers}  {best:8.0f} MB/s")
        print(f"random   {tier:6}            {random_reads(max_size):8.0f} MB/s")
