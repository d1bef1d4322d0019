package dev.reel.core.source;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.OptionalLong;
import org.tinylog.Logger;

/** Reads a local file from any position with positional reads. Used by the filler's thread. */
final class FileFetcher implements Fetcher {

    private final Path path;
    private final SourceInfo info;

    FileFetcher(Path path, long length) {
        this.path = path;
        this.info = new SourceInfo(path.toString(), OptionalLong.of(length), Optional.empty(), true,
                false);
    }

    @Override
    public Transfer transfer(long position, boolean fromStart) {
        return new FileTransfer(fromStart ? 0 : position);
    }

    @Override
    public SourceInfo info() {
        return info;
    }

    @Override
    public String location() {
        return path.toString();
    }

    private final class FileTransfer implements Transfer {

        private final long start;
        private volatile FileChannel channel;
        private volatile boolean cancelled;
        private long position;

        FileTransfer(long start) {
            this.start = start;
            this.position = start;
        }

        @Override
        public Opening open() throws IOException {
            try {
                channel = FileChannel.open(path, StandardOpenOption.READ);
                if (cancelled) {
                    channel.close();
                }
                long length = channel.size();
                return new Opening(start, length, OptionalLong.of(length), false);
            } catch (IOException e) {
                throw cancelled ? e : Failures.describe(location(), e);
            }
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            try {
                int n = channel.read(dst, position);
                if (n > 0) {
                    position += n;
                }
                return n;
            } catch (IOException e) {
                // A local file does not heal by retrying: every failure is final.
                throw cancelled ? e : new SourceException("cannot read " + path + ": " + e, e);
            }
        }

        @Override
        public void cancel() {
            cancelled = true;
            close();
        }

        @Override
        public boolean cancelled() {
            return cancelled;
        }

        @Override
        public void close() {
            FileChannel open = channel;
            if (open != null) {
                try {
                    open.close();
                } catch (IOException e) {
                    Logger.debug(e, "closing {}", path);
                }
            }
        }
    }
}
