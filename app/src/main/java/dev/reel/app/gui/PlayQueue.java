package dev.reel.app.gui;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The list of things to play and which one is current. The current item is tracked by identity,
 * so reordering and removing others keep it. JavaFX thread only.
 */
final class PlayQueue {

    private final ObservableList<QueueItem> items = FXCollections.observableArrayList();
    private final ObjectProperty<QueueItem> current = new SimpleObjectProperty<>(this, "current");
    private final Map<QueueItem, String> failures = new IdentityHashMap<>();

    ObservableList<QueueItem> items() {
        return items;
    }

    ObjectProperty<QueueItem> currentProperty() {
        return current;
    }

    QueueItem current() {
        return current.get();
    }

    int currentIndex() {
        QueueItem item = current.get();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) == item) {
                return i;
            }
        }
        return -1;
    }

    /** Appends {@code added} at the end; returns the first added, or null if none. */
    QueueItem append(List<QueueItem> added) {
        items.addAll(added);
        return added.isEmpty() ? null : added.get(0);
    }

    /** Inserts {@code added} right after the current item; returns the first added, or null. */
    QueueItem insertNext(List<QueueItem> added) {
        items.addAll(currentIndex() + 1, added);
        return added.isEmpty() ? null : added.get(0);
    }

    /** The item after the current one, or null at the end. */
    QueueItem next() {
        int i = currentIndex();
        return i + 1 < items.size() ? items.get(i + 1) : null;
    }

    /** The item before the current one, or null at the start. */
    QueueItem previous() {
        int i = currentIndex();
        return i > 0 ? items.get(i - 1) : null;
    }

    /** Moves the item at {@code from} to {@code to} (indexes in the list before the move). */
    void move(int from, int to) {
        if (from == to || from < 0 || from >= items.size()) {
            return;
        }
        QueueItem item = items.remove(from);
        items.add(Math.max(0, Math.min(items.size(), to)), item);
    }

    void remove(QueueItem item) {
        items.removeIf(i -> i == item);
        failures.remove(item);
    }

    /** Remembers that {@code item} failed to play, and why (one line), until it is tried again. */
    void markFailed(QueueItem item, String message) {
        failures.put(item, message);
    }

    void clearFailure(QueueItem item) {
        failures.remove(item);
    }

    /** Why {@code item} failed the last time it was tried, or null. */
    String failure(QueueItem item) {
        return failures.get(item);
    }
}
