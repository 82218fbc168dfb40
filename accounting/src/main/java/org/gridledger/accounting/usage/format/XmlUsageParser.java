package org.gridledger.accounting.usage.format;

import org.gridledger.domain.accounting.UsageFormat;
import org.gridledger.domain.error.DomainException;

import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.InputStream;
import java.util.Set;

/**
 * OGF Usage Record 1.0 (GFD.98) and the EMI Compute Accounting Record (a UR 2.0 profile), read with StAX one record
 * at a time. The document is a {@code UsageRecords} list or a single record; both formats share the element names
 * that matter, so one parser serves both with its own namespace. {@link XmlRecord} maps the elements.
 *
 * <p>Refused as a whole document: a DOCTYPE, an entity reference, XML that is not well-formed, a root element of
 * another format, elements nested deeper than {@value #MAX_DEPTH}, a text longer than {@value #MAX_TEXT}
 * characters, or a tag, comment or processing instruction longer than {@value XmlMarkupLimiter#MAX_MARKUP} bytes
 * ({@link XmlMarkupLimiter}).
 */
final class XmlUsageParser implements UsageRecordParser {

    static final String URF = "http://schema.ogf.org/urf/2003/09/urf";
    /** The namespace of the UR working group's drafts before GFD.98; some producers still write it. */
    static final String URWG = "http://www.gridforum.org/2003/ur-wg";
    static final String CAR = "http://eu-emi.eu/namespaces/2012/11/computerecord";

    static final int MAX_DEPTH = 32;
    static final int MAX_TEXT = 65_536;

    private static final String CONTAINER = "UsageRecords";

    private final UsageFormat format;
    private final Set<String> namespaces;
    private final Set<String> recordNames;
    private final ParseOptions options;

    private XmlUsageParser(UsageFormat format, Set<String> namespaces, Set<String> recordNames, ParseOptions options) {
        this.format = format;
        this.namespaces = namespaces;
        this.recordNames = recordNames;
        this.options = options;
    }

    static XmlUsageParser ogfUr(ParseOptions options) {
        return new XmlUsageParser(UsageFormat.OGF_UR, Set.of(URF, URWG), Set.of("JobUsageRecord", "UsageRecord"),
                options);
    }

    static XmlUsageParser emiCar(ParseOptions options) {
        return new XmlUsageParser(UsageFormat.EMI_CAR, Set.of(CAR), Set.of("UsageRecord"), options);
    }

    @Override
    public UsageFormat format() {
        return format;
    }

