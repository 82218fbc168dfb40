package org.gridledger.reporting.billing;

import org.gridledger.domain.portfolio.CommunityId;
import org.springframework.batch.item.ExecutionContext;
import org.springframework.batch.item.support.AbstractItemCountingItemStreamItemReader;

import java.time.YearMonth;
import java.util.List;

/**
 * Reads the communities to bill, in the stable order the sources give. It counts what it has read in the step's
 * execution context at every chunk commit, so a restarted run continues after the last committed community.
 */
final class CommunityReader extends AbstractItemCountingItemStreamItemReader<CommunityId> {

    static final String TOTAL = "communities.total";

    private final BillingSources sources;
    private final YearMonth period;
    private List<CommunityId> communities;

    CommunityReader(BillingSources sources, YearMonth period) {
        this.sources = sources;
        this.period = period;
        setName("communities");
    }

    @Override
    protected void doOpen() {
        communities = sources.communities(period);
    }

    @Override
    public void open(ExecutionContext context) {
        super.open(context);
        context.putInt(TOTAL, communities.size());
    }

    @Override
    protected CommunityId doRead() {
        int index = getCurrentItemCount() - 1;
        return index < communities.size() ? communities.get(index) : null;
    }

    @Override
    protected void jumpToItem(int itemIndex) {
        // the list is in memory: the next read starts at itemIndex by the item count alone
    }

    @Override
    protected void doClose() {
        communities = null;
    }
}
