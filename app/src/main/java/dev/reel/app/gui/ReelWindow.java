package dev.reel.app.gui;

import atlantafx.base.controls.Message;
import atlantafx.base.controls.ProgressSliderSkin;
import atlantafx.base.theme.Styles;
import dev.reel.core.format.PcmFormat;
import dev.reel.core.player.MediaRequest;
import dev.reel.core.player.Player;
import dev.reel.core.player.PlayerEvent;
import dev.reel.core.player.PlayerState;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.prefs.Preferences;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;
import org.tinylog.Logger;

/**
 * Reel's main window: URL field, queue, transport with seek bar and volume, level meter, status
 * line, error banner and help overlay, all driving one {@link Player}. Player events reach it
 * through a {@link PlayerBridge}; everything here runs on the JavaFX thread, and the player's
 * commands return at once, so nothing here blocks.
 */
final class ReelWindow implements AutoCloseable {

    /** Previous restarts the current item when it has played longer than this. */
    private static final double RESTART_THRESHOLD_SECONDS = 3;
    private static final double NOTICE_SECONDS = 6;
    private static final String PLAY_ERROR_TITLE = "Can't play that";
    private static final String STYLESHEET = "reel.css";
    private static final PseudoClass DROP_TARGET = PseudoClass.getPseudoClass("drop-target");

    private final Player player;
    private final Preferences prefs;
    private final PlayerBridge bridge;
    private final PlayQueue queue = new PlayQueue();
    private final UrlField urlField;
    private final QueueView queueView;
    private final SeekBar seekBar = new SeekBar();
    private final LevelMeter meter = new LevelMeter();
    private final Message banner = new Message();
    private final HelpOverlay help = new HelpOverlay();
    private final Slider volume = new Slider(0, 100, 80);
    private final Button playPause = iconButton(Material2MZ.PLAY_ARROW, "Play (Space)");
    private final Button mute = iconButton(Material2MZ.VOLUME_UP, "Mute (M)");
    private final Label elapsed = new Label(Texts.time(0));
    private final Label total = new Label(Texts.time(Double.NaN));
    private final Label title = new Label("Nothing playing");
    private final Label subtitle = new Label("Paste a URL above, open files with Ctrl+O, or drop them here.");
    private final Label stateLabel = new Label();
    private final Label formatLabel = new Label();
    private final Label downloadLabel = new Label();
    private final Label underrunLabel = new Label();
    private final Label saveLabel = new Label();
    private final ProgressBar saveProgress = new ProgressBar(0);
    private final Label volumeLabel = new Label();
    private final FlowPane facts = new FlowPane(8, 6);
    private final Label bigTime = new Label(Texts.time(0));
    private final Label bigTotal = new Label();
    private final StackPane root;
    private final AtomicReference<Levels> latestLevels = new AtomicReference<>();
    private final FxCoalescer levelUpdates;
    private LevelMonitor levelMonitor;
    private long meteredMedium;
    private Stage stage;

    ReelWindow(Player player, Preferences prefs) {
        this.player = player;
        this.prefs = prefs;
        this.bridge = new PlayerBridge(player, this::onDiscreteEvent);
        this.urlField = new UrlField(new RecentUrls(prefs));
        this.queueView = new QueueView(queue, this::play);
        this.levelUpdates = new FxCoalescer("reel-gui-levels", () -> {
            Levels levels = latestLevels.getAndSet(null);
            if (levels != null) {
                meter.show(levels);
            }
        });
        urlField.setOnPlay(this::playUrl);
        seekBar.setOnSeek(player::seekTo);
        volume.setValue(prefs.getInt("volume", 80));
        player.setVolume((int) volume.getValue());
        player.setMuted(prefs.getBoolean("muted", false));
        root = new StackPane(layout(), help);
        root.getStyleClass().add("reel-root");
        installDragAndDrop(root);
        bridge.stateProperty().addListener((o, old, state) -> show(state));
        show(PlaybackState.INITIAL);
        showVolume();
    }

    /** Puts the window on {@code stage} with the theme's and Reel's stylesheets and the keyboard map. */
    void show(Stage stage) {
        this.stage = stage;
        Scene scene = new Scene(root, 940, 540);
        scene.getStylesheets().add(ReelWindow.class.getResource(STYLESHEET).toExternalForm());
        KeyboardShortcuts.install(scene, this);
        stage.setScene(scene);
        stage.setTitle("Reel");
        stage.setMinWidth(560);
        stage.setMinHeight(470);
        stage.show();
        urlField.requestFocus();
    }

