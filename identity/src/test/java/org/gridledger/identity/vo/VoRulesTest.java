package org.gridledger.identity.vo;

import org.gridledger.domain.identity.VoQueries.AssignmentView;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How FQANs are written and read. */
class VoRulesTest {

    @Test
    void theRootGroupWithoutRoleIsRoleNullCapabilityNull() {
        assertThat(VoRules.fqan("/medigrid", null)).isEqualTo("/medigrid/Role=NULL/Capability=NULL");
        assertThat(VoRules.fqan("/medigrid/imaging", "production"))
                .isEqualTo("/medigrid/imaging/Role=production/Capability=NULL");
    }

    @Test
    void aMembersFqansStartWithTheRootGroupThenGroupsThenRolesAndARoleImpliesItsGroup() {
        List<String> fqans = MembershipRows.fqans("medigrid", List.of(
                new AssignmentView("/medigrid/imaging/mri", "production"),
                new AssignmentView("/medigrid", "VO-Admin"),
                new AssignmentView("/medigrid/genomics", null)));

        assertThat(fqans).containsExactly(
                "/medigrid/Role=NULL/Capability=NULL",
                "/medigrid/genomics/Role=NULL/Capability=NULL",
                "/medigrid/imaging/mri/Role=NULL/Capability=NULL",
                "/medigrid/Role=VO-Admin/Capability=NULL",
                "/medigrid/imaging/mri/Role=production/Capability=NULL");
    }

    @Test
    void shortFormsOfAnFqanAreReadAsTheFullForm() {
        assertThat(VoDirectory.normalize("/medigrid")).isEqualTo("/medigrid/Role=NULL/Capability=NULL");
        assertThat(VoDirectory.normalize("/medigrid/imaging/Role=production"))
                .isEqualTo("/medigrid/imaging/Role=production/Capability=NULL");
        assertThat(VoDirectory.normalize("/medigrid/Role=NULL/Capability=NULL"))
                .isEqualTo("/medigrid/Role=NULL/Capability=NULL");
        assertThat(VoDirectory.normalize("medigrid")).isNull();
        assertThat(VoDirectory.normalize("/medigrid/Role=x/Capability=admin")).isNull();
    }
}
