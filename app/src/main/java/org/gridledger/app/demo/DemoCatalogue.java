package org.gridledger.app.demo;

import org.gridledger.domain.portfolio.CertificationType;
import org.gridledger.domain.portfolio.CommunityProfile;
import org.gridledger.domain.portfolio.DataProtectionClass;
import org.gridledger.domain.portfolio.ItKnowledge;
import org.gridledger.domain.portfolio.JobType;
import org.gridledger.domain.portfolio.PackageCategory;
import org.gridledger.domain.portfolio.ProviderContact;
import org.gridledger.domain.portfolio.ProviderKind;
import org.gridledger.domain.portfolio.ResourceType;
import org.gridledger.domain.portfolio.SecurityLevel;
import org.gridledger.domain.portfolio.TicketPriority;
import org.gridledger.domain.shared.Unit;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** The content of the D-Grid scenario: four communities with differing profiles and the ten packages with terms. */
final class DemoCatalogue {

    record DemoCommunity(String name, CommunityProfile profile) {
    }

    record DemoPackage(String name, String description, PackageCategory category, String flatFee, String seatFee,
                       String includedUnits, Unit unit, String overage, List<Sla> sla) {
        BigDecimal flat() {
            return new BigDecimal(flatFee);
        }
    }

    record Sla(TicketPriority priority, Duration response, Duration resolution) {
    }

    /** A provider of the scenario: what it can deliver, how it is certified, whom to call. */
    record DemoProvider(String name, ProviderKind kind, Set<PackageCategory> categories,
                        List<CertificationType> certifications, ProviderContact contact) {
    }

    /** A tender for a demo package: who offers what, and whom staff award (several: distributed support). */
    record DemoTender(String packageName, Set<CertificationType> required, List<DemoOffer> offers,
                      List<String> awarded, String rationale) {
    }

    record DemoOffer(String provider, String monthlyPrice, int capacity, String sla, int quality, int experience) {
    }

    /** A demo community's subscription to a demo package (by their names), with its seats. */
    /** A subscription from the demo's first day, or, when it starts later, from the 15th of its third month. */
    record DemoSubscription(String community, String packageName, int seats, boolean startsLater) {

        DemoSubscription(String community, String packageName, int seats) {
            this(community, packageName, seats, false);
        }
    }

    private DemoCatalogue() {
    }

    static final List<DemoCommunity> COMMUNITIES = List.of(
            new DemoCommunity("MediGrid", new CommunityProfile("Medicine and life sciences", SecurityLevel.HIGH,
                    DataProtectionClass.PERSONAL_MEDICAL, ItKnowledge.BASIC, 450,
                    Set.of(JobType.WORKFLOW, JobType.DATA_INTENSIVE, JobType.VISUALISATION),
                    Set.of(ResourceType.CPU, ResourceType.STORAGE, ResourceType.DATABASE),
                    "Patient data under the Federal Data Protection Act and hospital ethics committees; pseudonymisation before processing",
                    "Hospitals and university clinics pay from project funds; no commercial resale",
                    "Federated: university clinics with local IT departments, one coordinating institute",
                    List.of())),
            new DemoCommunity("HEP-Grid", new CommunityProfile("High-energy physics", SecurityLevel.STANDARD,
                    DataProtectionClass.INTERNAL, ItKnowledge.EXPERT, 1200,
                    Set.of(JobType.HIGH_THROUGHPUT, JobType.SERIAL_BATCH, JobType.DATA_INTENSIVE),
                    Set.of(ResourceType.CPU, ResourceType.STORAGE, ResourceType.ARCHIVE, ResourceType.HIGH_SPEED_NETWORK),
                    "Memoranda of understanding with the WLCG collaboration",
                    "Resources pledged by Tier-1/Tier-2 centres; fees from institute budgets",
                    "Experiment collaborations (ATLAS, CMS, LHCb, ALICE) with national contacts",
                    List.of("CERN", "WLCG", "EGI"))),
            new DemoCommunity("C3-Grid", new CommunityProfile("Climate and earth system research", SecurityLevel.STANDARD,
                    DataProtectionClass.PUBLIC, ItKnowledge.INTERMEDIATE, 300,
                    Set.of(JobType.MPI_PARALLEL, JobType.WORKFLOW, JobType.DATA_INTENSIVE),
                    Set.of(ResourceType.CPU, ResourceType.STORAGE, ResourceType.ARCHIVE),
                    "Data licences of the world data centres",
                    "Funded by research institutes; archive costs dominate",
                    "Research institutes and the German Climate Computing Centre",
                    List.of("IPCC data distribution centres", "ENES"))),
            new DemoCommunity("FinGrid", new CommunityProfile("Financial services (commercial)", SecurityLevel.ELEVATED,
                    DataProtectionClass.PERSONAL, ItKnowledge.INTERMEDIATE, 80,
                    Set.of(JobType.HIGH_THROUGHPUT, JobType.INTERACTIVE),
                    Set.of(ResourceType.CPU, ResourceType.GPU),
                    "Banking supervision rules on outsourcing; customer data stays in Germany",
                    "Commercial customers pay market prices; contracts with service levels and penalties",
                    "Banks and a consulting company as one commercial consortium",
                    List.of())));

