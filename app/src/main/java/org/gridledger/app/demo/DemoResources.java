package org.gridledger.app.demo;

import org.gridledger.app.messaging.CommandSender;
import org.gridledger.app.messaging.Queries;
import org.gridledger.domain.accounting.ResourceBatchSystem;
import org.gridledger.domain.accounting.ResourceCommands.RateResourceHs06Command;
import org.gridledger.domain.accounting.ResourceCommands.RegisterResourceCommand;
import org.gridledger.domain.accounting.ResourceId;
import org.gridledger.domain.accounting.ResourceQueries.FindResourceQuery;
import org.gridledger.domain.accounting.ResourceQueries.ResourceView;
import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorKind;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The demo providers' compute resources: the Karlsruhe centre's CPU farm and GPU cluster behind the APEL site
 * {@code GRIDKA-LCG2}, and the company's small cloud cluster {@code GRIDWORKS-CLOUD}. Their HS06 values are in force
 * from 1 January of the loading year; the CPU farm, re-benchmarked after a hardware refresh, has a higher value from
 * the next 1 January. Ids derive from names; existing resources are skipped.
 */
@Component
class DemoResources {

    record DemoResource(String provider, String name, String site, ResourceBatchSystem batchSystem, int cores,
                        String hs06, Set<String> hosts, int gpus, List<String> devices, String nextYearHs06) {
    }

    static final List<DemoResource> RESOURCES = List.of(
            new DemoResource("Grid Computing Centre Karlsruhe", "GridKa CPU farm", "GRIDKA-LCG2",
                    ResourceBatchSystem.SLURM, 20_000, "10.8", Set.of("ce01.gridka.example", "ce02.gridka.example",
                    "arc1.gridka.example"), 0, List.of(), "12.1"),
            new DemoResource("Grid Computing Centre Karlsruhe", "GridKa GPU cluster", "GRIDKA-LCG2",
                    ResourceBatchSystem.HTCONDOR, 2_048, "14.5", Set.of("gpu-ce.gridka.example"), 64,
                    List.of("NVIDIA A100 40GB"), null),
            new DemoResource("Gridworks Consulting GmbH", "Gridworks cloud cluster", "GRIDWORKS-CLOUD",
                    ResourceBatchSystem.PBS, 512, "9.75", Set.of("ce.gridworks.example"), 0, List.of(), null));

    private final CommandSender commands;
    private final Queries queries;
    private final Clock clock;

    DemoResources(CommandSender commands, Queries queries, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.clock = clock;
    }

    static ResourceId resourceId(String name) {
        return new ResourceId(UUID.nameUUIDFromBytes(("gridledger-demo:resource:" + name)
                .getBytes(StandardCharsets.UTF_8)));
    }

    /** Registers the resources that do not exist yet; returns how many it registered. */
    int load() {
        int created = 0;
        LocalDate thisYear = LocalDate.now(clock.withZone(ZoneOffset.UTC)).withDayOfYear(1);
        for (DemoResource r : RESOURCES) {
            ResourceId id = resourceId(r.name());
            if (exists(id)) {
                continue;
            }
            commands.sendAsSystem(new RegisterResourceCommand(id, DemoDataLoader.providerId(r.provider()), r.name(),
                    r.site(), r.batchSystem(), r.cores(), new BigDecimal(r.hs06()), thisYear, r.hosts(), r.gpus(),
                    r.devices()), DemoDataLoader.ACTOR);
            if (r.nextYearHs06() != null) {
                commands.sendAsSystem(new RateResourceHs06Command(id, thisYear.plusYears(1),
                        new BigDecimal(r.nextYearHs06())), DemoDataLoader.ACTOR);
            }
            created++;
        }
        return created;
    }

    private boolean exists(ResourceId id) {
        try {
            queries.ask(new FindResourceQuery(id), ResourceView.class);
            return true;
        } catch (DomainException e) {
            if (e.code().kind() == ErrorKind.NOT_FOUND) {
                return false;
            }
            throw e;
        }
    }
}
