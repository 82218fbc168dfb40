package org.gridledger.reporting.pdf;

import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRField;
import net.sf.jasperreports.engine.JRRewindableDataSource;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A report data source over a list of records: a template field named {@code amount} reads the record component
 * {@code amount()}, or a public no-argument method of that name that the record declares for a derived value. The
 * accessors of each record type are looked up once.
 */
final class RecordDataSource implements JRRewindableDataSource {

    private final List<? extends Record> rows;
    private final Map<Class<?>, Map<String, Method>> accessors = new HashMap<>();
    private int position = -1;

    RecordDataSource(List<? extends Record> rows) {
        this.rows = List.copyOf(rows);
    }

    @Override
    public boolean next() {
        position++;
        return position < rows.size();
    }

    @Override
    public Object getFieldValue(JRField field) throws JRException {
        Record row = rows.get(position);
        Method accessor = accessors.computeIfAbsent(row.getClass(), RecordDataSource::accessorsOf).get(field.getName());
        if (accessor == null) {
            throw new JRException("record " + row.getClass().getSimpleName() + " has no component " + field.getName());
        }
        try {
            return accessor.invoke(row);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new JRException("cannot read " + field.getName() + " of " + row.getClass().getSimpleName(), e);
        }
    }

    @Override
    public void moveFirst() {
        position = -1;
    }

    private static Map<String, Method> accessorsOf(Class<?> type) {
        Map<String, Method> byName = new HashMap<>();
        for (Method method : type.getDeclaredMethods()) {
            if (Modifier.isPublic(method.getModifiers()) && !Modifier.isStatic(method.getModifiers())
                    && method.getParameterCount() == 0 && method.getReturnType() != void.class) {
                method.setAccessible(true);
                byName.put(method.getName(), method);
            }
        }
        for (RecordComponent component : type.getRecordComponents()) {
            Method accessor = component.getAccessor();
            accessor.setAccessible(true);
            byName.put(component.getName(), accessor);
        }
        return byName;
    }
}
