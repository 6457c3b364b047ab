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
        out.println("post: " + s.post());
        out.println("storage: " + s.storage());
        out.println("schedule: max-attempts=" + s.schedule().maxAttempts() + ", dispatch-interval=" + s.schedule().dispatchInterval()
                + ", sending-timeout=" + s.schedule().sendingTimeout() + ", cluster-checkin-interval=" + s.schedule().clusterCheckinInterval());
        out.println("ops endpoints (console.listen): " + s.ops().host() + ":" + s.ops().port());
        for (var feed : s.schedule().feeds()) {
            out.println("feed " + feed.name() + ": url=" + feed.url() + feed.every().map(e -> ", every=" + e).orElse("")
                    + feed.cron().map(c -> ", cron=" + c).orElse("") + ", channels=" + feed.channels() + ", initial-backlog=" + feed.initialBacklog());
        }
        for (ChannelSettings c : s.channels()) {
            out.println("channel " + c.name() + ": network=" + c.network().id() + ", dry-run=" + c.dryRun()
                    + ", template=" + c.template().replace("\n", "\\n") + ", utm=" + c.utm()
                    + ", connect-timeout=" + c.connectTimeout() + ", read-timeout=" + c.readTimeout() + ", pacing=" + c.pacing()
                    + c.x().map(x -> ", " + x).orElse("") + c.facebook().map(f -> ", " + f).orElse(""));
        }
        out.flush();
        return ExitCodes.OK;
    }
}
