package org.gridledger.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The benchmark's usage records, job {@code n} always the same, written as an APEL individual-job message (v0.2) or
 * an EMI CAR document. Half the jobs run at each site; 40 users; every fourth job uses 8 cores; end times spread over
 * the month.
 */
final class UsageDocuments {

    /** One job's figures, shared by the documents and the baseline's rows. */
    record Job(long n, String site, String submitHost, String localJobId, String userDn, int processors, long wall,
               long cpu, long start, long end) {
    }

    private final long monthStart;

    UsageDocuments(IngestFixture fixture, LocalDate month) {
        this.monthStart = month.atStartOfDay().toEpochSecond(ZoneOffset.UTC);
    }

    Job job(long n) {
        boolean a = n % 2 == 0;
        int processors = n % 4 == 0 ? 8 : 1;
        long wall = 600 + n % 3000;
        long end = monthStart + (n * 7919) % (30L * 86400) + 3600;
        return new Job(n, a ? IngestFixture.SITE_A : IngestFixture.SITE_B,
                a ? "ce-a.bench.example.org" : "ce-b.bench.example.org", "j" + n,
                "/C=DE/O=GridGermany/OU=Bench/CN=User " + (n % 40), processors, wall, wall * processors * 9 / 10,
                end - wall, end);
    }

    byte[] apel(long from, int count) {
        StringBuilder sb = new StringBuilder(count * 480);
        sb.append("APEL-individual-job-message: v0.2\n");
        for (long n = from; n < from + count; n++) {
            Job j = job(n);
            sb.append("Site: ").append(j.site()).append('\n')
                    .append("SubmitHost: ").append(j.submitHost()).append('\n')
                    .append("MachineName: slurm.bench.example.org\n")
                    .append("Queue: bench\n")
                    .append("LocalJobId: ").append(j.localJobId()).append('\n')
                    .append("LocalUserId: bench").append(n % 40).append('\n')
                    .append("GlobalUserName: ").append(j.userDn()).append('\n')
                    .append("FQAN: /").append(IngestFixture.VO).append("/Role=NULL/Capability=NULL\n")
                    .append("WallDuration: ").append(j.wall()).append('\n')
                    .append("CpuDuration: ").append(j.cpu()).append('\n')
                    .append("Processors: ").append(j.processors()).append('\n')
                    .append("NodeCount: 1\n")
                    .append("StartTime: ").append(j.start()).append('\n')
                    .append("EndTime: ").append(j.end()).append('\n')
                    .append("InfrastructureDescription: APEL-CREAM-SLURM\n")
                    .append("InfrastructureType: grid\n")
                    .append("MemoryReal: 1000000\n")
                    .append("MemoryVirtual: 2000000\n")
                    .append("ServiceLevelType: HEPSPEC\n")
                    .append("ServiceLevel: 10\n")
                    .append("%%\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    byte[] car(long from, int count) {
        StringBuilder sb = new StringBuilder(count * 1300);
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urf:UsageRecords xmlns:urf=\"http://eu-emi.eu/namespaces/2012/11/computerecord\">\n");
        for (long n = from; n < from + count; n++) {
            Job j = job(n);
            sb.append("<urf:UsageRecord><urf:RecordIdentity urf:recordId=\"").append(j.submitHost()).append(' ')
                    .append(j.localJobId()).append("\"/>")
                    .append("<urf:JobIdentity><urf:LocalJobId>").append(j.localJobId()).append("</urf:LocalJobId></urf:JobIdentity>")
                    .append("<urf:UserIdentity><urf:GlobalUserName>").append(j.userDn()).append("</urf:GlobalUserName>")
                    .append("<urf:Group>").append(IngestFixture.VO).append("</urf:Group>")
                    .append("<urf:GroupAttribute urf:type=\"FQAN\">/").append(IngestFixture.VO)
                    .append("/Role=NULL/Capability=NULL</urf:GroupAttribute>")
                    .append("<urf:LocalUserId>bench").append(n % 40).append("</urf:LocalUserId></urf:UserIdentity>")
                    .append("<urf:Status>completed</urf:Status>")
                    .append("<urf:Infrastructure urf:description=\"APEL-CREAM-SLURM\" urf:type=\"grid\"/>")
                    .append("<urf:WallDuration>PT").append(j.wall()).append("S</urf:WallDuration>")
                    .append("<urf:CpuDuration>PT").append(j.cpu()).append("S</urf:CpuDuration>")
                    .append("<urf:ServiceLevel urf:type=\"HEPSPEC\">10</urf:ServiceLevel>")
                    .append("<urf:NodeCount>1</urf:NodeCount><urf:Processors>").append(j.processors()).append("</urf:Processors>")
                    .append("<urf:EndTime>").append(Instant.ofEpochSecond(j.end())).append("</urf:EndTime>")
                    .append("<urf:StartTime>").append(Instant.ofEpochSecond(j.start())).append("</urf:StartTime>")
                    .append("<urf:MachineName>slurm.bench.example.org</urf:MachineName>")
                    .append("<urf:SubmitHost>").append(j.submitHost()).append("</urf:SubmitHost>")
                    .append("<urf:Queue>bench</urf:Queue><urf:Site>").append(j.site()).append("</urf:Site>")
                    .append("</urf:UsageRecord>\n");
        }
        sb.append("</urf:UsageRecords>\n");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}
