package dev.reel.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reel.audio.LineSink;
import dev.reel.core.player.Player;
import dev.reel.core.player.PlayerConfig;
import dev.reel.core.player.PlayerEvent;
import dev.reel.core.player.PlayerState;
import dev.reel.testkit.AlsaCapture;
import dev.reel.testkit.Exchange;
import dev.reel.testkit.Faults;
import dev.reel.testkit.RangeServer;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window end to end: real JavaFX (headless), the real player, a real loopback HTTP server and
 * the ALSA file device, driven by keys and clicks as a person would.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(60)
class ReelWindowTest {

    /** Audio is 176,400 bytes a second; the slow server sends about three seconds of it a second. */
    private static final long SLOW_RATE = 512 * 1024;
    /** Fast enough to save half a minute of audio in a couple of seconds, slow enough to seek while it downloads. */
    private static final long FAST_RATE = 2 * 1024 * 1024;

    private final Preferences prefs = TestPrefs.fresh();
    private RangeServer server;
    private Player player;
    private ReelWindow window;
    private boolean closed;

    @BeforeEach
    void startServer() throws Exception {
        AlsaCapture.clear();
        server = RangeServer.start();
        server.add("/short.wav", TestWav.tone(1.5), "audio/wav");
        server.add("/tone.wav", TestWav.tone(8), "audio/wav");
        server.add("/medium.wav", TestWav.tone(30), "audio/wav");
        server.setFaults("/medium.wav", Faults.NONE.withBandwidth(FAST_RATE));
        server.add("/long.wav", TestWav.tone(120), "audio/wav");
        server.setFaults("/long.wav", Faults.NONE.withBandwidth(SLOW_RATE));
        server.add("/missing.wav", TestWav.tone(1), "audio/wav");
        server.setFaults("/missing.wav", Faults.NONE.withStatus(404));
    }

    @Start
    void start(Stage stage) {
        Theme.LIGHT.apply();
        prefs.putInt("volume", 100);
        player = new Player(new PlayerConfig(() -> new LineSink(null)));
        window = new ReelWindow(player, prefs);
        window.show(stage);
    }

    @AfterEach
    void stop(FxRobot robot) throws BackingStoreException {
        if (!closed) {
            closePlayer(robot);
        }
        server.close();
        prefs.removeNode();
    }

    @Test
    void aPastedUrlPlaysToTheDevice(FxRobot robot) throws Exception {
        byte[] wav = TestWav.tone(8);
        robot.clickOn(".url-field").write(server.url("/tone.wav")).type(KeyCode.ENTER);

        await(() -> window.state().state() == PlayerState.ENDED);
        closePlayer(robot);
        assertThat(AlsaCapture.read(TestWav.FORMAT)).isEqualTo(Arrays.copyOfRange(wav, TestWav.HEADER, wav.length));
        assertThat(fx(() -> window.queue().items().size())).isEqualTo(1);
        assertThat(new RecentUrls(prefs).all()).containsExactly(server.url("/tone.wav"));
    }

    @Test
    void keyboardSeeksMoveTheAudiblePositionAndFetchPastTheDownload(FxRobot robot) throws Exception {
        BlockingQueue<Double> seeks = new LinkedBlockingQueue<>();
        player.addListener(e -> {
            if (e instanceof PlayerEvent.Seeked seeked) {
                seeks.add(seeked.seconds());
            }
        });
        playSlowly(robot);

        assertRelativeSeek(robot, seeks, 5, KeyCode.RIGHT);
        assertRelativeSeek(robot, seeks, 30, KeyCode.SHIFT, KeyCode.RIGHT);
        assertRelativeSeek(robot, seeks, -30, KeyCode.SHIFT, KeyCode.LEFT);
        assertRelativeSeek(robot, seeks, 10, KeyCode.L);
        assertRelativeSeek(robot, seeks, -5, KeyCode.LEFT);

        assertThat(seekAfter(robot, seeks, KeyCode.DIGIT8)).isEqualTo(96.0);
        assertThat(server.awaitLog(rangeRequestFrom(90 * 176_400L), Duration.ofSeconds(10))).isTrue();
        await(() -> window.state().position() >= 96);
        assertRelativeSeek(robot, seeks, -10, KeyCode.J);
        assertThat(seekAfter(robot, seeks, KeyCode.HOME)).isEqualTo(0.0);
        assertThat(seekAfter(robot, seeks, KeyCode.DIGIT0)).isEqualTo(0.0);
    }

