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

    /** Settings with the console's defaults (loopback 127.0.0.1:8080). */
    public HeraldSettings(Path file, FetchSettings fetch, CondenseSettings condense, PostSettings post, StorageSettings storage,
                          ScheduleSettings schedule, List<ChannelSettings> channels) {
        this(file, fetch, condense, post, storage, schedule, channels, ConsoleSettings.defaults());
    }

    /** Where the operations endpoints are served: the console's listener, whether or not the console is enabled. */
    public OpsSettings ops() {
        return new OpsSettings(console.host(), console.port());
    }

    public Optional<ChannelSettings> channel(String name) {
        return channels.stream().filter(c -> c.name().equals(name)).findFirst();
    }
}
