package org.herald.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Everything Herald was configured with, loaded once at start-up by {@link SettingsLoader}. */
public record HeraldSettings(Path file, FetchSettings fetch, CondenseSettings condense, PostSettings post,
                             StorageSettings storage, ScheduleSettings schedule,
                             List<ChannelSettings> channels, OpsSettings ops) {
    public HeraldSettings {
        channels = List.copyOf(channels);
    }

    /** Settings without the operations listener's own entry: the shipped default, 127.0.0.1:8080. */
    public HeraldSettings(Path file, FetchSettings fetch, CondenseSettings condense, PostSettings post, StorageSettings storage,
                          ScheduleSettings schedule, List<ChannelSettings> channels) {
        this(file, fetch, condense, post, storage, schedule, channels, OpsSettings.loopback(8080));
    }

    public Optional<ChannelSettings> channel(String name) {
        return channels.stream().filter(c -> c.name().equals(name)).findFirst();
    }
}