    private static final List<Sla> STANDARD_SLA = List.of(
            new Sla(TicketPriority.TOP_PRIORITY, Duration.ofHours(1), Duration.ofHours(8)),
            new Sla(TicketPriority.VERY_URGENT, Duration.ofHours(4), Duration.ofHours(24)),
            new Sla(TicketPriority.URGENT, Duration.ofHours(8), Duration.ofHours(40)),
            new Sla(TicketPriority.LESS_URGENT, Duration.ofHours(40), Duration.ofHours(120)));

    static final List<DemoPackage> PACKAGES = List.of(
            new DemoPackage("Middleware maintenance", "Packaging, patching and upgrading the grid middleware stacks (gLite, UNICORE, Globus) at community sites",
                    PackageCategory.MIDDLEWARE_MAINTENANCE, "2400.00", "4.00", "20", Unit.PERSON_HOUR, "95.00", STANDARD_SLA),
            new DemoPackage("User and administrator training", "Courses for grid users and site administrators, on site or online",
                    PackageCategory.TRAINING, "600.00", "6.50", "2", Unit.PERSON_DAY, "1100.00", List.of()),
            new DemoPackage("Technology watch", "Briefings on new developments in grid and cloud technology, standards and funding",
                    PackageCategory.NEW_DEVELOPMENTS_INFORMATION, "250.00", "0.00", "0", Unit.PERSON_HOUR, "90.00", List.of()),
            new DemoPackage("VO management", "Running the community's virtual organisations: membership, groups, roles, AUP",
                    PackageCategory.VO_MANAGEMENT, "400.00", "1.20", "0", Unit.PERSON_HOUR, "85.00",
                    List.of(new Sla(TicketPriority.URGENT, Duration.ofHours(8), Duration.ofHours(40)))),
            new DemoPackage("User certification", "Registration authority and grid user certificates under the IGTF classic profile",
                    PackageCategory.USER_CERTIFICATION, "300.00", "2.00", "50", Unit.CERTIFICATE, "12.00",
                    List.of(new Sla(TicketPriority.URGENT, Duration.ofHours(8), Duration.ofHours(24)))),
            new DemoPackage("Grid emergency response", "Security incident response and coordination across sites, around the clock",
                    PackageCategory.EMERGENCY_RESPONSE, "1500.00", "0.00", "0", Unit.TICKET, "250.00",
                    List.of(new Sla(TicketPriority.TOP_PRIORITY, Duration.ofMinutes(30), Duration.ofHours(4)))),
            new DemoPackage("Second-level support", "Trouble tickets routed to the selected providers, with SLA clocks and service credits",
                    PackageCategory.SECOND_LEVEL_SUPPORT, "900.00", "3.00", "25", Unit.TICKET, "45.00", STANDARD_SLA),
            new DemoPackage("Consulting", "Porting applications to the grid, workflow design, data management plans",
                    PackageCategory.CONSULTING, "0.00", "0.00", "0", Unit.PERSON_HOUR, "120.00", List.of()),
            new DemoPackage("Common research initiation", "Initiating joint research on problems shared by several communities",
                    PackageCategory.COMMON_RESEARCH, "350.00", "0.00", "0", Unit.PERSON_DAY, "900.00", List.of()),
            new DemoPackage("Testbeds", "Provision of testbeds for middleware and application testing",
                    PackageCategory.TESTBEDS, "800.00", "0.00", "1000", Unit.HS06_HOUR, "0.05", List.of()));

