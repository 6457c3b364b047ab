package org.herald.cli;

import org.herald.config.HeraldSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;

/** Prints the settings Herald would run with, secrets masked: HOCON a user could write, or JSON for scripts. */
@Command(name = "config", mixinStandardHelpOptions = true, versionProvider = HeraldCommand.Version.class,
        description = "Check the configuration and print the settings in effect, defaults included, as HOCON "
                + "(or JSON with --json); secrets show as ****.")
final class ConfigCommand implements Callable<Integer> {
    @ParentCommand
    HeraldCommand herald;

    @Option(names = "--json", description = "Print JSON instead of HOCON (the same keys and values).")
    boolean json;

    @Override
    public Integer call() {
        HeraldSettings s = herald.settings();
        var out = herald.console().out;
        SettingsDocument document = SettingsDocument.of(s);
        out.print(json ? document.json() : document.hocon("Settings in effect: " + s.file() + " over reference.conf's defaults.\n"
                + "Secrets that are set show as \"****\"; those not set are left out."));
        out.flush();
        return ExitCodes.OK;
    }
}
