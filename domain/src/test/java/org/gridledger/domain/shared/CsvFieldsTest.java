package org.gridledger.domain.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CsvFieldsTest {

    @Test
    void fieldsAreQuotedWhenTheyMustBeAndFormulasStayText() {
        assertThat(CsvFields.field("plain")).isEqualTo("plain");
        assertThat(CsvFields.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(CsvFields.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvFields.field("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(CsvFields.field(null)).isEmpty();
        assertThat(CsvFields.field("=HYPERLINK(\"http://x\",\"DN\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\",\"\"DN\"\")\"");
        assertThat(CsvFields.field("+1 555")).isEqualTo("'+1 555");
        assertThat(CsvFields.field("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvFields.field("-3.25")).isEqualTo("-3.25");
        assertThat(CsvFields.field("-")).isEqualTo("'-");
        assertThat(CsvFields.quoted("x")).isEqualTo("\"x\"");
        assertThat(CsvFields.quoted("=1+1")).isEqualTo("\"'=1+1\"");
    }
}
