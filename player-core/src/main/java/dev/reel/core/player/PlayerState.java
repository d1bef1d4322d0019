package dev.reel.core.player;

/** Where a {@link Player} is in its life: {@code IDLE → OPENING → BUFFERING ⇄ PLAYING ⇄ PAUSED → ENDED | ERROR}. */
public enum PlayerState {
    IDLE, OPENING, BUFFERING, PLAYING, PAUSED, ENDED, ERROR
}
