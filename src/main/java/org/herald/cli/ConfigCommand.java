package org.herald.cli;

import org.herald.config.ChannelSettings;
import org.herald.config.HeraldSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;

/** Prints the settings Herald would run with, secrets masked. */
@Command(name = "config", mixinStandardHelpOptions = true, versionProvider = HeraldCommand.Version.class,
        description = "Check the configuration and print the settings in effect (secrets show as ****).")
final class ConfigCommand implements Callable<Integer> {
    @ParentCommand
    HeraldCommand herald;

    @Override
    public Integer call() {
        HeraldSettings s = herald.settings();
        var out = herald.console().out;
        out.println("config file: " + s.file());
        out.println("fetch: " + s.fetch());
        out.println("condense: " + s.condense());
        for (ChannelSettings c : s.channels()) {
            out.println("channel " + c.name() + ": network=" + c.network().id() + ", dry-run=" + c.dryRun()
                    + ", template=" + c.template().replace("\n", "\\n") + ", utm=" + c.utm()
                    + ", connect-timeout=" + c.connectTimeout() + ", read-timeout=" + c.readTimeout()
                    + c.x().map(x -> ", " + x).orElse("") + c.facebook().map(f -> ", " + f).orElse(""));
        }
        out.flush();
        return ExitCodes.OK;
    }
}
