package dev.reel.app.gui;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;

/**
 * One horizontal bar per channel: the RMS level lit on a green-to-red scale from -60 dBFS to
 * 0 dBFS, and a tick at the peak. JavaFX thread only.
 */
final class LevelMeter extends Region {

    static final double FLOOR_DB = -60;
    private static final double BAR_HEIGHT = 14;
    private static final double GAP = 8;
    private static final double LABEL_WIDTH = 18;
    private static final double SCALE_HEIGHT = 16;
    private static final int[] TICKS_DB = {-60, -48, -36, -24, -12, -6, 0};

    private final List<Channel> channels = new ArrayList<>();
    private final List<Label> ticks = new ArrayList<>();
    private Levels levels = Levels.silence(2);

    LevelMeter() {
        getStyleClass().add("level-meter");
        setPadding(new Insets(2, 0, 2, 0));
        setAccessibleText("Level meter");
        for (int db : TICKS_DB) {
            Label tick = new Label(Integer.toString(db));
            tick.getStyleClass().add("level-tick");
            tick.setManaged(false);
            ticks.add(tick);
        }
        show(levels);
    }

    /** Shows {@code next}; the number of bars follows its channel count. */
    void show(Levels next) {
        levels = next;
        if (channels.size() != next.channels()) {
            getChildren().setAll(ticks);
            channels.clear();
            for (int c = 0; c < next.channels(); c++) {
                Channel channel = new Channel(channelName(c, next.channels()));
                channels.add(channel);
                getChildren().addAll(channel.label, channel.scale, channel.lit, channel.peak);
            }
        }
        requestLayout();
    }

    Levels levels() {
        return levels;
    }

    private static String channelName(int index, int count) {
        if (count == 1) {
            return "M";
        }
        if (count == 2) {
            return index == 0 ? "L" : "R";
        }
        return Integer.toString(index + 1);
    }

    /** Bar fraction for an amplitude: dB mapped linearly from {@link #FLOOR_DB} to 0. */
    static double fraction(double amplitude) {
        if (amplitude <= 0) {
            return 0;
        }
        double db = 20 * Math.log10(amplitude);
        return Math.max(0, Math.min(1, (db - FLOOR_DB) / -FLOOR_DB));
    }

    @Override
    protected double computePrefHeight(double width) {
        int n = Math.max(1, channels.size());
        return snappedTopInset() + snappedBottomInset() + n * BAR_HEIGHT + (n - 1) * GAP + SCALE_HEIGHT;
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected double computePrefWidth(double height) {
        return 240;
    }

    @Override
    protected void layoutChildren() {
        double x = snappedLeftInset();
        double width = Math.max(0, getWidth() - x - snappedRightInset() - LABEL_WIDTH);
        double y = snappedTopInset();
        for (int c = 0; c < channels.size(); c++) {
            Channel channel = channels.get(c);
            channel.label.resizeRelocate(x, y - 4, LABEL_WIDTH, BAR_HEIGHT + 8);
            double barX = x + LABEL_WIDTH;
            channel.scale.resizeRelocate(barX, y, width, BAR_HEIGHT);
            channel.lit.resizeRelocate(barX, y, width, BAR_HEIGHT);
            channel.litClip.setWidth(Math.round(fraction(levels.rms()[c]) * width));
            channel.litClip.setHeight(BAR_HEIGHT);
            double peakX = Math.round(fraction(levels.peak()[c]) * width);
            channel.peak.setVisible(peakX > 0);
            channel.peak.resizeRelocate(barX + Math.max(0, peakX - 2), y, 2, BAR_HEIGHT);
            y += BAR_HEIGHT + GAP;
        }
        for (int i = 0; i < ticks.size(); i++) {
            Label tick = ticks.get(i);
            double w = tick.prefWidth(-1);
            double tx = x + LABEL_WIDTH + (TICKS_DB[i] - FLOOR_DB) / -FLOOR_DB * width;
            tick.resizeRelocate(Math.round(Math.max(x + LABEL_WIDTH, Math.min(tx - w / 2, x + LABEL_WIDTH + width - w))), y - GAP + 2, w,
                    tick.prefHeight(-1));
        }
    }

    /** The nodes of one channel's bar. */
    private static final class Channel {
        final Label label = new Label();
        final Region scale = new Region();
        final Region lit = new Region();
        final Rectangle litClip = new Rectangle();
        final Region peak = new Region();

        Channel(String name) {
            label.setText(name);
            label.getStyleClass().add("level-label");
            scale.getStyleClass().add("level-scale");
            lit.getStyleClass().add("level-lit");
            lit.setClip(litClip);
            peak.getStyleClass().add("level-peak");
            for (Region r : List.of(label, scale, lit, peak)) {
                r.setManaged(false);
            }
        }
    }
}
