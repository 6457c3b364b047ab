package org.herald.cli;

import org.herald.access.ActivityLog;
import org.herald.access.Role;
import org.herald.access.Sessions;
import org.herald.access.User;
import org.herald.access.Users;
import org.herald.outbox.Database;
import org.herald.outbox.StorageException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code user add|list|remove|passwd|sessions}: the people who may sign in to the console. */
@Command(name = "user", mixinStandardHelpOptions = true, versionProvider = HeraldCommand.Version.class,
        description = "Manage the people who may sign in to the newsroom console.",
        subcommands = {UserCommand.Add.class, UserCommand.ListUsers.class, UserCommand.Remove.class, UserCommand.Passwd.class,
                UserCommand.SessionsCommand.class})
final class UserCommand implements Runnable {
    @ParentCommand
    HeraldCommand herald;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: add, list, remove, passwd or sessions");
    }

    /** What a user subcommand does with the stores open. */
    private interface Work {
        int run(Users users, Sessions sessions, ActivityLog activity);
    }

    private static int withStores(HeraldCommand herald, Work work) {
        try (Database database = Database.open(herald.settings().storage())) {
            Users users = new Users(database.dataSource(), herald.clock());
            int code = work.run(users, new Sessions(database.dataSource(), users, herald.clock()), new ActivityLog(database.dataSource(), herald.clock()));
            herald.console().out.flush();
            return code;
        } catch (StorageException e) {
            herald.console().err.println("herald: " + e.getMessage());
            return ExitCodes.FAILED;
        }
    }

    /** Who did it, for the activity log: the account on this machine. */
    static String actor() {
        return "cli:" + System.getProperty("user.name", "?");
    }

    /**
     * The new password: asked twice (not echoed) on a terminal; otherwise one line of standard input, so
     * scripts can pipe it in. Never printed, never logged.
     */
    private static Optional<char[]> readPassword(HeraldCommand herald, String name) {
        java.io.Console terminal = System.console();
        if (terminal != null && herald.console().in == System.in) {
            char[] first = terminal.readPassword("Password for %s: ", name);
            char[] second = terminal.readPassword("Again: ");
            if (first == null || second == null) return Optional.empty();
            if (!Arrays.equals(first, second)) {
                Arrays.fill(first, '\0');
                Arrays.fill(second, '\0');
                herald.console().err.println("herald: the two passwords differ; nothing was changed");
                return Optional.empty();
            }
            Arrays.fill(second, '\0');
            return Optional.of(first);
        }
        try {
            String line = new BufferedReader(new InputStreamReader(herald.console().in, StandardCharsets.UTF_8)).readLine();
            if (line == null || line.isEmpty()) {
                herald.console().err.println("herald: no password on standard input (give it as one line, e.g. echo \"$PW\" | herald user add …)");
                return Optional.empty();
            }
            return Optional.of(line.toCharArray());
        } catch (IOException e) {
            herald.console().err.println("herald: cannot read the password: " + e.getMessage());
            return Optional.empty();
        }
    }

    private static int report(HeraldCommand herald, Users.Change change, String done) {
        if (change instanceof Users.Change.Refused refused) {
            herald.console().err.println("herald: " + refused.reason());
            return ExitCodes.FAILED;
        }
        herald.console().out.println(done);
        return ExitCodes.OK;
    }

    @Command(name = "add", mixinStandardHelpOptions = true, versionProvider = HeraldCommand.Version.class,
            description = "Add a user. The password is asked twice on a terminal, or read as one line from standard input.")
    static final class Add implements Callable<Integer> {
        @ParentCommand
        UserCommand user;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "NAME", description = "The user name to sign in with.")
        String name;

        @Option(names = "--role", required = true, paramLabel = "ROLE", description = "viewer, editor or admin.")
        String role;

        @Override
        public Integer call() {
            Role parsed = Role.byId(role).orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
                    "--role must be viewer, editor or admin, not '" + role + "'"));
            HeraldCommand herald = user.herald;
            Optional<char[]> password = readPassword(herald, name);
            if (password.isEmpty()) return ExitCodes.FAILED;
            return withStores(herald, (users, sessions, activity) -> {
                Users.Change change = users.add(name, parsed, password.get());
                Arrays.fill(password.get(), '\0');
                if (change instanceof Users.Change.Done) {
                    activity.record(actor(), "user-add", Optional.empty(), Optional.of("user " + name), "role " + parsed.id());
                }
                return report(herald, change, "user " + name + " added (" + parsed.id() + ")");
            });
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, versionProvider = HeraldCommand.Version.class,
            description = "List the users, their roles and how many sessions each has.")
    static final class ListUsers implements Callable<Integer> {
        @ParentCommand
        UserCommand user;

        @Override
        public Integer call() {
            HeraldCommand herald = user.herald;
            return withStores(herald, (users, sessions, activity) -> {
                java.util.List<User> all = users.list();
                if (all.isEmpty()) herald.console().out.println("no users yet: herald user add NAME --role admin");
                for (User u : all) {
                    int live = sessions.count(u);
                    herald.console().out.printf("%-24s %-7s %d session%s%s%n", u.name(), u.role().id(), live, live == 1 ? "" : "s",
                            u.timeZone().map(z -> ", times in " + z.getId()).orElse(""));
                }
                return ExitCodes.OK;
            });
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, versionProvider = HeraldCommand.Version.class,
            description = "Remove a user and end their sessions.")
    static final class Remove implements Callable<Integer> {
        @ParentCommand
        UserCommand user;

        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            HeraldCommand herald = user.herald;
            return withStores(herald, (users, sessions, activity) -> {
                Users.Change change = users.remove(name);
                if (change instanceof Users.Change.Done) activity.record(actor(), "user-remove", Optional.empty(), Optional.of("user " + name), "");
                return report(herald, change, "user " + name + " removed");
            });
        }
    }

    @Command(name = "passwd", mixinStandardHelpOptions = true, versionProvider = HeraldCommand.Version.class,
            description = "Give a user a new password (asked twice on a terminal, or one line of standard input); their sessions end.")
    static final class Passwd implements Callable<Integer> {
        @ParentCommand
        UserCommand user;

        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            HeraldCommand herald = user.herald;
            Optional<char[]> password = readPassword(herald, name);
            if (password.isEmpty()) return ExitCodes.FAILED;
            return withStores(herald, (users, sessions, activity) -> {
                Users.Change change = users.setPassword(name, password.get());
                Arrays.fill(password.get(), '\0');
                int ended = 0;
                if (change instanceof Users.Change.Done done) {
                    ended = sessions.revokeAll(done.user());
                    activity.record(actor(), "user-passwd", Optional.empty(), Optional.of("user " + name), "sessions ended: " + ended);
                }
                return report(herald, change, "password of " + name + " changed; " + ended + " session" + (ended == 1 ? "" : "s") + " ended");
            });
        }
    }

    @Command(name = "sessions", mixinStandardHelpOptions = true, versionProvider = HeraldCommand.Version.class,
            description = "Show how many sessions a user has; with --revoke, end them all (the user must sign in again).")
    static final class SessionsCommand implements Callable<Integer> {
        @ParentCommand
        UserCommand user;

        @Option(names = "--revoke", description = "End every session of the user.")
        boolean revoke;

        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            HeraldCommand herald = user.herald;
            return withStores(herald, (users, sessions, activity) -> {
                Optional<User> found = users.find(name);
                if (found.isEmpty()) {
                    herald.console().err.println("herald: there is no user " + name);
                    return ExitCodes.FAILED;
                }
                if (!revoke) {
                    int live = sessions.count(found.get());
                    herald.console().out.println(name + ": " + live + " session" + (live == 1 ? "" : "s"));
                    return ExitCodes.OK;
                }
                int ended = sessions.revokeAll(found.get());
                activity.record(actor(), "sessions-revoke", Optional.empty(), Optional.of("user " + name), "sessions ended: " + ended);
                herald.console().out.println(name + ": " + ended + " session" + (ended == 1 ? "" : "s") + " ended");
                return ExitCodes.OK;
            });
        }
    }
}
