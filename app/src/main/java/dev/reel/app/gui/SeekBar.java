package dev.reel.app.gui;

import dev.reel.core.player.TimeRange;
import java.util.List;
import java.util.function.DoubleConsumer;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.scene.Cursor;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.util.Duration;

/**
 * The timeline: a track, one segment for every downloaded range (after a far seek there are
 * several), the played part up to the audible position (a thinner line, so the ranges show
 * through), and a thumb. Click or drag to seek; the
 * thumb follows the mouse while dragging and {@link #setOnSeek} hears the time on release. The
 * keyboard seeks through the window's shortcuts. JavaFX thread only.
 */
final class SeekBar extends Region {

    private static final double TRACK_HEIGHT = 10;
    /** The played part is thinner than the track, so downloaded ranges stay visible beneath it. */
    private static final double PLAYED_HEIGHT = 3;
    private static final double THUMB = 16;

    private final DoubleProperty duration = new SimpleDoubleProperty(this, "duration", Double.NaN);
    private final DoubleProperty position = new SimpleDoubleProperty(this, "position", 0);
    private final ObjectProperty<List<TimeRange>> downloaded = new SimpleObjectProperty<>(this, "downloaded", List.of());
    private final ReadOnlyBooleanWrapper dragging = new ReadOnlyBooleanWrapper(this, "dragging");
    private final Region track = part("seek-track");
    private final Pane ranges = new Pane();
    private final Region played = part("seek-played");
    private final Region thumb = part("seek-thumb");
    private final Tooltip hoverTime = new Tooltip();
    private double dragSeconds;
    private DoubleConsumer onSeek = s -> { };

    SeekBar() {
        getStyleClass().add("seek-bar");
        ranges.getStyleClass().add("seek-ranges");
        ranges.setManaged(false);
        ranges.setMouseTransparent(true);
        getChildren().addAll(track, ranges, played, thumb);
        setMinHeight(THUMB + 8);
        setPrefHeight(THUMB + 12);
        setPadding(new Insets(0, THUMB / 2, 0, THUMB / 2));
        setCursor(Cursor.HAND);
        hoverTime.setShowDelay(Duration.millis(150));
        hoverTime.setHideDelay(Duration.ZERO);
        Tooltip.install(this, hoverTime);
        duration.addListener(o -> refresh());
        position.addListener(o -> requestLayout());
        downloaded.addListener(o -> refresh());
        setOnMousePressed(this::press);
        setOnMouseDragged(this::drag);
        setOnMouseReleased(this::release);
        setOnMouseMoved(e -> hoverTime.setText(Texts.time(secondsAt(e.getX()))));
        setAccessibleText("Seek bar");
    }

    private static Region part(String styleClass) {
        Region r = new Region();
        r.getStyleClass().add(styleClass);
        r.setManaged(false);
        r.setMouseTransparent(true);
        return r;
    }

    DoubleProperty durationProperty() {
        return duration;
    }

    DoubleProperty positionProperty() {
        return position;
    }

    ObjectProperty<List<TimeRange>> downloadedProperty() {
        return downloaded;
    }

    /** True while the user drags the thumb: position updates from the player are then ignored. */
    ReadOnlyBooleanProperty draggingProperty() {
        return dragging.getReadOnlyProperty();
    }

    void setOnSeek(DoubleConsumer onSeek) {
        this.onSeek = onSeek;
    }

    /** How many downloaded-range segments are drawn now. */
    int drawnRangeCount() {
        return ranges.getChildren().size();
    }

    private void refresh() {
        List<TimeRange> list = downloaded.get();
        while (ranges.getChildren().size() < list.size()) {
            ranges.getChildren().add(part("seek-range"));
        }
        if (ranges.getChildren().size() > list.size()) {
            ranges.getChildren().remove(list.size(), ranges.getChildren().size());
        }
        requestLayout();
    }

    @Override
    protected void layoutChildren() {
        double left = snappedLeftInset();
        double width = trackWidth();
        double y = Math.round((getHeight() - TRACK_HEIGHT) / 2);
        track.resizeRelocate(left, y, width, TRACK_HEIGHT);
        ranges.resizeRelocate(left, y, width, TRACK_HEIGHT);
        List<TimeRange> list = downloaded.get();
        double total = duration.get();
        for (int i = 0; i < ranges.getChildren().size(); i++) {
            Region segment = (Region) ranges.getChildren().get(i);
            TimeRange range = list.get(i);
            double x0 = fraction(range.start(), total) * width;
            double x1 = fraction(range.end(), total) * width;
            segment.resizeRelocate(Math.floor(x0), 0, Math.max(2, Math.ceil(x1) - Math.floor(x0)), TRACK_HEIGHT);
        }
        double shown = dragging.get() ? dragSeconds : position.get();
        double x = fraction(shown, total) * width;
        played.resizeRelocate(left, y + (TRACK_HEIGHT - PLAYED_HEIGHT) / 2, x, PLAYED_HEIGHT);
        thumb.setVisible(!Double.isNaN(total));
        thumb.resizeRelocate(Math.round(left + x - THUMB / 2), Math.round((getHeight() - THUMB) / 2), THUMB, THUMB);
    }

    private double trackWidth() {
        return Math.max(0, getWidth() - snappedLeftInset() - snappedRightInset());
    }

    private static double fraction(double seconds, double total) {
        if (Double.isNaN(total) || total <= 0) {
            return 0;
        }
        return Math.max(0, Math.min(1, seconds / total));
    }

    private double secondsAt(double x) {
        double total = duration.get();
        double width = trackWidth();
        if (Double.isNaN(total) || width <= 0) {
            return Double.NaN;
        }
        return Math.max(0, Math.min(1, (x - snappedLeftInset()) / width)) * total;
    }

    private void press(MouseEvent e) {
        if (Double.isNaN(duration.get())) {
            return;
        }
        dragging.set(true);
        drag(e);
    }

    private void drag(MouseEvent e) {
        if (!dragging.get()) {
            return;
        }
        dragSeconds = secondsAt(e.getX());
        hoverTime.setText(Texts.time(dragSeconds));
        requestLayout();
    }

    private void release(MouseEvent e) {
        if (!dragging.get()) {
            return;
        }
        drag(e);
        dragging.set(false);
        position.set(dragSeconds);
        onSeek.accept(dragSeconds);
    }
}
