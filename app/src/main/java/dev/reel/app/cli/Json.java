package dev.reel.app.cli;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Builds one JSON object on one line, in the order the fields are added. Numbers that are not
 * finite and empty optionals become {@code null}. Not thread-safe; build, then {@link #toString}.
 */
final class Json {

    private final StringBuilder text = new StringBuilder("{");

    static Json object() {
        return new Json();
    }

    Json put(String name, String value) {
        key(name);
        if (value == null) {
            text.append("null");
        } else {
            quote(value);
        }
        return this;
    }

    Json put(String name, long value) {
        key(name).append(value);
        return this;
    }

    Json put(String name, double value) {
        key(name);
        number(value);
        return this;
    }

    Json put(String name, boolean value) {
        key(name).append(value);
        return this;
    }

    Json put(String name, OptionalDouble value) {
        return value.isPresent() ? put(name, value.getAsDouble()) : putNull(name);
    }

    Json put(String name, OptionalLong value) {
        return value.isPresent() ? put(name, value.getAsLong()) : putNull(name);
    }

    Json put(String name, Json nested) {
        key(name).append(nested);
        return this;
    }

    Json putNull(String name) {
        key(name).append("null");
        return this;
    }

    @Override
    public String toString() {
        return text + "}";
    }

    private StringBuilder key(String name) {
        if (text.length() > 1) {
            text.append(',');
        }
        quote(name);
        return text.append(':');
    }

    private void number(double value) {
        if (!Double.isFinite(value)) {
            text.append("null");
        } else if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            text.append((long) value);
        } else {
            // Milliseconds are the finest a script needs; fewer digits keep lines short.
            text.append(BigDecimal.valueOf(value)
                    .setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString());
        }
    }

    private void quote(String s) {
        text.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> text.append("\\\"");
                case '\\' -> text.append("\\\\");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                case '\t' -> text.append("\\t");
                case '\b' -> text.append("\\b");
                case '\f' -> text.append("\\f");
                default -> {
                    // Everything outside printable ASCII is escaped, so a line is valid whatever
                    // charset stdout has and a lone surrogate cannot break it.
                    if (c < 0x20 || c >= 0x7f) {
                        text.append("\\u");
                        for (int shift = 12; shift >= 0; shift -= 4) {
                            text.append(Character.forDigit((c >> shift) & 0xf, 16));
                        }
                    } else {
                        text.append(c);
                    }
                }
            }
        }
        text.append('"');
    }
}
