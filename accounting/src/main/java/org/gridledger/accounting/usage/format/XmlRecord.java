package org.gridledger.accounting.usage.format;

import org.gridledger.domain.accounting.UsageRecord;

import javax.xml.stream.XMLStreamReader;
import java.util.Locale;
import java.util.Set;

/**
 * The elements of one OGF UR or CAR record that become a {@link UsageRecord}. Attributes are matched by local name
 * whatever their prefix ({@code urf:type} and {@code type} alike); elements of the record's namespace are matched
 * by name and parent, elements of other namespaces only where an extension is known:
 *
 * <ul>
 *   <li>{@code JobIdentity/LocalJobId}; {@code UserIdentity/LocalUserId}, {@code GlobalUserName}, {@code Group}
 *       (the VO, in CAR) and {@code GroupAttribute} of type {@code FQAN}, {@code vo-group}/{@code group},
 *       {@code vo-role}/{@code role} — in any namespace, as APEL's UR producers put them there;</li>
 *   <li>the SGAS VO extension {@code UserIdentity/vo:VO} with {@code vo:Name} and the first
 *       {@code vo:Attribute}'s {@code vo:Group}, {@code vo:Role}, {@code vo:Capability}, turned into an FQAN;</li>
 *   <li>children of the record: {@code Site} (UR 1.0 has none: then the upload's site), {@code SubmitHost},
 *       {@code MachineName}, {@code Queue}, {@code WallDuration}, {@code CpuDuration} (the one of
 *       {@code usageType="all"} or without a usage type, else user + system), {@code Processors},
 *       {@code NodeCount}, {@code StartTime}, {@code EndTime}, {@code Infrastructure@type/@description},
 *       {@code ServiceLevel@type}, {@code Memory} of type {@code Physical} (real) or {@code Shared} (virtual) with
 *       metric {@code max} or none, in its {@code storageUnit} (B, KB, MB, GB; KB when absent).</li>
 * </ul>
 * Everything else ({@code RecordIdentity}, {@code Status}, {@code Host}, {@code Charge}, {@code TimeInstant}, ...)
 * is ignored.
 */
final class XmlRecord {

    private static final RecordBuilder.Labels LABELS = new RecordBuilder.Labels("Site", "LocalJobId",
            "WallDuration", "CpuDuration", "StartTime", "EndTime", "ServiceLevel@type", "ServiceLevel",
            "GroupAttribute[FQAN]");

    private static final int TYPE = 0;
    private static final int DESCRIPTION = 1;
    private static final int USAGE_TYPE = 2;
    private static final int METRIC = 3;
    private static final int STORAGE_UNIT = 4;

    private final Set<String> namespaces;
    private final ParseOptions options;
    private final RecordBuilder b = new RecordBuilder(LABELS);

    private String wall;
    private String cpuAll;
    private String cpuUser;
    private String cpuSystem;
    private String site;
    private String voName;
    private String voAttributeGroup;
    private String voAttributeRole;
    private String voAttributeCapability;
    private int voAttributes;

    XmlRecord(Set<String> namespaces, ParseOptions options) {
        this.namespaces = namespaces;
        this.options = options;
    }

    /** The attributes a mapping may need, by local name, or {@code null} when the element has none. */
    static String[] attributes(XMLStreamReader r) {
        int count = r.getAttributeCount();
        if (count == 0) {
            return null;
        }
        String[] values = new String[5];
        for (int i = 0; i < count; i++) {
            switch (r.getAttributeLocalName(i)) {
                case "type" -> values[TYPE] = r.getAttributeValue(i);
                case "description" -> values[DESCRIPTION] = r.getAttributeValue(i);
                case "usageType" -> values[USAGE_TYPE] = r.getAttributeValue(i);
                case "metric" -> values[METRIC] = r.getAttributeValue(i);
                case "storageUnit" -> values[STORAGE_UNIT] = r.getAttributeValue(i);
                default -> {
                }
            }
        }
        return values;
    }

    void start(String parent, String local) {
        if (local.equals("Attribute") && parent.equals("VO")) {
            voAttributes++;
        }
    }

    void end(int depth, String parent, String namespace, String local, String[] attributes, String text) {
        boolean own = namespaces.contains(namespace);
        if (depth == 1 && own) {
            topLevel(local, attributes, text);
            return;
        }
        switch (local) {
            case "LocalJobId" -> {
                if (parent.equals("JobIdentity")) {
                    b.localJobId = FieldValues.text(text);
                }
            }
            case "LocalUserId" -> {
                if (parent.equals("UserIdentity")) {
                    b.localUserId = FieldValues.text(text);
                }
            }
            case "GlobalUserName" -> {
                if (parent.equals("UserIdentity")) {
                    b.globalUserName = FieldValues.text(text);
                }
            }
            case "Group" -> {
                if (parent.equals("UserIdentity")) {
                    b.vo = FieldValues.text(text);
                } else if (parent.equals("Attribute") && voAttributes == 1) {
                    voAttributeGroup = FieldValues.text(text);
                }
            }
            case "GroupAttribute" -> {
                if (parent.equals("UserIdentity")) {
                    groupAttribute(attribute(attributes, TYPE), FieldValues.text(text));
                }
            }
            case "Name" -> {
                if (parent.equals("VO")) {
                    voName = FieldValues.text(text);
                }
            }
            case "Role" -> {
                if (parent.equals("Attribute") && voAttributes == 1) {
                    voAttributeRole = FieldValues.text(text);
                }
            }
            case "Capability" -> {
                if (parent.equals("Attribute") && voAttributes == 1) {
                    voAttributeCapability = FieldValues.text(text);
                }
            }
            default -> {
            }
        }
    }

