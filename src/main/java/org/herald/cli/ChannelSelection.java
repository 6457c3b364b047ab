package org.herald.cli;

import org.herald.config.ChannelSettings;
import org.herald.config.HeraldSettings;
import picocli.CommandLine;

import java.util.ArrayList;
import java.util.List;

/** The channels a command works on: the ones named with --channel, or all configured ones. */
final class ChannelSelection {
    private ChannelSelection() {
    }

    static List<ChannelSettings> select(HeraldSettings settings, List<String> names, CommandLine commandLine) {
        if (names.isEmpty()) {
            if (settings.channels().isEmpty()) {
                throw new CommandLine.ParameterException(commandLine, "no channels are configured in " + settings.file());
            }
            return settings.channels();
        }
        List<ChannelSettings> chosen = new ArrayList<>();
        for (String name : names) {
            chosen.add(settings.channel(name).orElseThrow(() -> new CommandLine.ParameterException(commandLine,
                    "unknown channel '" + name + "' (configured: " + String.join(", ",
                            settings.channels().stream().map(ChannelSettings::name).toList()) + ")")));
        }
        return chosen;
    }
}
