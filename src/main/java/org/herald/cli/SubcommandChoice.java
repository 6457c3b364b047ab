package org.herald.cli;

import picocli.CommandLine.Command;

import java.util.List;

/**
 * Which subcommands a command line needs built: only the one it names when that is plain to see, else all of them.
 * "All" is always a safe answer; it only costs start-up time.
 */
final class SubcommandChoice {
    private SubcommandChoice() {
    }

    static List<Class<?>> needed(String[] args, List<Class<?>> subcommands) {
        String name = commandName(args);
        if (name == null) return subcommands;
        for (Class<?> subcommand : subcommands) {
            Command command = subcommand.getAnnotation(Command.class);
            // help lists every command, so it needs them all.
            if (command == null || command.name().equals("help")) continue;
            if (command.name().equals(name) || List.of(command.aliases()).contains(name)) return List.of(subcommand);
        }
        return subcommands;
    }

    /** The first word after the top command's own options, or null when anything else comes first. */
    static String commandName(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--verbose") || arg.startsWith("--config=")) continue;
            if (arg.equals("--config")) {
                i++;
                continue;
            }
            // --help, --version, an unknown option, "--", or a clustered short option: let picocli see everything.
            if (arg.startsWith("-")) return null;
            return arg;
        }
        return null;
    }
}
