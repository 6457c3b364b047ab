package org.herald.console;

import org.herald.access.ActivityLog;
import org.herald.access.Sessions;
import org.herald.access.SignInThrottle;
import org.herald.access.Users;
import org.herald.access.ApiTokens;
import org.herald.access.IdempotentResponses;
import org.herald.actions.ReviewActions;
import org.herald.actions.StoryIntake;
import org.herald.console.api.ApiRoutes;
import org.herald.actions.RowActions;
import org.herald.config.HeraldSettings;
import org.herald.outbox.ChannelChecks;
import org.herald.outbox.FeedPolls;
import org.herald.outbox.FeedStates;
import org.herald.outbox.Outbox;
import org.herald.outbox.Pauses;
import org.herald.schedule.ClusterNodes;

import javax.sql.DataSource;
import java.time.Clock;

/** The stages and stores the console's pages call, built once per server over Herald's database. */
public record Services(HeraldSettings settings, Clock clock, Engine engine, Views views, Users users, Sessions sessions,
                       SignInThrottle throttle, ActivityLog activity, Outbox outbox, RowActions rows, Pauses pauses,
                       ChannelChecks checks, FeedStates feedStates, FeedPolls feedPolls, ReviewActions review, ApiRoutes api,
                       ClusterNodes nodes) {

    public static Services over(HeraldSettings settings, DataSource dataSource, Clock clock, Engine engine) {
        Users users = new Users(dataSource, clock);
        Outbox outbox = new Outbox(dataSource);
        ActivityLog activity = new ActivityLog(dataSource, clock);
        RowActions rows = new RowActions(outbox, clock);
        ReviewActions review = new ReviewActions(outbox, clock, settings.channels(), activity);
        ApiRoutes api = new ApiRoutes(new ApiTokens(dataSource, clock), new IdempotentResponses(dataSource, clock),
                new StoryIntake(settings, outbox, clock), outbox, rows, review, activity);
        return new Services(settings, clock, engine, new Views(), users, new Sessions(dataSource, users, clock),
                new SignInThrottle(dataSource, clock), activity, outbox, rows,
                new Pauses(dataSource), new ChannelChecks(dataSource), new FeedStates(dataSource), new FeedPolls(dataSource),
                review, api, nodes(settings, dataSource));
    }

    /** The nodes {@code herald nodes} lists; on the embedded database, the one process sending from it. */
    private static ClusterNodes nodes(HeraldSettings settings, DataSource dataSource) {
        return ClusterNodes.of(settings.storage(), dataSource);
    }
}
