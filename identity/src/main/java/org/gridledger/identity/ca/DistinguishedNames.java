package org.gridledger.identity.ca;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Distinguished names in the grid's (OpenSSL's) slash form, {@code /C=DE/O=GridGermany/OU=Uni Example/CN=Jane Doe},
 * which is how grid middleware (gridmap files, VOMS) and our events name a person. Only the attributes C, O, OU, CN,
 * L, ST and DC are known (DC for the many IGTF CAs whose namespaces start with domain components, e.g.
 * {@code /DC=org/DC=terena/DC=tcs}; our own CA names none); a value may hold letters, digits, spaces and {@code '()+,-.:?@_} and no slash, so the slash form is
 * unambiguous.
 */
public final class DistinguishedNames {

    private static final Map<String, ASN1ObjectIdentifier> TYPES = Map.of(
            "C", BCStyle.C, "O", BCStyle.O, "OU", BCStyle.OU, "CN", BCStyle.CN, "L", BCStyle.L, "ST", BCStyle.ST,
            "DC", BCStyle.DC);
    private static final Pattern VALUE = Pattern.compile("[\\p{L}\\p{N} '()+,\\-.:?@_]{1,64}");

    /** One attribute of a DN, in order. */
    public record Attribute(String type, String value) {
    }

    private DistinguishedNames() {
    }

    /** The attributes of {@code name} in order, or empty when it has a multi-valued RDN, an unknown type or a bad value. */
    public static Optional<List<Attribute>> attributes(X500Name name) {
        List<Attribute> attributes = new ArrayList<>();
        for (RDN rdn : name.getRDNs()) {
            if (rdn.isMultiValued()) {
                return Optional.empty();
            }
            AttributeTypeAndValue first = rdn.getFirst();
            String type = typeName(first.getType());
            if (type == null) {
                return Optional.empty();
            }
            if (!(first.getValue() instanceof ASN1String string)) {
                return Optional.empty();
            }
            String raw = string.getString();
            if (!VALUE.matcher(raw).matches() || raw.strip().length() != raw.length()) {
                return Optional.empty();
            }
            attributes.add(new Attribute(type, raw));
        }
        return Optional.of(attributes);
    }

    /** The slash form of {@code name}, or empty when {@link #attributes} refuses it. */
    public static Optional<String> slashForm(X500Name name) {
        return attributes(name).map(DistinguishedNames::render);
    }

    public static String render(List<Attribute> attributes) {
        StringBuilder text = new StringBuilder();
        for (Attribute attribute : attributes) {
            text.append('/').append(attribute.type()).append('=').append(attribute.value());
        }
        return text.toString();
    }

    /** Parses the slash form; refuses what {@link #attributes} would refuse. */
    public static List<Attribute> parse(String slashForm) {
        if (slashForm == null || !slashForm.startsWith("/")) {
            throw new IllegalArgumentException("a DN in slash form starts with '/'");
        }
        List<Attribute> attributes = new ArrayList<>();
        for (String part : slashForm.substring(1).split("/", -1)) {
            int eq = part.indexOf('=');
            if (eq <= 0 || !TYPES.containsKey(part.substring(0, eq)) || !VALUE.matcher(part.substring(eq + 1)).matches()) {
                throw new IllegalArgumentException("not an attribute of a grid DN: " + part);
            }
            attributes.add(new Attribute(part.substring(0, eq), part.substring(eq + 1)));
        }
        return attributes;
    }

    /**
     * The X.500 name of a slash-form DN in the one encoding the CA issues: countryName as PrintableString (RFC 5280
     * requires it), every other value as PrintableString when its characters fit (GFD.125's recommendation), else
     * as UTF8String. The same slash form always gives the same bytes.
     */
    public static X500Name toX500Name(String slashForm) {
        X500NameBuilder builder = new X500NameBuilder(BCStyle.INSTANCE);
        for (Attribute attribute : parse(slashForm)) {
            String value = attribute.value();
            // countryName is PrintableString (X.520), domainComponent IA5String (RFC 4519)
            ASN1Encodable encoded = attribute.type().equals("DC") ? new org.bouncycastle.asn1.DERIA5String(value, true)
                    : attribute.type().equals("C") || DERPrintableString.isPrintableString(value)
                    ? new DERPrintableString(value, true) : new DERUTF8String(value);
            builder.addRDN(TYPES.get(attribute.type()), encoded);
        }
        return builder.build();
    }

    /** Whether every value of the DN is made of PrintableString characters (X.680: A–Z a–z 0–9 space '()+,-./:=?). */
    public static boolean printable(List<Attribute> attributes) {
        return attributes.stream().allMatch(attribute -> DERPrintableString.isPrintableString(attribute.value()));
    }

    private static String typeName(ASN1ObjectIdentifier oid) {
        for (Map.Entry<String, ASN1ObjectIdentifier> entry : TYPES.entrySet()) {
            if (entry.getValue().equals(oid)) {
                return entry.getKey();
            }
        }
        return null;
    }
}
