package dev.reel.bench.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link TreeCpu} on this JVM's own threads: what it counts for a thread must be what the JVM
 * says that thread spent inside the window, whether the thread was there before, started inside,
 * or ended inside it.
 */
@Timeout(30)
class TreeCpuTest {

    private static final long BURN_NANOS = TimeUnit.MILLISECONDS.toNanos(150);
    /** schedstat and the JVM's thread CPU clock read the same counter, a moment apart. */
    private static final long TOLERANCE_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private final ThreadMXBean jvm = ManagementFactory.getThreadMXBean();
    private final long self = ProcessHandle.current().pid();

    @Test
    void countsOnlyWhatAThreadSpendsInsideTheWindow() throws Exception {
        CountDownLatch warmed = new CountDownLatch(1);
        CountDownLatch opened = new CountDownLatch(1);
        CountDownLatch burnt = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        AtomicLong inside = new AtomicLong();
        Thread worker = new Thread(() -> {
            burn(BURN_NANOS);
            warmed.countDown();
            await(opened);
            long before = jvm.getCurrentThreadCpuTime();
            burn(BURN_NANOS);
            inside.set(jvm.getCurrentThreadCpuTime() - before);
            burnt.countDown();
            await(done);
        }, "treecpu-old");
        worker.start();
        try {
            warmed.await();
            TreeCpu cpu = TreeCpu.open(self);
            opened.countDown();
            burnt.await();
            TreeCpu.Window window = cpu.close();

            TreeCpu.ThreadUse use = use(window, "treecpu-old");
            assertThat(use.cpuNanos()).isBetween(inside.get() - TOLERANCE_NANOS, inside.get() + TOLERANCE_NANOS);
            assertThat(use.slices()).isPositive();
            assertThat(window.cpuNanos()).isGreaterThanOrEqualTo(use.cpuNanos());
        } finally {
            done.countDown();
            worker.join();
        }
    }

    @Test
    void aThreadThatStartsAndEndsInsideTheWindowCountsUpToItsLastRead() throws Exception {
        TreeCpu cpu = TreeCpu.open(self);
        CountDownLatch burnt = new CountDownLatch(1);
        CountDownLatch end = new CountDownLatch(1);
        AtomicLong spent = new AtomicLong();
        Thread worker = new Thread(() -> {
            burn(BURN_NANOS);
            spent.set(jvm.getCurrentThreadCpuTime());
            burnt.countDown();
            await(end);
        }, "treecpu-new");
        worker.start();
        burnt.await();
        cpu.sample();
        end.countDown();
        worker.join();
        TreeCpu.Window window = cpu.close();

        TreeCpu.ThreadUse use = use(window, "treecpu-new");
        assertThat(use.cpuNanos()).isBetween(spent.get() - TOLERANCE_NANOS, spent.get() + TOLERANCE_NANOS);
        assertThat(window.startedThreads()).isPositive();
        assertThat(window.exitedThreads()).isPositive();
        assertThat(window.churn()).contains("started").contains("ended");
        assertThat(window.describe()).contains("treecpu-new ");
    }

    @Test
    void aQuietThreadDoesNotShow() throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        Thread sleeper = new Thread(() -> await(done), "treecpu-quiet");
        sleeper.start();
        try {
            Thread.sleep(50);
            TreeCpu cpu = TreeCpu.open(self);
            Thread.sleep(200);
            TreeCpu.Window window = cpu.close();

            assertThat(window.threads()).noneMatch(t -> t.name().equals("treecpu-quiet"));
            assertThat(window.wallNanos()).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(200));
            assertThat(window.churn()).isEmpty();
        } finally {
            done.countDown();
            sleeper.join();
        }
    }

    private static TreeCpu.ThreadUse use(TreeCpu.Window window, String name) {
        return window.threads().stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not among " + window.describe()));
    }

    private void burn(long nanos) {
        long start = jvm.getCurrentThreadCpuTime();
        long x = 0;
        while (jvm.getCurrentThreadCpuTime() - start < nanos) {
            for (int i = 0; i < 10_000; i++) {
                x += i * x + 1;
            }
        }
        if (x == 42) {
            System.out.print("");
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
