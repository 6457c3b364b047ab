package org.herald.schedule;

import org.herald.outbox.StorageException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The nodes sharing one database, as Quartz's clustered job store sees them (each node's check-ins in
 * {@code QRTZ_SCHEDULER_STATE}, the jobs it is executing in {@code QRTZ_FIRED_TRIGGERS}) joined with who
 * they are ({@code herald_node}: host, pid, version). A node that has missed two check-ins is dead.
 * {@code herald nodes} and the console's {@code /channels} both list them through {@link #list}.
 *
 * <p>On the embedded database Quartz's store is not clustered and keeps no check-ins, and one process sends
 * at a time (the sender lock): the one node alive is the newest {@code run} whose process holds that lock.
 */
public final class ClusterNodes {
    /** How long a cleanly stopped node is still listed. */
    private static final Duration SHOW_STOPPED = Duration.ofHours(1);
    /** How long a node that died (and that Quartz has since forgotten) is still listed. */
    private static final Duration SHOW_DEAD = Duration.ofDays(7);

    private final DataSource dataSource;
    /** Embedded database only: the pid of the process holding the sender lock, if it runs; absent on PostgreSQL. */
    private final Optional<Supplier<Optional<Long>>> embeddedSender;

    /** The nodes of a PostgreSQL cluster, alive while they check in. */
    public ClusterNodes(DataSource dataSource) {
        this(dataSource, Optional.empty());
    }

    private ClusterNodes(DataSource dataSource, Optional<Supplier<Optional<Long>>> embeddedSender) {
        this.dataSource = dataSource;
        this.embeddedSender = embeddedSender;
    }

    /**
     * The nodes of the configured database, as {@code herald nodes} and the console list them: on PostgreSQL
     * every node's check-ins; on the embedded database, the one process sending from it.
     */
    public static ClusterNodes of(org.herald.config.StorageSettings storage, DataSource dataSource) {
        return storage.isPostgres() ? new ClusterNodes(dataSource)
                : embedded(dataSource, () -> org.herald.outbox.SenderLock.livingHolder(storage));
    }

    /** The node of an embedded database: alive while its process holds the sender lock ({@code senderPid}). */
    public static ClusterNodes embedded(DataSource dataSource, Supplier<Optional<Long>> senderPid) {
        return new ClusterNodes(dataSource, Optional.of(senderPid));
    }

    public enum State { ALIVE, DEAD, STOPPED }

    /**
     * One node: who it is, its last check-in (empty once Quartz has recovered a dead node and forgotten it, and
     * always on the embedded database), what it runs.
     */
    public record Node(String instanceId, String host, long pid, String version, Instant startedAt, Optional<Instant> lastCheckIn,
                       Optional<Duration> checkinInterval, State state, List<String> running, int sending) {
        /** What it is doing, for a person: "idle", "send x-main, poll newsroom; 1 post mid-call", or "-" for a node that is gone. */
        public String doing() {
            String doing = running.isEmpty() ? "idle" : String.join(", ", running);
            if (sending > 0) doing += "; " + sending + " post" + (sending == 1 ? "" : "s") + " mid-call";
            if (state != State.ALIVE && running.isEmpty() && sending == 0) doing = "-";
            return doing;
        }
    }