    /** Queues {@code locations} (URLs or paths, as on the command line) and plays the first. */
    void openAll(List<String> locations) {
        List<QueueItem> items = itemsFor(locations);
        QueueItem first = queue.insertNext(items);
        if (first != null) {
            play(first);
            playPause.requestFocus();
        }
    }

    /**
     * What a drop does (and what the DragEvent handler calls): files, else a browser's URL list,
     * else URLs in text, join the queue; the first plays when nothing is playing.
     */
    void drop(List<File> files, String url, String text) {
        List<QueueItem> items = itemsFor(Locations.of(files, url, text));
        QueueItem first = queue.append(items);
        if (first != null && bridge.latest().isIdle()) {
            play(first);
        }
    }

    void playUrl(String url) {
        openAll(List.of(url));
    }

    void play(QueueItem item) {
        queue.clearFailure(item);
        queue.currentProperty().set(item);
        queueView.getSelectionModel().select(item);
        queueView.scrollTo(item);
        Logger.info("playing {}", item.location());
        player.open(new MediaRequest(item.location(), item.rawFormat(), 0));
    }

    void togglePlay() {
        PlaybackState state = bridge.latest();
        if (state.isIdle()) {
            QueueItem item = queue.current() != null ? queue.current()
                    : queue.items().isEmpty() ? null : queue.items().get(0);
            if (item != null) {
                play(item);
            }
        } else {
            player.toggle();
        }
    }

    void seekBy(double seconds) {
        if (canSeek()) {
            player.seekBy(seconds);
        }
    }

    void seekToFraction(double fraction) {
        double duration = bridge.latest().duration();
        if (canSeek() && !Double.isNaN(duration)) {
            player.seekTo(duration * fraction);
        }
    }

    private boolean canSeek() {
        PlaybackState state = bridge.latest();
        return state.location() != null && !state.isIdle();
    }

    void changeVolume(int delta) {
        volume.setValue(Math.max(0, Math.min(100, volume.getValue() + delta)));
    }

    void toggleMute() {
        boolean muted = !prefs.getBoolean("muted", false);
        prefs.putBoolean("muted", muted);
        player.setMuted(muted);
        showVolume();
    }

    void next() {
        QueueItem next = queue.next();
        if (next != null) {
            play(next);
        }
    }

    void previous() {
        PlaybackState state = bridge.latest();
        QueueItem previous = queue.previous();
        if (state.position() > RESTART_THRESHOLD_SECONDS || previous == null) {
            if (!state.isIdle()) {
                player.seekTo(0);
            } else if (queue.current() != null) {
                play(queue.current());
            }
        } else {
            play(previous);
        }
    }

    void focusUrlField() {
        urlField.requestFocus();
        urlField.selectAll();
    }

    void playClipboard() {
        Clipboard clipboard = Clipboard.getSystemClipboard();
        List<String> locations = Locations.of(clipboard.getFiles(), clipboard.getUrl(), clipboard.getString());
        if (locations.isEmpty()) {
            showError("Nothing to play", "The clipboard holds no URL or file");
            return;
        }
        openAll(locations);
    }

