package dev.reel.app.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One subcommand's parsed arguments: options ({@code --name VALUE}, {@code --name=VALUE}, flags)
 * and operands; {@code --} ends the options. Immutable.
 */
final class Args {

    private final Map<String, String> options;
    private final List<String> operands;

    private Args(Map<String, String> options, List<String> operands) {
        this.options = options;
        this.operands = operands;
    }

    /**
     * @param valued the options that take a value
     * @param flags  the options that take none ({@code --help} is always one)
     */
    static Args parse(String command, List<String> argv, Set<String> valued, Set<String> flags)
            throws UsageException {
        Map<String, String> options = new HashMap<>();
        List<String> operands = new ArrayList<>();
        for (int i = 0; i < argv.size(); i++) {
            String arg = argv.get(i);
            if (arg.equals("--")) {
                operands.addAll(argv.subList(i + 1, argv.size()));
                break;
            }
            if (!arg.startsWith("-") || arg.equals("-")) {
                operands.add(arg);
                continue;
            }
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg : arg.substring(0, eq);
            if (name.equals("-h")) {
                name = "--help";
            }
            if (valued.contains(name)) {
                String value;
                if (eq >= 0) {
                    value = arg.substring(eq + 1);
                } else if (i + 1 < argv.size()) {
                    value = argv.get(++i);
                } else {
                    throw new UsageException(name + " needs a value" + hint(command));
                }
                options.put(name, value);
            } else if ((flags.contains(name) || name.equals("--help")) && eq < 0) {
                options.put(name, "");
            } else {
                throw new UsageException("unknown option " + quoted(arg) + hint(command));
            }
        }
        return new Args(options, operands);
    }

    /** The "see --help" tail of every usage message. */
    static String hint(String command) {
        return " (see 'reel " + (command.isEmpty() ? "" : command + " ") + "--help')";
    }

    private static String quoted(String arg) {
        return "'" + arg + "'";
    }

    boolean help() {
        return options.containsKey("--help");
    }

    boolean flag(String name) {
        return options.containsKey(name);
    }

    Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    /** The operands, which must be exactly as many as {@code names} says. */
    List<String> operands(String command, String... names) throws UsageException {
        if (operands.size() < names.length) {
            throw new UsageException("missing " + names[operands.size()] + hint(command));
        }
        if (operands.size() > names.length) {
            throw new UsageException("unexpected argument " + quoted(operands.get(names.length)) + hint(command));
        }
        return operands;
    }
}
