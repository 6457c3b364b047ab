package org.herald.schedule;

import org.herald.config.FeedSettings;
import org.herald.config.HeraldSettings;
import org.herald.config.SettingsException;
import org.quartz.CronExpression;

import java.text.ParseException;
import java.time.Clock;
import java.util.Date;

/**
 * Checks every feed's cron with Quartz itself when the settings are loaded, so an expression Quartz cannot
 * parse, or one that matches no date at all ({@code 0 0 0 30 2 ?}), is a configuration error at start-up
 * rather than a failure once the daemon schedules it. Lives here because Quartz stays in this package.
 */
public final class CronSchedules {
    private CronSchedules() {
    }

    /** Throws {@link SettingsException} naming the file and the feed's key for the first cron that cannot work. */
    public static void check(HeraldSettings settings, Clock clock) {
        for (FeedSettings feed : settings.schedule().feeds()) {
            if (feed.cron().isEmpty()) continue;
            String cron = feed.cron().get();
            String key = settings.file() + ": feeds." + feed.name() + ".cron \"" + cron + "\"";
            CronExpression expression;
            try {
                expression = new CronExpression(cron);
            } catch (ParseException e) {
                throw new SettingsException(key + " is not a Quartz cron expression: " + e.getMessage());
            } catch (RuntimeException e) {
                // CronExpression reports some malformed fields as runtime exceptions rather than ParseException
                throw new SettingsException(key + " is not a Quartz cron expression: " + e.getMessage());
            }
            if (expression.getNextValidTimeAfter(Date.from(clock.instant())) == null) {
                throw new SettingsException(key + " never fires: no date matches it");
            }
        }
    }
}
