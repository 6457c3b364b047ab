package org.herald;

import org.herald.cli.HeraldCommand;

/** Herald's entry point: builds the command line and exits with its code. */
public final class Herald {
    private Herald() {
    }

    public static void main(String[] args) {
        // Chosen before anything touches SLF4J, because Logback reads its levels once, at start-up.
        for (String arg : args) {
            if (arg.equals("--verbose")) {
                System.setProperty("herald.log.level", "DEBUG");
                System.setProperty("herald.root.log.level", "INFO");
                System.setProperty("herald.lib.log.level", "DEBUG");
            }
        }
        // HttpURLConnection would otherwise silently re-send a POST whose kept-alive connection dropped.
        System.setProperty("sun.net.http.retryPost", "false");
        System.exit(HeraldCommand.execute(args));
    }
}