    /** What each community buys: its differences show in the packages and the seats. */
    static final List<DemoSubscription> SUBSCRIPTIONS = List.of(
            new DemoSubscription("MediGrid", "VO management", 450),
            new DemoSubscription("MediGrid", "User certification", 450),
            new DemoSubscription("MediGrid", "User and administrator training", 120),
            new DemoSubscription("MediGrid", "Second-level support", 450),
            new DemoSubscription("MediGrid", "Consulting", 1),
            new DemoSubscription("HEP-Grid", "Middleware maintenance", 1200),
            new DemoSubscription("HEP-Grid", "Grid emergency response", 1),
            new DemoSubscription("HEP-Grid", "Technology watch", 1),
            new DemoSubscription("C3-Grid", "Middleware maintenance", 300),
            new DemoSubscription("C3-Grid", "Testbeds", 1),
            new DemoSubscription("C3-Grid", "Common research initiation", 1),
            new DemoSubscription("FinGrid", "Second-level support", 80, true),
            new DemoSubscription("FinGrid", "Grid emergency response", 1, true),
            new DemoSubscription("FinGrid", "Consulting", 1, true));

    /** A large compute centre and a company, which deliver the packages the organisation does not run itself. */
    static final List<DemoProvider> PROVIDERS = List.of(
            new DemoProvider("Grid Computing Centre Karlsruhe", ProviderKind.COMPUTE_CENTRE,
                    Set.of(PackageCategory.MIDDLEWARE_MAINTENANCE, PackageCategory.EMERGENCY_RESPONSE,
                            PackageCategory.SECOND_LEVEL_SUPPORT, PackageCategory.TESTBEDS,
                            PackageCategory.USER_CERTIFICATION, PackageCategory.VO_MANAGEMENT),
                    List.of(CertificationType.MEDICAL_DATA_PROTECTION, CertificationType.IGTF_ACCREDITED,
                            CertificationType.ISO_27001),
                    new ProviderContact("Grid operations desk", "operations", "grid-ops@gcc-karlsruhe.example",
                            "+49 721 000000")),
            new DemoProvider("Gridworks Consulting GmbH", ProviderKind.COMPANY,
                    Set.of(PackageCategory.CONSULTING, PackageCategory.TRAINING,
                            PackageCategory.NEW_DEVELOPMENTS_INFORMATION, PackageCategory.SECOND_LEVEL_SUPPORT,
                            PackageCategory.COMMON_RESEARCH),
                    List.of(CertificationType.ISO_9001, CertificationType.ISO_27001),
                    new ProviderContact("Service management", "account manager", "service@gridworks.example",
                            "+49 30 000000")));

    private static final String CENTRE = "Grid Computing Centre Karlsruhe";
    private static final String COMPANY = "Gridworks Consulting GmbH";

    /** The packages that need a provider, tendered and awarded. */
    static final List<DemoTender> TENDERS = List.of(
            new DemoTender("Middleware maintenance", Set.of(CertificationType.ISO_27001),
                    List.of(new DemoOffer(CENTRE, "1900.00", 40, "patches within 5 working days", 90, 95)),
                    List.of(CENTRE), "The only offer; the centre runs the reference installation of the middleware"),
            new DemoTender("Grid emergency response", Set.of(CertificationType.IGTF_ACCREDITED),
                    List.of(new DemoOffer(CENTRE, "1200.00", 24, "24/7 on call, response in 30 minutes", 85, 90)),
                    List.of(CENTRE), "Accredited security team on call around the clock"),
            new DemoTender("Second-level support", Set.of(CertificationType.ISO_27001),
                    List.of(new DemoOffer(CENTRE, "700.00", 120, "GGUS response targets", 80, 85),
                            new DemoOffer(COMPANY, "650.00", 80, "GGUS response targets, business hours", 75, 70)),
                    List.of(CENTRE, COMPANY),
                    "Distributed support: the centre for middleware and site issues, the company for applications"),
            new DemoTender("Consulting", Set.of(),
                    List.of(new DemoOffer(COMPANY, "0.00", 160, "consultant assigned within 10 working days", 85, 80)),
                    List.of(COMPANY), "Experienced application-porting team at the lowest price"));
}
