package dev.reel.core.format;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A parsed {@code Content-Type} value (RFC 9110 §8.3.1): lower-cased type and subtype, parameters
 * by lower-cased name with quotes and escapes removed. Lenient about spaces; a parameter list it
 * cannot read is kept as {@link #malformed()} so that only callers who need the parameters fail.
 * Immutable.
 */
record MediaType(String type, String subtype, Map<String, String> parameters, String malformed) {

    private static final int SHOWN_MAX = 40;

    /** The parsed type, or null when the text is not {@code type/subtype...} at all. */
    static MediaType parse(String text) {
        int semicolon = text.indexOf(';');
        String essence = (semicolon < 0 ? text : text.substring(0, semicolon)).strip();
        int slash = essence.indexOf('/');
        if (slash <= 0 || slash == essence.length() - 1) {
            return null;
        }
        String type = essence.substring(0, slash).strip().toLowerCase(Locale.ROOT);
        String subtype = essence.substring(slash + 1).strip().toLowerCase(Locale.ROOT);
        Map<String, String> parameters = new HashMap<>();
        String malformed = semicolon < 0 ? null : parseParameters(text, semicolon, parameters);
        return new MediaType(type, subtype, Map.copyOf(parameters), malformed);
    }

    /** A parameter's value, or null. */
    String parameter(String name) {
        return parameters.get(name);
    }

    /** A value made safe and short for a one-line message. */
    static String shown(String value) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length() && out.length() < SHOWN_MAX; i++) {
            char c = value.charAt(i);
            out.append(Character.isISOControl(c) ? '?' : c);
        }
        return value.length() > SHOWN_MAX ? out + "…" : out.toString();
    }

    /** Fills {@code out}; returns what is wrong, or null. */
    private static String parseParameters(String text, int start, Map<String, String> out) {
        int i = start;
        int n = text.length();
        while (i < n) {
            // i is at a ';'
            i = skipSpaces(text, i + 1);
            if (i >= n) {
                return null;
            }
            if (text.charAt(i) == ';') {
                continue;
            }
            int nameStart = i;
            while (i < n && text.charAt(i) != '=' && text.charAt(i) != ';') {
                i++;
            }
            String name = text.substring(nameStart, i).strip().toLowerCase(Locale.ROOT);
            if (i >= n || text.charAt(i) != '=') {
                return "parameter '" + shown(name) + "' has no value";
            }
            if (name.isEmpty()) {
                return "a parameter has no name";
            }
            i = skipSpaces(text, i + 1);
            StringBuilder value = new StringBuilder();
            if (i < n && text.charAt(i) == '"') {
                i++;
                while (i < n && text.charAt(i) != '"') {
                    if (text.charAt(i) == '\\' && i + 1 < n) {
                        i++;
                    }
                    value.append(text.charAt(i++));
                }
                if (i >= n) {
                    return "parameter '" + shown(name) + "' has an unclosed quote";
                }
                i = skipSpaces(text, i + 1);
                if (i < n && text.charAt(i) != ';') {
                    return "parameter '" + shown(name) + "' has text after its quoted value";
                }
            } else {
                int valueStart = i;
                while (i < n && text.charAt(i) != ';') {
                    i++;
                }
                value.append(text, valueStart, i);
            }
            if (out.putIfAbsent(name, value.toString().strip()) != null) {
                return "parameter '" + shown(name) + "' given twice";
            }
        }
        return null;
    }

    private static int skipSpaces(String text, int i) {
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }
}
