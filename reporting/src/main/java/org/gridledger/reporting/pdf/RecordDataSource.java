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
 * {@code amount()}, or a public no-argument method of that name that the record declares for a derived value.
 * <p>
 * The accessors of each record type are looked up once per class loader's lifetime of that type and shared by every
 * data source. Each reflective {@link Method} object gets its own generated accessor class after a few calls, and the
 * accessors that {@link RecordComponent#getAccessor()} hands out are fresh objects on every look-up, so looking them up
 * per document would define new classes on every render and keep the JIT compiler busy for ever.
 */
final class RecordDataSource implements JRRewindableDataSource {

    private final List<? extends Record> rows;
    private static final ClassValue<Map<String, Method>> ACCESSORS = new ClassValue<>() {
        @Override
        protected Map<String, Method> computeValue(Class<?> type) {
            return accessorsOf(type);
        }
    };

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
        Method accessor = accessor(row.getClass(), field.getName());
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

    /** The shared accessor of {@code name} on the record type, or null if it has none. */
    static Method accessor(Class<?> type, String name) {
        return ACCESSORS.get(type).get(name);
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
        return Map.copyOf(byName);
    }
}
