package org.gridledger.accounting.usage;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.gridledger.domain.accounting.UsageAssignmentId;
import org.gridledger.domain.accounting.UsageBatchId;
import org.gridledger.domain.accounting.UsageCommands.AssignUnattributedUsageCommand;
import org.gridledger.domain.accounting.UsageCommands.CloseUsageMonthCommand;
import org.gridledger.domain.accounting.UsageCommands.RecordUsageBatchCommand;
import org.gridledger.domain.accounting.UsageCounts;
import org.gridledger.domain.accounting.UsageEvents.UnattributedUsageAssignedEvent;
import org.gridledger.domain.accounting.UsageEvents.UsageBatchIngestedEvent;
import org.gridledger.domain.accounting.UsageEvents.UsageMonthClosedEvent;
import org.gridledger.domain.accounting.UsageFormat;
import org.gridledger.domain.accounting.UsageMonthId;
import org.gridledger.domain.error.ErrorCode;
import org.gridledger.domain.portfolio.CommunityId;
import org.gridledger.domain.portfolio.ProviderId;
import org.gridledger.testing.FixedClocks;
import org.gridledger.testing.Rejections;
import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.List;

/** The rules of the usage aggregates: a batch's counts add up; an assignment needs matching records; months close once ended. */
class UsageAggregatesTest {

    private static final UsageBatchId BATCH = UsageBatchId.random();
    private static final List<ProviderId> PROVIDERS = List.of(ProviderId.random());
    private static final List<YearMonth> MONTHS = List.of(YearMonth.of(2026, 10));

    private final AggregateTestFixture<UsageBatch> batches = new AggregateTestFixture<>(UsageBatch.class);
    private final AggregateTestFixture<UsageAssignment> assignments = new AggregateTestFixture<>(UsageAssignment.class);
    private final AggregateTestFixture<UsageMonth> months = new AggregateTestFixture<>(UsageMonth.class);

    @Test
    void aBatchWhoseCountsAddUpIsRecorded() {
        UsageCounts counts = new UsageCounts(10, 5, 2, 1, 2, 1, 0);
        batches.givenNoPriorActivity()
                .when(new RecordUsageBatchCommand(BATCH, UsageFormat.APEL, "ab".repeat(32), counts, PROVIDERS, MONTHS,
                        FixedClocks.NOW))
                .expectEvents(new UsageBatchIngestedEvent(BATCH, UsageFormat.APEL, "ab".repeat(32), counts, PROVIDERS,
                        MONTHS, FixedClocks.NOW));
    }

    @Test
    void aBatchWhoseCountsDoNotAddUpIsRefused() {
        batches.givenNoPriorActivity()
                .when(new RecordUsageBatchCommand(BATCH, UsageFormat.APEL, "ab".repeat(32),
                        new UsageCounts(10, 5, 2, 1, 1, 0, 0), PROVIDERS, MONTHS, FixedClocks.NOW))
                .expectNoEvents()
                .expectException(Rejections.rejectedWith(ErrorCode.INVALID_VALUE));
    }

    @Test
    void anAssignmentOfMatchingRecordsIsRecordedWithTheirNumber() {
        UsageAssignmentId id = UsageAssignmentId.random();
        CommunityId hep = CommunityId.random();
        assignments.registerInjectableResource((UnattributedUsage) (a, vo, month, community) -> 7);
        assignments.registerInjectableResource(FixedClocks.now());
        assignments.givenNoPriorActivity()
                .when(new AssignUnattributedUsageCommand(id, "atlas", null, hep, null))
                .expectEvents(new UnattributedUsageAssignedEvent(id, "atlas", null, hep, 7, FixedClocks.NOW));
    }

    @Test
    void anAssignmentWithoutMatchingRecordsIsRefused() {
        assignments.registerInjectableResource((UnattributedUsage) (a, vo, month, community) -> 0);
        assignments.registerInjectableResource(FixedClocks.now());
        assignments.givenNoPriorActivity()
                .when(new AssignUnattributedUsageCommand(UsageAssignmentId.random(), "atlas", null, CommunityId.random(), null))
                .expectNoEvents()
                .expectException(Rejections.rejectedWith(ErrorCode.USAGE_NOTHING_TO_ASSIGN));
    }

    @Test
    void anEndedMonthCloses() {
        YearMonth october = YearMonth.of(2026, 10);
        months.registerInjectableResource(FixedClocks.now());
        months.givenNoPriorActivity()
                .when(new CloseUsageMonthCommand(new UsageMonthId(october)))
                .expectEvents(new UsageMonthClosedEvent(new UsageMonthId(october), october, FixedClocks.NOW));
    }

    @Test
    void theCurrentMonthCannotClose() {
        months.registerInjectableResource(FixedClocks.now());
        months.givenNoPriorActivity()
                .when(new CloseUsageMonthCommand(new UsageMonthId(YearMonth.of(2026, 11))))
                .expectNoEvents()
                .expectException(Rejections.rejectedWith(ErrorCode.VALIDATION_FAILED));
    }
}