    private void topLevel(String local, String[] attributes, String text) {
        switch (local) {
            case "Site" -> site = FieldValues.text(text);
            case "SubmitHost" -> b.submitHost = FieldValues.text(text);
            case "MachineName" -> b.machineName = FieldValues.text(text);
            case "Queue" -> b.queue = FieldValues.text(text);
            case "WallDuration" -> wall = text;
            case "CpuDuration" -> {
                String usage = attribute(attributes, USAGE_TYPE);
                if (usage == null || usage.equalsIgnoreCase("all")) {
                    cpuAll = text;
                } else if (usage.equalsIgnoreCase("user")) {
                    cpuUser = text;
                } else if (usage.equalsIgnoreCase("system")) {
                    cpuSystem = text;
                }
            }
            case "Processors" -> b.processors = b.read("Processors", text, FieldValues::count);
            case "NodeCount" -> b.nodeCount = b.read("NodeCount", text, FieldValues::count);
            case "StartTime" -> b.startTime = b.read("StartTime", text,
                    (n, v) -> FieldValues.instant(n, v, options.timeZone()));
            case "EndTime" -> b.endTime = b.read("EndTime", text,
                    (n, v) -> FieldValues.instant(n, v, options.timeZone()));
            case "Infrastructure" -> {
                b.infrastructure = b.read("Infrastructure@type", attribute(attributes, TYPE),
                        FieldValues::infrastructure);
                b.infrastructureDescription = FieldValues.text(attribute(attributes, DESCRIPTION));
            }
            case "ServiceLevel" -> {
                b.serviceLevelType = b.read("ServiceLevel@type", attribute(attributes, TYPE),
                        FieldValues::benchmark);
                b.serviceLevel = b.read("ServiceLevel", text, FieldValues::positiveDecimal);
            }
            case "Memory" -> memory(attributes, text);
            default -> {
            }
        }
    }

    private void groupAttribute(String type, String value) {
        if (type == null) {
            return;
        }
        switch (type.toLowerCase(Locale.ROOT)) {
            case "fqan" -> b.fqan = value;
            case "vo-group", "group" -> b.voGroup = value;
            case "vo-role", "role" -> b.voRole = value;
            default -> {
            }
        }
    }

    private void memory(String[] attributes, String text) {
        String metric = attribute(attributes, METRIC);
        String type = attribute(attributes, TYPE);
        if (type == null || metric != null && !metric.equalsIgnoreCase("max")) {
            return;
        }
        boolean real = type.equalsIgnoreCase("physical");
        if (!real && !type.equalsIgnoreCase("shared")) {
            return;
        }
        String field = "Memory[" + type + "]";
        Long amount = b.read(field, text, FieldValues::amount);
        if (amount == null) {
            return;
        }
        String unit = attribute(attributes, STORAGE_UNIT);
        long factor = switch (unit == null ? "kb" : unit.strip().toLowerCase(Locale.ROOT)) {
            case "b" -> 0;
            case "kb", "kib" -> 1;
            case "mb", "mib" -> 1024L;
            case "gb", "gib" -> 1024L * 1024L;
            default -> -1;
        };
        Long kib;
        if (factor < 0) {
            b.problem(field, field + ": storageUnit '" + FieldValues.shorten(unit) + "' is not B, KB, MB or GB");
            kib = null;
        } else if (factor == 0) {
            kib = (amount + 1023) / 1024;
        } else if (amount > Long.MAX_VALUE / factor) {
            b.problem(field, field + ": " + amount + " " + unit + " is implausibly large");
            kib = null;
        } else {
            kib = amount * factor;
        }
        if (real) {
            b.memoryRealKb = kib;
        } else {
            b.memoryVirtualKb = kib;
        }
    }

    UsageRecord build() throws RecordRejected {
        b.site = site != null ? site : options.site();
        b.wallSeconds = b.read("WallDuration", wall, FieldValues::isoSeconds);
        if (cpuAll != null || cpuUser == null && cpuSystem == null) {
            b.cpuSeconds = b.read("CpuDuration", cpuAll, FieldValues::isoSeconds);
        } else {
            Long user = b.read("CpuDuration[user]", cpuUser, FieldValues::isoSeconds);
            Long system = b.read("CpuDuration[system]", cpuSystem, FieldValues::isoSeconds);
            if (user != null || system != null) {
                b.cpuSeconds = (user == null ? 0 : user) + (system == null ? 0 : system);
            }
        }
        if (b.fqan == null && voAttributeGroup != null) {
            String role = voAttributeRole == null ? "NULL" : voAttributeRole;
            String capability = voAttributeCapability == null ? "NULL" : voAttributeCapability;
            b.fqan = voAttributeGroup + "/" + (role.startsWith("Role=") ? role : "Role=" + role) + "/"
                    + (capability.startsWith("Capability=") ? capability : "Capability=" + capability);
        }
        if (b.vo == null) {
            b.vo = voName;
        }
        return b.build();
    }

    private static String attribute(String[] attributes, int which) {
        return attributes == null ? null : attributes[which];
    }
}
