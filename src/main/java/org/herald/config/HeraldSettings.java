package org.herald.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Everything Herald was configured with, loaded once at start-up by {@link SettingsLoader}. */
public record HeraldSettings(Path file, FetchSettings fetch, CondenseSettings condense, PostSettings post,
                             StorageSettings storage, ScheduleSettings schedule,
                             List<ChannelSettings> channels, ConsoleSettings console) {
    public HeraldSettings {
        channels = List.copyOf(channels);
    }

    public Optional<ChannelSettings> channel(String name) {
        return channels.stream().filter(c -> c.name().equals(name)).findFirst();
    }
}
