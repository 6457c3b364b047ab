package org.herald.cli;

import org.herald.outbox.Database;
import org.herald.outbox.StorageException;
import org.herald.schedule.ClusterNodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

/** The cluster's nodes: who they are, when they last checked in, what they are running; dead ones marked. */
@Command(name = "nodes", mixinStandardHelpOptions = true, versionProvider = HeraldCommand.Version.class,
        description = "Show the Herald nodes sharing this PostgreSQL database (on the embedded database, the one process "
                + "sending from it): instance id, host, version, last check-in, what each is running now. A node that has missed "
                + "two check-ins is shown dead.")
final class NodesCommand implements Callable<Integer> {
    @ParentCommand
    HeraldCommand herald;

    @Option(names = "--json", description = "One JSON object per node.")
    boolean json;

    @Override
    public Integer call() {
        var out = herald.console().out;
        var err = herald.console().err;
        Instant now = herald.clock().instant();
        try (Database database = Database.open(herald.settings().storage())) {
            List<ClusterNodes.Node> nodes = ClusterNodes.of(herald.settings().storage(), database.dataSource()).list(now);
            if (json) {
                for (ClusterNodes.Node node : nodes) out.println(json(node));
            } else if (nodes.isEmpty()) {
                out.println("no Herald node has run on this database yet");
            } else {
                out.printf("%-34s %-20s %-14s %-8s %-26s %s%n", "INSTANCE", "HOST", "VERSION", "STATE", "LAST CHECK-IN", "RUNNING");
                for (ClusterNodes.Node node : nodes) out.println(human(node, now));
            }
            out.flush();
            return ExitCodes.OK;
        } catch (StorageException e) {
            err.println("herald: " + e.getMessage());
            return ExitCodes.FAILED;
        }
    }

    static String json(ClusterNodes.Node node) {
        JsonWriter w = new JsonWriter().beginObject()
                .field("instanceId", node.instanceId())
                .field("host", node.host())
                .field("pid", node.pid())
                .field("version", node.version())
                .field("state", node.state().name().toLowerCase(java.util.Locale.ROOT))
                .field("alive", node.state() == ClusterNodes.State.ALIVE)
                .field("started", node.startedAt().toString())
                .field("lastCheckIn", node.lastCheckIn().map(Instant::toString).orElse(null))
                .field("checkinIntervalMillis", node.checkinInterval().map(Duration::toMillis))
                .beginArray("running");
        for (String job : node.running()) w.value(job);
        return w.endArray().field("sending", node.sending()).endObject().toString();
    }

    private static String human(ClusterNodes.Node node, Instant now) {
        String checkIn = node.lastCheckIn().map(at -> at.toString().replaceFirst("\\.\\d+Z$", "Z") + " (" + ago(Duration.between(at, now)) + ")")
                .orElse(node.state() == ClusterNodes.State.DEAD ? "none (work taken over)" : "-");
        return String.format("%-34s %-20s %-14s %-8s %-26s %s", node.instanceId(), node.host() + (node.pid() > 0 ? ":" + node.pid() : ""),
                node.version(), node.state().name().toLowerCase(java.util.Locale.ROOT), checkIn, node.doing()).stripTrailing();
    }

    private static String ago(Duration d) {
        long s = Math.max(0, d.toSeconds());
        return s < 120 ? s + " s ago" : s / 60 + " min ago";
    }
}