    /** Presses {@code keys} and checks that the player seeked by about {@code delta} from where it was. */
    private void assertRelativeSeek(FxRobot robot, BlockingQueue<Double> seeks, double delta, KeyCode... keys)
            throws Exception {
        double before = window.state().position();
        double target = seekAfter(robot, seeks, keys);
        // The audible position moves on between reading it here and the player taking the key.
        assertThat(target - before).isBetween(delta - 0.1, delta + 3);
    }

    private static double seekAfter(FxRobot robot, BlockingQueue<Double> seeks, KeyCode... keys) throws Exception {
        seeks.clear();
        robot.push(keys);
        Double target = seeks.poll(10, TimeUnit.SECONDS);
        assertThat(target).as("a seek after %s", Arrays.toString(keys)).isNotNull();
        return target;
    }

    @Test
    void theSeekBarShowsEveryDownloadedRangeAfterAFarSeek(FxRobot robot) throws Exception {
        playSlowly(robot);

        robot.type(KeyCode.DIGIT7);
        await(() -> window.state().downloaded().size() >= 2);
        await(() -> fx(() -> window.seekBar().drawnRangeCount()) >= 2);
        assertThat(robot.lookup(".seek-range").queryAll()).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void spacePausesAndResumes(FxRobot robot) throws Exception {
        playSlowly(robot);

        robot.type(KeyCode.SPACE);
        await(() -> window.state().state() == PlayerState.PAUSED);
        double paused = window.state().position();
        WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS);
        assertThat(window.state().position()).isEqualTo(paused);
        assertThat(fx(() -> window.playPauseIcon())).isEqualTo("PLAY_ARROW");

        robot.type(KeyCode.SPACE);
        await(() -> window.state().isRunning() && window.state().position() > paused + 0.5);
        assertThat(fx(() -> window.playPauseIcon())).isEqualTo("PAUSE");
    }

    @Test
    void a404ShowsTheBannerAndTheUrlOnTheClipboardPlaysNext(FxRobot robot) throws Exception {
        robot.clickOn(".url-field").write(server.url("/missing.wav")).type(KeyCode.ENTER);

        await(() -> fx(() -> window.banner().isVisible()));
        assertThat(fx(() -> window.banner().getDescription())).contains("404").contains("/missing.wav");
        assertThat(fx(() -> window.queue().failure(window.queue().items().get(0)))).contains("404");

        robot.interact(() -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(server.url("/short.wav"));
            Clipboard.getSystemClipboard().setContent(content);
        });
        robot.push(KeyCode.CONTROL, KeyCode.V);
        await(() -> window.state().state() == PlayerState.ENDED
                && server.url("/short.wav").equals(window.state().location()));
        assertThat(AlsaCapture.size(TestWav.FORMAT)).isGreaterThan(0);

