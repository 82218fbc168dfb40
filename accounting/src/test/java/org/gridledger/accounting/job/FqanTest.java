package org.gridledger.accounting.job;

import org.gridledger.domain.error.DomainException;
import org.gridledger.domain.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** FQANs as VOMS writes them. */
class FqanTest {

    @Test
    void theVoIsTheFirstSegmentTheGroupThePathAndTheRoleNullWhenAbsent() {
        assertThat(Fqan.parse("/medigrid")).isEqualTo(new Fqan("/medigrid", "medigrid", "/medigrid", "Role=NULL"));
        assertThat(Fqan.parse("/hep/analysis/higgs/Role=production/Capability=NULL"))
                .isEqualTo(new Fqan("/hep/analysis/higgs/Role=production/Capability=NULL", "hep",
                        "/hep/analysis/higgs", "Role=production"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "medigrid", "/", "/Role=NULL", "/hep/Role=a/Role=b", "/hep/Role=NULL/group",
            "/hep//x", "/hep/a b"})
    void malformedFqansAreRefused(String text) {
        assertThatThrownBy(() -> Fqan.parse(text)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED));
    }
}
