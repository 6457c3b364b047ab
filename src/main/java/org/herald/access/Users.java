package org.herald.access;

import org.herald.outbox.StorageException;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The console's users: added, listed, removed and given new passwords; sign-in checks a password here. */
public final class Users {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");
    private static final String COLUMNS = "id, name, role, time_zone, created_at";

    /** Whether a change was made, or why not (one line for a person). */
    public sealed interface Change {
        record Done(User user) implements Change {
        }

        record Refused(String reason) implements Change {
        }
    }

    private final Jdbc jdbc;
    private final Clock clock;

    public Users(DataSource dataSource, Clock clock) {
        this.jdbc = new Jdbc(dataSource);
        this.clock = clock;
    }

    public Change add(String name, Role role, char[] password) {
        if (!NAME.matcher(name).matches()) {
            return new Change.Refused("a user name is 1 to 64 letters, digits, '.', '_', '@' or '-', starting with a letter or digit: '" + name + "'");
        }
        Optional<String> weak = weakness(password);
        if (weak.isPresent()) return new Change.Refused(weak.get());
        try {
            jdbc.update("INSERT INTO console_user (name, password_hash, role, created_at) VALUES (?, ?, ?, ?)",
                    name, Passwords.hash(password), role.id(), Jdbc.time(clock.instant()));
        } catch (StorageException e) {
            if (Jdbc.isUniqueViolation(e)) return new Change.Refused("there is already a user " + name);
            throw e;
        }
        return new Change.Done(find(name).orElseThrow());
    }

    public Change setPassword(String name, char[] password) {
        Optional<User> user = find(name);
        if (user.isEmpty()) return new Change.Refused("there is no user " + name);
        Optional<String> weak = weakness(password);
        if (weak.isPresent()) return new Change.Refused(weak.get());
        jdbc.update("UPDATE console_user SET password_hash = ? WHERE id = ?", Passwords.hash(password), user.get().id());
        return new Change.Done(user.get());
    }

    /** Removes the user and, with them, every session they had. */
    public Change remove(String name) {
        Optional<User> user = find(name);
        if (user.isEmpty()) return new Change.Refused("there is no user " + name);
        jdbc.update("DELETE FROM console_session WHERE user_id = ?", user.get().id());
        jdbc.update("DELETE FROM console_user WHERE id = ?", user.get().id());
        return new Change.Done(user.get());
    }

    public Change setTimeZone(long userId, Optional<ZoneId> zone) {
        jdbc.update("UPDATE console_user SET time_zone = ? WHERE id = ?", zone.map(ZoneId::getId).orElse(null), userId);
        return byId(userId).<Change>map(Change.Done::new).orElse(new Change.Refused("there is no such user"));
    }

    public List<User> list() {
        return jdbc.query("SELECT " + COLUMNS + " FROM console_user ORDER BY name", Users::user);
    }

    public boolean isEmpty() {
        return jdbc.query("SELECT COUNT(*) FROM console_user", r -> r.getLong(1)).get(0) == 0;
    }

    public Optional<User> find(String name) {
        return jdbc.query("SELECT " + COLUMNS + " FROM console_user WHERE name = ?", Users::user, name).stream().findFirst();
    }

    public Optional<User> byId(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM console_user WHERE id = ?", Users::user, id).stream().findFirst();
    }

    /** The user, if the name exists and the password is theirs; an unknown name costs as much time as a known one. */
    public Optional<User> authenticate(String name, char[] password) {
        List<String> hashes = jdbc.query("SELECT password_hash FROM console_user WHERE name = ?", r -> r.getString(1), name);
        if (hashes.isEmpty()) {
            Passwords.spendTheSameTime(password);
            return Optional.empty();
        }
        return Passwords.matches(password, hashes.get(0)) ? find(name) : Optional.empty();
    }

    private static Optional<String> weakness(char[] password) {
        if (password.length < 8) return Optional.of("a password needs at least 8 characters");
        if (Passwords.tooLong(password)) return Optional.of("a password may have at most " + Passwords.MAX_BYTES + " bytes");
        return Optional.empty();
    }

    private static User user(java.sql.ResultSet r) throws java.sql.SQLException {
        Role role = Role.byId(r.getString("role")).orElse(Role.VIEWER);
        Optional<ZoneId> zone = Optional.ofNullable(r.getString("time_zone")).flatMap(z -> {
            try {
                return Optional.of(ZoneId.of(z));
            } catch (java.time.DateTimeException e) {
                return Optional.empty();
            }
        });
        return new User(r.getLong("id"), r.getString("name"), role, zone, Jdbc.instant(r, "created_at"));
    }
}
