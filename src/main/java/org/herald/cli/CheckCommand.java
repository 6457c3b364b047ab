package org.herald.cli;

import org.herald.config.ChannelSettings;
import org.herald.config.HeraldSettings;
import org.herald.config.SecretRedaction;
import org.herald.publish.AccountCheck;
import org.herald.publish.Publishers;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** Verifies each channel's credentials with a cheap read call and prints the account name or the failure. */
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = HeraldCommand.Version.class,
        description = "Verify each channel's credentials (X: the account; Facebook: the Page) without posting.")
final class CheckCommand implements Callable<Integer> {
    @ParentCommand
    HeraldCommand herald;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--channel", paramLabel = "NAME", description = "Check only this channel (repeatable).")
    List<String> channels = new ArrayList<>();

    @Override
    public Integer call() {
        HeraldSettings settings = herald.settings();
        boolean allOk = true;
        for (ChannelSettings channel : ChannelSelection.select(settings, channels, spec.commandLine())) {
            String label = channel.name() + " (" + channel.network().id() + (channel.dryRun() ? ", dry-run" : "") + "): ";
            if (channel.dryRun() && !Publishers.hasCredentials(channel)) {
                herald.console().out.println(label + "dry-run, no credentials to check");
                continue;
            }
            AccountCheck check = Publishers.live(channel, herald.clock()).check();
            if (check instanceof AccountCheck.Ok ok) {
                herald.console().out.println(label + "ok, " + ok.account());
            } else {
                allOk = false;
                herald.console().out.flush();
                herald.console().err.println("herald: " + label + SecretRedaction.redact(((AccountCheck.Failed) check).reason()));
            }
        }
        herald.console().out.flush();
        return allOk ? ExitCodes.OK : ExitCodes.FAILED;
    }
}
