package org.herald.cli;

import org.herald.access.ActivityLog;
import org.herald.access.ApiTokens;
import org.herald.access.Role;
import org.herald.outbox.Database;
import org.herald.outbox.StorageException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code token create|list|revoke}: bearer tokens for the HTTP API (/api/v1). */
@Command(name = "token", mixinStandardHelpOptions = true, versionProvider = HeraldCommand.Version.class,
        description = "Manage the HTTP API's bearer tokens (for scripts and CMS hooks).",
        subcommands = {TokenCommand.Create.class, TokenCommand.ListTokens.class, TokenCommand.Revoke.class})
final class TokenCommand implements Callable<Integer> {
    @ParentCommand
    HeraldCommand herald;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand: create, list or revoke");
    }

    private interface Work {
        int run(ApiTokens tokens, ActivityLog activity);
    }

    private static int withTokens(HeraldCommand herald, Work work) {
        try (Database database = Database.open(herald.settings().storage())) {
            return work.run(new ApiTokens(database.dataSource(), herald.clock()), new ActivityLog(database.dataSource(), herald.clock()));
        } catch (StorageException e) {
            herald.console().err.println("herald: " + e.getMessage());
            return ExitCodes.FAILED;
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true, versionProvider = HeraldCommand.Version.class,
            description = "Create a token; it is printed once, alone on the last line, and only its hash is kept.")
    static final class Create implements Callable<Integer> {
        @ParentCommand
        TokenCommand parent;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "NAME", description = "A name for the token, such as cms.")
        String name;

        @Option(names = "--role", required = true, paramLabel = "ROLE", description = "viewer (read only) or editor (may post and change rows).")
        String role;

        @Override
        public Integer call() {
            Optional<Role> parsed = Role.byId(role).filter(r -> r != Role.ADMIN);
            if (parsed.isEmpty()) throw new CommandLine.ParameterException(spec.commandLine(), "--role must be viewer or editor, not '" + role + "'");
            return withTokens(parent.herald, (tokens, activity) -> {
                ApiTokens.Created created = tokens.create(name, parsed.get());
                if (created instanceof ApiTokens.Created.Refused refused) {
                    parent.herald.console().err.println("herald: " + refused.reason());
                    return ExitCodes.FAILED;
                }
                ApiTokens.Created.Ok ok = (ApiTokens.Created.Ok) created;
                activity.record(UserCommand.actor(), "token-create", Optional.empty(), Optional.of("token " + ok.token().name()), "role " + parsed.get().id());
                var out = parent.herald.console().out;
                out.println("token " + ok.token().name() + " (" + ok.token().role().id() + ") created; it is shown only now:");
                out.println(ok.value());
                out.flush();
                return ExitCodes.OK;
            });
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, versionProvider = HeraldCommand.Version.class,
            description = "List the tokens (never their values).")
    static final class ListTokens implements Callable<Integer> {
        @ParentCommand
        TokenCommand parent;

        @Override
        public Integer call() {
            return withTokens(parent.herald, (tokens, activity) -> {
                var out = parent.herald.console().out;
                List<ApiTokens.ApiToken> all = tokens.list();
                if (all.isEmpty()) out.println("no API tokens (create one with herald token create NAME --role viewer|editor)");
                for (ApiTokens.ApiToken t : all) {
                    out.println(String.format("%-20s %-7s created %s%s%s", t.name(), t.role().id(), t.createdAt(),
                            t.lastUsedAt().map(u -> ", last used " + u).orElse(""), t.revokedAt().map(r -> ", REVOKED " + r).orElse("")));
                }
                out.flush();
                return ExitCodes.OK;
            });
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, versionProvider = HeraldCommand.Version.class,
            description = "Revoke a token: every request carrying it is refused from now on.")
    static final class Revoke implements Callable<Integer> {
        @ParentCommand
        TokenCommand parent;

        @Parameters(paramLabel = "NAME", description = "The token's name.")
        String name;

        @Override
        public Integer call() {
            return withTokens(parent.herald, (tokens, activity) -> {
                if (!tokens.revoke(name)) {
                    parent.herald.console().err.println("herald: there is no live token named " + name);
                    return ExitCodes.FAILED;
                }
                activity.record(UserCommand.actor(), "token-revoke", Optional.empty(), Optional.of("token " + name), "");
                parent.herald.console().out.println("token " + name + " revoked");
                parent.herald.console().out.flush();
                return ExitCodes.OK;
            });
        }
    }
}