    void openFiles() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open audio files");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("WAV and raw PCM", "*.wav", "*.wave", "*.rf64", "*.raw", "*.pcm"),
                new FileChooser.ExtensionFilter("WAV", "*.wav", "*.wave", "*.rf64"),
                new FileChooser.ExtensionFilter("Raw PCM", "*.raw", "*.pcm"),
                new FileChooser.ExtensionFilter("All files", "*"));
        String lastDir = prefs.get("openDir", null);
        if (lastDir != null && new File(lastDir).isDirectory()) {
            chooser.setInitialDirectory(new File(lastDir));
        }
        List<File> files = chooser.showOpenMultipleDialog(window());
        if (files == null || files.isEmpty()) {
            return;
        }
        prefs.put("openDir", files.get(0).getParentFile().getAbsolutePath());
        openAll(Locations.of(files, null, null));
    }

    /**
     * Ctrl+S: saves what is playing to a file the user picks, on the player's saving thread, with
     * progress in the status line; it completes even if the listener seeks or plays something else.
     */
    void saveStream() {
        PlaybackState state = bridge.latest();
        QueueItem item = queue.current();
        if (state.location() == null || item == null) {
            showError("Can't save the stream", "Nothing is playing to save");
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save the stream");
        chooser.setInitialFileName(item.title().contains(".") ? item.title() : item.title() + ".wav");
        String lastDir = prefs.get("saveDir", null);
        if (lastDir != null && new File(lastDir).isDirectory()) {
            chooser.setInitialDirectory(new File(lastDir));
        }
        File file = chooser.showSaveDialog(window());
        if (file != null) {
            prefs.put("saveDir", file.getAbsoluteFile().getParent());
            save(file.toPath());
        }
    }

    /** Saves the current medium to {@code target}, showing progress; what Ctrl+S does after its dialog. */
    void save(Path target) {
        long total = bridge.latest().totalBytes();
        String name = target.getFileName().toString();
        AtomicLong written = new AtomicLong();
        FxCoalescer progress = new FxCoalescer("reel-gui-save", () -> {
            long bytes = written.get();
            saveProgress.setProgress(total > 0 ? (double) bytes / total : ProgressBar.INDETERMINATE_PROGRESS);
            saveLabel.setText("Saving " + name + " · " + Texts.bytes(bytes));
        });
        saveLabel.setText("Saving " + name);
        saveProgress.setVisible(true);
        saveProgress.setProgress(total > 0 ? 0 : ProgressBar.INDETERMINATE_PROGRESS);
        player.save(target, bytes -> {
            written.set(bytes);
            progress.request();
        }).whenComplete((path, failure) -> Platform.runLater(() -> {
            progress.close();
            if (failure == null) {
                Logger.info("saved {}", path);
                saveLabel.setText("");
                saveProgress.setVisible(false);
                notice("Saved " + path.getFileName());
            } else {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                saveLabel.setText("");
                saveProgress.setVisible(false);
                showError("Can't save the stream", cause.getMessage());
            }
        }));
    }

    void toggleHelp() {
        help.setVisible(!help.isVisible());
    }

    /** Esc: closes the help, else the banner; returns whether something was open. */
    boolean dismissOverlays() {
        if (help.isVisible()) {
            help.setVisible(false);
            return true;
        }
        if (banner.isVisible()) {
            banner.setVisible(false);
            return true;
        }
        return false;
    }

    /** Shows {@code message} at the right of the status line for a few seconds. */
    private void notice(String message) {
        saveLabel.setText(message);
        PauseTransition clear = new PauseTransition(Duration.seconds(NOTICE_SECONDS));
        clear.setOnFinished(e -> {
            if (saveLabel.getText().equals(message)) {
                saveLabel.setText("");
            }
        });
        clear.play();
    }

    /** Shows {@code message} under {@code title} in the error banner; the window stays usable. */
    void showError(String title, String message) {
        banner.setTitle(title);
        banner.setDescription(message);
        banner.setVisible(true);
    }

    // Views for tests: what a person sees.

    PlayQueue queue() {
        return queue;
    }

    SeekBar seekBar() {
        return seekBar;
    }

    Message banner() {
        return banner;
    }

    HelpOverlay help() {
        return help;
    }

    UrlField urlField() {
        return urlField;
    }

    LevelMeter meter() {
        return meter;
    }

    Slider volume() {
        return volume;
    }

    /** The newest state the player reported (fresher than what the window shows); any thread. */
    PlaybackState state() {
        return bridge.latest();
    }

    /** The name of the play/pause button's icon: what a click would do. */
    String playPauseIcon() {
        return ((FontIcon) playPause.getGraphic()).getIconCode().toString();
    }

    /** The right of the status line: save progress or its outcome. */
    String saveStatus() {
        return saveLabel.getText();
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    private void onDiscreteEvent(PlayerEvent event) {
        if (event instanceof PlayerEvent.Error error) {
            Logger.warn("{}", error.message());
            showError(PLAY_ERROR_TITLE, error.message());
            if (queue.current() != null) {
                queue.markFailed(queue.current(), error.message());
                queueView.refresh();
            }
            next();
        } else if (event instanceof PlayerEvent.Ended) {
            next();
        }
    }

    private void show(PlaybackState state) {
        boolean running = state.isRunning();
        ((FontIcon) playPause.getGraphic()).setIconCode(running ? Material2MZ.PAUSE : Material2MZ.PLAY_ARROW);
        playPause.getTooltip().setText(running ? "Pause (Space)" : "Play (Space)");
        seekBar.durationProperty().set(state.duration());
        seekBar.downloadedProperty().set(state.downloaded());
        if (!seekBar.draggingProperty().get()) {
            seekBar.positionProperty().set(state.position());
        }
        elapsed.setText(Texts.time(state.position()));
        total.setText(Texts.time(state.duration()));
        bigTime.setText(Texts.time(state.position()));
        bigTotal.setText(Double.isNaN(state.duration()) ? "" : "of " + Texts.time(state.duration()));
        QueueItem current = queue.current();
        if (current != null) {
            title.setText(current.title());
            subtitle.setText(current.location());
        }
        stateLabel.setText(stateText(state));
        formatLabel.setText(state.format() == null ? "" : Texts.format(state.format()));
        downloadLabel.setText(downloadText(state));
        underrunLabel.setText(state.underruns() == 0 ? ""
                : state.underruns() == 1 ? "1 underrun" : state.underruns() + " underruns");
        if (stage != null) {
            stage.setTitle(current == null ? "Reel" : current.title() + " — Reel");
        }
        showFacts(state);
        updateLevelMonitor(state);
    }

    /** Chips under the title: format, size, whether seeking reaches everywhere. */
    private void showFacts(PlaybackState state) {
        List<String> texts = new ArrayList<>();
        if (state.format() != null) {
            texts.add(Texts.format(state.format()));
            if (state.totalBytes() > 0) {
                texts.add(Texts.bytes(state.totalBytes()));
            }
            texts.add(state.seekable() ? "Seekable" : "Not seekable");
        }
        List<String> shown = facts.getChildren().stream().map(n -> ((Label) n).getText()).toList();
        if (!shown.equals(texts)) {
            facts.getChildren().setAll(texts.stream().map(t -> {
                Label chip = new Label(t);
                chip.getStyleClass().add("chip");
                return chip;
            }).toList());
        }
    }

    private static String stateText(PlaybackState state) {
        if (state.isBuffering() && state.state() != PlayerState.PAUSED) {
            return "Buffering…";
        }
        switch (state.state()) {
            case OPENING:
                return "Opening…";
            case PLAYING:
                return "Playing";
            case PAUSED:
                return "Paused";
            case ENDED:
                return "Ended";
            case ERROR:
                return "Stopped by an error";
            default:
                return "Ready";
        }
    }

    private static String downloadText(PlaybackState state) {
        if (state.location() == null || state.bytesPresent() == 0) {
            return "";
        }
        if (state.totalBytes() > 0) {
            if (state.bytesPresent() >= state.totalBytes()) {
                return "All " + Texts.bytes(state.totalBytes()) + " downloaded";
            }
            long percent = state.bytesPresent() * 100 / state.totalBytes();
            return Texts.rate(state.bytesPerSecond()) + " · " + percent + " % of " + Texts.bytes(state.totalBytes());
        }
        return Texts.rate(state.bytesPerSecond()) + " · " + Texts.bytes(state.bytesPresent());
    }

    /** One level monitor per medium: opened at its Ready, closed when another opens. */
    private void updateLevelMonitor(PlaybackState state) {
        long medium = state.format() == null ? 0 : state.medium();
        if (medium == meteredMedium) {
            return;
        }
        meteredMedium = medium;
        if (levelMonitor != null) {
            levelMonitor.close();
            levelMonitor = null;
        }
        meter.show(Levels.silence(state.format() == null ? 2 : state.format().channels()));
        if (medium != 0) {
            levelMonitor = new LevelMonitor(player::openTap, player::position, levels -> {
                latestLevels.set(levels);
                levelUpdates.request();
            });
        }
    }

    private void showVolume() {
        boolean muted = prefs.getBoolean("muted", false);
        int percent = (int) Math.round(volume.getValue());
        Ikon icon = muted || percent == 0 ? Material2MZ.VOLUME_OFF
                : percent < 50 ? Material2MZ.VOLUME_DOWN : Material2MZ.VOLUME_UP;
        ((FontIcon) mute.getGraphic()).setIconCode(icon);
        mute.getTooltip().setText(muted ? "Unmute (M)" : "Mute (M)");
        volumeLabel.setText(muted ? "Muted" : percent + " %");
    }

    private Node layout() {
        BorderPane pane = new BorderPane();
        pane.getStyleClass().add("reel-main");
        pane.setTop(top());
        pane.setCenter(center());
        pane.setBottom(bottom());
        return pane;
    }

    private Node top() {
        Button play = new Button("Play", new FontIcon(Material2MZ.PLAY_ARROW));
        play.getStyleClass().add(Styles.ACCENT);
        play.setTooltip(new Tooltip("Play the URL (Enter)"));
        play.setOnAction(e -> urlField.submit());
        Button open = iconButton(Material2AL.FOLDER_OPEN, "Open files (Ctrl+O)");
        open.setOnAction(e -> openFiles());
        Button save = iconButton(Material2MZ.SAVE_ALT, "Save the stream (Ctrl+S)");
        save.setOnAction(e -> saveStream());
        Button helpButton = iconButton(Material2AL.HELP_OUTLINE, "Keyboard shortcuts (F1)");
        helpButton.setOnAction(e -> toggleHelp());
        HBox.setHgrow(urlField, Priority.ALWAYS);
        urlField.setMaxWidth(Double.MAX_VALUE);
        HBox bar = new HBox(8, urlField, play, new Separator(Orientation.VERTICAL), open, save, helpButton);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("top-bar");

        banner.getStyleClass().add(Styles.DANGER);
        banner.setTitle(PLAY_ERROR_TITLE);
        banner.setGraphic(new FontIcon(Material2AL.ERROR_OUTLINE));
        banner.setOnClose(e -> banner.setVisible(false));
        banner.managedProperty().bind(banner.visibleProperty());
        banner.setVisible(false);
        VBox top = new VBox(10, bar, banner);
        top.setPadding(new Insets(14, 16, 6, 16));
        return top;
    }

    private Node center() {
        title.getStyleClass().addAll(Styles.TITLE_2, "now-title");
        subtitle.getStyleClass().addAll(Styles.TEXT_MUTED, "now-subtitle");
        title.setMinWidth(0);
        subtitle.setMinWidth(0);
        FontIcon art = new FontIcon(Material2MZ.MUSIC_NOTE);
        art.getStyleClass().add("now-art-icon");
        StackPane artBox = new StackPane(art);
        artBox.getStyleClass().add("now-art");
        facts.getStyleClass().add("facts");
        VBox text = new VBox(4, title, subtitle, facts);
        text.setMinWidth(0);
        HBox heading = new HBox(16, artBox, text);
        heading.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(text, Priority.ALWAYS);
        Label meterTitle = new Label("LEVEL");
        meterTitle.getStyleClass().add("section-title");
        bigTime.getStyleClass().add("big-time");
        bigTotal.getStyleClass().add("big-total");
        HBox clock = new HBox(10, bigTime, bigTotal);
        clock.setAlignment(Pos.BASELINE_LEFT);
        StackPane middle = new StackPane(clock);
        middle.setAlignment(Pos.CENTER_LEFT);
        middle.setMinHeight(0);
        VBox.setVgrow(middle, Priority.ALWAYS);
        VBox nowPlaying = new VBox(12, heading, middle, new VBox(8, meterTitle, meter));
        nowPlaying.getStyleClass().add("now-playing");
        nowPlaying.setMinWidth(280);

        Label queueTitle = new Label("QUEUE");
        queueTitle.getStyleClass().add("section-title");
        Label count = new Label();
        count.getStyleClass().add(Styles.TEXT_MUTED);
        count.textProperty().bind(Bindings.size(queue.items()).asString("%d"));
        Button clear = new Button("Clear");
        clear.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        clear.setOnAction(e -> queue.items().removeIf(i -> i != queue.current()));
        clear.setTooltip(new Tooltip("Remove all but the current item"));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox queueHeader = new HBox(8, queueTitle, count, spacer, clear);
        queueHeader.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(queueView, Priority.ALWAYS);
        VBox queueBox = new VBox(6, queueHeader, queueView);
        queueBox.getStyleClass().add("queue-panel");
        queueBox.setMinWidth(220);

        SplitPane split = new SplitPane(nowPlaying, queueBox);
        split.getStyleClass().add("center-split");
        split.setDividerPositions(0.6);
        SplitPane.setResizableWithParent(queueBox, false);
        BorderPane.setMargin(split, new Insets(6, 16, 6, 16));
        return split;
    }

    private Node bottom() {
        elapsed.getStyleClass().add("time-label");
        total.getStyleClass().add("time-label");
        HBox.setHgrow(seekBar, Priority.ALWAYS);
        HBox seekRow = new HBox(10, elapsed, seekBar, total);
        seekRow.setAlignment(Pos.CENTER);

        Button previous = iconButton(Material2MZ.SKIP_PREVIOUS, "Previous (P)");
        previous.setOnAction(e -> previous());
        Button next = iconButton(Material2MZ.SKIP_NEXT, "Next (N)");
        next.setOnAction(e -> next());
        Button back = iconButton(Material2MZ.REPLAY_10, "Back 10 s (J)");
        back.setOnAction(e -> seekBy(-10));
        Button forward = iconButton(Material2AL.FORWARD_10, "Forward 10 s (L)");
        forward.setOnAction(e -> seekBy(10));
        playPause.getStyleClass().setAll("button", Styles.BUTTON_CIRCLE, Styles.ACCENT, "play-pause");
        playPause.setOnAction(e -> togglePlay());
        HBox transport = new HBox(6, previous, back, playPause, forward, next);
        transport.setAlignment(Pos.CENTER_LEFT);

        mute.setOnAction(e -> toggleMute());
        volume.setSkin(new ProgressSliderSkin(volume));
        volume.getStyleClass().add(Styles.SMALL);
        volume.setPrefWidth(140);
        volume.setMinWidth(70);
        volume.setFocusTraversable(false);
        volume.setAccessibleText("Volume");
        volume.valueProperty().addListener((o, old, value) -> {
            int percent = (int) Math.round(value.doubleValue());
            player.setVolume(percent);
            prefs.putInt("volume", percent);
            showVolume();
        });
        volumeLabel.getStyleClass().add("volume-label");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox controls = new HBox(6, transport, spacer, mute, volume, volumeLabel);
        controls.setAlignment(Pos.CENTER_LEFT);

        stateLabel.getStyleClass().add("status-state");
        formatLabel.getStyleClass().add("status-item");
        downloadLabel.getStyleClass().add("status-item");
        underrunLabel.getStyleClass().addAll("status-item", Styles.WARNING);
        saveLabel.getStyleClass().add("status-item");
        saveProgress.getStyleClass().add(Styles.SMALL);
        saveProgress.setPrefWidth(90);
        saveProgress.setVisible(false);
        saveProgress.managedProperty().bind(saveProgress.visibleProperty());
        Region statusSpacer = new Region();
        HBox.setHgrow(statusSpacer, Priority.ALWAYS);
        HBox status = new HBox(16, stateLabel, formatLabel, downloadLabel, underrunLabel, statusSpacer,
                saveLabel, saveProgress);
        status.setAlignment(Pos.CENTER_LEFT);
        status.getStyleClass().add("status-line");
        for (Label label : List.of(formatLabel, downloadLabel, underrunLabel)) {
            label.managedProperty().bind(label.textProperty().isNotEmpty());
            label.setMinWidth(Region.USE_PREF_SIZE);
        }
        VBox player = new VBox(6, seekRow, controls);
        player.getStyleClass().add("transport");
        VBox bottom = new VBox(player, status);
        return bottom;
    }

    private static Button iconButton(Ikon icon, String tooltip) {
        Button button = new Button(null, new FontIcon(icon));
        button.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        button.setTooltip(new Tooltip(tooltip));
        button.setAccessibleText(tooltip);
        return button;
    }

    private void installDragAndDrop(Node target) {
        target.setOnDragOver(e -> {
            Dragboard board = e.getDragboard();
            if (!board.hasContent(QueueView.QUEUE_INDEX) && (board.hasFiles() || board.hasUrl() || board.hasString())) {
                e.acceptTransferModes(TransferMode.COPY_OR_MOVE);
                root.pseudoClassStateChanged(DROP_TARGET, true);
            }
            e.consume();
        });
        target.setOnDragExited(e -> root.pseudoClassStateChanged(DROP_TARGET, false));
        target.setOnDragDropped(this::dropped);
    }

    private void dropped(DragEvent e) {
        Dragboard board = e.getDragboard();
        if (board.hasContent(QueueView.QUEUE_INDEX)) {
            return;
        }
        drop(board.hasFiles() ? board.getFiles() : List.of(), board.getUrl(), board.getString());
        root.pseudoClassStateChanged(DROP_TARGET, false);
        e.setDropCompleted(true);
        e.consume();
    }

    /** Queue entries for {@code locations}; raw PCM files get the format the user names. */
    private List<QueueItem> itemsFor(List<String> locations) {
        List<QueueItem> items = new ArrayList<>();
        Optional<PcmFormat> raw = Optional.empty();
        for (String location : locations) {
            if (Locations.isRawPcmFile(location)) {
                if (raw.isEmpty()) {
                    raw = RawFormatDialog.ask(window(), prefs);
                    if (raw.isEmpty()) {
                        continue;
                    }
                }
                items.add(new QueueItem(location, raw));
            } else {
                items.add(QueueItem.of(location));
            }
        }
        return items;
    }

    @Override
    public void close() {
        if (levelMonitor != null) {
            levelMonitor.close();
        }
        levelUpdates.close();
        bridge.close();
    }
}