    @Override
    public void parse(InputStream document, UsageRecordSink sink) {
        XMLStreamReader reader = null;
        try {
            reader = SecureXml.open(new XmlMarkupLimiter(document));
            parse(reader, sink);
        } catch (XMLStreamException e) {
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof DomainException refused) {
                    throw refused;
                }
            }
            Location at = e.getLocation() != null ? e.getLocation() : reader == null ? null : reader.getLocation();
            throw DocumentErrors.at(at == null ? 0 : at.getLineNumber(), at == null ? 0 : at.getColumnNumber(),
                    "not well-formed XML: " + firstLine(e.getMessage()));
        } finally {
            close(reader);
        }
    }

    private void parse(XMLStreamReader r, UsageRecordSink sink) throws XMLStreamException {
        int event = nextMarkup(r);
        if (event != XMLStreamConstants.START_ELEMENT) {
            throw error(r, "the document has no root element");
        }
        String root = r.getLocalName();
        if (!namespaces.contains(r.getNamespaceURI()) || !root.equals(CONTAINER) && !recordNames.contains(root)) {
            throw error(r, "the root element {" + r.getNamespaceURI() + "}" + root + " is neither " + CONTAINER
                    + " nor a usage record in the " + format + " namespace " + namespaces.iterator().next());
        }
        Scratch scratch = new Scratch();
        if (root.equals(CONTAINER)) {
            int index = 0;
            while ((event = nextMarkup(r)) != XMLStreamConstants.END_ELEMENT) {
                if (event == XMLStreamConstants.START_ELEMENT) {
                    if (namespaces.contains(r.getNamespaceURI()) && recordNames.contains(r.getLocalName())) {
                        record(r, index++, sink, scratch);
                    } else {
                        skip(r);
                    }
                }
            }
        } else {
            record(r, 0, sink, scratch);
        }
        while ((event = nextMarkup(r)) != XMLStreamConstants.END_DOCUMENT) {
            if (event == XMLStreamConstants.START_ELEMENT) {
                throw error(r, "content after the root element");
            }
        }
    }

    /** Reads one record element, positioned on its start tag, up to and including its end tag. */
    private void record(XMLStreamReader r, int index, UsageRecordSink sink, Scratch scratch)
            throws XMLStreamException {
        XmlRecord record = new XmlRecord(namespaces, options);
        String[] names = scratch.names;
        String[][] attributes = scratch.attributes;
        StringBuilder text = scratch.text;
        text.setLength(0);
        int depth = 0;
        names[0] = r.getLocalName();
        while (true) {
            int event = next(r);
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> {
                    if (++depth > MAX_DEPTH - 2) {
                        throw error(r, "elements nested deeper than " + MAX_DEPTH);
                    }
                    names[depth] = r.getLocalName();
                    attributes[depth] = XmlRecord.attributes(r);
                    text.setLength(0);
                    record.start(names[depth - 1], names[depth]);
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (text.length() + r.getTextLength() > MAX_TEXT) {
                        throw error(r, "a text longer than " + MAX_TEXT + " characters");
                    }
                    text.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    if (depth == 0) {
                        try {
                            sink.accepted(index, record.build());
                        } catch (RecordRejected e) {
                            sink.rejected(index, e.getMessage());
                        }
                        return;
                    }
                    record.end(depth, names[depth - 1], r.getNamespaceURI(), names[depth], attributes[depth],
                            text.toString());
                    text.setLength(0);
                    depth--;
                }
                default -> {
                }
            }
        }
    }

    /** The element names, attributes and text of the record being read, reused from record to record. */
    private static final class Scratch {
        final String[] names = new String[MAX_DEPTH + 1];
        final String[][] attributes = new String[MAX_DEPTH + 1][];
        final StringBuilder text = new StringBuilder(64);
    }

    /** Skips an element we do not read, positioned on its start tag. */
    private void skip(XMLStreamReader r) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = next(r);
            if (event == XMLStreamConstants.START_ELEMENT && ++depth > MAX_DEPTH) {
                throw error(r, "elements nested deeper than " + MAX_DEPTH);
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    /** The next event other than text, comments and processing instructions. */
    private int nextMarkup(XMLStreamReader r) throws XMLStreamException {
        int event;
        do {
            event = next(r);
        } while (event != XMLStreamConstants.START_ELEMENT && event != XMLStreamConstants.END_ELEMENT
                && event != XMLStreamConstants.END_DOCUMENT);
        return event;
    }

    /** The next event; a DOCTYPE or an entity reference ends the document here, before anything is expanded. */
    private int next(XMLStreamReader r) throws XMLStreamException {
        int event = r.next();
        if (event == XMLStreamConstants.DTD) {
            throw error(r, "a DOCTYPE declaration is refused (usage documents need no DTD and no entities)");
        }
        if (event == XMLStreamConstants.ENTITY_REFERENCE) {
            throw error(r, "the entity reference &" + r.getLocalName() + "; is refused");
        }
        return event;
    }

    private static DomainException error(XMLStreamReader r, String problem) {
        Location at = r.getLocation();
        return DocumentErrors.at(at.getLineNumber(), at.getColumnNumber(), problem);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int marker = message.indexOf("Message: ");
        String text = marker >= 0 ? message.substring(marker + 9) : message;
        int newline = text.indexOf('\n');
        return FieldValues.shorten(newline >= 0 ? text.substring(0, newline) : text);
    }

    private static void close(XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException ignored) {
                // the document is done with either way
            }
        }
    }
}
