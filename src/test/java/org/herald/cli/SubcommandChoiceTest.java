package org.herald.cli;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A run builds only the subcommand it names; everything that shows or needs the others still sees them all. */
class SubcommandChoiceTest {
    private static final List<Class<?>> ALL = HeraldCommand.SUBCOMMANDS;

    @Test
    void aNamedCommandIsBuiltAlone() {
        assertThat(SubcommandChoice.needed(new String[]{"preview", "--json", "x.html"}, ALL)).containsExactly(PreviewCommand.class);
        assertThat(SubcommandChoice.needed(new String[]{"--config", "run", "queue", "--json"}, ALL)).containsExactly(QueueCommand.class);
        assertThat(SubcommandChoice.needed(new String[]{"--config=c.conf", "--verbose", "user", "list"}, ALL))
                .containsExactly(UserCommand.class);
    }

    @Test
    void helpAMissingCommandAnUnknownOneOrAnUnusualOptionGetEveryCommand() {
        for (String[] args : List.of(new String[]{}, new String[]{"help"}, new String[]{"help", "preview"},
                new String[]{"--help"}, new String[]{"-h", "preview"}, new String[]{"prevew", "x"},
                new String[]{"--config"}, new String[]{"--", "preview"}, new String[]{"-V"})) {
            assertThat(SubcommandChoice.needed(args, ALL)).as(String.join(" ", args)).isSameAs(ALL);
        }
    }

    @Test
    void whatTheUserSeesIsTheSameWhicheverWayTheCommandsWereBuilt() {
        String help = HeraldRun.of("--help").out();
        for (Class<?> command : ALL) {
            String name = command.getAnnotation(picocli.CommandLine.Command.class).name();
            assertThat(help).contains("  " + name + " ");
        }
        HeraldRun typo = HeraldRun.of("prevew", "x.html");
        assertThat(typo.exitCode()).isEqualTo(2);
        assertThat(typo.err()).contains("preview");
        HeraldRun named = HeraldRun.of("help", "queue");
        assertThat(named.exitCode()).isZero();
        assertThat(named.out()).contains("Usage: herald queue");
        HeraldRun parent = HeraldRun.of("--config", "config/application.conf", "preview", "--json", "--link",
                "https://example.com/x", "../shared/seed/article.txt");
        assertThat(parent.exitCode()).isZero();
        assertThat(parent.out()).contains("\"link\":\"https://example.com/x\"");
    }
}