    /** Records this node when it starts; stopped nodes older than a day are forgotten on the way. */
    public void register(NodeIdentity node) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM herald_node WHERE stopped_at < ?")) {
                s.setObject(1, time(node.startedAt().minus(Duration.ofDays(1))));
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO herald_node (instance_id, host, pid, version, started_at) VALUES (?, ?, ?, ?, ?)")) {
                s.setString(1, node.instanceId());
                s.setString(2, node.host());
                s.setLong(3, node.pid());
                s.setString(4, node.version());
                s.setObject(5, time(node.startedAt()));
                s.executeUpdate();
            }
        } catch (SQLException e) {
            throw failure("record this node", e);
        }
    }

    /** A clean stop: listed as stopped, not dead. */
    public void markStopped(String instanceId, Instant now) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("UPDATE herald_node SET stopped_at = ? WHERE instance_id = ?")) {
            s.setObject(1, time(now));
            s.setString(2, instanceId);
            s.executeUpdate();
        } catch (SQLException e) {
            throw failure("record this node's stop", e);
        }
    }

    /** Whether {@code instanceId} is checking in (PostgreSQL): it has not missed two check-ins. */
    public boolean isLive(String instanceId, Instant now) {
        return lastCheckIn(instanceId).map(c -> alive(c, now)).orElse(false);
    }

    /** This node's last check-in, if Quartz has one. */
    public Optional<CheckIn> lastCheckIn(String instanceId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT last_checkin_time, checkin_interval FROM qrtz_scheduler_state WHERE sched_name = ? AND instance_name = ?")) {
            s.setString(1, HeraldScheduler.NAME);
            s.setString(2, instanceId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(new CheckIn(Instant.ofEpochMilli(r.getLong(1)), Duration.ofMillis(r.getLong(2)))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("read the cluster's check-ins", e);
        }
    }

    /** A check-in Quartz recorded, and the interval the node promised. */
    public record CheckIn(Instant at, Duration interval) {
    }

    /** Nodes checking in now (PostgreSQL). */
    public int countAlive(Instant now) {
        int alive = 0;
        for (CheckIn checkIn : checkIns().values()) if (alive(checkIn, now)) alive++;
        return alive;
    }

    /** Every node worth showing: running, stopped within the hour, or dead within the week; oldest first. */
    public List<Node> list(Instant now) {
        Map<String, CheckIn> checkIns = checkIns();
        Map<String, List<String>> running = new LinkedHashMap<>();
        Map<String, Integer> sending = new LinkedHashMap<>();
        List<Node> nodes = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT instance_name, job_name FROM qrtz_fired_triggers WHERE sched_name = ? AND state = 'EXECUTING' ORDER BY job_name")) {
                s.setString(1, HeraldScheduler.NAME);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) running.computeIfAbsent(r.getString(1), k -> new ArrayList<>()).add(HeraldScheduler.describeJob(r.getString(2)));
                }
            }
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT claimed_by, COUNT(*) FROM outbox WHERE state = 'SENDING' AND claimed_by IS NOT NULL GROUP BY claimed_by")) {
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) sending.put(r.getString(1), r.getInt(2));
                }
            }
            TreeSet<String> known = new TreeSet<>();
            List<Registered> registered = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT instance_id, host, pid, version, started_at, stopped_at FROM herald_node ORDER BY started_at, instance_id");
                 ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    registered.add(new Registered(r.getString(1), r.getString(2), r.getLong(3), r.getString(4),
                            r.getObject(5, OffsetDateTime.class).toInstant(),
                            Optional.ofNullable(r.getObject(6, OffsetDateTime.class)).map(OffsetDateTime::toInstant)));
                }
            }
            Optional<String> embeddedAlive = embeddedSender.flatMap(sender -> sender.get().flatMap(pid -> registered.stream()
                    .filter(n -> n.pid() == pid && n.stopped().isEmpty()).reduce((older, newer) -> newer).map(Registered::id)));
            for (Registered n : registered) {
                known.add(n.id());
                Optional<CheckIn> checkIn = Optional.ofNullable(checkIns.get(n.id()));
                boolean alive = embeddedSender.isPresent() ? embeddedAlive.equals(Optional.of(n.id())) : checkIn.map(ci -> alive(ci, now)).orElse(false);
                State state = n.stopped().isPresent() ? State.STOPPED : alive ? State.ALIVE : State.DEAD;
                if (state == State.STOPPED && n.stopped().get().isBefore(now.minus(SHOW_STOPPED))) continue;
                if (state == State.DEAD && checkIn.isEmpty() && n.started().isBefore(now.minus(SHOW_DEAD))) continue;
                nodes.add(new Node(n.id(), n.host(), n.pid(), n.version(), n.started(), checkIn.map(CheckIn::at),
                        checkIn.map(CheckIn::interval), state, List.copyOf(running.getOrDefault(n.id(), List.of())), sending.getOrDefault(n.id(), 0)));
            }
            // a scheduler Herald did not record (another tool on the same tables, or a node from before herald_node)
            for (Map.Entry<String, CheckIn> e : checkIns.entrySet()) {
                if (known.contains(e.getKey())) continue;
                nodes.add(new Node(e.getKey(), "?", 0, "?", e.getValue().at(), Optional.of(e.getValue().at()), Optional.of(e.getValue().interval()),
                        alive(e.getValue(), now) ? State.ALIVE : State.DEAD, List.copyOf(running.getOrDefault(e.getKey(), List.of())),
                        sending.getOrDefault(e.getKey(), 0)));
            }
        } catch (SQLException e) {
            throw failure("read the cluster's nodes", e);
        }
        return nodes;
    }

    /** A row of {@code herald_node}. */
    private record Registered(String id, String host, long pid, String version, Instant started, Optional<Instant> stopped) {
    }

    private Map<String, CheckIn> checkIns() {
        Map<String, CheckIn> out = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT instance_name, last_checkin_time, checkin_interval FROM qrtz_scheduler_state WHERE sched_name = ?")) {
            s.setString(1, HeraldScheduler.NAME);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) out.put(r.getString(1), new CheckIn(Instant.ofEpochMilli(r.getLong(2)), Duration.ofMillis(r.getLong(3))));
            }
        } catch (SQLException e) {
            throw failure("read the cluster's check-ins", e);
        }
        return out;
    }

    /**
     * Alive until two check-ins are missed: the interval is the one the node wrote, its check-in period (half its
     * {@code cluster-checkin-interval}), so a node is dead here a quarter interval before Quartz's verdict
     * ({@link ClusterJobStore}) hands its work to the others.
     */
    static boolean alive(CheckIn checkIn, Instant now) {
        return !now.isAfter(checkIn.at().plus(checkIn.interval().multipliedBy(2)));
    }

    private static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static StorageException failure(String what, SQLException e) {
        return new StorageException("cannot " + what + ": " + String.valueOf(e.getMessage()).replaceAll("\\s+", " "), e);
    }
}
