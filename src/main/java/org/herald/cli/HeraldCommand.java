package org.herald.cli;

import org.herald.config.HeraldSettings;
import org.herald.config.HeraldVersion;
import org.herald.config.SecretRedaction;
import org.herald.config.SettingsException;
import org.herald.config.SettingsLoader;
import org.herald.schedule.CronSchedules;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.herald.publish.Sleeper;

/** The top of Herald's command line: global options, then one subcommand. */
@Command(name = "herald",
        mixinStandardHelpOptions = true,
        versionProvider = HeraldCommand.Version.class,
        description = "Turns news articles into posts for X and Facebook Pages.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:Success.", "1:An input, post or channel failed (the others were still processed).",
                "2:The command line was wrong.", "3:The configuration is missing or invalid."})
public final class HeraldCommand implements Runnable {
    /** Every subcommand, in the order help lists them. */
    static final List<Class<?>> SUBCOMMANDS = List.of(PreviewCommand.class, PostCommand.class, CheckCommand.class,
            RunCommand.class, ScheduleCommand.class, QueueCommand.class, RowCommands.Cancel.class, RowCommands.Retry.class,
            ConfigCommand.class, RowCommands.Edit.class, RowCommands.Reschedule.class, ConsoleCommand.class,
            UserCommand.class, NodesCommand.class, ReviewCommands.Review.class, ReviewCommands.Approve.class,
            ReviewCommands.Reject.class, TokenCommand.class, CommandLine.HelpCommand.class);

    @Option(names = "--config", paramLabel = "FILE", defaultValue = "config/application.conf",
            description = "Settings file (default: ${DEFAULT-VALUE}).", scope = CommandLine.ScopeType.LOCAL)
    Path config;

    @Option(names = "--verbose", description = "Show debug logs and stack traces.", scope = CommandLine.ScopeType.LOCAL)
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Console console;
    private final Clock clock;
    private final Sleeper sleeper;
    private HeraldSettings settings;

    HeraldCommand(Console console, Clock clock, Sleeper sleeper) {
        this.console = console;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    Clock clock() {
        return clock;
    }

    Sleeper sleeper() {
        return sleeper;
    }

    /** Loaded on first use, so --help and --version work even with a broken config. */
    HeraldSettings settings() {
        if (settings == null) {
            HeraldSettings loaded = SettingsLoader.load(config);
            CronSchedules.check(loaded, clock);
            settings = loaded;
        }
        return settings;
    }

    Console console() {
        return console;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: try 'herald preview FILE' or 'herald --help'");
    }

    /** Runs Herald with these arguments and returns the exit code. */
    public static int execute(String[] args, Console console) {
        return execute(args, console, Clock.systemUTC(), Sleeper.REAL);
    }

    /** Runs Herald with a given clock and way of waiting, so tests of retries never sleep. */
    static int execute(String[] args, Console console, Clock clock, Sleeper sleeper) {
        Warmup.startFor(SubcommandChoice.commandName(args));
        HeraldCommand top = new HeraldCommand(console, clock, sleeper);
        Factory factory = new Factory(top);
        CommandLine commandLine = new CommandLine(top, factory);
        // Picocli builds each subcommand's model by reflection over classes the JVM cannot keep in its class-data
        // archive (they are Java 5 class files): all nineteen cost a one-page preview about 50 ms. A run that names
        // its command builds only that one; help, a missing or unknown command, and anything unusual get all.
        for (Class<?> subcommand : SubcommandChoice.needed(args, SUBCOMMANDS)) {
            commandLine.addSubcommand(new CommandLine(subcommand, factory));
        }
        commandLine.setOut(new java.io.PrintWriter(console.out, true));
        commandLine.setErr(new java.io.PrintWriter(console.err, true));
        commandLine.setExecutionExceptionHandler((e, cl, parsed) -> {
            if (e instanceof SettingsException) {
                console.err.println("herald: " + SecretRedaction.redact(e.getMessage()));
                if (top.verbose) printStackTrace(e, console);
                return ExitCodes.CONFIG;
            }
            console.err.println("herald: internal error: " + SecretRedaction.redact(e.toString())
                    + (top.verbose ? "" : " (run with --verbose for details)"));
            if (top.verbose) printStackTrace(e, console);
            return ExitCodes.FAILED;
        });
        commandLine.setParameterExceptionHandler((e, argv) -> {
            CommandLine cl = e.getCommandLine();
            console.err.println("herald: " + e.getMessage());
            if (!CommandLine.UnmatchedArgumentException.printSuggestions(e, cl.getErr())) {
                console.err.println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for more information.");
            }
            return ExitCodes.USAGE;
        });
        int code = commandLine.execute(args);
        console.out.flush();
        console.err.flush();
        return code;
    }

    private static void printStackTrace(Throwable e, Console console) {
        java.io.StringWriter trace = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(trace));
        console.err.print(SecretRedaction.redact(trace.toString()));
    }

    public static int execute(String[] args) {
        return execute(args, Console.system());
    }

    /** Gives every subcommand the top command, through which it reaches settings and console. */
    private record Factory(HeraldCommand top) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (type == HeraldCommand.class) return type.cast(top);
            return CommandLine.defaultFactory().create(type);
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"Herald " + HeraldVersion.current()};
        }
    }
}
