package org.gridledger.app.identity;

import org.gridledger.app.messaging.CommandSender;
import org.gridledger.app.messaging.Queries;
import org.gridledger.domain.identity.VoCommands.ExpireMembershipCommand;
import org.gridledger.domain.identity.VoCommands.SuspendMembershipForAupCommand;
import org.gridledger.domain.identity.VoCommands.WarnMembershipExpiryCommand;
import org.gridledger.domain.identity.VoQueries.DueMembershipView;
import org.gridledger.domain.identity.VoQueries.DueMembershipsView;
import org.gridledger.domain.identity.VoQueries.FindDueMembershipsQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Drives the time rules of VO membership (ADR 0012): every {@code gridledger.identity.sweep-interval} it reads the
 * memberships on which a rule is due from the read model (expiry, the warning 30 days before, the suspension after
 * the AUP grace) and sends the matching command, judged as of the sweep's instant. It keeps no state of its own: what
 * is due follows from the stored events, so a restart, a missed run or two nodes sweeping at once change nothing —
 * the aggregate applies each rule once and ignores a repetition.
 */
@Component
public class MembershipSweeper {

    private static final Logger log = LoggerFactory.getLogger(MembershipSweeper.class);
    static final String ACTOR = "membership-sweeper";
    private static final int MAX_ROUNDS = 1000;

    /** What one sweep did. */
    public record SweepResult(Instant asOf, int warned, int expired, int suspended, int failed) {
    }

    private final Queries queries;
    private final CommandSender commands;
    private final Clock clock;
    private final int batchSize;

    MembershipSweeper(Queries queries, CommandSender commands, Clock clock, VoProperties properties) {
        this.queries = queries;
        this.commands = commands;
        this.clock = clock;
        this.batchSize = properties.sweepBatchSize();
    }

    @Scheduled(initialDelayString = "${gridledger.identity.sweep-initial-delay:1m}",
            fixedDelayString = "${gridledger.identity.sweep-interval:1h}")
    void sweepNow() {
        SweepResult result = sweep(clock.instant());
        if (result.warned() + result.expired() + result.suspended() + result.failed() > 0) {
            log.info("membership sweep as of {}: {} warned, {} expired, {} suspended for the AUP, {} failed",
                    result.asOf(), result.warned(), result.expired(), result.suspended(), result.failed());
        }
    }

    /** Applies every rule due as of {@code asOf}, in rounds of the batch size, until nothing is left but failures. */
    public SweepResult sweep(Instant asOf) {
        int warned = 0;
        int expired = 0;
        int suspended = 0;
        Set<DueMembershipView> failed = new HashSet<>();
        for (int round = 0; round < MAX_ROUNDS; round++) {
            List<DueMembershipView> due = queries.ask(new FindDueMembershipsQuery(asOf, batchSize + failed.size()),
                    DueMembershipsView.class).items().stream().filter(d -> !failed.contains(d)).toList();
            if (due.isEmpty()) {
                break;
            }
            for (DueMembershipView item : due) {
                try {
                    switch (item.due()) {
                        case EXPIRY_WARNING -> {
                            commands.sendAsSystem(new WarnMembershipExpiryCommand(item.voId(), item.membershipId(), asOf), ACTOR);
                            warned++;
                        }
                        case EXPIRY -> {
                            commands.sendAsSystem(new ExpireMembershipCommand(item.voId(), item.membershipId(), asOf), ACTOR);
                            expired++;
                        }
                        case AUP_SUSPENSION -> {
                            commands.sendAsSystem(new SuspendMembershipForAupCommand(item.voId(), item.membershipId(), asOf), ACTOR);
                            suspended++;
                        }
                    }
                } catch (RuntimeException e) { // one membership must not stop the others; it is due again next time
                    log.warn("membership sweep: {} of {} in VO {} failed: {}", item.due(), item.membershipId(),
                            item.voId(), e.getMessage());
                    failed.add(item);
                }
            }
        }
        return new SweepResult(asOf, warned, expired, suspended, failed.size());
    }
}
