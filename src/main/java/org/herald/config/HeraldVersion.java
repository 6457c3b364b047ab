package org.herald.config;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Herald's version, stamped into a resource by the build. */
public final class HeraldVersion {
    private static final String VERSION = read();

    private HeraldVersion() {
    }

    public static String current() {
        return VERSION;
    }

    private static String read() {
        try (InputStream in = HeraldVersion.class.getResourceAsStream("/herald-version.properties")) {
            if (in == null) return "dev";
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }
}
