package dev.reel.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class PlayQueueTest {

    @Test
    void nextAndPreviousFollowTheCurrentItemThroughReordering() {
        PlayQueue queue = new PlayQueue();
        QueueItem a = QueueItem.of("http://h/a.wav");
        QueueItem b = QueueItem.of("/music/b.wav");
        QueueItem c = QueueItem.of("http://h/a.wav");
        queue.append(List.of(a, b, c));
        queue.currentProperty().set(b);

        assertThat(queue.next()).isSameAs(c);
        assertThat(queue.previous()).isSameAs(a);

        queue.move(2, 0);
        assertThat(queue.items()).containsExactly(c, a, b);
        assertThat(queue.next()).isNull();
        assertThat(queue.previous()).isSameAs(a);

        queue.remove(c);
        assertThat(queue.items()).containsExactly(a, b);
        assertThat(queue.currentIndex()).isEqualTo(1);
    }

    @Test
    void insertNextPutsItemsRightAfterTheCurrentOne() {
        PlayQueue queue = new PlayQueue();
        QueueItem a = QueueItem.of("a.wav");
        QueueItem z = QueueItem.of("z.wav");
        queue.append(List.of(a, z));
        queue.currentProperty().set(a);
        QueueItem x = QueueItem.of("x.wav");

        assertThat(queue.insertNext(List.of(x))).isSameAs(x);
        assertThat(queue.items()).containsExactly(a, x, z);
    }

    @Test
    void titlesAreWhatPeopleCallThings() {
        assertThat(QueueItem.of("http://127.0.0.1:8080/music/Night%20Drive.wav").title()).isEqualTo("Night Drive.wav");
        assertThat(QueueItem.of("http://127.0.0.1:8080/music/Night%20Drive.wav").subtitle()).isEqualTo("127.0.0.1:8080");
        assertThat(QueueItem.of("/music/b.wav").title()).isEqualTo("b.wav");
        assertThat(QueueItem.of("/music/b.wav").subtitle()).isEqualTo("/music");
        assertThat(QueueItem.of("http://h/").title()).isEqualTo("http://h/");
    }
}
