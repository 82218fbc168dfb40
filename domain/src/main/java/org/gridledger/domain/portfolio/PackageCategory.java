package org.gridledger.domain.portfolio;

/** The ten common tasks the organisation's portfolio covers; every support package belongs to exactly one. */
public enum PackageCategory {
    MIDDLEWARE_MAINTENANCE("Grid middleware maintenance"),
    TRAINING("User and administrator training"),
    NEW_DEVELOPMENTS_INFORMATION("Information on new developments"),
    VO_MANAGEMENT("VO management"),
    USER_CERTIFICATION("User certification and authentication"),
    EMERGENCY_RESPONSE("Grid emergency response"),
    SECOND_LEVEL_SUPPORT("Second-level support with trouble tickets"),
    CONSULTING("Consulting"),
    COMMON_RESEARCH("Initiation of research on common problems"),
    TESTBEDS("Provision of testbeds");

    private final String title;

    PackageCategory(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
