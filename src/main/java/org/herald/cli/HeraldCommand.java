package org.herald.cli;

import org.herald.config.HeraldSettings;
import org.herald.config.HeraldVersion;
import org.herald.config.SettingsException;
import org.herald.config.SettingsLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The top of Herald's command line: global options, then one subcommand. */
@Command(name = "herald",
        mixinStandardHelpOptions = true,
        versionProvider = HeraldCommand.Version.class,
        description = "Turns news articles into posts for X and Facebook Pages.",
        subcommands = {PreviewCommand.class, ConfigCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:Success.", "1:An input, post or channel failed (the others were still processed).",
                "2:The command line was wrong.", "3:The configuration is missing or invalid."})
public final class HeraldCommand implements Runnable {
    @Option(names = "--config", paramLabel = "FILE", defaultValue = "config/application.conf",
            description = "Settings file (default: ${DEFAULT-VALUE}).", scope = CommandLine.ScopeType.LOCAL)
    Path config;

    @Option(names = "--verbose", description = "Show debug logs and stack traces.", scope = CommandLine.ScopeType.LOCAL)
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Console console;
    private HeraldSettings settings;

    HeraldCommand(Console console) {
        this.console = console;
    }

    /** Loaded on first use, so --help and --version work even with a broken config. */
    HeraldSettings settings() {
        if (settings == null) settings = SettingsLoader.load(config);
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
        HeraldCommand top = new HeraldCommand(console);
        CommandLine commandLine = new CommandLine(top, new Factory(top));
        commandLine.setOut(new java.io.PrintWriter(console.out, true));
        commandLine.setErr(new java.io.PrintWriter(console.err, true));
        commandLine.setExecutionExceptionHandler((e, cl, parsed) -> {
            if (e instanceof SettingsException) {
                console.err.println("herald: " + e.getMessage());
                if (top.verbose) e.printStackTrace(console.err);
                return ExitCodes.CONFIG;
            }
            console.err.println("herald: internal error: " + e + (top.verbose ? "" : " (run with --verbose for details)"));
            if (top.verbose) e.printStackTrace(console.err);
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