        robot.type(KeyCode.ESCAPE);
        assertThat(fx(() -> window.banner().isVisible())).isFalse();
    }

    @Test
    void droppedFilesQueueUpAndPlayOneAfterTheOtherToTheDevice(FxRobot robot, @TempDir Path dir) throws Exception {
        Path first = dir.resolve("first.wav");
        Path second = dir.resolve("second.wav");
        Files.write(first, TestWav.tone(1));
        Files.write(second, TestWav.tone(1.5));

        List<String> opened = new CopyOnWriteArrayList<>();
        player.addListener(e -> {
            if (e instanceof PlayerEvent.Ready ready) {
                opened.add(Path.of(ready.location()).getFileName().toString());
            }
        });

        robot.interact(() -> window.drop(List.of(first.toFile(), second.toFile()), null, null));

        await(() -> window.state().medium() == 2 && window.state().state() == PlayerState.ENDED);
        assertThat(opened).containsExactly("first.wav", "second.wav");
        assertThat(fx(() -> window.queue().items().size())).isEqualTo(2);
        assertThat(fx(() -> window.queue().currentIndex())).isEqualTo(1);

        robot.clickOn("first.wav");
        robot.type(KeyCode.P);
        await(() -> window.state().medium() == 4 && window.state().state() == PlayerState.ENDED);
        assertThat(opened).containsExactly("first.wav", "second.wav", "first.wav", "second.wav");
        closePlayer(robot);
        byte[] one = samples(Files.readAllBytes(first));
        byte[] two = samples(Files.readAllBytes(second));
        byte[] captured = AlsaCapture.read(TestWav.FORMAT);
        assertThat(captured).hasSameSizeAs(concat(one, two, one, two)).isEqualTo(concat(one, two, one, two));
    }

    @Test
    void ctrlSSavesTheStreamWhilePlaying(FxRobot robot, @TempDir Path dir) throws Exception {
        robot.interact(() -> window.playUrl(server.url("/medium.wav")));
        await(() -> window.state().isRunning() && window.state().position() > 0);
        Path target = dir.resolve("saved.wav");

        robot.interact(() -> window.save(target));
        robot.type(KeyCode.DIGIT5);

        await(() -> fx(() -> window.saveStatus().startsWith("Saved")));
        assertThat(Files.readAllBytes(target)).isEqualTo(TestWav.tone(30));
    }

    @Test
    void theLevelMeterShowsTheToneAndTheKeysWork(FxRobot robot) throws Exception {
        playSlowly(robot);

        await(() -> fx(() -> window.meter().levels().peak()[0]) > 0.1);
        assertThat(fx(() -> window.meter().levels().channels())).isEqualTo(2);

        robot.type(KeyCode.DOWN);
        assertThat(fx(() -> window.volume().getValue())).isEqualTo(95);
        robot.type(KeyCode.M);
        assertThat(prefs.getBoolean("muted", false)).isTrue();
        robot.type(KeyCode.M);

        robot.type(KeyCode.F1);
        assertThat(fx(() -> window.help().isVisible())).isTrue();
        robot.type(KeyCode.ESCAPE);
        assertThat(fx(() -> window.help().isVisible())).isFalse();

        robot.push(KeyCode.CONTROL, KeyCode.L);
        assertThat(fx(() -> window.urlField().isFocused())).isTrue();
        robot.write("k");
        assertThat(window.state().state()).isNotEqualTo(PlayerState.PAUSED);
    }

    /** Plays the two-minute tone from the slow server and waits until it is audibly playing. */
    private void playSlowly(FxRobot robot) throws Exception {
        robot.interact(() -> window.playUrl(server.url("/long.wav")));
        await(() -> window.state().isRunning() && window.state().position() > 0.2);
    }

    private static Predicate<List<Exchange>> rangeRequestFrom(long minimumStart) {
        return log -> log.stream().anyMatch(e -> e.path().equals("/long.wav") && e.range().isPresent()
                && e.rangeStart() >= minimumStart);
    }

    /** Waits for {@code condition}; a timeout says what the window last knew of the player. */
    private void await(Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("timed out; the player's last state: " + window.state()
                    + "; captured " + AlsaCapture.size(TestWav.FORMAT) + " bytes", e);
        }
    }

    /** Closes the player as closing the window does: the device line closes and its last bytes land in the capture. */
    private void closePlayer(FxRobot robot) {
        robot.interact(() -> {
            window.close();
            player.close();
        });
        closed = true;
    }

    private static byte[] samples(byte[] wav) {
        return Arrays.copyOfRange(wav, TestWav.HEADER, wav.length);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static <T> T fx(Callable<T> query) throws Exception {
        return WaitForAsyncUtils.asyncFx(query).get(5, TimeUnit.SECONDS);
    }
}
