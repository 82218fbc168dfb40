package org.gridledger.reporting.pdf;

import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.design.JRDesignField;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordDataSourceTest {

    record Line(String description, BigDecimal net) {
        public BigDecimal doubled() {
            return net.add(net);
        }
    }

    @Test
    void readsComponentsAndDerivedValuesRowByRow() throws JRException {
        RecordDataSource source = new RecordDataSource(List.of(new Line("a", new BigDecimal("1.50")),
                new Line("b", new BigDecimal("2.00"))));
        assertThat(source.next()).isTrue();
        assertThat(source.getFieldValue(field("description"))).isEqualTo("a");
        assertThat(source.getFieldValue(field("doubled"))).isEqualTo(new BigDecimal("3.00"));
        assertThat(source.next()).isTrue();
        assertThat(source.getFieldValue(field("net"))).isEqualTo(new BigDecimal("2.00"));
        assertThat(source.next()).isFalse();
        source.moveFirst();
        assertThat(source.next()).isTrue();
        assertThat(source.getFieldValue(field("description"))).isEqualTo("a");
    }

    @Test
    void anUnknownFieldIsAReportError() {
        RecordDataSource source = new RecordDataSource(List.of(new Line("a", BigDecimal.ONE)));
        source.next();
        assertThatThrownBy(() -> source.getFieldValue(field("vat"))).isInstanceOf(JRException.class)
                .hasMessageContaining("vat");
    }

    @Test
    void everyDataSourceSharesTheSameAccessorObjects() {
        // a fresh Method per document would get a fresh generated accessor class after a few calls on every render
        assertThat(RecordDataSource.accessor(Line.class, "net")).isNotNull()
                .isSameAs(RecordDataSource.accessor(Line.class, "net"));
        assertThat(RecordDataSource.accessor(Line.class, "doubled"))
                .isSameAs(RecordDataSource.accessor(Line.class, "doubled"));
    }

    private static JRDesignField field(String name) {
        JRDesignField field = new JRDesignField();
        field.setName(name);
        return field;
    }
}
