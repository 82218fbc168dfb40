package org.gridledger.domain.portfolio;

/** Certifications a provider can hold; tenders and job placement ask for some of them. */
public enum CertificationType {
    MEDICAL_DATA_PROTECTION("Approved for personal medical data"),
    ISO_27001("ISO/IEC 27001 information security management"),
    BSI_GRUNDSCHUTZ("BSI IT-Grundschutz"),
    IGTF_ACCREDITED("IGTF-accredited certification authority"),
    ISO_9001("ISO 9001 quality management");

    private final String title;

    CertificationType(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
